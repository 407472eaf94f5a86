// Messages between the segmenter client (src/segment/client.ts) and its child process
// (src/segment/worker.ts → dist/segmenter.js). Plain JSON over the IPC channel of child_process.fork.

/** Passed to the child as one JSON argument (process.argv[2]). All paths absolute. */
export interface WorkerConfig {
  /** Our official-vocabulary user dictionary (dict/official.dict.utf8). */
  officialDict: string;
  /** Our stop-word list for keyword extraction (dict/stopwords.txt). */
  stopWords: string;
  /** Further user dictionaries (e.g. a project's), loaded after ours. */
  userDicts: string[];
  /** Module name to require instead of `nodejieba` (tests use a missing one). */
  jiebaModule?: string;
  /** Largest request accepted, in UTF-8 bytes of text. */
  maxBytes: number;
  /** Largest dictionary or stop-word file accepted, in bytes (default MAX_DICT_BYTES). */
  maxDictBytes?: number;
}

export type SegmentRequest =
  | { id: number; op: 'cut'; texts: string[] }
  | { id: number; op: 'tag'; texts: string[] }
  | { id: number; op: 'extract'; text: string; topN: number };

export interface TaggedWord {
  word: string;
  tag: string;
}

export interface Keyword {
  word: string;
  weight: number;
}

/**
 * Error codes:
 * - `not-installed`: nodejieba cannot be required or its native binding is missing.
 * - `dictionary`: a dictionary or stop-word file is missing, unreadable, relative, empty or has
 *   `;`/`|` in its path (refused before nodejieba could abort() on it).
 * - `load-failed`: nodejieba's load() threw.
 * - `bad-request`: malformed request (wrong types, unknown op).
 * - `too-large`: request above maxBytes.
 * - `internal`: nodejieba threw on this input.
 */
export type WorkerErrorCode = 'not-installed' | 'dictionary' | 'load-failed' | 'bad-request' | 'too-large' | 'internal';

/** Codes that mean the service cannot work at all (as opposed to one bad request). */
export const UNAVAILABLE_CODES: readonly WorkerErrorCode[] = ['not-installed', 'dictionary', 'load-failed'];

export interface WorkerError {
  code: WorkerErrorCode;
  message: string;
  messageZh: string;
}

export type WorkerMessage =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: WorkerError }
  | { event: 'loaded'; loadMs: number; rssBytes: number; userDicts: string[] }
  | { event: 'log'; message: string };

/** Default cap on one request: 20 MB of UTF-8 text. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * The largest user dictionary (and stop-word list) the segmenter loads: 5 MiB, about the size of
 * nodejieba's own main dictionary (5.1 MB, some 350,000 words). A project's dictionary is a few
 * thousand words, tens of kilobytes. Loading costs grow with the file: measured on words that share
 * no prefix (the worst case), 1 MiB adds about 0.4 s and 100 MB to the child, 5 MiB 2 s and 500 MB,
 * 10 MiB 3.6 s and 1 GB; a 150 MB file took 44 s and 4.8 GB. A larger file is refused before any of
 * it is read.
 */
export const MAX_DICT_BYTES = 5 * 1024 * 1024;
