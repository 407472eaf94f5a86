import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_CONFIG_BYTES } from '../../src/cli/io';
import { type CliParams, main } from '../../src/cli/main';
import { nodeParams, readFileBounded, writeFileAtomic } from '../../src/cli/node';
import { noWords } from './cli-harness';

/**
 * The node:fs side of the CLI: reads refuse devices and FIFOs and stop at a byte limit; --fix
 * replaces files through a temporary file and a rename, and never over a write it did not see.
 */
describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-cli-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('replaces the content, keeps the mode, and leaves no temporary file behind', async () => {
    const file = path.join(dir, '讲话稿.txt');
    fs.writeFileSync(file, '(一)旧');
    fs.chmodSync(file, 0o640);
    const inode = fs.statSync(file).ino;
    await writeFileAtomic(file, new TextEncoder().encode('（一）新'));
    expect(fs.readFileSync(file, 'utf8')).toBe('（一）新');
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    expect(fs.statSync(file).ino).not.toBe(inode); // a new file renamed into place, not rewritten in place
    expect(fs.readdirSync(dir)).toEqual(['讲话稿.txt']);
  });

  it('writes through a symbolic link: the link stays a link', async () => {
    const target = path.join(dir, 'real.txt');
    const link = path.join(dir, 'link.txt');
    fs.writeFileSync(target, 'old');
    fs.symlinkSync(target, link);
    await writeFileAtomic(link, new TextEncoder().encode('new'));
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
    expect(fs.readdirSync(dir).sort()).toEqual(['link.txt', 'real.txt']);
  });

  it('fails cleanly when the folder is gone', async () => {
    await expect(writeFileAtomic(path.join(dir, 'no/such/a.txt'), new Uint8Array([1]))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

/** The CLI on the real file system: node.ts's CliParams with captured output, in `cwd`. */
async function runNode(argv: string[], cwd: string, opts: { lang?: string; tweak?: (p: CliParams) => void } = {}) {
  const p = nodeParams();
  let out = '';
  let err = '';
  Object.assign(p, {
    argv,
    cwd,
    env: { LANG: opts.lang ?? 'en_US.UTF-8' },
    stdout: (t: string) => {
      out += t;
    },
    stderr: (t: string) => {
      err += t;
    },
    stdoutBytes: () => undefined,
    createSegmenter: noWords,
  });
  opts.tweak?.(p);
  const code = await main(p);
  return { code, out, err };
}


const posix = process.platform !== 'win32';
const hasDevZero = posix && fs.existsSync('/dev/zero') && fs.existsSync('/dev/urandom');
const isRoot = process.getuid?.() === 0;

const DRAFT = '讲话\n一、甲\n(一)乙\n二、丙\n';
const FIXED = '讲话\n一、甲\n（一）乙\n二、丙\n';

describe('reading on the real file system: regular files only, at most the limit', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-read-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.runIf(hasDevZero)('check /dev/zero, outline /dev/urandom, stats /dev/zero: refused at once, exit 2', async () => {
    expect(await runNode(['check', '/dev/zero'], dir)).toEqual({
      code: 2,
      out: '',
      err: 'speech-draft: cannot read /dev/zero: is not a regular file (a device, FIFO or socket)\n',
    });
    const outline = await runNode(['outline', '/dev/urandom'], dir);
    expect(outline).toEqual({ code: 2, out: '', err: 'speech-draft: cannot read /dev/urandom: is not a regular file (a device, FIFO or socket)\n' });
    const stats = await runNode(['stats', '/dev/zero'], dir, { lang: 'zh_CN.UTF-8' });
    expect(stats).toEqual({ code: 2, out: '', err: 'speech-draft: 无法读取 /dev/zero：不是普通文件（而是设备、管道或套接字）\n' });
  });

  it.runIf(hasDevZero)('check --config /dev/zero: refused as a configuration, nothing checked', async () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), DRAFT);
    const r = await runNode(['check', '--config', '/dev/zero', 'a.txt'], dir);
    expect(r).toEqual({ code: 2, out: '', err: 'speech-draft: cannot read configuration /dev/zero: is not a regular file (a device, FIFO or socket)\n' });
  });

  it.runIf(posix)('a FIFO named like a draft is refused without waiting for a writer', async () => {
    const fifo = path.join(dir, 'fifo.txt');
    execFileSync('mkfifo', [fifo]);
    const r = await runNode(['check', 'fifo.txt'], dir);
    expect(r).toEqual({ code: 2, out: '', err: 'speech-draft: cannot read fifo.txt: is not a regular file (a device, FIFO or socket)\n' });
    const config = await runNode(['check', '--config', 'fifo.txt', '-'], dir);
    expect(config.err).toBe('speech-draft: cannot read configuration fifo.txt: is not a regular file (a device, FIFO or socket)\n');
  });

  it('a directory where a file is needed: "is a directory", exit 2', async () => {
    fs.mkdirSync(path.join(dir, 'drafts.txt'));
    expect(await runNode(['outline', 'drafts.txt'], dir)).toEqual({ code: 2, out: '', err: 'speech-draft: cannot read drafts.txt: is a directory\n' });
    const config = await runNode(['check', '--config', 'drafts.txt', 'x.txt'], dir);
    expect(config).toEqual({ code: 2, out: '', err: 'speech-draft: cannot read configuration drafts.txt: is a directory\n' });
  });

  it('reads at most the limit, whatever the size says; a configuration at most 1 MiB', async () => {
    const file = path.join(dir, 'a.txt');
    fs.writeFileSync(file, '0123456789');
    expect(Buffer.from(await readFileBounded(file, 10)).toString()).toBe('0123456789');
    await expect(readFileBounded(file, 9)).rejects.toMatchObject({ reason: 'too-large', limit: 9 });
    fs.writeFileSync(path.join(dir, 'big.json'), `{"rules": {}}${' '.repeat(MAX_CONFIG_BYTES)}`);
    const r = await runNode(['check', '--config', 'big.json', 'a.txt'], dir);
    expect(r).toEqual({ code: 2, out: '', err: 'speech-draft: cannot read configuration big.json: is larger than 1 MiB\n' });
  });

  it.runIf(fs.existsSync('/proc/self/status'))('a file whose size says 0 is read to its end (/proc)', async () => {
    expect(fs.statSync('/proc/self/status').size).toBe(0);
    expect(Buffer.from(await readFileBounded('/proc/self/status')).toString()).toMatch(/^Name:/);
  });
});

describe('check --fix on the real file system: no lost write, permissions, owner, links', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-fix-'));
    file = path.join(dir, 'a.txt');
    fs.writeFileSync(file, DRAFT);
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The message, then the summary of what is left (the problems are still reported). */
  const notFixed = (name: string, why: string) => `speech-draft: not fixing ${name}: ${why}\n1 problem (0 errors, 1 warning) in 1 file\n`;
  const CHANGED = 'it changed on disk after it was read; nothing was written (run --fix again)';
  const LEFT = 'a.txt:3:1: warning heading-marker Heading marker "(一)" should be "（一）" (half-width bracket in Chinese text)\n';

  it('fixes in place atomically: a new file with the same mode, no temporary file left', async () => {
    fs.chmodSync(file, 0o640);
    const inode = fs.statSync(file).ino;
    const r = await runNode(['check', '--fix', 'a.txt'], dir);
    expect(r).toEqual({ code: 0, out: '', err: 'fixed 1 problem in 1 file\n' });
    expect(fs.readFileSync(file, 'utf8')).toBe(FIXED);
    expect(fs.statSync(file).mode & 0o7777).toBe(0o640);
    expect(fs.statSync(file).ino).not.toBe(inode);
    expect(fs.readdirSync(dir)).toEqual(['a.txt']);
  });

  it('a write between reading and fixing is never lost: refused, exit 2, the file as the other writer left it', async () => {
    const r = await runNode(['check', '--fix', 'a.txt'], dir, {
      tweak: (p) => {
        const read = p.readFile;
        p.readFile = async (f, max) => {
          const bytes = await read(f, max);
          if (f === file) fs.appendFileSync(file, '三、丁\n'); // someone saves while the CLI works
          return bytes;
        };
      },
    });
    expect(r).toEqual({ code: 2, out: LEFT, err: notFixed('a.txt', CHANGED) });
    expect(fs.readFileSync(file, 'utf8')).toBe(`${DRAFT}三、丁\n`);
    expect(fs.readdirSync(dir)).toEqual(['a.txt']);
    const zh = await runNode(['check', '--fix', 'a.txt'], dir, {
      lang: 'zh_CN.UTF-8',
      tweak: (p) => {
        p.writeFile = (f, data, read) => writeFileAtomic(f, data, read, { beforeCommit: () => fs.appendFileSync(file, '四、戊\n') });
      },
    });
    expect(zh.err).toMatch(/^speech-draft: 未修正 a\.txt：读取之后文件在磁盘上被改动，未写入任何内容（请重新运行 --fix）\n/);
  });

  // Each way another program can change the file after the new content is ready and before the
  // rename: more bytes, the same size with other bytes, the same bytes under a new inode (an
  // editor's own atomic save), only the modification time, the file removed.
  const lateWrites: [string, (target: string) => void][] = [
    ['appended', (t) => fs.appendFileSync(t, '三、丁\n')],
    ['same size, other bytes', (t) => fs.writeFileSync(t, DRAFT.replace('甲', '戊'))],
    [
      'same bytes, new inode',
      (t) => {
        fs.writeFileSync(`${t}.new`, DRAFT);
        fs.renameSync(`${t}.new`, t);
      },
    ],
    ['touched', (t) => fs.utimesSync(t, new Date(2001, 0, 1), new Date(2001, 0, 1))],
    ['removed', (t) => fs.rmSync(t)],
  ];

  it.each(lateWrites)('a late write just before the rename (%s): refused, nothing written, no temporary file', async (_name, write) => {
    let expected: Buffer | undefined;
    const r = await runNode(['check', '--fix', 'a.txt'], dir, {
      tweak: (p) => {
        p.writeFile = (f, data, read) =>
          writeFileAtomic(f, data, read, {
            beforeCommit: (target) => {
              write(target);
              expected = fs.existsSync(target) ? fs.readFileSync(target) : undefined;
            },
          });
      },
    });
    expect(r.code).toBe(2);
    expect(r.err).toBe(notFixed('a.txt', CHANGED));
    expect(fs.existsSync(file) ? fs.readFileSync(file) : undefined).toEqual(expected);
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a read-only file (0444 in a writable folder) is not fixed, even by root; exit 2', async () => {
    fs.chmodSync(file, 0o444);
    const r = await runNode(['check', '--fix', 'a.txt'], dir);
    expect(r).toEqual({ code: 2, out: LEFT, err: notFixed('a.txt', 'the file is read-only') });
    expect(fs.readFileSync(file, 'utf8')).toBe(DRAFT);
    expect(fs.statSync(file).mode & 0o777).toBe(0o444);
    const zh = await runNode(['check', '--fix', 'a.txt'], dir, { lang: 'zh_CN.UTF-8' });
    expect(zh.err).toMatch(/^speech-draft: 未修正 a\.txt：文件为只读\n/);
  });

  it('a file with two hard links is written in place: the links stay one file', async () => {
    const other = path.join(dir, 'b.txt');
    fs.linkSync(file, other);
    const inode = fs.statSync(file).ino;
    const r = await runNode(['check', '--fix', 'a.txt'], dir);
    expect(r).toEqual({ code: 0, out: '', err: 'fixed 1 problem in 1 file\n' });
    expect(fs.statSync(file).ino).toBe(inode);
    expect(fs.statSync(other).ino).toBe(inode);
    expect(fs.statSync(file).nlink).toBe(2);
    expect(fs.readFileSync(other, 'utf8')).toBe(FIXED);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it('a hard-linked file changed late is refused too (in place, after the same comparison)', async () => {
    fs.linkSync(file, path.join(dir, 'b.txt'));
    const r = await runNode(['check', '--fix', 'a.txt'], dir, {
      tweak: (p) => {
        p.writeFile = (f, data, read) => writeFileAtomic(f, data, read, { beforeCommit: (t) => fs.appendFileSync(t, '三、丁\n') });
      },
    });
    expect(r.err).toBe(notFixed('a.txt', CHANGED));
    expect(fs.readFileSync(path.join(dir, 'b.txt'), 'utf8')).toBe(`${DRAFT}三、丁\n`);
  });

  it.runIf(posix)('a symbolic link: the target is fixed, the link stays a link', async () => {
    fs.symlinkSync('a.txt', path.join(dir, 'link.txt'));
    const r = await runNode(['check', '--fix', 'link.txt'], dir);
    expect(r).toEqual({ code: 0, out: '', err: 'fixed 1 problem in 1 file\n' });
    expect(fs.lstatSync(path.join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(path.join(dir, 'link.txt'))).toBe('a.txt');
    expect(fs.readFileSync(file, 'utf8')).toBe(FIXED);
  });

  it.runIf(isRoot)('as root, a file of another user keeps its owner, group and mode', async () => {
    fs.chownSync(file, 4321, 4322);
    fs.chmodSync(file, 0o604);
    const r = await runNode(['check', '--fix', 'a.txt'], dir);
    expect(r.code).toBe(0);
    const st = fs.statSync(file);
    expect([st.uid, st.gid, st.mode & 0o7777]).toEqual([4321, 4322, 0o604]);
    expect(fs.readFileSync(file, 'utf8')).toBe(FIXED);
  });

  it('UTF-32 and UTF-16 without a BOM are written back in their encoding, byte for byte', async () => {
    const u32 = Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), Buffer.from(iconv.encode(DRAFT, 'utf32be'))]);
    fs.writeFileSync(path.join(dir, 'u32.txt'), u32);
    fs.writeFileSync(path.join(dir, 'u16.txt'), iconv.encode(DRAFT.replace(/\n/g, '\r\n'), 'utf16le'));
    const r = await runNode(['check', '--fix', 'u32.txt', 'u16.txt'], dir);
    expect(r).toEqual({ code: 0, out: '', err: 'fixed 2 problems in 2 files\n' });
    expect(fs.readFileSync(path.join(dir, 'u32.txt'))).toEqual(Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), iconv.encode(FIXED, 'utf32be')]));
    expect(fs.readFileSync(path.join(dir, 'u16.txt'))).toEqual(iconv.encode(FIXED.replace(/\n/g, '\r\n'), 'utf16le'));
  });
});
