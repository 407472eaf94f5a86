/**
 * Length and speaking time of a draft (DOMAIN §4): character counts of the whole text and of each
 * section, and the minutes they take to read aloud at a rate in characters a minute. Pure: the CLI
 * (`speech-draft stats`), the Outline's detail and the status bar share it.
 */
import type { Locale } from './messages';
import { formatCount, outlineJson, type OutlineNode } from './outline';
import type { DraftModel } from './parser';
import { countChars } from './text';

/** Characters a minute when nothing else is configured: between news reading (~268) and a report with applause (~150). */
export const DEFAULT_RATE = 200;
/** Bounds of the VS Code setting `speechDraft.speakingRate`. */
export const MIN_SETTING_RATE = 60;
export const MAX_SETTING_RATE = 600;
/** The largest rate the CLI accepts (`--rate`). */
export const MAX_CLI_RATE = 2000;

export interface StatsOptions {
  /** Characters a minute (default DEFAULT_RATE). */
  rate?: number;
}

export interface CharCounts {
  /** Han characters, letters and digits. */
  chars: number;
  /** Every non-space character. */
  charsWithPunctuation: number;
}

/** A section of the outline (OutlineNode's fields) with its speaking time. */
export interface SectionStats extends Omit<OutlineNode, 'children'> {
  /** Speaking time of `chars` at the rate, not rounded. */
  minutes: number;
  children: SectionStats[];
}

export interface StatsTotals extends CharCounts {
  minutes: number;
  /** Headings of the outline (list items excluded). */
  headings: number;
  /** Lines of text that are not the document title or a heading on its own line (a run-in heading's line counts). */
  paragraphs: number;
}

export interface DraftStats {
  title: string | null;
  rate: number;
  totals: StatsTotals;
  /** Sections nested as in the outline. */
  sections: SectionStats[];
}

/** A row of the per-section table: a section with its nesting depth (0 for top-level sections). */
export interface SectionRow {
  depth: number;
  section: SectionStats;
}

/** The rate to use: `rate` when it is a finite number above zero, else DEFAULT_RATE. */
export function effectiveRate(rate: number | undefined): number {
  return typeof rate === 'number' && Number.isFinite(rate) && rate > 0 ? rate : DEFAULT_RATE;
}

/** Minutes to speak `chars` characters at `rate` characters a minute. */
export function minutesFor(chars: number, rate: number = DEFAULT_RATE): number {
  return chars / effectiveRate(rate);
}

/** Minutes rounded to one decimal, as the JSON contract gives them. */
export function roundMinutes(minutes: number): number {
  return Math.round(minutes * 10) / 10;
}

/** Lines of body text: text lines other than the title and standalone headings. */
function paragraphCount(model: DraftModel): number {
  const skip = new Set<number>();
  if (model.title) for (let i = model.title.line; i <= model.title.endLine; i++) skip.add(i);
  for (const h of model.headings) if (!h.runIn) skip.add(h.line);
  let n = 0;
  for (let i = 0; i < model.lines.length; i++) {
    if (model.contexts[i].kind === 'text' && !skip.has(i)) n++;
  }
  return n;
}

function withMinutes(node: OutlineNode, rate: number): SectionStats {
  return {
    level: node.level,
    marker: node.marker,
    number: node.number,
    title: node.title,
    line: node.line,
    endLine: node.endLine,
    chars: node.chars,
    charsWithPunctuation: node.charsWithPunctuation,
    minutes: minutesFor(node.chars, rate),
    children: node.children.map((c) => withMinutes(c, rate)),
  };
}

/** Totals and per-section counts and speaking time of a parsed text (a draft or not). */
export function draftStats(model: DraftModel, options: StatsOptions = {}): DraftStats {
  const rate = effectiveRate(options.rate);
  const outline = outlineJson('', model);
  return {
    title: outline.title,
    rate,
    totals: {
      chars: model.chars,
      charsWithPunctuation: model.charsWithPunctuation,
      minutes: minutesFor(model.chars, rate),
      headings: model.headings.length,
      paragraphs: paragraphCount(model),
    },
    sections: outline.sections.map((s) => withMinutes(s, rate)),
  };
}

/** The sections depth first, each with its depth: the rows of the per-section table. */
export function sectionRows(sections: readonly SectionStats[]): SectionRow[] {
  const out: SectionRow[] = [];
  const walk = (list: readonly SectionStats[], depth: number) => {
    for (const section of list) {
      out.push({ depth, section });
      walk(section.children, depth + 1);
    }
  };
  walk(sections, 0);
  return out;
}

/**
 * Counts of a range of the text (a selection), 0-based lines and UTF-16 columns, end exclusive.
 * Lines the model does not count (Markdown code, front matter, comments) count nothing, so that a
 * selection of the whole document gives the document's counts.
 */
export function rangeCounts(model: DraftModel, startLine: number, startColumn: number, endLine: number, endColumn: number): CharCounts {
  let chars = 0;
  let charsWithPunctuation = 0;
  const last = Math.min(endLine, model.lines.length - 1);
  for (let i = Math.max(0, startLine); i <= last; i++) {
    const kind = model.contexts[i].kind;
    if (kind !== 'text' && kind !== 'blank') continue;
    const line = model.lines[i];
    const from = i === startLine ? startColumn : 0;
    const to = i === endLine ? endColumn : line.length;
    if (to <= from) continue;
    const c = countChars(from === 0 && to >= line.length ? line : line.slice(from, to));
    chars += c.content;
    charsWithPunctuation += c.withPunctuation;
  }
  return { chars, charsWithPunctuation };
}

/** A speaking time as a reader says it: whole minutes from one minute on, whole seconds below. */
export interface SpeakingTime {
  value: number;
  unit: 'min' | 's';
}

export function speakingTime(minutes: number): SpeakingTime {
  const m = Math.max(0, Number.isFinite(minutes) ? minutes : 0);
  const seconds = Math.round(m * 60);
  if (seconds < 60) return { value: seconds, unit: 's' };
  return { value: Math.max(1, Math.round(m)), unit: 'min' };
}

/** `约 38 分钟` / `about 38 min`; under a minute `约 40 秒` / `about 40 s`. */
export function formatMinutes(minutes: number, locale: Locale): string {
  const t = speakingTime(minutes);
  const n = formatCount(t.value);
  if (locale === 'zh-cn') return t.unit === 'min' ? `约 ${n} 分钟` : `约 ${n} 秒`;
  return t.unit === 'min' ? `about ${n} min` : `about ${n} s`;
}
