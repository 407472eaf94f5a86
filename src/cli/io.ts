/**
 * Everything the CLI does with the outside world goes through CliParams (markdownlint-cli2's
 * pattern), so the tests run it in memory and node.ts wires it to node:fs. This module also holds
 * the one place that reads an input and turns a failure into a clear message.
 */
import * as path from 'node:path';
import { DecodeError, type DecodedText, decodeBytes, MAX_FILE_BYTES } from '../core/encoding';
import { type Locale, type MessageKey, message } from '../core/messages';
import { bundledSegmenterPaths, createSegmenter, type Segmenter, SegmenterRequestError, SegmenterUnavailableError } from '../segment/client';

export interface FileStat {
  isFile(): boolean;
  isDirectory(): boolean;
}

export interface DirEntry extends FileStat {
  name: string;
  isSymbolicLink(): boolean;
}

export interface CliParams {
  argv: string[];
  /**
   * Reads a regular file (absolute path), at most `maxBytes` (default MAX_FILE_BYTES): a larger one
   * throws DecodeError('too-large'), a device, FIFO or socket throws RefusedFile('not-regular')
   * without blocking. Other errors carry node's `code` (ENOENT, EISDIR, EACCES …).
   */
  readFile: (path: string, maxBytes?: number) => Promise<Uint8Array>;
  readStdin: () => Promise<Uint8Array>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Raw bytes to stdout: `check --fix -` prints the fixed text in the encoding it came in. */
  stdoutBytes: (data: Uint8Array) => void;
  env: Record<string, string | undefined>;
  /** The directory relative paths on the command line are resolved against. */
  cwd: string;
  stat: (path: string) => Promise<FileStat>;
  readdir: (path: string) => Promise<DirEntry[]>;
  realpath: (path: string) => Promise<string>;
  /**
   * Replaces a file's content without ever leaving it half-written (node.ts: a temporary file in the
   * same folder renamed over the original, with its owner, group and mode). With `read` (the very
   * bytes readFile returned for it), it first makes sure the file is still what was read and may
   * be written: else it throws RefusedFile ('changed', 'read-only') and writes nothing.
   */
  writeFile: (path: string, data: Uint8Array, read?: Uint8Array) => Promise<void>;
  /**
   * Starts word segmentation (`stats --keywords`); the caller disposes it. Default: the bundled
   * worker and dictionaries next to dist/cli.js. Tests inject a fake here.
   */
  createSegmenter?: () => Segmenter;
  version?: string;
  /** The project's home page (package.json `homepage`), for SARIF's informationUri. */
  homepage?: string;
}

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_ERROR = 2;

/** How stdin is named in messages. */
export const STDIN_LABEL = '<stdin>';

/** The largest configuration file read: a configuration is a few lines of JSON. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * A file the CLI will not read or write: not a regular file (a device, FIFO or socket), read-only,
 * or changed on disk between reading it and writing the fix.
 */
export class RefusedFile extends Error {
  constructor(readonly reason: 'not-regular' | 'read-only' | 'changed') {
    super(reason);
  }
}

/** The localized reason of an I/O or decoding failure. */
export function errorReason(locale: Locale, err: unknown): string {
  let key: [MessageKey, ...(string | number)[]] | undefined;
  if (err instanceof RefusedFile) {
    key = [err.reason === 'not-regular' ? 'notRegularFile' : err.reason === 'read-only' ? 'readOnly' : 'changedOnDisk'];
  } else if (err instanceof DecodeError) {
    const name = err.encoding ?? '';
    if (err.reason === 'binary') key = ['binary'];
    else if (err.reason === 'too-large') key = ['tooLarge', formatMiB(err.limit)];
    else if (err.reason === 'invalid-bom') key = ['invalidBom', name];
    else if (err.reason === 'utf-16-ambiguous') key = ['utf16Ambiguous'];
    else if (err.reason === 'utf-16-invalid') key = ['utf16Invalid', name];
    else if (err.reason === 'utf-32-no-bom') key = ['utf32NoBom', name];
    else key = ['undecodable'];
  } else {
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR') key = ['notFound'];
    else if (code === 'EISDIR') key = ['isDirectory'];
    else if (code === 'EACCES' || code === 'EPERM') key = ['noPermission'];
  }
  return key ? message(locale, ...key) : String((err as Error | undefined)?.message ?? err);
}

function formatMiB(bytes: number): string {
  return String(Math.round((bytes / 1024 / 1024) * 100) / 100);
}

/**
 * Reads a file through CliParams with a byte limit. The limit is checked here too, so that no
 * implementation of readFile (an in-memory one in the tests) can hand over more.
 */
export async function readBounded(p: CliParams, abs: string, maxBytes: number): Promise<Uint8Array> {
  const bytes = await p.readFile(abs, maxBytes);
  if (bytes.length > maxBytes) throw new DecodeError('too-large', 'too large', undefined, maxBytes);
  return bytes;
}

/** Writes `speech-draft: <message>` on stderr. */
export function reportError(p: CliParams, text: string): void {
  p.stderr(`speech-draft: ${text}\n`);
}

export interface Input {
  bytes: Uint8Array;
  decoded: DecodedText;
}

/**
 * Reads and decodes one input (`-` is stdin; `file` as the user wrote it, resolved against cwd).
 * On failure reports a clear message naming the file (on stderr by default) and returns undefined.
 */
export async function readInput(
  p: CliParams,
  locale: Locale,
  file: string,
  report: (text: string) => void = (text) => reportError(p, text),
): Promise<Input | undefined> {
  try {
    const bytes = file === '-' ? await p.readStdin() : await readBounded(p, path.resolve(p.cwd, file), MAX_FILE_BYTES);
    return { bytes, decoded: decodeBytes(bytes) };
  } catch (err) {
    report(message(locale, 'cannotRead', file === '-' ? STDIN_LABEL : file, errorReason(locale, err)));
    return undefined;
  }
}

export function isMarkdownPath(file: string): boolean {
  return /\.(md|markdown|mdx)$/i.test(file);
}

/** A path for messages: relative to cwd when inside it, else absolute. */
export function displayPath(cwd: string, abs: string): string {
  const rel = path.relative(cwd, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}

/** Ends a segmenter the CLI started and waits for its child to exit (never throws). */
export async function disposeSegmenter(segmenter: Segmenter): Promise<void> {
  await segmenter.dispose().catch(() => undefined);
}

/** The segmenter of dist/segmenter.js and dict/ (this module is bundled into dist/cli.js). */
export function bundledSegmenter(): Segmenter {
  return createSegmenter(bundledSegmenterPaths(path.resolve(__dirname, '..')));
}

/** Why segmentation failed, in the user's language. */
export function segmentationReason(locale: Locale, err: unknown): string {
  if (err instanceof SegmenterUnavailableError) return locale === 'zh-cn' ? err.reasonZh : err.reason;
  if (err instanceof SegmenterRequestError) {
    if (locale === 'zh-cn') return err.messageZh;
    const suffix = ` / ${err.messageZh}`;
    return err.message.endsWith(suffix) ? err.message.slice(0, -suffix.length) : err.message;
  }
  return String((err as Error | undefined)?.message ?? err);
}

