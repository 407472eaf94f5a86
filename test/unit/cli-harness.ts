/**
 * Runs the CLI in memory: an in-memory file system (absolute POSIX paths), captured stdout/stderr,
 * no process state. Fixtures from test/fixtures/cli/ are loaded into it under a virtual folder.
 */
import type { Segmenter } from '../../src/segment/client';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type CliParams, type DirEntry, type FileStat, main } from '../../src/cli/main';
import { ROOT } from './helpers';

export const CLI_FIXTURES = path.join(ROOT, 'test/fixtures/cli');
export const CWD = '/proj';

export type FileContent = string | Uint8Array | NodeJS.ErrnoException;

function fsError(code: string, p: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${p}`), { code });
}

const bytesOf = (c: string | Uint8Array) => (typeof c === 'string' ? new TextEncoder().encode(c) : c);

function entry(name: string, kind: 'file' | 'dir' | 'link'): DirEntry {
  return { name, isFile: () => kind === 'file', isDirectory: () => kind === 'dir', isSymbolicLink: () => kind === 'link' };
}

/**
 * Files keyed by absolute path; folders exist implicitly as their files' parents; symbolic links
 * (`link(path, target)`) are followed by every operation but readdir, which reports them as links.
 */
export class MemFs {
  readonly files = new Map<string, Uint8Array | NodeJS.ErrnoException>();
  readonly links = new Map<string, string>();
  /** Every writeFile call, in order. */
  readonly writes: string[] = [];

  constructor(files: Record<string, FileContent> = {}, cwd = CWD) {
    for (const [p, c] of Object.entries(files)) this.set(path.resolve(cwd, p), c);
  }

  link(abs: string, target: string): void {
    this.links.set(abs, target);
  }

  /** The path with every symbolic link resolved (ELOOP after 40). */
  private real(p: string): string {
    let current = '/';
    let hops = 0;
    const parts = path.resolve(p).split('/').filter(Boolean);
    while (parts.length > 0) {
      const next = path.join(current, parts.shift()!);
      const target = this.links.get(next);
      if (target === undefined) {
        current = next;
        continue;
      }
      if (++hops > 40) throw fsError('ELOOP', p);
      parts.unshift(...path.resolve(current, target).split('/').filter(Boolean));
      current = '/';
    }
    return current;
  }

  set(abs: string, content: FileContent): void {
    this.files.set(abs, content instanceof Error ? content : bytesOf(content));
  }

  get(abs: string): Uint8Array {
    const f = this.files.get(abs);
    if (!(f instanceof Uint8Array)) throw new Error(`no file ${abs}`);
    return f;
  }

  text(abs: string): string {
    return new TextDecoder().decode(this.get(abs));
  }

  private isDir(abs: string): boolean {
    const prefix = abs === '/' ? '/' : `${abs}/`;
    for (const k of [...this.files.keys(), ...this.links.keys()]) if (k.startsWith(prefix)) return true;
    return false;
  }

  readonly params = {
    readFile: async (p: string): Promise<Uint8Array> => {
      const abs = this.real(p);
      const f = this.files.get(abs);
      if (f instanceof Error) throw f;
      if (f) return f;
      throw fsError(this.isDir(abs) ? 'EISDIR' : 'ENOENT', abs);
    },
    stat: async (p: string): Promise<FileStat> => {
      const abs = this.real(p);
      if (this.files.has(abs)) return { isFile: () => true, isDirectory: () => false };
      if (this.isDir(abs)) return { isFile: () => false, isDirectory: () => true };
      throw fsError('ENOENT', abs);
    },
    readdir: async (p: string): Promise<DirEntry[]> => {
      const abs = this.real(p);
      if (this.files.has(abs)) throw fsError('ENOTDIR', abs);
      if (!this.isDir(abs)) throw fsError('ENOENT', abs);
      const prefix = abs === '/' ? '/' : `${abs}/`;
      const names = new Map<string, 'file' | 'dir' | 'link'>();
      for (const k of [...this.files.keys(), ...this.links.keys()]) {
        if (!k.startsWith(prefix)) continue;
        const rest = k.slice(prefix.length);
        const slash = rest.indexOf('/');
        names.set(slash < 0 ? rest : rest.slice(0, slash), slash >= 0 ? 'dir' : this.links.has(k) ? 'link' : 'file');
      }
      // Deliberately unsorted (reverse order): the CLI must sort.
      return [...names].reverse().map(([name, kind]) => entry(name, kind));
    },
    realpath: async (p: string) => this.real(p),
    writeFile: async (p: string, data: Uint8Array) => {
      const abs = this.real(p);
      this.writes.push(abs);
      this.files.set(abs, Uint8Array.from(data));
    },
  };
}

/** Every file under test/fixtures/cli/<sub>, keyed `<prefix>/<relative path>`. */
export function loadFixtures(sub = '', prefix = CWD): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.join(prefix, path.relative(path.join(CLI_FIXTURES, sub), p))] = fs.readFileSync(p);
    }
  };
  walk(path.join(CLI_FIXTURES, sub));
  return out;
}

export interface Run {
  code: number;
  out: string;
  err: string;
  /** Everything written with stdoutBytes. */
  outBytes: Uint8Array;
  fs: MemFs;
}

export interface RunOptions {
  files?: Record<string, FileContent>;
  fs?: MemFs;
  stdin?: string | Uint8Array;
  env?: Record<string, string>;
  cwd?: string;
  homepage?: string;
  /** Word segmentation for `stats --keywords` (a fake, or a segmenter on a test-built worker). */
  createSegmenter?: CliParams['createSegmenter'];
}

export async function runCli(argv: string[], opts: RunOptions = {}): Promise<Run> {
  const cwd = opts.cwd ?? CWD;
  const memfs = opts.fs ?? new MemFs(opts.files ?? {}, cwd);
  let out = '';
  let err = '';
  const chunks: Uint8Array[] = [];
  const params: CliParams = {
    argv,
    ...memfs.params,
    readStdin: async () => bytesOf(opts.stdin ?? ''),
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    stdoutBytes: (b) => {
      chunks.push(Uint8Array.from(b));
    },
    env: opts.env ?? { LANG: 'en_US.UTF-8' },
    cwd,
    version: '9.9.9',
    homepage: opts.homepage,
    // Hermetic by default: a segmenter that finds no words (tests that need words inject one).
    createSegmenter: opts.createSegmenter ?? noWords,
  };
  const code = await main(params);
  const outBytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    outBytes.set(c, at);
    at += c.length;
  }
  return { code, out, err, outBytes, fs: memfs };
}

/** The byte offsets at which two byte arrays of the same length differ. */
export function differingOffsets(a: Uint8Array, b: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) out.push(i);
  return out;
}

/** A segmenter that answers at once with no words and no keywords. */
export function noWords(): Segmenter {
  return {
    cut: async (texts) => texts.map(() => []),
    tag: async (texts) => texts.map(() => []),
    extract: async () => [],
    dispose: async () => undefined,
    stats: () => ({ loaded: true, pid: undefined, starts: 1, pending: 0 }),
    onExit: () => () => undefined,
  };
}
