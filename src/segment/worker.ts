// Child-process entry of the segmentation service (built to dist/segmenter.js).
//
// nodejieba costs ~1.6 s and ~240 MB on its first load, calls abort() on a missing dictionary file,
// resolves paths against the cwd, splits paths on `;` and `|`, silently ignores CRLF user
// dictionaries and assigns globals in load() (ARCHITECTURE.md, "nodejieba: measured facts"). So it
// lives in its own process, loaded lazily on the first request, with every path made absolute and
// checked before load() sees it; the parent kills this process when idle to get the memory back.
// Requests and answers travel over the IPC channel (see protocol.ts). Errors are answers, never
// crashes.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  type Keyword,
  MAX_DICT_BYTES,
  type SegmentRequest,
  type TaggedWord,
  type WorkerConfig,
  type WorkerError,
  type WorkerErrorCode,
  type WorkerMessage,
} from './protocol';

interface Jieba {
  DEFAULT_DICT: string;
  DEFAULT_HMM_DICT: string;
  DEFAULT_IDF_DICT: string;
  load(options: { dict: string; hmmDict: string; userDict: string; idfDict: string; stopWordDict: string }): unknown;
  cut(text: string, hmm: boolean): string[];
  tag(text: string): TaggedWord[];
  extract(text: string, topN: number): Keyword[];
}

class WorkerFailure extends Error {
  constructor(
    readonly code: WorkerErrorCode,
    message: string,
    readonly messageZh: string,
  ) {
    super(message);
  }
}

const dictionaryProblem = (en: string, zh: string) => new WorkerFailure('dictionary', en, zh);

let config: WorkerConfig;
let jieba: Jieba | undefined;
let tempDir: string | undefined;
let tempCount = 0;

function send(message: WorkerMessage): void {
  if (!process.connected || !process.send) return;
  try {
    // With a callback, a write to a parent that has gone (EPIPE) is reported here instead of as an
    // uncaught 'error' event; 'disconnect' then ends us.
    process.send(message, undefined, undefined, () => undefined);
  } catch {
    // The channel is closed already.
  }
}

function log(message: string): void {
  send({ event: 'log', message });
}

/** Absolute, free of nodejieba's path separators, an existing readable regular file. */
type Label = readonly [en: string, zh: string];

function checkFile(file: string, [what, whatZh]: Label): string {
  if (typeof file !== 'string' || file.length === 0) {
    throw dictionaryProblem(`${what}: no path given`, `${whatZh}：未提供路径`);
  }
  if (!path.isAbsolute(file)) {
    throw dictionaryProblem(`${what}: path is not absolute: ${file}`, `${whatZh}：路径不是绝对路径：${file}`);
  }
  if (/[;|]/.test(file)) {
    throw dictionaryProblem(
      `${what}: path contains ';' or '|', which nodejieba treats as separators: ${file}`,
      `${whatZh}：路径含有“;”或“|”，nodejieba 会把它当作分隔符：${file}`,
    );
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw dictionaryProblem(`${what}: file not found: ${file}`, `${whatZh}：文件不存在：${file}`);
  }
  if (!stat.isFile()) {
    throw dictionaryProblem(`${what}: not a regular file: ${file}`, `${whatZh}：不是普通文件：${file}`);
  }
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch {
    throw dictionaryProblem(`${what}: file is not readable: ${file}`, `${whatZh}：文件不可读：${file}`);
  }
  return file;
}

/** 157286400 → "150 MiB"; below 1 MiB in bytes. */
function megabytes(n: number): string {
  return n < 1024 * 1024 ? `${n} bytes` : `${Math.round((n / 1024 / 1024) * 10) / 10} MiB`;
}

/**
 * The text of a dictionary file, read through one descriptor with a byte limit: refused when it is
 * not a regular file (checked on the open descriptor, so a file swapped for a FIFO after the path
 * was checked cannot block us) or larger than the limit, before a large file is read at all; the
 * read itself stops past the limit, whatever the size said.
 */
function readDictionary(file: string, [what, whatZh]: Label): string {
  const limit = config.maxDictBytes ?? MAX_DICT_BYTES;
  const tooLarge = (size: string) =>
    dictionaryProblem(
      `${what}: ${file} is ${size}, larger than the ${megabytes(limit)} a dictionary may have; it was not loaded`,
      `${whatZh}：${file} 有 ${size}，超过词典允许的 ${megabytes(limit)}，未加载`,
    );
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw dictionaryProblem(`${what}: not a regular file: ${file}`, `${whatZh}：不是普通文件：${file}`);
    if (stat.size > limit) throw tooLarge(megabytes(stat.size));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1024 * 1024, limit + 1 - total));
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > limit) throw tooLarge(`more than ${megabytes(limit)}`);
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

function writeTemp(name: string, text: string): string {
  if (!tempDir) {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-segmenter-'));
  }
  const file = path.join(tempDir, name);
  fs.writeFileSync(file, text, 'utf8');
  return checkFile(file, ['temporary dictionary copy', '词典临时副本']);
}

/**
 * A user dictionary as cppjieba reads it: one entry a line, fields split on single spaces,
 * `word`, `word tag` or `word freq tag` (two fields mean word + TAG, not word + freq). CRLF, a BOM,
 * tabs or repeated spaces make entries silently fail, and other field counts insert empty words.
 * Returns the file itself when it is clean and `ours` (the dictionary we ship), else a normalised
 * copy in a temp directory: a user's dictionary always goes to nodejieba as the copy of what was
 * read and checked here, so a file that grows or is replaced in between is never loaded unchecked.
 */
function prepareUserDict(file: string, what: Label, ours: boolean): string {
  checkFile(file, what);
  const raw = readDictionary(file, what);
  const lines = raw.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const out: string[] = [];
  const notes: string[] = [];
  lines.forEach((line, i) => {
    const fields = line.trim().split(/\s+/).filter(Boolean);
    if (fields.length === 0) return;
    if (fields.length === 2 && /^\d+$/.test(fields[1])) {
      // jieba (Python) style `word freq`: cppjieba would read the number as a tag.
      fields.push('nz');
      notes.push(`line ${i + 1}: "word freq" read as "word freq nz"`);
    }
    if (fields.length > 3 || (fields.length === 3 && !/^[1-9]\d*$/.test(fields[1]))) {
      notes.push(`line ${i + 1} skipped (expected "word [freq] [tag]")`);
      return;
    }
    out.push(fields.join(' '));
  });
  const clean = out.join('\n') + '\n';
  const copyName = `user-${++tempCount}-${path.basename(file).replace(/[^\w.-]/g, '_')}`;
  if (clean === raw) return ours ? file : writeTemp(copyName, clean);
  const reasons: string[] = [];
  if (raw.startsWith('\uFEFF')) reasons.push('BOM removed');
  if (raw.includes('\r')) reasons.push('CRLF converted to LF');
  log(`${what[0]} ${file}: using a normalised copy (${[...reasons, ...notes].join('; ') || 'whitespace normalised'})`);
  return writeTemp(copyName, clean);
}

/** The stop list: one word a line; CRLF or a BOM would make every entry miss. Must not be empty. */
function prepareStopWords(file: string): string {
  checkFile(file, ['stop-word list', '停用词表']);
  const raw = readDictionary(file, ['stop-word list', '停用词表']);
  const words = raw
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((w) => w.trim())
    .filter(Boolean);
  if (words.length === 0) {
    throw dictionaryProblem(`stop-word list is empty: ${file}`, `停用词表为空：${file}`);
  }
  const clean = words.join('\n') + '\n';
  if (clean === raw) return file;
  log(`stop-word list ${file}: using a normalised copy (CRLF, BOM or blank lines)`);
  return writeTemp('stopwords.txt', clean);
}

function ensureLoaded(): Jieba {
  if (jieba) return jieba;
  const moduleName = config.jiebaModule ?? 'nodejieba';
  let mod: Jieba;
  try {
    mod = createRequire(__filename)(moduleName) as Jieba;
  } catch (err) {
    throw new WorkerFailure(
      'not-installed',
      `nodejieba is not installed or cannot be loaded (${moduleName}: ${(err as Error).message.split('\n')[0]}). Word-level checks are off; run \`npm install\` (with install scripts allowed) to enable them.`,
      `未安装或无法加载 nodejieba（${moduleName}），词语级检查已停用；请运行 \`npm install\`（允许安装脚本）后重试。`,
    );
  }
  const userDicts = [config.officialDict, ...config.userDicts].map((f, i) =>
    prepareUserDict(f, i === 0 ? ['official user dictionary', '公文用户词典'] : ['user dictionary', '用户词典'], i === 0),
  );
  const options = {
    dict: checkFile(mod.DEFAULT_DICT, ['nodejieba dictionary', 'nodejieba 主词典']),
    hmmDict: checkFile(mod.DEFAULT_HMM_DICT, ['nodejieba HMM model', 'nodejieba HMM 模型']),
    idfDict: checkFile(mod.DEFAULT_IDF_DICT, ['nodejieba IDF dictionary', 'nodejieba IDF 词典']),
    stopWordDict: prepareStopWords(config.stopWords),
    userDict: userDicts.join('|'),
  };
  const start = Date.now();
  try {
    mod.load(options);
  } catch (err) {
    throw new WorkerFailure(
      'load-failed',
      `nodejieba failed to load: ${(err as Error).message}`,
      `nodejieba 加载失败：${(err as Error).message}`,
    );
  }
  jieba = mod;
  send({ event: 'loaded', loadMs: Date.now() - start, rssBytes: process.memoryUsage().rss, userDicts });
  return mod;
}

function badRequest(en: string, zh: string): WorkerFailure {
  return new WorkerFailure('bad-request', en, zh);
}

function checkSize(bytes: number): void {
  if (bytes > config.maxBytes) {
    throw new WorkerFailure(
      'too-large',
      `request too large: ${bytes} bytes (limit ${config.maxBytes})`,
      `请求过大：${bytes} 字节（上限 ${config.maxBytes}）`,
    );
  }
}

function stringArray(value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((t) => typeof t === 'string')) {
    throw badRequest('texts must be an array of strings', 'texts 必须是字符串数组');
  }
  checkSize(value.reduce((n: number, t: string) => n + Buffer.byteLength(t, 'utf8'), 0));
  return value;
}

function handle(req: SegmentRequest): unknown {
  switch (req.op) {
    case 'cut': {
      const texts = stringArray(req.texts);
      const j = ensureLoaded();
      return texts.map((t) => (t.length === 0 ? [] : j.cut(t, true)));
    }
    case 'tag': {
      const texts = stringArray(req.texts);
      const j = ensureLoaded();
      return texts.map((t) => (t.length === 0 ? [] : j.tag(t)));
    }
    case 'extract': {
      if (typeof req.text !== 'string') throw badRequest('text must be a string', 'text 必须是字符串');
      if (!Number.isInteger(req.topN) || req.topN < 1 || req.topN > 10000) {
        throw badRequest('topN must be an integer from 1 to 10000', 'topN 必须是 1 到 10000 之间的整数');
      }
      checkSize(Buffer.byteLength(req.text, 'utf8'));
      const j = ensureLoaded();
      return req.text.length === 0 ? [] : j.extract(req.text, req.topN);
    }
    default:
      throw badRequest(`unknown operation: ${String((req as { op?: unknown }).op)}`, '未知操作');
  }
}

function onMessage(raw: unknown): void {
  const req = raw as SegmentRequest;
  const id = req && typeof req === 'object' && typeof req.id === 'number' ? req.id : -1;
  try {
    if (id < 0) throw badRequest('request without a numeric id', '请求缺少数字 id');
    send({ id, ok: true, result: handle(req) });
  } catch (err) {
    const error: WorkerError =
      err instanceof WorkerFailure
        ? { code: err.code, message: err.message, messageZh: err.messageZh }
        : { code: 'internal', message: String((err as Error)?.message ?? err), messageZh: `分词出错：${String((err as Error)?.message ?? err)}` };
    send({ id, ok: false, error });
  }
}

function main(): void {
  if (!process.send) {
    process.stderr.write('dist/segmenter.js is started by the segmenter client (child_process.fork), not directly.\n');
    process.exit(2);
  }
  try {
    config = JSON.parse(process.argv[2] ?? '') as WorkerConfig;
  } catch {
    process.stderr.write('segmenter: missing or invalid configuration argument\n');
    process.exit(2);
  }
  process.on('message', onMessage);
  // The parent is gone (or dropped us): nothing left to answer.
  process.on('disconnect', () => process.exit(0));
  process.on('exit', () => {
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  });
  process.on('uncaughtException', (err) => {
    process.stderr.write(`segmenter: uncaught exception: ${err?.stack ?? err}\n`);
    log(`uncaught exception: ${err?.stack ?? err}`);
    process.exit(70);
  });
}

main();
