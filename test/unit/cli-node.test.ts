import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/cli/node';

/** The node:fs side of the CLI: --fix replaces files through a temporary file and a rename. */
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
