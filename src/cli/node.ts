/** CliParams backed by node:fs and the process: what bin/speech-draft.js runs with. */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DecodeError, MAX_FILE_BYTES } from '../core/encoding';
import { type CliParams, RefusedFile } from './io';

function readAllStdin(): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    process.stdin.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_FILE_BYTES) {
        reject(new DecodeError('too-large', 'too large'));
        process.stdin.destroy();
        return;
      }
      chunks.push(c);
    });
    process.stdin.on('end', () => resolve(Buffer.concat(chunks)));
    process.stdin.on('error', reject);
  });
}

/** What a file was when it was read: enough to tell, before writing, that it is still that file. */
interface FileVersion {
  dev: bigint;
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  /** SHA-256 of the bytes read. */
  hash: string;
}

/**
 * The version of each buffer readFileBounded returned, so that writeFileAtomic, handed those very
 * bytes back, can compare. Weak: a buffer dropped by the caller takes its entry with it.
 */
const versions = new WeakMap<Uint8Array, FileVersion>();

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

// O_NONBLOCK: opening a FIFO for reading then returns at once instead of waiting for a writer, and
// fstat on the descriptor says what it is before a byte is read (no window between a stat of the
// path and the open). It changes nothing for regular files. Not defined on Windows, where FIFOs
// are not files.
const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0;
const O_NOCTTY = fs.constants.O_NOCTTY ?? 0;

/**
 * Reads at most `maxBytes` from an open regular file: never trusting its size (a file may grow
 * while read, /proc files say 0), it reads up to one byte more than the limit and refuses if that
 * byte came.
 */
async function readLimited(handle: fs.promises.FileHandle, sizeHint: number, maxBytes: number): Promise<Uint8Array> {
  let buf = Buffer.allocUnsafe(Math.min(Math.max(sizeHint + 1, 64 * 1024), maxBytes + 1));
  let length = 0;
  for (;;) {
    if (length === buf.length) {
      if (length > maxBytes) break;
      const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, maxBytes + 1));
      buf.copy(bigger, 0, 0, length);
      buf = bigger;
    }
    const { bytesRead } = await handle.read(buf, length, buf.length - length, length);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  if (length > maxBytes) throw new DecodeError('too-large', 'too large', undefined, maxBytes);
  return buf.subarray(0, length);
}

/** Opens `file` for reading without blocking and makes sure it is a regular file. */
async function openRegular(file: string, flags = fs.constants.O_RDONLY): Promise<{ handle: fs.promises.FileHandle; st: fs.BigIntStats }> {
  const handle = await fs.promises.open(file, flags | O_NONBLOCK | O_NOCTTY);
  try {
    const st = await handle.stat({ bigint: true });
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (!st.isFile()) throw new RefusedFile('not-regular');
    return { handle, st };
  } catch (err) {
    await handle.close().catch(() => undefined);
    throw err;
  }
}

/**
 * Reads a regular file, at most `maxBytes`: a device (/dev/zero), a FIFO or a socket is refused
 * before a byte is read, and an endless or growing file stops at the limit.
 */
export async function readFileBounded(file: string, maxBytes = MAX_FILE_BYTES): Promise<Uint8Array> {
  const { handle, st } = await openRegular(file);
  try {
    const bytes = await readLimited(handle, Number(st.size), maxBytes);
    versions.set(bytes, { dev: st.dev, ino: st.ino, size: st.size, mtimeNs: st.mtimeNs, hash: sha256(bytes) });
    return bytes;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

export interface WriteHooks {
  /**
   * Runs when the new content is ready (in its temporary file, or, in place, just before writing)
   * and before the last comparison with what was read: the tests put a concurrent writer here.
   */
  beforeCommit?: (target: string) => void | Promise<void>;
}

const changed = () => new RefusedFile('changed');

/**
 * Throws RefusedFile('changed') unless the file open in `handle`, which `target` must still name,
 * holds exactly the bytes `read` (and, when the read was ours, is the same file: device, inode,
 * size, modification time, SHA-256).
 */
async function compareOpen(handle: fs.promises.FileHandle, target: string, read: Uint8Array): Promise<void> {
  const version = versions.get(read);
  const st = await handle.stat({ bigint: true });
  const named = await fs.promises.stat(target, { bigint: true }).catch(() => undefined);
  if (!named || named.dev !== st.dev || named.ino !== st.ino) throw changed();
  if (version && (st.dev !== version.dev || st.ino !== version.ino || st.mtimeNs !== version.mtimeNs)) throw changed();
  if (st.size !== BigInt(read.length)) throw changed();
  let now: Uint8Array;
  try {
    now = await readLimited(handle, read.length, read.length);
  } catch (err) {
    if (err instanceof DecodeError) throw changed(); // it grew while being compared
    throw err;
  }
  if (sha256(now) !== (version?.hash ?? sha256(read))) throw changed();
}

/** Opens `target` afresh and compares it with `read` (nothing to compare without it). */
async function assertUnchanged(target: string, read: Uint8Array | undefined): Promise<void> {
  if (!read) return;
  let opened;
  try {
    opened = await openRegular(target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (err instanceof RefusedFile || code === 'ENOENT' || code === 'EISDIR') throw changed(); // replaced or removed
    throw err;
  }
  try {
    await compareOpen(opened.handle, target, read);
  } finally {
    await opened.handle.close().catch(() => undefined);
  }
}

/**
 * A file may be written only if its own permissions say so: with no write bit at all it is
 * read-only, as editors treat it, even for root (whom access() would let through); otherwise the
 * system decides (EACCES: someone else's file in a folder we may write to).
 */
async function assertWritable(target: string, st: fs.BigIntStats): Promise<void> {
  if ((st.mode & 0o222n) === 0n) throw new RefusedFile('read-only');
  await fs.promises.access(target, fs.constants.W_OK);
}

/**
 * Writes over the file itself, for a file with several hard links (a new file renamed into place
 * would leave the other names on the old content) or one whose owner a new file cannot get. Same
 * comparison first; not atomic: a crash in the middle of the write can leave it partly written.
 */
async function writeInPlace(target: string, data: Uint8Array, read: Uint8Array | undefined, hooks: WriteHooks): Promise<void> {
  const { handle } = await openRegular(target, fs.constants.O_RDWR);
  try {
    await hooks.beforeCommit?.(target);
    if (read) await compareOpen(handle, target, read);
    let at = 0;
    while (at < data.length) at += (await handle.write(data, at, data.length - at, at)).bytesWritten;
    await handle.truncate(data.length);
    await handle.sync();
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Flushes a folder's entries (the rename) to disk; where that is not possible, nothing is lost. */
async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.promises.open(dir, 'r').catch(() => undefined);
  await handle?.sync().catch(() => undefined);
  await handle?.close().catch(() => undefined);
}

/**
 * Replaces a file's content so that no write is lost or half done:
 * - a symbolic link is followed: the target gets the content, the link stays a link;
 * - a read-only file (no write bit) is refused, RefusedFile('read-only');
 * - with `read` (the bytes readFileBounded returned for this file), the file must still be what
 *   was read, compared when starting and again just before the new content replaces it: else
 *   RefusedFile('changed'), and nothing is written;
 * - the bytes go to a temporary file in the same folder, which gets the original's owner, group
 *   and mode and is flushed to disk, then renamed over the original (atomic: a reader or a crash
 *   sees the old or the new file, never a mix);
 * - a file with several hard links, or whose owner or group a new file cannot be given (someone
 *   else's file, writable to us), or in a folder where no new file can be made, is written in
 *   place instead, after the same checks, so the links stay one file and the owner stays.
 * The only window left is between the last comparison and the rename (or the write), a few
 * system calls long.
 */
export async function writeFileAtomic(file: string, data: Uint8Array, read?: Uint8Array, hooks: WriteHooks = {}): Promise<void> {
  const target = await fs.promises.realpath(file);
  const st = await fs.promises.stat(target, { bigint: true });
  if (!st.isFile()) throw new RefusedFile('not-regular');
  await assertWritable(target, st);
  await assertUnchanged(target, read);
  if (st.nlink > 1n) return writeInPlace(target, data, read, hooks);

  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.speech-draft.tmp`);
  let handle: fs.promises.FileHandle | undefined;
  try {
    // Private until it has the original's owner and mode.
    handle = await fs.promises.open(tmp, 'wx', 0o600);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return writeInPlace(target, data, read, hooks);
    throw err;
  }
  try {
    let at = 0;
    while (at < data.length) at += (await handle.write(data, at, data.length - at, at)).bytesWritten;
    const own = await handle.stat({ bigint: true });
    if (own.uid !== st.uid || own.gid !== st.gid) {
      try {
        await handle.chown(Number(st.uid), Number(st.gid));
      } catch {
        // Not root and not a member of the file's group: a new file would change hands.
        await handle.close();
        handle = undefined;
        await fs.promises.rm(tmp, { force: true });
        return await writeInPlace(target, data, read, hooks);
      }
    }
    // After chown, which clears set-user-ID and set-group-ID bits; chmod is not masked by umask.
    await handle.chmod(Number(st.mode & 0o7777n));
    await handle.sync();
    await handle.close();
    handle = undefined;
    await hooks.beforeCommit?.(target);
    await assertUnchanged(target, read);
    await fs.promises.rename(tmp, target);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
  await syncFolder(path.dirname(target));
}

function readPackageJson(): { version?: string; homepage?: string; repository?: string | { url?: string } } {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
  } catch {
    return {};
  }
}

/** A web address for SARIF's informationUri: package.json `homepage`, else its repository. */
function homepageOf(pkg: ReturnType<typeof readPackageJson>): string | undefined {
  if (pkg.homepage) return pkg.homepage;
  const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  if (!repo) return undefined;
  const url = repo.replace(/^git\+/, '').replace(/\.git$/, '');
  return /^https?:\/\//.test(url) ? url : undefined;
}

export function nodeParams(): CliParams {
  const pkg = readPackageJson();
  return {
    argv: process.argv.slice(2),
    readFile: (f, maxBytes) => readFileBounded(f, maxBytes),
    readStdin: readAllStdin,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stdoutBytes: (b) => process.stdout.write(b),
    env: process.env,
    cwd: process.cwd(),
    stat: (f) => fs.promises.stat(f),
    readdir: (d) => fs.promises.readdir(d, { withFileTypes: true }),
    realpath: (f) => fs.promises.realpath(f),
    writeFile: (f, data, read) => writeFileAtomic(f, data, read),
    version: pkg.version,
    homepage: homepageOf(pkg),
  };
}
