/**
 * Numerals of the heading markers, both ways: Chinese (一 … 九十九, 一百), Arabic (half- and
 * full-width) and circled digits (① … ㊿). Pure functions, no allocation beyond the result.
 */

const CHINESE_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const DIGIT_CHARS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Characters that may form a Chinese numeral in a marker. */
export const CHINESE_NUMERAL_CLASS = '一二三四五六七八九十百零〇两';

/**
 * Parses a Chinese numeral from 一 to 一百 (also 十一, 二十, 二十一, 一十一, 一百零一 … 九百九十九).
 * Returns undefined when the string is not a well-formed numeral.
 */
export function parseChineseNumeral(s: string): number | undefined {
  if (s.length === 0 || s.length > 7) return undefined;
  let total = 0;
  let rest = s;
  const hundred = rest.indexOf('百');
  if (hundred >= 0) {
    const h = hundred === 0 ? undefined : CHINESE_DIGITS[rest.slice(0, hundred)];
    if (hundred !== 1 || h === undefined || h === 0) return undefined;
    total += h * 100;
    rest = rest.slice(hundred + 1);
    if (rest.startsWith('零') || rest.startsWith('〇')) {
      rest = rest.slice(1);
      if (rest.length !== 1) return undefined; // 一百零五
    }
    if (rest.length === 0) return total;
  }
  const ten = rest.indexOf('十');
  if (ten >= 0) {
    let t = 1;
    if (ten === 1) {
      const d = CHINESE_DIGITS[rest[0]];
      if (d === undefined || d === 0) return undefined;
      t = d;
    } else if (ten !== 0) {
      return undefined;
    }
    total += t * 10;
    rest = rest.slice(ten + 1);
  }
  if (rest.length === 0) return total > 0 ? total : undefined;
  if (rest.length !== 1) return undefined;
  const u = CHINESE_DIGITS[rest];
  if (u === undefined || (u === 0 && total === 0)) return undefined;
  if (u === 0) return undefined;
  // 两 is a quantity word, never an ordinal digit in markers (两、 is not a heading).
  if (rest === '两') return undefined;
  return total + u;
}

/** Renders 1 … 999 as a Chinese numeral the way 公文 writes ordinals (十一, 二十, 一百零一). */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 1000) return String(n);
  let out = '';
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  if (h > 0) {
    out += DIGIT_CHARS[h] + '百';
    if (t === 0 && u > 0) return out + '零' + DIGIT_CHARS[u];
    if (t > 0) out += DIGIT_CHARS[t] + '十';
  } else if (t > 0) {
    out += (t === 1 ? '' : DIGIT_CHARS[t]) + '十';
  }
  return out + DIGIT_CHARS[u];
}

/** Parses half- or full-width Arabic digits ("12", "１２"). */
export function parseArabic(s: string): number | undefined {
  if (s.length === 0 || s.length > 6) return undefined;
  let n = 0;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    let d: number;
    if (c >= 0x30 && c <= 0x39) d = c - 0x30;
    else if (c >= 0xff10 && c <= 0xff19) d = c - 0xff10;
    else return undefined;
    n = n * 10 + d;
  }
  return n;
}

/** True when the string contains a full-width digit (０–９). */
export function hasFullWidthDigit(s: string): boolean {
  return /[０-９]/.test(s);
}

/** ① … ⑳ (U+2460), ㉑ … ㉟ (U+3251), ㊱ … ㊿ (U+32B1). */
export function parseCircled(ch: string): number | undefined {
  const c = ch.codePointAt(0) ?? 0;
  if (c >= 0x2460 && c <= 0x2473) return c - 0x2460 + 1;
  if (c >= 0x3251 && c <= 0x325f) return c - 0x3251 + 21;
  if (c >= 0x32b1 && c <= 0x32bf) return c - 0x32b1 + 36;
  return undefined;
}

export function toCircled(n: number): string {
  if (n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1);
  if (n >= 21 && n <= 35) return String.fromCodePoint(0x3251 + n - 21);
  if (n >= 36 && n <= 50) return String.fromCodePoint(0x32b1 + n - 36);
  return `(${n})`;
}

/** ⑴ … ⒇: parenthesized digits, a legacy form of level 4. */
export function parseParenthesizedDigit(ch: string): number | undefined {
  const c = ch.charCodeAt(0);
  return c >= 0x2474 && c <= 0x2487 ? c - 0x2474 + 1 : undefined;
}

/** ⒈ … ⒛: digit full stops, a legacy form of level 3. */
export function parseDigitFullStop(ch: string): number | undefined {
  const c = ch.charCodeAt(0);
  return c >= 0x2488 && c <= 0x249b ? c - 0x2488 + 1 : undefined;
}
