// Client of the segmentation service: runs nodejieba in a child process (dist/segmenter.js, built
// from worker.ts) so its ~1.6 s load never blocks the caller, its abort() on a bad dictionary kills
// only the child, and its ~240 MB go back to the system when the child is ended after idleMs.
// No `vscode` import: the CLI and the extension both use it.
import { fork, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DEFAULT_MAX_BYTES,
  UNAVAILABLE_CODES,
  type Keyword,
  type SegmentRequest,
  type TaggedWord,
  type WorkerConfig,
  type WorkerErrorCode,
  type WorkerMessage,
} from './protocol';

export type { Keyword, TaggedWord } from './protocol';

/** File names inside `dictDir`. */
export const OFFICIAL_DICT_FILE = 'official.dict.utf8';
export const STOP_WORDS_FILE = 'stopwords.txt';

export interface SegmenterOptions {
  /** The built worker, dist/segmenter.js. */
  workerPath: string;
  /** Directory holding official.dict.utf8 and stopwords.txt (the repository's dict/). */
  dictDir: string;
  /** Further user dictionaries (e.g. a project's), format `word [freq] [tag]`. */
  userDicts?: string[];
  /** End the child after this long without requests (default 5 minutes). */
  idleMs?: number;
  /** Reject a request not answered within this time and restart the child (default 30 s; includes the cold load). */
  timeoutMs?: number;
  /** Largest request, in UTF-8 bytes of text (default 20 MB). */
  maxBytes?: number;
  /** Largest dictionary file, in bytes (default MAX_DICT_BYTES, 5 MiB). */
  maxDictBytes?: number;
  log?: (message: string) => void;
  /** Module the worker requires instead of `nodejieba` (tests simulate a missing install with it). */
  jiebaModule?: string;
}

export type UnavailableCode =
  | 'not-installed'
  | 'dictionary'
  | 'load-failed'
  | 'worker-missing'
  | 'spawn-failed'
  | 'crashed'
  | 'timeout'
  | 'disposed';

/** Word segmentation cannot answer: the caller should turn word-level checks off, not fail. */
export class SegmenterUnavailableError extends Error {
  override readonly name = 'SegmenterUnavailableError';
  constructor(
    readonly code: UnavailableCode,
    /** English reason. */
    readonly reason: string,
    /** Chinese reason. */
    readonly reasonZh: string,
  ) {
    super(`Word segmentation unavailable: ${reason} / 分词不可用：${reasonZh}`);
  }
}

/** One request was refused (bad input, too large, nodejieba threw on it); the service still works. */
export class SegmenterRequestError extends Error {
  override readonly name = 'SegmenterRequestError';
  constructor(
    readonly code: 'bad-request' | 'too-large' | 'internal',
    message: string,
    readonly messageZh: string,
  ) {
    super(`${message} / ${messageZh}`);
  }
}

export interface SegmenterStats {
  /** The child is running and has loaded nodejieba. */
  loaded: boolean;
  /** The child's pid, undefined when none is running. */
  pid: number | undefined;
  /** How many children have been started. */
  starts: number;
  /** nodejieba's load time in the current child. */
  loadMs?: number;
  /** The child's RSS right after loading. */
  rssBytesAfterLoad?: number;
  /** Requests waiting for an answer. */
  pending: number;
}

export interface SegmenterExit {
  pid: number | undefined;
  code: number | null;
  signal: NodeJS.Signals | null;
  reason: 'idle' | 'dispose' | 'timeout' | 'crash';
}

export interface Segmenter {
  /** Words of each text (HMM on). */
  cut(texts: string[]): Promise<string[][]>;
  /** Words with part-of-speech tags, for each text. */
  tag(texts: string[]): Promise<TaggedWord[][]>;
  /** TF-IDF keywords of a text, at most topN, our stop list applied. */
  extract(text: string, topN: number): Promise<Keyword[]>;
  /** End the child; later calls reject with code `disposed`. Resolves once the child has exited. */
  dispose(): Promise<void>;
  stats(): SegmenterStats;
  /** Called whenever a child exits (idle, dispose, timeout, crash). Returns an unsubscribe function. */
  onExit(listener: (exit: SegmenterExit) => void): () => void;
}

/** Where the worker and dictionaries sit in the repository / packaged extension. */
export function bundledSegmenterPaths(root: string): { workerPath: string; dictDir: string } {
  return { workerPath: path.join(root, 'dist', 'segmenter.js'), dictDir: path.join(root, 'dict') };
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

interface Session {
  child: ChildProcess;
  pending: Map<number, Pending>;
  loaded: boolean;
  loadMs?: number;
  rssBytesAfterLoad?: number;
  stderrTail: string;
  /** Why we are ending it; undefined while it should live. */
  ending?: SegmenterExit['reason'];
  exited: Promise<void>;
}

/** A request without its id (Omit distributed over the union). */
type RequestBody = SegmentRequest extends infer R ? (R extends SegmentRequest ? Omit<R, 'id'> : never) : never;

const DEFAULT_IDLE_MS = 5 * 60 * 1000;
const DEFAULT_TIMEOUT_MS = 30 * 1000;
const KILL_GRACE_MS = 2000;

export function createSegmenter(options: SegmenterOptions): Segmenter {
  const workerPath = path.resolve(options.workerPath);
  const dictDir = path.resolve(options.dictDir);
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const log = options.log ?? (() => undefined);
  const config: WorkerConfig = {
    officialDict: path.join(dictDir, OFFICIAL_DICT_FILE),
    stopWords: path.join(dictDir, STOP_WORDS_FILE),
    userDicts: (options.userDicts ?? []).map((f) => path.resolve(f)),
    jiebaModule: options.jiebaModule,
    maxBytes,
    maxDictBytes: options.maxDictBytes,
  };

  let session: Session | undefined;
  let nextId = 1;
  let starts = 0;
  let disposed = false;
  let idleTimer: NodeJS.Timeout | undefined;
  const exitListeners = new Set<(exit: SegmenterExit) => void>();

  function setRef(s: Session, on: boolean): void {
    const handles = [s.child, s.child.channel, s.child.stdout, s.child.stderr] as Array<
      { ref?: () => void; unref?: () => void } | null | undefined
    >;
    for (const h of handles) (on ? h?.ref : h?.unref)?.call(h);
  }

  function clearIdle(): void {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = undefined;
  }

  function armIdle(s: Session): void {
    clearIdle();
    idleTimer = setTimeout(() => {
      idleTimer = undefined;
      if (session === s && s.pending.size === 0) {
        log(`segmenter: idle for ${idleMs} ms, ending child ${s.child.pid}`);
        end(s, 'idle');
      }
    }, idleMs);
    idleTimer.unref();
  }

  /** Stop routing requests to `s` and end it: politely (disconnect) unless it is stuck. */
  function end(s: Session, reason: SegmenterExit['reason']): void {
    if (s.ending) return;
    s.ending = reason;
    if (session === s) session = undefined;
    if (s.child.exitCode !== null || s.child.signalCode !== null) return;
    if (reason === 'timeout') {
      s.child.kill('SIGKILL');
      return;
    }
    // The worker exits on 'disconnect' (cleaning its temp files); SIGKILL if it does not.
    try {
      s.child.disconnect();
    } catch {
      // already disconnected
    }
    const force = setTimeout(() => s.child.kill('SIGKILL'), KILL_GRACE_MS);
    force.unref();
    s.exited.then(() => clearTimeout(force));
  }

  function failAll(s: Session, error: Error): void {
    for (const [id, p] of s.pending) {
      clearTimeout(p.timer);
      s.pending.delete(id);
      p.reject(error);
    }
  }

  function crashError(s: Session, code: number | null, signal: NodeJS.Signals | null): SegmenterUnavailableError {
    const how = signal ? `killed by ${signal}` : `exited with code ${code}`;
    const tail = s.stderrTail.trim().split('\n').slice(-3).join(' | ');
    const detail = tail ? ` (stderr: ${tail})` : '';
    const hint = !s.loaded && signal === 'SIGABRT' ? '; nodejieba aborts on a dictionary it cannot open' : '';
    return new SegmenterUnavailableError(
      'crashed',
      `the segmenter process ${how} ${s.loaded ? 'while working' : 'while loading nodejieba'}${hint}${detail}; it restarts on the next request`,
      `分词进程${signal ? `被信号 ${signal} 终止` : `退出（代码 ${code}）`}${s.loaded ? '' : '（加载 nodejieba 时）'}，下次请求时会重新启动`,
    );
  }

  function start(): Session {
    if (!fs.existsSync(workerPath)) {
      throw new SegmenterUnavailableError(
        'worker-missing',
        `the segmenter worker is missing: ${workerPath} (run \`npm run build\`)`,
        `分词进程文件不存在：${workerPath}（请先运行 \`npm run build\`）`,
      );
    }
    let child: ChildProcess;
    try {
      child = fork(workerPath, [JSON.stringify(config)], {
        cwd: path.dirname(workerPath),
        // Inside VS Code process.execPath is Electron: make it behave as Node.
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        // Do not inherit --inspect and the like from the extension host or the test runner.
        execArgv: [],
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        serialization: 'json',
      });
    } catch (err) {
      throw new SegmenterUnavailableError(
        'spawn-failed',
        `cannot start the segmenter process: ${(err as Error).message}`,
        `无法启动分词进程：${(err as Error).message}`,
      );
    }
    starts++;
    let markExited!: () => void;
    const s: Session = {
      child,
      pending: new Map(),
      loaded: false,
      stderrTail: '',
      exited: new Promise<void>((resolve) => (markExited = resolve)),
    };
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (d: string) => log(`segmenter[${child.pid}]: ${d.trimEnd()}`));
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (d: string) => {
      s.stderrTail = (s.stderrTail + d).slice(-4000);
      log(`segmenter[${child.pid}] stderr: ${d.trimEnd()}`);
    });
    child.on('message', (m) => onMessage(s, m as WorkerMessage));
    child.on('error', (err) => {
      // Spawn failure, or a send on a dead channel: the 'exit' handler (if any) cleans up.
      log(`segmenter: child error: ${err.message}`);
      if (child.pid === undefined) {
        if (session === s) session = undefined;
        failAll(
          s,
          new SegmenterUnavailableError(
            'spawn-failed',
            `cannot start the segmenter process: ${err.message}`,
            `无法启动分词进程：${err.message}`,
          ),
        );
        markExited();
      }
    });
    child.on('exit', (code, signal) => {
      if (session === s) session = undefined;
      const reason = s.ending ?? 'crash';
      if (reason === 'crash') log(`segmenter: child ${child.pid} died (code ${code}, signal ${signal})`);
      const error =
        reason === 'timeout'
          ? new SegmenterUnavailableError(
              'timeout',
              `the segmenter was restarted after a request timed out (${timeoutMs} ms)`,
              `请求超时（${timeoutMs} 毫秒），分词进程已重启`,
            )
          : reason === 'dispose'
            ? disposedError()
            : crashError(s, code, signal);
      failAll(s, error);
      if (session === undefined && !disposed) clearIdle();
      markExited();
      const exit: SegmenterExit = { pid: child.pid, code, signal, reason };
      for (const l of exitListeners) {
        try {
          l(exit);
        } catch {
          // a listener's problem is not ours
        }
      }
    });
    return s;
  }

  function onMessage(s: Session, m: WorkerMessage): void {
    if ('event' in m) {
      if (m.event === 'loaded') {
        s.loaded = true;
        s.loadMs = m.loadMs;
        s.rssBytesAfterLoad = m.rssBytes;
        log(`segmenter: nodejieba loaded in ${m.loadMs} ms, RSS ${(m.rssBytes / 1048576).toFixed(0)} MB`);
      } else if (m.event === 'log') {
        log(`segmenter: ${m.message}`);
      }
      return;
    }
    const p = s.pending.get(m.id);
    if (!p) return; // timed out already
    clearTimeout(p.timer);
    s.pending.delete(m.id);
    if (m.ok) {
      p.resolve(m.result);
    } else {
      const e = m.error;
      p.reject(
        (UNAVAILABLE_CODES as readonly WorkerErrorCode[]).includes(e.code)
          ? new SegmenterUnavailableError(e.code as UnavailableCode, e.message, e.messageZh)
          : new SegmenterRequestError(e.code as SegmenterRequestError['code'], e.message, e.messageZh),
      );
    }
    if (s.pending.size === 0 && session === s) {
      setRef(s, false);
      armIdle(s);
    }
  }

  function disposedError(): SegmenterUnavailableError {
    return new SegmenterUnavailableError('disposed', 'the segmenter has been disposed', '分词服务已关闭');
  }

  function request<T>(message: RequestBody, bytes: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (disposed) return reject(disposedError());
      if (bytes > maxBytes) {
        return reject(
          new SegmenterRequestError(
            'too-large',
            `request too large: ${bytes} bytes (limit ${maxBytes})`,
            `请求过大：${bytes} 字节（上限 ${maxBytes}）`,
          ),
        );
      }
      let s: Session;
      try {
        s = session ?? (session = start());
      } catch (err) {
        return reject(err);
      }
      clearIdle();
      setRef(s, true);
      const id = nextId++;
      const timer = setTimeout(() => {
        if (!s.pending.delete(id)) return;
        reject(
          new SegmenterUnavailableError(
            'timeout',
            `no answer from the segmenter within ${timeoutMs} ms; restarting it`,
            `分词进程 ${timeoutMs} 毫秒内无响应，正在重启`,
          ),
        );
        end(s, 'timeout');
      }, timeoutMs);
      s.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      try {
        s.child.send({ ...message, id } as SegmentRequest, (err) => {
          if (err && s.pending.delete(id)) {
            clearTimeout(timer);
            reject(
              new SegmenterUnavailableError(
                'crashed',
                `cannot reach the segmenter process: ${err.message}`,
                `无法与分词进程通信：${err.message}`,
              ),
            );
          }
        });
      } catch (err) {
        if (s.pending.delete(id)) {
          clearTimeout(timer);
          reject(
            new SegmenterUnavailableError(
              'crashed',
              `cannot reach the segmenter process: ${(err as Error).message}`,
              `无法与分词进程通信：${(err as Error).message}`,
            ),
          );
        }
      }
    });
  }

  function textsBytes(texts: unknown): number {
    if (!Array.isArray(texts) || !texts.every((t) => typeof t === 'string')) return -1;
    return texts.reduce((n: number, t: string) => n + Buffer.byteLength(t, 'utf8'), 0);
  }

  function badTexts(): Promise<never> {
    return Promise.reject(new SegmenterRequestError('bad-request', 'texts must be an array of strings', 'texts 必须是字符串数组'));
  }

  return {
    cut(texts) {
      const bytes = textsBytes(texts);
      return bytes < 0 ? badTexts() : request<string[][]>({ op: 'cut', texts }, bytes);
    },
    tag(texts) {
      const bytes = textsBytes(texts);
      return bytes < 0 ? badTexts() : request<TaggedWord[][]>({ op: 'tag', texts }, bytes);
    },
    extract(text, topN) {
      if (typeof text !== 'string') {
        return Promise.reject(new SegmenterRequestError('bad-request', 'text must be a string', 'text 必须是字符串'));
      }
      return request<Keyword[]>({ op: 'extract', text, topN }, Buffer.byteLength(text, 'utf8'));
    },
    async dispose() {
      disposed = true;
      clearIdle();
      const s = session;
      if (!s) return;
      // An idle child is unref'd; keep it referenced until it has exited, or a plain Node process
      // (the CLI) would end while awaiting this, before printing anything.
      setRef(s, true);
      end(s, 'dispose');
      await s.exited;
    },
    stats() {
      const s = session;
      return {
        loaded: !!s?.loaded,
        pid: s?.child.pid,
        starts,
        loadMs: s?.loadMs,
        rssBytesAfterLoad: s?.rssBytesAfterLoad,
        pending: s?.pending.size ?? 0,
      };
    },
    onExit(listener) {
      exitListeners.add(listener);
      return () => exitListeners.delete(listener);
    },
  };
}
