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
  if (text.indexOf('\r') < 0) {
    // Fast path (almost every file): only \n, found with indexOf instead of a loop over every character.
    let start = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      lines.push(text.slice(start, i));
      eols.push('\n');
      start = i + 1;
    }
    lines.push(text.slice(start));
    eols.push('');
    return { lines, eols };
  }
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

/** Offsets of the start of each line of `body` (the text after any BOM): the lines `splitLines` gives, as offsets. */
export function lineStarts(body: string): number[] {
  const starts = [0];
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 13) {
      if (body.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) starts.push(i + 1);
  }
  return starts;
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

/** What each BMP code unit counts as: 0 nothing (space, BOM, controls), 1 punctuation, 2 content. */
let CLASSES: Uint8Array | undefined;
function charClasses(): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // surrogates: see countChars
    if (c < 0x80) {
      // ASCII: letters and digits are content; controls, space and DEL count as nothing.
      t[c] = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? 2 : c > 0x20 && c !== 0x7f ? 1 : 0;
    } else if (c >= 0x4e00 && c <= 0x9fff) {
      t[c] = 2; // CJK Unified Ideographs, assigned or not
    } else {
      const ch = String.fromCharCode(c);
      t[c] = WS.test(ch) || ch === BOM ? 0 : WORD.test(ch) ? 2 : 1;
    }
  }
  return t;
}

/**
 * Character counts of a string: `content` counts Han characters, letters and digits (DOMAIN §4),
 * `withPunctuation` every character that is not white space. Astral characters count once.
 */
export function countChars(s: string): { content: number; withPunctuation: number } {
  const table = (CLASSES ??= charClasses());
  let content = 0;
  let withPunctuation = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      // A surrogate pair is one character; a lone half is classified as itself, as before.
      let ch = s[i];
      if (c <= 0xdbff && i + 1 < n) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          ch = s.slice(i, i + 2);
          i++;
        }
      }
      if (WS.test(ch)) continue;
      withPunctuation++;
      if (WORD.test(ch)) content++;
      continue;
    }
    const k = table[c];
    if (k === 0) continue;
    withPunctuation++;
    if (k === 2) content++;
  }
  return { content, withPunctuation };
}
