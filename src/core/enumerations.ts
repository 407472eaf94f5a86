/**
 * Inline enumerations (序次语): 一是/二是, 一要, 一抓, 其一, 第一， and 首先/其次/再次/最后, found
 * only after a sentence boundary so that 统一是, 第一次 and 一是一，二是二 stay prose, and not in
 * ordinal compounds such as 第一、二轮 or 第一、第三产业. `rules/enumerations.ts` groups them into runs.
 */
import type { LineContext } from './markdown';
import { parseChineseNumeral } from './numerals';
import type { Heading } from './parser';

export type EnumerationFamily = '是' | '要' | '抓' | '其' | '第' | '首先';

export interface EnumerationItem {
  /** 0-based line and UTF-16 columns of the marker (`二是`, `第二`, `其次`). */
  line: number;
  start: number;
  end: number;
  family: EnumerationFamily;
  /** 1, 2, 3 …; for 最后 the value -1 (last of the run). */
  number: number;
  text: string;
  /** Punctuation written right after the marker ('，', '、', '：' or ''). */
  separator: string;
  /** Index in `headings` of the heading whose section holds the item, or -1 before any heading. */
  heading: number;
  /** The sentence boundary right before the marker ('：', '；', '。', a space …), or '' where the scan starts. */
  boundary: string;
  /** The marker opens its paragraph: only spaces or `*` before it on the line (after a heading's marker). */
  opens: boolean;
}

const CN = '[一二三四五六七八九十]{1,3}';
const ITEM = new RegExp(
  // 一是一，二是二 and the idiom 一抓到底 are prose, not enumerations.
  `(${CN})([是要抓])(?!${CN}(?:[，,。；;！？!?、]|$)|到底)|其(${CN})(?=[，,、是：:])|第(${CN})(?=[，,、：:])|(首先|其次|再次|最后)(?=[，,、：:]|[是要])`,
  'y',
);
/** Characters an item can start with. */
const ITEM_START = new Uint8Array(0x10000);
for (const ch of '一二三四五六七八九十其第首再最') ITEM_START[ch.charCodeAt(0)] = 1;
/** Sentence boundaries that may stand before Markdown emphasis that opens an item. */
const BOUNDARY_BEFORE_EMPHASIS = new Set('。；：，！？;:,!? \t\u3000\u00a0');
/**
 * A sentence boundary before an item (DOMAIN §2: 。；：， and their half-width forms, ！？, space;
 * `*` of Markdown bold), then a character an item can start with.
 */
const CANDIDATE = /[。；：，！？;:,!? \t\u3000\u00a0*][一二三四五六七八九十其第首再最]/g;
const ORDER: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 最后: -1 };
const NUMERAL = /[一二三四五六七八九十]{1,3}/y;
const SPACE = /[ \t\u3000\u00a0*]/;

/**
 * 第一、二轮, 第一、第三产业, 第二、三季度: after 第X、 comes a larger numeral (with or without 第),
 * so the 第X is the first of a compound of ordinals that qualifies a noun, not an item of an
 * enumeration. (第一、一些地方… has a smaller or equal numeral: an item written with the wrong mark.)
 */
function ordinalCompound(line: string, after: number, n: number): boolean {
  const at = line[after] === '第' ? after + 1 : after;
  NUMERAL.lastIndex = at;
  const m = NUMERAL.exec(line);
  if (!m) return false;
  const next = parseChineseNumeral(m[0]);
  return next !== undefined && next > n;
}

/** Scans body text (and the text after a heading's marker) for enumeration markers. */
export function findEnumerations(
  lines: readonly string[],
  contexts: readonly LineContext[],
  headings: readonly Heading[],
  listItems: readonly Heading[],
  titleLine: number,
  titleEnd = titleLine,
): EnumerationItem[] {
  const out: EnumerationItem[] = [];
  const scanFrom = new Map<number, number>();
  for (const h of headings) scanFrom.set(h.line, h.marker.end);
  for (const h of listItems) scanFrom.set(h.line, h.marker.end);
  let hi = -1;
  for (let i = 0; i < lines.length; i++) {
    while (hi + 1 < headings.length && headings[hi + 1].line <= i) hi++;
    const ctx = contexts[i];
    if (ctx.kind !== 'text' || (i >= titleLine && i <= titleEnd)) continue;
    const line = lines[i];
    const from = scanFrom.get(i) ?? ctx.contentStart;
    let content = from;
    while (content < line.length && SPACE.test(line[content])) content++;
    // Candidates: where the scan starts, and every item-start character right after a sentence
    // boundary, found by one regex search (a few positions a line instead of every character).
    CANDIDATE.lastIndex = from;
    for (let at = from, first = true; ; first = false) {
      if (!first) {
        const c = CANDIDATE.exec(line);
        if (!c) break;
        at = c.index + 1;
        // Markdown emphasis counts as a boundary where the scan starts (**一是…) or when a sentence
        // boundary stands before it (**（三）……短板。**一是…); elsewhere (统**一是**) it does not.
        if (line[c.index] === '*') {
          let k = c.index;
          while (k > from && line[k - 1] === '*') k--;
          if (k > from && !BOUNDARY_BEFORE_EMPHASIS.has(line[k - 1])) continue;
        }
      }
      if (ITEM_START[line.charCodeAt(at)] !== 1) continue;
      ITEM.lastIndex = at;
      const m = ITEM.exec(line);
      if (!m) continue;
      let family: EnumerationFamily;
      let number: number | undefined;
      if (m[1] !== undefined) {
        family = m[2] as EnumerationFamily;
        number = parseChineseNumeral(m[1]);
      } else if (m[3] !== undefined) {
        family = '其';
        number = parseChineseNumeral(m[3]);
      } else if (m[4] !== undefined) {
        family = '第';
        number = parseChineseNumeral(m[4]);
      } else {
        family = '首先';
        number = ORDER[m[5]];
      }
      if (number === undefined) continue;
      const end = at + m[0].length;
      const next = line[end] ?? '';
      if (family === '第' && next === '、' && ordinalCompound(line, end + 1, number)) continue;
      out.push({
        line: i,
        start: at,
        end,
        family,
        number,
        text: m[0],
        separator: /[，,、：:]/.test(next) ? next : '',
        heading: hi,
        boundary: at === from ? '' : line[at - 1],
        opens: at <= content,
      });
      CANDIDATE.lastIndex = Math.max(CANDIDATE.lastIndex, end - 1);
    }
  }
  return out;
}
