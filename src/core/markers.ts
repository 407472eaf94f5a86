/**
 * Heading markers (结构层次序数): recognising every form of DOMAIN.md §1's table at the start of a
 * line's content, with its level, number and how it departs from the canonical form, and rendering
 * a number as the canonical marker of any level.
 */
import {
  CHINESE_NUMERAL_CLASS,
  hasFullWidthDigit,
  parseArabic,
  parseChineseNumeral,
  parseCircled,
  parseDigitFullStop,
  parseParenthesizedDigit,
  toChineseNumeral,
  toCircled,
} from './numerals';

/** 0 = part title (第一部分, 第一章, §1., 附件1, 名词解释), 1 = 一、, 2 = （一）, 3 = 1., 4 = （1）, 5 = ①. */
export type HeadingLevel = 0 | 1 | 2 | 3 | 4 | 5;

/** Ways a marker departs from its level's canonical form; empty when canonical. */
export type MarkerDeviation =
  | 'half-width-bracket' // (一) （一) (1)
  | 'missing-open-bracket' // 1） 1)
  | 'wrong-separator' // 一. 一， 1、 1．
  | 'missing-separator' // 一 总体要求, 1 总体要求
  | 'extra-punctuation' // （一）、 ①、
  | 'full-width-digit' // １. （１）
  | 'legacy-character'; // ⑴ ⒈

export interface Marker {
  level: HeadingLevel;
  /** Parsed number (part titles: the part's number, or 0 when it has none). */
  number: number;
  /** The marker exactly as written, without the space that may follow it. */
  text: string;
  /** UTF-16 offset of the marker in the string that was matched. */
  start: number;
  end: number;
  /** UTF-16 offsets of the numeral inside the marker (for renumbering without touching the rest). */
  numeralStart: number;
  numeralEnd: number;
  /** Canonical marker of the same level and number. */
  canonical: string;
  deviations: MarkerDeviation[];
}

const CN = `[${CHINESE_NUMERAL_CLASS}]{1,5}`;
const DIGITS = '[0-9０-９]{1,3}';
const CIRCLED = '[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]';

/**
 * A character that can begin heading text: CJK (astral extensions too), a letter, a digit, an
 * opening quote or bracket, `*`/`_` (Markdown emphasis may open the title: 一、**总体要求**), and an
 * emoji or pictograph (一、😀开场, 一、★重点): a reader takes those as part of the heading's text.
 */
const TEXT_START = /^[\p{L}\p{N}\p{Extended_Pictographic}\p{Regional_Indicator}“‘「『《〈【（(“"'*_\u3400-\u9fff]/u;
/** Chinese text right after a space that stands for the separator (一 总体要求). */
const HAN_START = /^[\p{sc=Han}“《]/u;
/**
 * Invisible characters a reader does not see: zero-width space, non-joiner and joiner, word joiner,
 * and U+FEFF (a BOM left mid-file where two files were joined). Before a marker they are
 * indentation; between a marker and its text they are nothing.
 */
const INVISIBLE_CHARS = '\u200b\u200c\u200d\u2060\ufeff';
const INVISIBLE = new Uint8Array(0x10000);
for (const ch of INVISIBLE_CHARS) INVISIBLE[ch.charCodeAt(0)] = 1;
const INVISIBLE_RUN = new RegExp(`[${INVISIBLE_CHARS}]`, 'g');

/** True for a code unit a reader does not see (see INVISIBLE). */
export function isInvisible(code: number): boolean {
  return INVISIBLE[code] === 1;
}

/** `s` without the characters a reader does not see (a title as a reader sees it has none). */
export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE_RUN, '');
}

/** Offset in `s` of the first character at or after `from` that is neither invisible nor, once an invisible one was seen, a space. */
function skipInvisible(s: string, from: number): number {
  let i = from;
  let seen = false;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (INVISIBLE[c] === 1) seen = true;
    else if (!(seen && (c === 0x20 || c === 0x09 || c === 0x3000))) break;
  }
  return i;
}

/** `s` after its leading spaces and invisible characters. */
function trimStartVisible(s: string): string {
  let i = 0;
  while (i < s.length && (INVISIBLE[s.charCodeAt(i)] === 1 || /[ \t\u3000]/.test(s[i]))) i++;
  return i === 0 ? s : s.slice(i);
}
/** Characters after "1 " that show a quantity ("3 个方面"), not a heading. */
const QUANTITY_AFTER_SPACE = /^[个项条名人次年月日号时分秒万亿元%％倍家所户位套台件种类批级届期]/;

// One pattern a level; each captures (open)(numeral)(close)(trailing punctuation).
const LEVEL1 = new RegExp(`^()(${CN})()([、.．，,:：]|[ \\u3000\\t]+)`);
const LEVEL2 = new RegExp(`^([（(])(${CN})([）)])([、.．，,]?)`);
const LEVEL3 = new RegExp(`^()(${DIGITS})()([.．、，,]|[ \\u3000\\t]+)`);
const LEVEL4 = new RegExp(`^([（(]?)(${DIGITS})([）)])([、.．，,]?)`);
const LEVEL5 = new RegExp(`^()(${CIRCLED})()([、.．，,]?)`);
const LEGACY = /^([\u2474-\u2487\u2488-\u249b])()/;
const PART = new RegExp(`^(第(${CN}|[0-9]{1,2})(?:部分|篇|章))`);
const APPENDIX = /^(附件|附表|附录)([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?(?=$|[：:\s\u3000]|[^\p{L}\p{N}])/u;
const GLOSSARY = /^名词解释(?=$|[：:\s\u3000])/u;
/** §1. §2 § 3、 — the parts of a plan; `§1.1` (a numbered sub-clause) is not a part. */
const SECTION_SIGN = /^(§[ \u3000]?)([0-9０-９]{1,2})([.．、]?)(?![0-9０-９.．])/;

/** Canonical markers by level and number (n ≤ 100 for markers): one string each, shared. */
const CANONICAL: string[][] = [[], [], [], [], [], []];
function canonicalMarker(level: HeadingLevel, n: number): string {
  if (n >= 0 && n <= 100) return (CANONICAL[level][n] ??= renderCanonical(level, n));
  return renderCanonical(level, n);
}

function renderCanonical(level: HeadingLevel, n: number): string {
  switch (level) {
    case 1: return `${toChineseNumeral(n)}、`;
    case 2: return `（${toChineseNumeral(n)}）`;
    case 3: return `${n}.`;
    case 4: return `（${n}）`;
    case 5: return toCircled(n);
    default: return '';
  }
}

/** Renders number `n` as the canonical marker of `level` (1–5). */
export function renderMarker(level: HeadingLevel, n: number): string {
  return canonicalMarker(level, n);
}

/**
 * Recognises a heading marker at offset `from` of `s` (the content of a line after indentation and
 * Markdown prefixes). Returns undefined when no marker is there or when it is not followed by
 * heading text (`2.5`, `2024年`, a bare `（`, `3 个方面`, `一` alone).
 */
export function matchMarker(s: string, from = 0): Marker | undefined {
  // A zero-width character or a stray BOM before the marker is invisible indentation.
  if (INVISIBLE[s.charCodeAt(from)] === 1) from = skipInvisible(s, from);
  const rest = from === 0 ? s : s.slice(from);
  const first = rest.charCodeAt(0);
  if (Number.isNaN(first)) return undefined;
  let m: RegExpExecArray | null;
  // Dispatch on the first character to keep the per-line cost at one regex test at most.
  if (first === 0xff08 || first === 0x28) {
    // （ or (
    if ((m = LEVEL2.exec(rest))) return build(2, m, rest, from);
    if ((m = LEVEL4.exec(rest))) return build(4, m, rest, from);
    return undefined;
  }
  if ((first >= 0x30 && first <= 0x39) || (first >= 0xff10 && first <= 0xff19)) {
    if ((m = LEVEL4.exec(rest)) && m[1] === '') return build(4, m, rest, from);
    if ((m = LEVEL3.exec(rest))) return build(3, m, rest, from);
    return undefined;
  }
  if ((first >= 0x2460 && first <= 0x2473) || (first >= 0x3251 && first <= 0x325f) || (first >= 0x32b1 && first <= 0x32bf)) {
    if ((m = LEVEL5.exec(rest))) return build(5, m, rest, from);
    return undefined;
  }
  if (first >= 0x2474 && first <= 0x249b) {
    if ((m = LEGACY.exec(rest))) return buildLegacy(m, rest, from);
    return undefined;
  }
  if (CHINESE_NUMERAL_CLASS.includes(rest[0])) {
    if ((m = LEVEL1.exec(rest))) return build(1, m, rest, from);
    return undefined;
  }
  if (first === 0x7b2c /* 第 */) {
    if ((m = PART.exec(rest))) {
      const n = parseChineseNumeral(m[2]) ?? parseArabic(m[2]);
      if (n === undefined) return undefined;
      return { level: 0, number: n, text: m[1], start: from, end: from + m[1].length, numeralStart: from + 1, numeralEnd: from + 1 + m[2].length, canonical: m[1], deviations: [] };
    }
    return undefined;
  }
  if (first === 0x9644 /* 附 */) {
    if ((m = APPENDIX.exec(rest))) {
      const num = m[2] ? (parseArabic(m[2]) ?? parseChineseNumeral(m[2]) ?? 0) : 0;
      const ns = from + m[1].length;
      return { level: 0, number: num, text: m[0], start: from, end: from + m[0].length, numeralStart: ns, numeralEnd: ns + (m[2]?.length ?? 0), canonical: m[0], deviations: [] };
    }
    return undefined;
  }
  if (first === 0xa7 /* § */) {
    if ((m = SECTION_SIGN.exec(rest))) {
      const n = parseArabic(m[2]);
      if (n === undefined || n === 0) return undefined;
      const ns = from + m[1].length;
      return { level: 0, number: n, text: m[0], start: from, end: from + m[0].length, numeralStart: ns, numeralEnd: ns + m[2].length, canonical: m[0], deviations: [] };
    }
    return undefined;
  }
  if (first === 0x540d /* 名 */ && GLOSSARY.test(rest)) {
    return { level: 0, number: 0, text: '名词解释', start: from, end: from + 4, numeralStart: from, numeralEnd: from, canonical: '名词解释', deviations: [] };
  }
  return undefined;
}

const NO_DEVIATIONS: MarkerDeviation[] = [];

function build(level: HeadingLevel, m: RegExpExecArray, rest: string, from: number): Marker | undefined {
  const [all, open, numeral, close, trail] = m;
  const after = rest.slice(all.length);
  const afterTrim = trimStartVisible(after);
  // A marker must be followed by heading text.
  if (afterTrim.length === 0 || !TEXT_START.test(afterTrim)) return undefined;
  let n: number | undefined;
  if (level === 1 || level === 2) n = parseChineseNumeral(numeral);
  else if (level === 5) n = parseCircled(numeral);
  else n = parseArabic(numeral);
  if (n === undefined || n === 0 || n > 100) return undefined;

  const deviations: MarkerDeviation[] = [];
  const sep = trail.trim();
  const spaceOnly = trail.length > 0 && sep.length === 0;
  const text = open + numeral + close + sep;
  switch (level) {
    case 1:
      if (spaceOnly) {
        // 一 总体要求: only when the text is Chinese, so "一 a" or a lone numeral stays body text.
        if (!HAN_START.test(afterTrim)) return undefined;
        deviations.push('missing-separator');
      } else if (sep !== '、') {
        // 一，/一: at the start of a sentence are rare outside headings; "一." is a classic slip.
        deviations.push('wrong-separator');
      }
      break;
    case 2:
      if (open !== '（' || close !== '）') deviations.push('half-width-bracket');
      if (sep) deviations.push('extra-punctuation');
      break;
    case 3: {
      // "2.5", "1.5万元": a decimal; "1、2、3": a run of numbers. Neither is a marker.
      if (/^[0-9０-９]/.test(after)) return undefined;
      if (spaceOnly) {
        if (!HAN_START.test(afterTrim) || QUANTITY_AFTER_SPACE.test(afterTrim)) return undefined;
        deviations.push('missing-separator');
      } else if (sep !== '.') {
        deviations.push('wrong-separator');
      }
      if (hasFullWidthDigit(numeral)) deviations.push('full-width-digit');
      break;
    }
    case 4:
      if (open === '') deviations.push('missing-open-bracket');
      else if (open !== '（' || close !== '）') deviations.push('half-width-bracket');
      if (sep) deviations.push('extra-punctuation');
      if (hasFullWidthDigit(numeral)) deviations.push('full-width-digit');
      // "（1）班" is a class name, not a marker. (Headings may start with 年/月: （3）年终考核.)
      if (/^班/.test(after)) return undefined;
      break;
    case 5:
      if (sep) deviations.push('extra-punctuation');
      break;
  }
  return {
    level,
    number: n,
    text,
    start: from,
    end: from + text.length,
    numeralStart: from + open.length,
    numeralEnd: from + open.length + numeral.length,
    canonical: canonicalMarker(level, n),
    // Most markers have no deviation: they share one empty list (never written to).
    deviations: deviations.length ? deviations : NO_DEVIATIONS,
  };
}

function buildLegacy(m: RegExpExecArray, rest: string, from: number): Marker | undefined {
  const ch = m[1];
  const after = trimStartVisible(rest.slice(1));
  if (!TEXT_START.test(after)) return undefined;
  const p = parseParenthesizedDigit(ch);
  const level: HeadingLevel = p !== undefined ? 4 : 3;
  const n = p ?? parseDigitFullStop(ch) ?? 0;
  return { level, number: n, text: ch, start: from, end: from + 1, numeralStart: from, numeralEnd: from + 1, canonical: canonicalMarker(level, n), deviations: ['legacy-character'] };
}
