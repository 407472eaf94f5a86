/**
 * src/core/encoding.ts: every encoding read is written back byte for byte, and what cannot be read
 * for sure (UTF-32 without a BOM, UTF-16 without a BOM whose byte order is unclear or damaged) is
 * refused with a reason instead of being guessed.
 */
import * as fc from 'fast-check';
import * as iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DecodeError, type DecodedText, decodeBytes, type Encoding, encodeText } from '../../src/core/encoding';

const DRAFT = '关于开展工作的讲话\r\n一、最重要的是开好局\r\n（一）进一步退一步\r\n1.第一项：100%完成\r\n二、抓落实\r\n';
/** ASCII and Chinese mixed: every ASCII character has a zero high byte. */
const MIXED = 'Speech draft v1.0\n一、Plan for 2025 (draft)\n（一）Work “on time”, 50 km²\n二、End\n';
/**
 * Dense in 一 (U+4E00), 开 (U+5F00), 最 (U+6700), 退 (U+9000), 怀 (U+6000): Chinese characters
 * whose LOW byte is zero, so that in UTF-16 LE the NUL bytes sit mostly at even offsets, as ASCII's
 * would in UTF-16 BE. Counting where the NULs are would pick the wrong byte order.
 */
const NUL_LOW = '一一开最\n一退一怀一开\n最一一\n';

function bytesOf(encoding: string, text: string, bom: number[] = []): Uint8Array {
  return Uint8Array.from([...bom, ...iconv.encode(text, encoding)]);
}

function reason(bytes: Uint8Array): string {
  try {
    decodeBytes(bytes);
  } catch (err) {
    expect(err).toBeInstanceOf(DecodeError);
    return `${(err as DecodeError).reason}${(err as DecodeError).encoding ? ` ${(err as DecodeError).encoding}` : ''}`;
  }
  return 'decoded';
}

describe('decodeBytes / encodeText round trips', () => {
  const cases: [string, Uint8Array, Encoding, boolean, string][] = [];
  for (const [name, text] of [['draft, CRLF', DRAFT], ['ASCII and Chinese', MIXED], ['NUL low bytes', NUL_LOW]] as const) {
    cases.push([`UTF-32 LE with BOM, ${name}`, bytesOf('utf32le', text, [0xff, 0xfe, 0, 0]), 'utf-32le', true, text]);
    cases.push([`UTF-32 BE with BOM, ${name}`, bytesOf('utf32be', text, [0, 0, 0xfe, 0xff]), 'utf-32be', true, text]);
    cases.push([`UTF-16 LE without BOM, ${name}`, bytesOf('utf16le', text), 'utf-16le', false, text]);
    cases.push([`UTF-16 BE without BOM, ${name}`, bytesOf('utf16be', text), 'utf-16be', false, text]);
    cases.push([`UTF-16 LE with BOM, ${name}`, bytesOf('utf16le', text, [0xff, 0xfe]), 'utf-16le', true, text]);
  }
  // A character outside the BMP (CJK extension B) is one UTF-32 unit and a surrogate pair in UTF-16.
  const supplementary = '一、𠀀𪚥\n二、乙\n';
  cases.push(['UTF-32 LE with BOM, supplementary', bytesOf('utf32le', supplementary, [0xff, 0xfe, 0, 0]), 'utf-32le', true, supplementary]);
  cases.push(['UTF-16 BE without BOM, supplementary', bytesOf('utf16be', supplementary), 'utf-16be', false, supplementary]);

  it.each(cases)('%s: decoded as itself and encoded back to the same bytes', (_name, bytes, encoding, bom, text) => {
    const decoded = decodeBytes(bytes);
    expect(decoded).toEqual({ text, encoding, bom });
    expect(encodeText(decoded, decoded.text)).toEqual(bytes);
  });

  it('a fix written back keeps the encoding and the BOM (UTF-32 BE, UTF-16 LE without BOM)', () => {
    const u32 = decodeBytes(bytesOf('utf32be', '一、甲\n(一)乙\n', [0, 0, 0xfe, 0xff]));
    expect(encodeText(u32, '一、甲\n（一）乙\n')).toEqual(bytesOf('utf32be', '一、甲\n（一）乙\n', [0, 0, 0xfe, 0xff]));
    const u16 = decodeBytes(bytesOf('utf16le', '一、甲\n(一)乙\n'));
    expect(encodeText(u16, '一、甲\n（一）乙\n')).toEqual(bytesOf('utf16le', '一、甲\n（一）乙\n'));
  });
});

describe('decodeBytes refuses what it cannot read for sure', () => {
  it('UTF-32 without a BOM: "not supported", naming the byte order', () => {
    expect(reason(bytesOf('utf32le', DRAFT))).toBe('utf-32-no-bom UTF-32 LE');
    expect(reason(bytesOf('utf32be', MIXED))).toBe('utf-32-no-bom UTF-32 BE');
  });

  it('a UTF-32 BOM followed by what is not UTF-32 (a unit beyond U+10FFFF, a surrogate, a cut unit)', () => {
    const bom = [0xff, 0xfe, 0, 0];
    expect(reason(Uint8Array.from([...bom, 0x41, 0, 0, 0, 0, 0, 0x11, 0]))).toBe('invalid-bom UTF-32 LE');
    expect(reason(Uint8Array.from([0, 0, 0xfe, 0xff, 0, 0, 0xd8, 0]))).toBe('invalid-bom UTF-32 BE');
    expect(reason(Uint8Array.from([...bom, 0x41, 0, 0]))).toBe('invalid-bom UTF-32 LE');
  });

  it('UTF-16 without a BOM with an unpaired surrogate or a control character: damaged, named', () => {
    const bytes = bytesOf('utf16le', DRAFT);
    const lone = Uint8Array.from([...bytes.subarray(0, 4), 0x00, 0xd8, ...bytes.subarray(4)]);
    expect(reason(lone)).toBe('utf-16-invalid UTF-16 LE');
    const control = Uint8Array.from([...bytesOf('utf16be', MIXED), 0, 1]);
    expect(reason(control)).toBe('utf-16-invalid UTF-16 BE');
  });

  it('UTF-16 without a BOM and without a line break: nothing tells the byte order for sure', () => {
    expect(reason(bytesOf('utf16le', '讲话稿abc'))).toBe('binary');
  });

  it('UTF-8 or ASCII with a stray NUL, and binary data, stay binary', () => {
    expect(reason(new TextEncoder().encode('Plain notes,\nline two\0 and three\nfour, five, six\n'))).toBe('binary');
    expect(reason(new TextEncoder().encode('一、甲\n\0（一）乙\n二、丙\n'))).toBe('binary');
    expect(reason(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]))).toBe('binary');
    // Pseudo-random bytes, one in eight a NUL (a fixed linear congruential sequence).
    let x = 12345;
    const noise = Uint8Array.from({ length: 4096 }, () => {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      return x % 8 === 0 ? 0 : (x >> 8) & 0xff;
    });
    expect(reason(noise)).toBe('binary');
  });
});

describe('decodeBytes never misreads (property)', () => {
  // Drafts: Chinese characters (with the NUL-low-byte ones over-represented), CJK and full-width
  // punctuation, ASCII letters and digits, line breaks.
  const char = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)) },
    { weight: 2, arbitrary: fc.constantFrom('一', '开', '最', '退', '怀', '、', '。', '，', '（', '）', '：', '“', '”') },
    { weight: 1, arbitrary: fc.constantFrom('a', 'Z', '1', '9', ' ', '.', '(', ')', '%') },
    { weight: 1, arbitrary: fc.constantFrom('\n', '\r\n') },
  );
  const text = fc.array(char, { minLength: 1, maxLength: 300 }).map((cs) => cs.join(''));

  it('UTF-16 without a BOM of a text with a line break: read as the very text in its byte order, or refused', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.boolean(), (t, at, le) => {
        const i = at % (t.length + 1);
        const lined = `${t.slice(0, i)}\n${t.slice(i)}`;
        let decoded: DecodedText;
        try {
          decoded = decodeBytes(bytesOf(le ? 'utf16le' : 'utf16be', lined));
        } catch (err) {
          expect(err).toBeInstanceOf(DecodeError);
          return;
        }
        expect(decoded).toEqual({ text: lined, encoding: le ? 'utf-16le' : 'utf-16be', bom: false });
      }),
      { numRuns: 500, seed: 20250610 },
    );
  });

  it('UTF-16 without a BOM of a text with a line break and ASCII: always read', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (t, le) => {
        const full = `${t}\nabc`;
        expect(decodeBytes(bytesOf(le ? 'utf16le' : 'utf16be', full))).toEqual({ text: full, encoding: le ? 'utf-16le' : 'utf-16be', bom: false });
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('UTF-8 (beyond ASCII) with a NUL inserted is binary, never UTF-16', () => {
    fc.assert(
      fc.property(text, fc.nat(), (t, at) => {
        const bytes = new TextEncoder().encode(`${t}。`);
        const i = at % (bytes.length + 1);
        const withNul = Uint8Array.from([...bytes.subarray(0, i), 0, ...bytes.subarray(i)]);
        expect(reason(withNul)).toBe('binary');
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
