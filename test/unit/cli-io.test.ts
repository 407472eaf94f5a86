/**
 * The CLI's reading and writing rules through CliParams, in memory: byte limits hold whatever the
 * file system answers, and a write refused by the file system (changed since read, read-only)
 * leaves the file as it was, with a message and exit 2.
 */
import { describe, expect, it } from 'vitest';
import { MAX_CONFIG_BYTES, RefusedFile } from '../../src/cli/io';
import { MAX_FILE_BYTES } from '../../src/core/encoding';
import { MemFs, runCli } from './cli-harness';

const DRAFT = '讲话\n一、甲\n(一)乙\n二、丙\n';
const LEFT = 'a.txt:3:1: warning heading-marker Heading marker "(一)" should be "（一）" (half-width bracket in Chinese text)\n';

describe('byte limits', () => {
  it('a configuration over 1 MiB is refused as unreadable, exit 2', async () => {
    const files = { 'a.txt': DRAFT, 'big.json': `{"rules": {}}${' '.repeat(MAX_CONFIG_BYTES)}` };
    const r = await runCli(['check', '--config', 'big.json', 'a.txt'], { files });
    expect(r).toMatchObject({ code: 2, out: '', err: 'speech-draft: cannot read configuration big.json: is larger than 1 MiB\n' });
    const found = await runCli(['check', 'a.txt'], { files: { 'a.txt': DRAFT, '.speechdraftrc.json': files['big.json'] } });
    expect(found.err).toBe('speech-draft: cannot read configuration .speechdraftrc.json: is larger than 1 MiB\n');
    expect(found.code).toBe(2);
  });

  it('the limit is passed to readFile, and held even when readFile hands over more', async () => {
    const memfs = new MemFs({ 'a.txt': DRAFT });
    const asked: (number | undefined)[] = [];
    const read = memfs.params.readFile;
    memfs.params.readFile = async (p: string, max?: number) => {
      asked.push(max);
      return read(p);
    };
    await runCli(['outline', 'a.txt'], { fs: memfs });
    expect(asked).toEqual([MAX_FILE_BYTES]);
    const liar = new MemFs({ 'a.txt': new Uint8Array(MAX_FILE_BYTES + 1) });
    const r = await runCli(['stats', 'a.txt'], { fs: liar });
    expect(r).toMatchObject({ code: 2, out: '', err: 'speech-draft: cannot read a.txt: is larger than 64 MiB\n' });
  });
});

describe('--fix when the file system refuses the write', () => {
  const refusing = (reason: 'changed' | 'read-only' | 'not-regular') => {
    const memfs = new MemFs({ 'a.txt': DRAFT });
    memfs.params.writeFile = async () => {
      throw new RefusedFile(reason);
    };
    return memfs;
  };

  it('changed since read: "not fixing", the problems still reported, exit 2, the file untouched', async () => {
    const r = await runCli(['check', '--fix', 'a.txt'], { fs: refusing('changed') });
    expect(r.err).toBe(
      'speech-draft: not fixing a.txt: it changed on disk after it was read; nothing was written (run --fix again)\n' +
        '1 problem (0 errors, 1 warning) in 1 file\n',
    );
    expect(r.out).toBe(LEFT);
    expect(r.code).toBe(2);
    expect(r.fs.text('/proj/a.txt')).toBe(DRAFT);
  });

  it('read-only, in both languages', async () => {
    const en = await runCli(['check', '--fix', 'a.txt'], { fs: refusing('read-only') });
    expect(en.err).toMatch(/^speech-draft: not fixing a\.txt: the file is read-only\n/);
    const zh = await runCli(['check', '--fix', 'a.txt'], { fs: refusing('read-only'), env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.err).toMatch(/^speech-draft: 未修正 a\.txt：文件为只读\n/);
    expect(zh.code).toBe(2);
  });

  it('the bytes read are handed to writeFile, so that it can compare', async () => {
    const memfs = new MemFs({ 'a.txt': DRAFT });
    let given: Uint8Array | undefined;
    memfs.params.writeFile = async (_p: string, _data: Uint8Array, read?: Uint8Array) => {
      given = read;
    };
    await runCli(['check', '--fix', 'a.txt'], { fs: memfs });
    expect(given && new TextDecoder().decode(given)).toBe(DRAFT);
  });
});
