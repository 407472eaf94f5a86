import * as iconv from 'iconv-lite';

/**
 * Decoding and re-encoding files so that a fix keeps every byte it does not touch: the encoding
 * (UTF-8, UTF-16 with BOM, or GB18030 as Chinese Windows writes it), the BOM and the line endings.
 */

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: Encoding;
  bom: boolean;
}

export class DecodeError extends Error {
  constructor(
    readonly reason: 'binary' | 'too-large' | 'undecodable',
    message: string,
  ) {
    super(message);
  }
}

/** Files larger than this are refused: no draft is that long, and nothing may run unbounded. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

function hasNul(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8192);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Decodes a file's bytes; throws DecodeError for binary, oversized or undecodable input. */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new DecodeError('too-large', `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`);
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  }
  if (hasNul(bytes)) throw new DecodeError('binary', 'looks like a binary file (it contains NUL bytes)');
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

/** Encodes text back in the encoding (and with the BOM) it was read with. */
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
      const out = new Uint8Array(2 + text.length * 2);
      out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        out[2 + 2 * i + (le ? 0 : 1)] = c & 0xff;
        out[2 + 2 * i + (le ? 1 : 0)] = c >> 8;
      }
      return out;
    }
    case 'gb18030':
      return iconv.encode(text, 'gb18030');
  }
}
