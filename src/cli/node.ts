/** CliParams backed by node:fs and the process: what bin/speech-draft.js runs with. */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DecodeError, MAX_FILE_BYTES } from '../core/encoding';
import type { CliParams } from './io';

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

export async function readFileBounded(file: string): Promise<Uint8Array> {
  const st = await fs.promises.stat(file);
  if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  if (st.size > MAX_FILE_BYTES) throw new DecodeError('too-large', 'too large');
  return fs.promises.readFile(file);
}

/**
 * Replaces a file's content atomically: the bytes go to a temporary file in the same folder
 * (flushed to disk), which is then renamed over the original. The original's permissions are kept;
 * a symbolic link is followed, so the link stays a link and its target gets the new content.
 */
export async function writeFileAtomic(file: string, data: Uint8Array): Promise<void> {
  const target = await fs.promises.realpath(file).catch(() => file);
  const mode = await fs.promises.stat(target).then((s) => s.mode & 0o7777, () => undefined);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.speech-draft.tmp`);
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(tmp, 'wx', mode ?? 0o666);
    await handle.writeFile(data);
    if (mode !== undefined) await handle.chmod(mode); // open() applies the umask; chmod does not
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.promises.rename(tmp, target);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
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
    readFile: readFileBounded,
    readStdin: readAllStdin,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stdoutBytes: (b) => process.stdout.write(b),
    env: process.env,
    cwd: process.cwd(),
    stat: (f) => fs.promises.stat(f),
    readdir: (d) => fs.promises.readdir(d, { withFileTypes: true }),
    realpath: (f) => fs.promises.realpath(f),
    writeFile: writeFileAtomic,
    version: pkg.version,
    homepage: homepageOf(pkg),
  };
}
