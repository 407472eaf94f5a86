import * as iconv from 'iconv-lite';

/**
 * Decoding and re-encoding files so that a fix keeps every byte it does not touch: the encoding
 * (UTF-8, UTF-16 or UTF-32 with a BOM, UTF-16 without one when its byte order is plain, or GB18030
 * as Chinese Windows writes it), the BOM and the line endings. What cannot be read for sure is
 * refused with a reason rather than guessed.
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: Encoding;
  bom: boolean;
}

export type DecodeFailure =
  /** NUL bytes and no text encoding that fits. */
  | 'binary'
  | 'too-large'
  /** Neither UTF-8 nor GB18030. */
  | 'undecodable'
  /** Starts with the BOM of `encoding` but the rest is not valid in it. */
  | 'invalid-bom'
  /** UTF-16 without a BOM, but both byte orders read as plausible text. */
  | 'utf-16-ambiguous'
  /** Mostly text in `encoding` (UTF-16 without a BOM) but with units no text has. */
  | 'utf-16-invalid'
  /** UTF-32 text without a BOM: its byte order is not stated, so it is not read. */
  | 'utf-32-no-bom';

export class DecodeError extends Error {
  constructor(
    readonly reason: DecodeFailure,
    message: string,
    /** The encoding the message names (invalid-bom, utf-16-invalid, utf-32-no-bom). */
    readonly encoding?: string,
    /** The byte limit that was exceeded (too-large). */
    readonly limit: number = MAX_FILE_BYTES,
  ) {
    super(message);
  }
}

/** Files larger than this are refused: no draft is that long, and nothing may run unbounded. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** How encodings are named in messages. */
export const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'utf-32le': 'UTF-32 LE',
  'utf-32be': 'UTF-32 BE',
  gb18030: 'GB18030',
};

function hasNul(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8192);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/**
 * Code points that ordinary Chinese or English text is made of: ASCII with tab and line breaks,
 * Latin-1, general punctuation (dashes, quotes, ellipsis; not the typographic spaces 2000–200F),
 * letterlike and math symbols, circled numbers and shapes, CJK punctuation, kana, enclosed CJK,
 * CJK ideographs and full-width forms. Read in the wrong byte order, Chinese text falls mostly
 * outside these (its low bytes are uniform, so the swapped units scatter over Hangul, surrogates
 * and other scripts), and a line break or space becomes U+0A00/U+0D00/U+2000.
 */
function isTextUnit(u: number): boolean {
  if (u < 0x80) return u >= 0x20 ? u !== 0x7f : u === 0x09 || u === 0x0a || u === 0x0c || u === 0x0d;
  if (u < 0x100) return u >= 0xa0;
  if (u < 0x2010) return false;
  if (u < 0x2070) return true;
  if (u >= 0x2100 && u < 0x2300) return true;
  if (u >= 0x2460 && u < 0x2700) return true;
  if (u >= 0x3000 && u < 0x3100) return true;
  if (u >= 0x3200 && u < 0x4dc0) return true;
  if (u >= 0x4e00 && u < 0xa000) return true;
  if (u >= 0xf900 && u < 0xfb00) return true;
  if (u >= 0xfe30 && u < 0xfe50) return true;
  return u >= 0xff00 && u < 0xfff0;
}

/**
 * Units no text of ours has: C0 controls other than tab, line feed, form feed and carriage return;
 * DEL; the non-characters U+FFFE/U+FFFF; and U+0A00–U+0AFF, U+0D00–U+0DFF (Gurmukhi, Gujarati,
 * Malayalam, Sinhala), which is where a line-feed or carriage-return byte lands when the bytes are
 * paired the wrong way round, in UTF-16 of the other byte order as in UTF-8 or ASCII with a stray
 * NUL.
 */
function isBadUnit(u: number): boolean {
  if (u < 0x20) return !(u === 0x09 || u === 0x0a || u === 0x0c || u === 0x0d);
  const high = u >> 8;
  return u === 0x7f || high === 0x0a || high === 0x0d || u === 0xfffe || u === 0xffff;
}

interface Fit {
  /** No bad unit and no unpaired surrogate. */
  valid: boolean;
  /** The share of units (a surrogate pair counts once) that are text. */
  text: number;
  /** A line feed or carriage return unit occurs: the line breaks sit where this byte order puts them. */
  lines: boolean;
  /** Units no text has, and all units. */
  bad: number;
  units: number;
}

/** How well `bytes` read as UTF-16 in one byte order (one linear pass). */
function utf16Fit(bytes: Uint8Array, le: boolean): Fit {
  const n = bytes.length >> 1;
  if (n === 0 || bytes.length % 2 !== 0) return { valid: false, text: 0, lines: false, bad: 0, units: 0 };
  const hi = le ? 1 : 0;
  const lo = le ? 0 : 1;
  let good = 0;
  let units = 0;
  let bad = 0;
  let lines = false;
  for (let i = 0; i < n; i++) {
    const u = (bytes[2 * i + hi] << 8) | bytes[2 * i + lo];
    units++;
    if (u >= 0xd800 && u < 0xdc00) {
      const next = i + 1 < n ? (bytes[2 * (i + 1) + hi] << 8) | bytes[2 * (i + 1) + lo] : -1;
      if (next >= 0xdc00 && next < 0xe000) {
        good++; // a supplementary character (CJK extension B …)
        i++;
        continue;
      }
      bad++;
    } else if ((u >= 0xdc00 && u < 0xe000) || isBadUnit(u)) {
      bad++;
    } else if (isTextUnit(u)) {
      good++;
      if (u === 0x0a || u === 0x0d) lines = true;
    }
  }
  return { valid: bad === 0, text: good / units, lines, bad, units };
}

/** How well `bytes` read as UTF-32 in one byte order. */
function utf32Fit(bytes: Uint8Array, le: boolean): Fit {
  const n = bytes.length >> 2;
  if (n === 0 || bytes.length % 4 !== 0) return { valid: false, text: 0, lines: false, bad: 0, units: 0 };
  let good = 0;
  let bad = 0;
  let lines = false;
  for (let i = 0; i < n; i++) {
    const u = readUnit32(bytes, 4 * i, le);
    if (u > 0x10ffff || (u >= 0xd800 && u < 0xe000) || isBadUnit(u)) bad++;
    else if (u > 0xffff || isTextUnit(u)) good++;
    if (u === 0x0a || u === 0x0d) lines = true;
  }
  return { valid: bad === 0, text: good / n, lines, bad, units: n };
}

function readUnit32(bytes: Uint8Array, at: number, le: boolean): number {
  return le
    ? (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0
    : ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
}

/**
 * A byte order is taken when every unit is valid, nearly all are text and the line breaks are whole
 * units in it (a draft has lines; without one, nothing tells the byte order apart for sure).
 */
const TEXT_SHARE = 0.9;
/** Below this share of text, NUL-bearing bytes are binary rather than damaged UTF-16. */
const LOOKS_LIKE_TEXT = 0.5;

function isUtf8BeyondAscii(bytes: Uint8Array): boolean {
  let ascii = true;
  for (let i = 0; i < bytes.length && ascii; i++) if (bytes[i] >= 0x80) ascii = false;
  if (ascii) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** UTF-32 after its BOM; throws on a unit that is not a Unicode scalar value. */
function decodeUtf32(bytes: Uint8Array, le: boolean): string {
  const encoding = le ? 'utf-32le' : 'utf-32be';
  if (bytes.length % 4 !== 0) throw new DecodeError('invalid-bom', 'invalid UTF-32', ENCODING_NAMES[encoding]);
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let at = 0; at < bytes.length; at += 4) {
    const u = readUnit32(bytes, at, le);
    if (u > 0x10ffff || (u >= 0xd800 && u < 0xe000)) throw new DecodeError('invalid-bom', 'invalid UTF-32', ENCODING_NAMES[encoding]);
    chunk.push(u);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}

/**
 * Bytes with NUL in them and no BOM: UTF-16 when exactly one byte order reads as clean text;
 * refused with a reason naming the encoding when it is UTF-32, damaged UTF-16 or either byte
 * order; else binary.
 */
function decodeWithoutBom(bytes: Uint8Array): DecodedText {
  const le32 = utf32Fit(bytes, true);
  const be32 = utf32Fit(bytes, false);
  for (const [fit, encoding] of [[le32, 'utf-32le'], [be32, 'utf-32be']] as const) {
    if (fit.valid && fit.text >= TEXT_SHARE && fit.lines) {
      throw new DecodeError('utf-32-no-bom', 'UTF-32 without a BOM is not supported', ENCODING_NAMES[encoding]);
    }
  }
  const le = utf16Fit(bytes, true);
  const be = utf16Fit(bytes, false);
  const leOk = le.valid && le.lines && le.text >= TEXT_SHARE;
  const beOk = be.valid && be.lines && be.text >= TEXT_SHARE;
  if (leOk && beOk) throw new DecodeError('utf-16-ambiguous', 'UTF-16 without a BOM, byte order unclear');
  if (leOk || beOk) {
    const encoding = leOk ? 'utf-16le' : 'utf-16be';
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding, bom: false };
  }
  // Valid UTF-8 beyond ASCII is UTF-8 with a NUL in it, which has no place in a draft: binary.
  if (isUtf8BeyondAscii(bytes)) throw new DecodeError('binary', 'looks like a binary file (it contains NUL bytes)');
  // Line breaks in place, mostly text, and a rare unit no text has (an unpaired surrogate, a
  // control character): damaged UTF-16 (or another encoding), named and not guessed at.
  const best = le.text >= be.text ? (['utf-16le', le] as const) : (['utf-16be', be] as const);
  if (best[1].lines && best[1].text >= LOOKS_LIKE_TEXT && best[1].bad <= Math.max(1, best[1].units / 100)) throw new DecodeError('utf-16-invalid', 'damaged UTF-16 without a BOM', ENCODING_NAMES[best[0]]);
  throw new DecodeError('binary', 'looks like a binary file (it contains NUL bytes)');
}

/** Decodes a file's bytes; throws DecodeError for binary, oversized or undecodable input. */
export function decodeBytes(bytes: Uint8Array, limit = MAX_FILE_BYTES): DecodedText {
  if (bytes.length > limit) {
    throw new DecodeError('too-large', `larger than ${limit / 1024 / 1024} MiB`, undefined, limit);
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  // UTF-32 LE's BOM begins with UTF-16 LE's: test it first (U+0000 is no text's first character).
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) {
    return { text: decodeUtf32(bytes.subarray(4), true), encoding: 'utf-32le', bom: true };
  }
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) {
    return { text: decodeUtf32(bytes.subarray(4), false), encoding: 'utf-32be', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  }
  if (hasNul(bytes)) return decodeWithoutBom(bytes);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    // Not UTF-8: Chinese Windows editors save GBK/GB18030.
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030', bom: false };
  } catch {
    throw new DecodeError('undecodable', 'is neither UTF-8 nor GB18030 text');
  }
}

/** Encodes text back in the encoding (and with the BOM, or without) it was read with. */
export function encodeText(decoded: Omit<DecodedText, 'text'>, text: string): Uint8Array {
  switch (decoded.encoding) {
    case 'utf-8': {
      const body = new TextEncoder().encode(text);
      if (!decoded.bom) return body;
      const out = new Uint8Array(body.length + 3);
      out.set([0xef, 0xbb, 0xbf]);
      out.set(body, 3);
      return out;
    }
    case 'utf-16le':
    case 'utf-16be': {
      const le = decoded.encoding === 'utf-16le';
      const start = decoded.bom ? 2 : 0;
      const out = new Uint8Array(start + text.length * 2);
      if (decoded.bom) out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        out[start + 2 * i + (le ? 0 : 1)] = c & 0xff;
        out[start + 2 * i + (le ? 1 : 0)] = c >> 8;
      }
      return out;
    }
    case 'utf-32le':
    case 'utf-32be': {
      const le = decoded.encoding === 'utf-32le';
      // At most one 4-byte unit per UTF-16 code unit, plus the BOM.
      const out = new Uint8Array(4 * (text.length + 1));
      const view = new DataView(out.buffer);
      let at = 0;
      if (decoded.bom) {
        view.setUint32(0, 0xfeff, le);
        at = 4;
      }
      for (let i = 0; i < text.length; i++) {
        const cp = text.codePointAt(i)!;
        if (cp > 0xffff) i++;
        view.setUint32(at, cp, le);
        at += 4;
      }
      return out.subarray(0, at);
    }
    case 'gb18030':
      return iconv.encode(text, 'gb18030');
  }
}
