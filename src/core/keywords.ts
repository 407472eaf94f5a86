/**
 * Keywords of a draft (issue #5 part 4): which text the whole document and each section give to
 * TF-IDF keyword extraction, and how the results are merged and shown. Pure: the extraction itself
 * is a function passed in (the segmenter's `extract`), so the CLI and the extension share this and
 * the tests run it without nodejieba.
 *
 * Bounds, so that a 10 MB file does not send 10 MB per section: only top-level sections and their
 * direct children are ranked (deeper sections are short and their words are in their parent's),
 * and each text is cut at MAX_KEYWORD_TEXT characters (the result says so).
 */
import type { DraftModel, Section } from './parser';

/** A keyword with its TF-IDF weight rounded to three decimals. */
export interface WordWeight {
  word: string;
  weight: number;
}

/** The most characters of one text sent to keyword extraction. */
export const MAX_KEYWORD_TEXT = 200_000;
/** Sections ranked: depth 0 (top level) and 1 (their direct children). */
export const MAX_KEYWORD_DEPTH = 1;
/** Bounds of the number of keywords asked for (`--keywords N`). */
export const MIN_KEYWORDS = 1;
export const MAX_KEYWORDS = 50;
/** The number of keywords when nothing else is asked for (the VS Code command). */
export const DEFAULT_KEYWORDS = 10;

export interface KeywordText {
  text: string;
  /** The text was cut at `maxChars`. */
  truncated: boolean;
}

export interface SectionKeywordText extends KeywordText {
  /** 1-based line of the section's heading: the `line` of OutlineNode / SectionStats. */
  line: number;
  /** 0 for a top-level section, 1 for its children. */
  depth: number;
}

export interface KeywordTexts {
  document: KeywordText;
  /** The sections to rank, in document order. */
  sections: SectionKeywordText[];
}

export interface KeywordTextOptions {
  /** Deepest section depth ranked (default MAX_KEYWORD_DEPTH). */
  maxDepth?: number;
  /** Characters per text (default MAX_KEYWORD_TEXT). */
  maxChars?: number;
}

/**
 * The text of lines `from`..`to` (0-based, inclusive) that the model counts: text lines only, so
 * Markdown code, front matter, comments and link definitions stay out; Markdown line prefixes
 * (`## `, `> `, list markers) are dropped. Stops once `maxChars` is exceeded.
 */
function linesText(model: DraftModel, from: number, to: number, maxChars: number): KeywordText {
  const parts: string[] = [];
  let length = 0;
  const last = Math.min(to, model.lines.length - 1);
  for (let i = Math.max(0, from); i <= last; i++) {
    const context = model.contexts[i];
    if (context.kind !== 'text') continue;
    const line = model.lines[i].slice(context.contentStart);
    parts.push(line);
    length += line.length + 1;
    if (length > maxChars) break;
  }
  return cut(parts.join('\n'), maxChars);
}

/** `text` cut at `maxChars` UTF-16 units (never inside a surrogate pair). */
function cut(text: string, maxChars: number): KeywordText {
  if (text.length <= maxChars) return { text, truncated: false };
  let end = maxChars;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return { text: text.slice(0, end), truncated: true };
}

/**
 * The texts to rank: the whole document (title and body) and each section down to `maxDepth`,
 * heading line through its last line, children included.
 */
export function keywordTexts(model: DraftModel, options: KeywordTextOptions = {}): KeywordTexts {
  const maxDepth = options.maxDepth ?? MAX_KEYWORD_DEPTH;
  const maxChars = Math.max(1, options.maxChars ?? MAX_KEYWORD_TEXT);
  const sections: SectionKeywordText[] = [];
  const walk = (list: readonly Section[], depth: number) => {
    if (depth > maxDepth) return;
    for (const s of list) {
      sections.push({ line: s.heading.line + 1, depth, ...linesText(model, s.heading.line, s.endLine, maxChars) });
      walk(s.children, depth + 1);
    }
  };
  walk(model.sections, 0);
  return { document: linesText(model, 0, model.lines.length - 1, maxChars), sections };
}

/** A weight rounded to three decimals (0 for anything that is not a finite number). */
export function roundWeight(weight: number): number {
  return Number.isFinite(weight) ? Math.round(weight * 1000) / 1000 : 0;
}

/** Extraction results as `{word, weight}` with weights rounded to three decimals; malformed entries dropped. */
export function toWordWeights(results: readonly unknown[]): WordWeight[] {
  const out: WordWeight[] = [];
  for (const r of results) {
    const { word, weight } = (r ?? {}) as { word?: unknown; weight?: unknown };
    if (typeof word !== 'string' || word.trim() === '') continue;
    out.push({ word, weight: roundWeight(typeof weight === 'number' ? weight : Number.NaN) });
  }
  return out;
}

/** The extraction of a segmenter: TF-IDF keywords of one text, at most topN. */
export type ExtractKeywords = (text: string, topN: number) => Promise<readonly unknown[]>;

export interface DraftKeywords {
  document: WordWeight[];
  /** Keywords of the ranked sections, by 1-based heading line. */
  sections: Map<number, WordWeight[]>;
  /** Texts that were cut at MAX_KEYWORD_TEXT: `document` and/or heading lines. */
  truncated: { document: boolean; sections: Set<number> };
  /** The characters each text was cut at. */
  maxChars: number;
}

/** True when a text has something to rank (not only spaces). */
function hasText(t: KeywordText): boolean {
  return /\S/.test(t.text);
}

/**
 * Ranks the document and its sections, one request at a time (the segmenter answers in order
 * anyway, and a queue of large requests would run into its per-request timeout). An error of
 * `extract` propagates: the caller decides how to report it.
 */
export async function rankKeywords(
  texts: KeywordTexts,
  topN: number,
  extract: ExtractKeywords,
  maxChars: number = MAX_KEYWORD_TEXT,
): Promise<DraftKeywords> {
  const rank = async (t: KeywordText) => (hasText(t) ? toWordWeights(await extract(t.text, topN)) : []);
  const result: DraftKeywords = {
    document: await rank(texts.document),
    sections: new Map(),
    truncated: { document: texts.document.truncated, sections: new Set() },
    maxChars,
  };
  for (const s of texts.sections) {
    result.sections.set(s.line, await rank(s));
    if (s.truncated) result.truncated.sections.add(s.line);
  }
  return result;
}

/** True when there is nothing to rank at all (no segmenter needs to be started). */
export function nothingToRank(texts: KeywordTexts): boolean {
  return !hasText(texts.document) && !texts.sections.some(hasText);
}

/** `产教融合、思政课` (or `a, b` with `separator` `, `); with weights: `产教融合 (0.512)、…`. */
export function formatKeywords(words: readonly WordWeight[], separator: string, withWeights = false): string {
  return words.map((w) => (withWeights ? `${w.word} (${w.weight})` : w.word)).join(separator);
}

/** The value of `--keywords`: an integer in MIN_KEYWORDS..MAX_KEYWORDS, else undefined. */
export function parseKeywordCount(value: string): number | undefined {
  if (!/^\s*\d+\s*$/.test(value)) return undefined;
  const n = Number(value);
  return n >= MIN_KEYWORDS && n <= MAX_KEYWORDS ? n : undefined;
}

/** What keywordsMarkdown writes around the keywords, in the display language. */
export interface KeywordsMarkdownStrings {
  /** The first heading (`# …`), e.g. `Keywords: 讲话稿.txt`. */
  heading: string;
  /** A line under it saying how the keywords were found. */
  intro: string;
  /** The label of the whole document's keywords, e.g. `Whole document`. */
  document: string;
  /** When a text gives no keyword. */
  none: string;
  /** The note for a text cut before ranking (it receives the number of characters, formatted). */
  truncated: (maxChars: string) => string;
  /** Between keywords: `, ` or `、`. */
  separator: string;
  /** 200000 → "200,000". */
  formatCount: (n: number) => string;
  /** A heading as a reader sees it (marker and title). */
  headingLabel: (section: Section) => string;
}

/** Markdown's inline special characters escaped, so that a heading or a word shows as written (it never starts a line). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

/**
 * The keywords as a Markdown document: the document's keywords under the first heading, then each
 * ranked section as `##` (top level) or `###` (its children), keywords as a list with weights in
 * parentheses.
 */
export function keywordsMarkdown(model: DraftModel, keywords: DraftKeywords, strings: KeywordsMarkdownStrings): string {
  const list = (words: readonly WordWeight[], truncated: boolean) => {
    const text = words.length > 0 ? words.map((w) => `${escapeMarkdown(w.word)} (${w.weight})`).join(strings.separator) : `_${strings.none}_`;
    return truncated ? `${text} _${strings.truncated(strings.formatCount(keywords.maxChars))}_` : text;
  };
  const out = [`# ${escapeMarkdown(strings.heading)}`, '', strings.intro, '', `**${escapeMarkdown(strings.document)}**: ${list(keywords.document, keywords.truncated.document)}`];
  const walk = (sections: readonly Section[], depth: number) => {
    for (const s of sections) {
      const line = s.heading.line + 1;
      const words = keywords.sections.get(line);
      if (!words) continue;
      out.push('', `${'#'.repeat(depth + 2)} ${escapeMarkdown(strings.headingLabel(s))}`, '', list(words, keywords.truncated.sections.has(line)));
      walk(s.children, depth + 1);
    }
  };
  walk(model.sections, 0);
  return out.join('\n') + '\n';
}
