/**
 * Text primitives shared by the parser, the rules and the CLI: line splitting that matches VS Code
 * (CRLF, LF and lone CR all end a line), BOM handling and the character counts writers plan by.
 */

export const BOM = '\uFEFF';

export interface SplitText {
  lines: string[];
  /** Line terminators, one per line ('' for the last line). */
  eols: string[];
}

/** Splits like VS Code's text model: \r\n, \n and \r each end a line. */
export function splitLines(text: string): SplitText {
  const lines: string[] = [];
  const eols: string[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push(text.slice(start, i));
      if (c === 13 && text.charCodeAt(i + 1) === 10) {
        eols.push('\r\n');
        i++;
      } else {
        eols.push(c === 13 ? '\r' : '\n');
      }
      start = i + 1;
    }
  }
  lines.push(text.slice(start));
  eols.push('');
  return { lines, eols };
}

/** The most common line terminator of a text, for writing new lines in its style. */
export function dominantEol(text: string): string {
  let crlf = 0, lf = 0, cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) { crlf++; i++; } else cr++;
    } else if (c === 10) lf++;
  }
  if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}

const WS = /\s/;
const WORD = /[\p{L}\p{N}]/u;

/**
 * Character counts of a string: `content` counts Han characters, letters and digits (DOMAIN §4),
 * `withPunctuation` every character that is not white space. Astral characters count once.
 */
export function countChars(s: string): { content: number; withPunctuation: number } {
  let content = 0;
  let withPunctuation = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Fast paths for the common cases: CJK Unified Ideographs, ASCII.
    if (c >= 0x4e00 && c <= 0x9fff) { content++; withPunctuation++; continue; }
    if (c < 0x80) {
      if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) { content++; withPunctuation++; }
      else if (c > 0x20 && c !== 0x7f) withPunctuation++;
      continue;
    }
    let ch: string;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        ch = s.slice(i, i + 2);
        i++;
      } else ch = s[i];
    } else ch = s[i];
    if (WS.test(ch) || ch === BOM) continue;
    withPunctuation++;
    if (WORD.test(ch)) content++;
  }
  return { content, withPunctuation };
}

/** True when a text looks binary: a NUL in its first 8 KiB. */
export function looksBinary(text: string): boolean {
  const end = Math.min(text.length, 8192);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 0) return true;
  return false;
}
