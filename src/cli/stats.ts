/**
 * `speech-draft stats FILE [--format text|json] [--rate N] [--keywords N]`: the length of a text
 * and the time it takes to speak (DOMAIN §4), in total and per section. Any text gets its totals;
 * drafts also get the table of their sections. With `--keywords N`, the top N TF-IDF keywords of
 * the text and of its sections (src/core/keywords.ts) from the word-segmentation child process.
 */
import * as path from 'node:path';
import { type DraftKeywords, keywordTexts, MAX_KEYWORDS, MIN_KEYWORDS, nothingToRank, parseKeywordCount, rankKeywords, type WordWeight } from '../core/keywords';
import { escapeControls, safeJsonStringify } from '../core/escape';
import { type Locale, message } from '../core/messages';
import { formatCount, headingLabel } from '../core/outline';
import { type DraftModel, parseDraft } from '../core/parser';
import { DEFAULT_RATE, type DraftStats, draftStats, formatMinutes, MAX_CLI_RATE, roundMinutes, type SectionStats, sectionRows } from '../core/stats';
import type { Segmenter } from '../segment/client';
import { checkCommandOptions, oneOf, type ParsedArgs, stringOption, UsageError } from './args';
import { bundledSegmenter, type CliParams, disposeSegmenter, segmentationReason, EXIT_ERROR, EXIT_OK, isMarkdownPath, readInput, reportError } from './io';

/**
 * A section in the JSON contract: the outline's fields plus `minutes` (rounded to one decimal);
 * with `--keywords`, `keywords` on the sections that are ranked (top level and their children), and
 * `keywordsTruncated: true` when the section's text was cut before ranking.
 */
export interface SectionStatsJson extends Omit<SectionStats, 'children'> {
  keywords?: WordWeight[];
  keywordsTruncated?: true;
  children: SectionStatsJson[];
}

/**
 * The JSON contract of `stats --format json`. `keywords` (and `keywordsTruncated`) only with
 * `--keywords N` and when word segmentation works.
 */
export interface StatsJson {
  file: string;
  title: string | null;
  rate: number;
  totals: { chars: number; charsWithPunctuation: number; minutes: number; headings: number; paragraphs: number };
  keywords?: WordWeight[];
  keywordsTruncated?: true;
  sections: SectionStatsJson[];
}

function sectionJson(s: SectionStats, keywords: DraftKeywords | undefined): SectionStatsJson {
  const words = keywords?.sections.get(s.line);
  return {
    level: s.level,
    marker: s.marker,
    number: s.number,
    title: s.title,
    line: s.line,
    endLine: s.endLine,
    chars: s.chars,
    charsWithPunctuation: s.charsWithPunctuation,
    minutes: roundMinutes(s.minutes),
    ...(words ? { keywords: words } : {}),
    ...(words && keywords?.truncated.sections.has(s.line) ? { keywordsTruncated: true as const } : {}),
    children: s.children.map((c) => sectionJson(c, keywords)),
  };
}

export function statsJson(file: string, stats: DraftStats, keywords?: DraftKeywords): StatsJson {
  const t = stats.totals;
  return {
    file,
    title: stats.title,
    rate: stats.rate,
    totals: {
      chars: t.chars,
      charsWithPunctuation: t.charsWithPunctuation,
      minutes: roundMinutes(t.minutes),
      headings: t.headings,
      paragraphs: t.paragraphs,
    },
    ...(keywords ? { keywords: keywords.document } : {}),
    ...(keywords?.truncated.document ? { keywordsTruncated: true as const } : {}),
    sections: stats.sections.map((s) => sectionJson(s, keywords)),
  };
}

// ---- terminal display width -----------------------------------------------------------------

/** East Asian Wide and Fullwidth ranges (and the common emoji blocks): two terminal columns. */
const WIDE: readonly [number, number][] = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf],
  [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x1f300, 0x1f64f], [0x1f900, 0x1f9ff], [0x20000, 0x3fffd],
];

/** Columns one character (code point) takes in a terminal: 2 for wide, 0 for combining marks and controls, else 1. */
export function charWidth(cp: number): number {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0xfeff) return 0;
  if (cp < 0x1100) return 1;
  for (const [lo, hi] of WIDE) if (cp >= lo && cp <= hi) return 2;
  return 1;
}

/** Columns a string takes in a terminal (ambiguous-width characters such as “ ” … count one). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/** `s` cut to at most `max` columns, ending in `…` when cut. */
export function truncateToWidth(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = charWidth(ch.codePointAt(0)!);
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}

function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

// ---- text output ----------------------------------------------------------------------------

/** The widest the section column gets (indent included); longer headings are cut with `…`. */
export const SECTION_COLUMN_MAX = 48;

/** 200 → "200", 1500 → "1,500", 152.5 → "152.5". */
function formatRate(rate: number): string {
  return Number.isInteger(rate) ? formatCount(rate) : String(rate);
}

/** `关键词：产教融合、思政课` / `Keywords: a, b`, with a note when the text was cut before ranking. */
export function keywordsLine(locale: Locale, words: readonly WordWeight[], truncated: boolean, maxChars: number): string {
  const list = words.length > 0 ? words.map((w) => escapeControls(w.word)).join(message(locale, 'keywordSeparator')) : message(locale, 'keywordsNone');
  return message(locale, 'statsKeywords', list) + (truncated ? message(locale, 'keywordsTruncated', formatCount(maxChars)) : '');
}

/**
 * The text report: the title, the totals (`7,512 字（含标点 8,330）· 约 38 分钟（每分钟 200 字）`),
 * the numbers of headings and paragraphs, then a table of the sections indented by depth. With
 * keywords: a `关键词：…` line after the totals and under each ranked section's row.
 */
export function statsText(stats: DraftStats, locale: Locale, keywords?: DraftKeywords): string {
  const t = stats.totals;
  const out: string[] = [];
  // Titles and keywords are the document's text, printed on a terminal: control characters escaped.
  if (stats.title !== null) out.push(escapeControls(stats.title));
  out.push(message(locale, 'statsTotals', formatCount(t.chars), formatCount(t.charsWithPunctuation), formatMinutes(t.minutes, locale), formatRate(stats.rate)));
  const count = (n: number, noun: 'heading' | 'paragraph') => message(locale, `${noun}${n === 1 ? 'One' : 'Many'}`, formatCount(n));
  out.push([count(t.headings, 'heading'), count(t.paragraphs, 'paragraph')].join(message(locale, 'countSeparator')));
  if (keywords) out.push(keywordsLine(locale, keywords.document, keywords.truncated.document, keywords.maxChars));
  const rows = sectionRows(stats.sections);
  if (rows.length === 0) {
    out.push(message(locale, 'noHeadings'));
    return out.join('\n');
  }
  const cells = rows.map(({ depth, section: s }) => [
    truncateToWidth(`${'  '.repeat(depth)}${escapeControls(headingLabel(s))}`, SECTION_COLUMN_MAX),
    s.line === s.endLine ? `${s.line}` : `${s.line}-${s.endLine}`,
    formatCount(s.chars),
    roundMinutes(s.minutes).toFixed(1),
  ]);
  const header = [
    message(locale, 'statsColumnSection'),
    message(locale, 'statsColumnLines'),
    message(locale, 'statsColumnChars'),
    message(locale, 'statsColumnMinutes'),
  ];
  // A loop, not Math.max(...cells): 150,000 sections as arguments overflow the call stack.
  const widths = header.map((h, i) => {
    let w = displayWidth(h);
    for (const c of cells) w = Math.max(w, displayWidth(c[i]));
    return w;
  });
  // Section and lines left-aligned, numbers right-aligned.
  const line = (c: string[]) =>
    [padEnd(c[0], widths[0]), padEnd(c[1], widths[1]), padStart(c[2], widths[2]), padStart(c[3], widths[3])].join('  ').trimEnd();
  out.push('', line(header));
  rows.forEach(({ depth, section }, i) => {
    out.push(line(cells[i]));
    const words = keywords?.sections.get(section.line);
    if (keywords && words) {
      out.push('  '.repeat(depth + 1) + keywordsLine(locale, words, keywords.truncated.sections.has(section.line), keywords.maxChars));
    }
  });
  return out.join('\n');
}

// ---- the command ----------------------------------------------------------------------------

/** The value of --rate: a number above 0 and at most MAX_CLI_RATE, else a usage error. */
export function parseRate(locale: Locale, value: string | undefined): number {
  if (value === undefined) return DEFAULT_RATE;
  const rate = /^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(value) ? Number(value) : NaN;
  if (!(rate > 0 && rate <= MAX_CLI_RATE)) throw new UsageError(message(locale, 'badRate', value, formatCount(MAX_CLI_RATE)));
  return rate;
}

/** The value of --keywords: a whole number in MIN_KEYWORDS..MAX_KEYWORDS, else a usage error; undefined when absent. */
export function parseKeywordsOption(locale: Locale, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = parseKeywordCount(value);
  if (n === undefined) throw new UsageError(message(locale, 'badKeywords', value, MIN_KEYWORDS, MAX_KEYWORDS));
  return n;
}

/**
 * The keywords of a parsed text, or undefined after one line on stderr when word segmentation
 * cannot give them. The segmenter is started only when there is text to rank, and always disposed.
 */
export async function statsKeywords(p: CliParams, locale: Locale, model: DraftModel, topN: number): Promise<DraftKeywords | undefined> {
  const texts = keywordTexts(model);
  if (nothingToRank(texts)) return rankKeywords(texts, topN, async () => []);
  let segmenter: Segmenter | undefined;
  try {
    segmenter = (p.createSegmenter ?? bundledSegmenter)();
    const s = segmenter;
    return await rankKeywords(texts, topN, (text, n) => s.extract(text, n));
  } catch (err) {
    reportError(p, message(locale, 'keywordsUnavailable', segmentationReason(locale, err)));
    return undefined;
  } finally {
    if (segmenter) await disposeSegmenter(segmenter);
  }
}

export async function statsCommand(p: CliParams, locale: Locale, args: ParsedArgs): Promise<number> {
  checkCommandOptions(locale, args, 'stats');
  if (args.positional.length !== 1) throw new UsageError(message(locale, 'needOneFile', 'stats'));
  const format = oneOf(locale, args.options.get('--format'), ['text', 'json'], 'text');
  const rate = parseRate(locale, stringOption(args, '--rate'));
  const topN = parseKeywordsOption(locale, stringOption(args, '--keywords'));
  const file = args.positional[0];
  const input = await readInput(p, locale, file);
  if (input === undefined) return EXIT_ERROR;
  const model = parseDraft(input.decoded.text, { markdown: isMarkdownPath(file) });
  const stats = draftStats(model, { rate });
  // Without --keywords no segmentation happens: stats stays fast and works without nodejieba.
  const keywords = topN === undefined ? undefined : await statsKeywords(p, locale, model, topN);
  if (format === 'json') p.stdout(safeJsonStringify(statsJson(file, stats, keywords), 2) + '\n');
  else p.stdout(statsText(stats, locale, keywords) + '\n');
  return EXIT_OK;
}
