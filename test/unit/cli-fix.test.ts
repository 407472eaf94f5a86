import * as fs from 'node:fs';
import * as iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { differingOffsets, type FileContent, loadFixtures, MemFs, runCli } from './cli-harness';
import { SEED } from './helpers';

const SLOPPY = new TextDecoder().decode(loadFixtures('fix')['/proj/sloppy.txt']);
/** What --fix changes in fix/sloppy.txt; nothing else may change (`2.5倍（1）`, `(A)` stay). */
const SLOPPY_FIXES: [string, string][] = [
  ['(一)坚持', '（一）坚持'],
  ['(二)坚持', '（二）坚持'],
  ['三、重点', '二、重点'],
  ['1、扩大', '1.扩大'],
  ['2、提升', '2.提升'],
  // Brackets in Chinese text are full-width even around Latin letters (punctuation-width).
  ['正文(A)保留', '正文（A）保留'],
];

type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'utf-16le-bare' | 'utf-16be-bare' | 'utf-32le' | 'utf-32be';

function encode(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    case 'gb18030':
      return Uint8Array.from(iconv.encode(text, 'gb18030'));
    case 'utf-16le':
      return Uint8Array.from(iconv.encode(text, 'utf-16le', { addBOM: true }));
    case 'utf-16be':
      return Uint8Array.from([0xfe, 0xff, ...iconv.encode(text, 'utf-16be')]);
    case 'utf-16le-bare':
      return Uint8Array.from(iconv.encode(text, 'utf-16le'));
    case 'utf-16be-bare':
      return Uint8Array.from(iconv.encode(text, 'utf-16be'));
    case 'utf-32le':
      return Uint8Array.from([0xff, 0xfe, 0, 0, ...iconv.encode(text, 'utf32le')]);
    case 'utf-32be':
      return Uint8Array.from([0, 0, 0xfe, 0xff, ...iconv.encode(text, 'utf32be')]);
  }
}

const BOM_LENGTH: Record<Encoding, number> = {
  'utf-8': 0,
  'utf-8-bom': 3,
  gb18030: 0,
  'utf-16le': 2,
  'utf-16be': 2,
  'utf-16le-bare': 0,
  'utf-16be-bare': 0,
  'utf-32le': 4,
  'utf-32be': 4,
};
const UNIT_LENGTH = (e: Encoding) => (e.startsWith('utf-32') ? 4 : e.startsWith('utf-16') ? 2 : 1);

/** Pattern bytes without a BOM. */
function encodeBare(text: string, encoding: Encoding): Uint8Array {
  return encode(text, encoding).subarray(BOM_LENGTH[encoding]);
}

function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from = 0): number {
  outer: for (let i = from; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * The original bytes with each `from` (occurring exactly once, aligned to the code unit) replaced
 * by `to`: every other byte — BOM, line endings, body text — is the original's.
 */
function splice(bytes: Uint8Array, replacements: [string, string][], encoding: Encoding): Uint8Array {
  let out = bytes;
  const unit = UNIT_LENGTH(encoding);
  for (const [from, to] of replacements) {
    const f = encodeBare(from, encoding);
    let at = indexOfBytes(out, f);
    while (at >= 0 && at % unit !== 0) at = indexOfBytes(out, f, at + 1);
    expect(at, `"${from}" in ${encoding}`).toBeGreaterThanOrEqual(0);
    expect(indexOfBytes(out, f, at + 1), `"${from}" occurs once`).toBe(-1);
    const t = encodeBare(to, encoding);
    const next = new Uint8Array(out.length - f.length + t.length);
    next.set(out.subarray(0, at));
    next.set(t, at);
    next.set(out.subarray(at + f.length), at + t.length);
    out = next;
  }
  return out;
}

const withEols = {
  lf: (t: string) => t,
  crlf: (t: string) => t.replace(/\n/g, '\r\n'),
  cr: (t: string) => t.replace(/\n/g, '\r'),
  mixed: (t: string) => {
    const eols = ['\r\n', '\n', '\r'];
    let i = 0;
    return t.replace(/\n/g, () => eols[i++ % 3]);
  },
};

const fix = (argv: string[], opts: { files?: Record<string, FileContent>; fs?: MemFs; stdin?: string | Uint8Array; env?: Record<string, string> } = {}) =>
  runCli(['check', '--fix', ...argv], opts);

describe('speech-draft check --fix: the seed', () => {
  const seed = fs.readFileSync(SEED);

  // Every half-width , : ! ( ) of the seed is in Chinese text (124 commas, 3 colons, one !, and the
  // brackets of (一)…(四)); nothing else may change.
  const HALF_TO_FULL: Record<string, string> = { ',': '，', ':': '：', '!': '！', '(': '（', ')': '）' };
  const fullWidth = (text: string) => text.replace(/[,:!()]/g, (c) => HALF_TO_FULL[c]);

  it('turns its half-width commas, colons, ! and brackets full-width and changes no other byte', async () => {
    const r = await fix(['seed-speech.txt'], { files: { 'seed-speech.txt': seed } });
    const after = r.fs.get('/proj/seed-speech.txt');
    expect(after).toEqual(new TextEncoder().encode(fullWidth(seed.toString('utf8'))));
    expect([...seed.toString('utf8').matchAll(/,/g)].length).toBe(124);
    // 136 marks, each 1 byte → 3 bytes.
    expect(after.length - seed.length).toBe(2 * 136);
    expect(r.fs.writes).toEqual(['/proj/seed-speech.txt']);
    // What is left: the placeholder XX大, which only the writer can fill in.
    expect(r.code).toBe(0);
    expect(r.err).toContain('fixed 132 problems in 1 file\n');
    const again = await runCli(['check', 'seed-speech.txt', '--format', 'json'], { fs: r.fs });
    expect(JSON.parse(again.out)[0].problems.map((p: { rule: string; line: number }) => [p.rule, p.line])).toEqual([['placeholder', 3]]);
  });

  it('matches a byte-by-byte walk: only the punctuation bytes differ', async () => {
    const r = await fix(['s.txt'], { files: { 's.txt': seed } });
    const after = r.fs.get('/proj/s.txt');
    // Walk both: equal bytes advance together; a half-width mark (1 byte) must face its full-width form (3 bytes).
    const changed = new Map<string, number>();
    let i = 0;
    let j = 0;
    while (i < seed.length || j < after.length) {
      if (seed[i] === after[j]) {
        i++;
        j++;
        continue;
      }
      const from = String.fromCharCode(seed[i]);
      expect(Object.keys(HALF_TO_FULL)).toContain(from);
      expect(Buffer.from(after.subarray(j, j + 3)).toString('utf8')).toBe(HALF_TO_FULL[from]);
      changed.set(from, (changed.get(from) ?? 0) + 1);
      i += 1;
      j += 3;
    }
    expect(Object.fromEntries(changed)).toEqual({ ',': 124, ':': 3, '!': 1, '(': 4, ')': 4 });
  });
});

describe('speech-draft check --fix: encodings and line endings', () => {
  const cases: [string, Encoding, keyof typeof withEols][] = [
    ['UTF-8, LF', 'utf-8', 'lf'],
    ['UTF-8, CRLF', 'utf-8', 'crlf'],
    ['UTF-8, CR', 'utf-8', 'cr'],
    ['UTF-8, mixed line endings', 'utf-8', 'mixed'],
    ['UTF-8 with BOM, CRLF', 'utf-8-bom', 'crlf'],
    ['GB18030, CRLF', 'gb18030', 'crlf'],
    ['GB18030, LF', 'gb18030', 'lf'],
    ['UTF-16 LE with BOM, CRLF', 'utf-16le', 'crlf'],
    ['UTF-16 BE with BOM, mixed', 'utf-16be', 'mixed'],
    ['UTF-16 LE without BOM, CRLF', 'utf-16le-bare', 'crlf'],
    ['UTF-16 BE without BOM, LF', 'utf-16be-bare', 'lf'],
    ['UTF-32 LE with BOM, CRLF', 'utf-32le', 'crlf'],
    ['UTF-32 BE with BOM, mixed', 'utf-32be', 'mixed'],
  ];

  it.each(cases)('%s: only the fixed markers change', async (_name, encoding, eol) => {
    const before = encode(withEols[eol](SLOPPY), encoding);
    const r = await fix(['sloppy.txt'], { files: { 'sloppy.txt': before } });
    expect(r.err).toBe('fixed 6 problems in 1 file\n');
    expect(r.out).toBe(''); // what is left is a hint, hidden without --hints
    expect(r.code).toBe(0);
    const after = r.fs.get('/proj/sloppy.txt');
    expect(after).toEqual(splice(before, SLOPPY_FIXES, encoding));
    // The CLI reads back what it wrote as the same text with the same line endings.
    const again = await runCli(['check', 'sloppy.txt', '--hints', '--format', 'json'], { fs: r.fs });
    expect(JSON.parse(again.out)[0].problems.map((p: { rule: string }) => p.rule)).toEqual(['heading-hierarchy']);
  });

  it('refuses to write a file whose bytes would not survive decoding (GB18030 0x80 read as €)', async () => {
    const gb = encode(withEols.crlf(SLOPPY), 'gb18030');
    const before = Uint8Array.from([...gb.subarray(0, 4), 0x80, ...gb.subarray(4)]); // after "全市": a lone 0x80
    const r = await fix(['gbk.txt'], { files: { 'gbk.txt': before } });
    expect(r.fs.writes).toEqual([]);
    expect(r.err).toContain('speech-draft: not fixing gbk.txt: its gb18030 bytes would not be written back exactly as they were read\n');
    expect(r.out).toMatch(/^gbk\.txt:4:1: warning heading-marker /); // the problems are still reported
    expect(r.code).toBe(2);
    const zh = await fix(['gbk.txt'], { files: { 'gbk.txt': before }, env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.err).toContain('speech-draft: 未修正 gbk.txt：该文件的 gb18030 编码无法按原样写回\n');
  });

  it('refuses UTF-32 without a BOM and damaged UTF-16 without a BOM, naming the encoding; exit 2, nothing written', async () => {
    const files = {
      'u32.txt': Uint8Array.from(iconv.encode(SLOPPY, 'utf32le')),
      'u16.txt': Uint8Array.from([...iconv.encode(SLOPPY, 'utf16be'), 0xdc, 0x00]),
    };
    const r = await fix(['u32.txt', 'u16.txt'], { files });
    expect(r.err).toBe(
      'speech-draft: cannot read u32.txt: looks like UTF-32 LE without a byte order mark: UTF-32 is not supported without a BOM; save it as UTF-8\n' +
        'speech-draft: cannot read u16.txt: looks like UTF-16 BE without a byte order mark, but is not valid UTF-16 BE text\n',
    );
    expect(r.fs.writes).toEqual([]);
    expect(r.code).toBe(2);
    const zh = await fix(['u32.txt'], { files, env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.err).toBe('speech-draft: 无法读取 u32.txt：看起来是不带字节顺序标记（BOM）的 UTF-32 LE 文本：不支持不带 BOM 的 UTF-32，请另存为 UTF-8\n');
  });

  it('refuses a UTF-32 BOM followed by bytes that are not UTF-32', async () => {
    const r = await fix(['bad.txt'], { files: { 'bad.txt': Uint8Array.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x41, 0, 0x11, 0, 0]) } });
    expect(r.err).toBe('speech-draft: cannot read bad.txt: starts with the UTF-32 BE byte order mark but is not valid UTF-32 BE text\n');
    expect(r.code).toBe(2);
  });

  it('refuses to write a UTF-8 file with a BOM and an invalid byte', async () => {
    const bytes = encode(SLOPPY, 'utf-8-bom');
    const before = Uint8Array.from([...bytes.subarray(0, 10), 0xff, ...bytes.subarray(10)]);
    const r = await fix(['bad.txt'], { files: { 'bad.txt': before } });
    expect(r.fs.writes).toEqual([]);
    expect(r.err).toContain('not fixing bad.txt: its utf-8 bytes');
    expect(r.code).toBe(2);
  });
});

describe('speech-draft check --fix: what is written', () => {
  it('fixes to a fixed point and reports what is left in the chosen format', async () => {
    const files = loadFixtures('drafts');
    const r = await fix(['errors.txt', '--format', 'json'], { files });
    expect(r.fs.text('/proj/errors.txt')).toBe(
      new TextDecoder().decode(files['/proj/errors.txt'])
        .replace('(一)', '（一）')
        .replace('(二)', '（二）')
        .replace('三、重点', '二、重点')
        .replace('（三）推进', '（二）推进')
        .replace('四、抓好落实：', '三、抓好落实'),
    );
    expect(JSON.parse(r.out)).toEqual([{ file: 'errors.txt', problems: [] }]);
    // One break is one problem: 四、 is renumbered by the fix of the gap at 三、.
    expect(r.err).toBe('fixed 5 problems in 1 file\n');
    expect(r.code).toBe(0);
  });

  it('never writes a file that did not change, nor a non-draft (unless --all)', async () => {
    const files = { ...loadFixtures('drafts'), '/proj/note.txt': '备忘\n(一)只有一个标题\n' };
    const r = await fix(['clean.md', 'sub', 'note.txt'], { files });
    expect(r.fs.writes).toEqual([]);
    expect(r.err).toBe('speech-draft: skipped note.txt: not a draft (fewer than two 一、/（一） headings); --all checks it anyway\n');
    const all = await fix(['note.txt', '--all'], { files });
    expect(all.fs.writes).toEqual(['/proj/note.txt']);
    expect(all.fs.text('/proj/note.txt')).toBe('备忘\n（一）只有一个标题\n');
  });

  it('fixes hints only with --hints (it fixes what it reports)', async () => {
    const files = { 'a.txt': '讲话\n一、甲\n(一)乙\n二、丙\n', '.speechdraftrc.json': '{"rules": {"heading-marker": "hint"}}' };
    const quiet = await fix(['a.txt'], { files });
    expect(quiet.fs.writes).toEqual([]);
    expect(quiet).toMatchObject({ code: 0, out: '', err: '' });
    const hints = await fix(['a.txt', '--hints'], { files });
    expect(hints.fs.text('/proj/a.txt')).toBe('讲话\n一、甲\n（一）乙\n二、丙\n');
  });

  it('reports a file that cannot be written, with the problems left in it; exit 2', async () => {
    const memfs = new MemFs({ 'a.txt': '讲话\n一、甲\n(一)乙\n二、丙\n' });
    memfs.params.writeFile = async () => {
      throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
    };
    const r = await fix(['a.txt'], { fs: memfs });
    expect(r.err).toContain('speech-draft: cannot write a.txt: permission denied\n');
    expect(r.out).toBe('a.txt:3:1: warning heading-marker Heading marker "(一)" should be "（一）" (half-width bracket in Chinese text)\n');
    expect(r.code).toBe(2);
  });
});

describe('speech-draft check --fix -', () => {
  const text = '讲话\r\n一、甲\r\n1.乙\r\n（一）丙\r\n二、丁\r\n(一)戊\r\n';

  it('prints the fixed text on stdout and the report on stderr', async () => {
    const r = await fix(['-'], { stdin: text });
    expect(new TextDecoder().decode(r.outBytes)).toBe(text.replace('(一)戊', '（一）戊'));
    expect(r.out).toBe('');
    expect(r.err).toBe(
      'fixed 1 problem in 1 file\n' +
        '<stdin>:4:1: warning heading-hierarchy "（一）" (level 2) comes after "1." (level 3) under the same parent: a higher level cannot follow a lower one\n' +
        '1 problem (0 errors, 1 warning) in 1 file\n',
    );
    expect(r.code).toBe(0);
    const json = await fix(['-', '--format', 'json', '--stdin-filename', 'draft.txt'], { stdin: text });
    expect(json.out).toBe('');
    expect(JSON.parse(json.err.slice(json.err.indexOf('[')))[0].file).toBe('draft.txt');
  });

  it('keeps the input encoding on stdout (GB18030 in, GB18030 out)', async () => {
    const before = encode(SLOPPY, 'gb18030');
    const r = await fix(['-'], { stdin: before });
    expect(r.outBytes).toEqual(splice(before, SLOPPY_FIXES, 'gb18030'));
    expect(differingOffsets(r.outBytes.subarray(0, 20), before.subarray(0, 20))).toEqual([]);
  });

  it('passes a non-draft through unchanged', async () => {
    const r = await fix(['-'], { stdin: 'just notes\r\n(一) one heading\r\n' });
    expect(new TextDecoder().decode(r.outBytes)).toBe('just notes\r\n(一) one heading\r\n');
    expect(r.err).toContain('skipped <stdin>: not a draft');
  });
});
