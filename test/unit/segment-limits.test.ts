// Limits on user dictionaries: where the `speechDraft.userDictionary` setting may point
// (src/segment/user-dictionary.ts) and how large a dictionary the segmenter loads (the worker,
// built here as esbuild.mjs builds dist/segmenter.js, refuses before nodejieba sees the file).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSegmenter } from '../../src/segment/client';
import { MAX_DICT_BYTES } from '../../src/segment/protocol';
import { chooseUserDictionary } from '../../src/segment/user-dictionary';
import { buildTestWorker, ROOT, unavailable } from './helpers';

const DICT_DIR = path.join(ROOT, 'dict');
const WORKER = path.join(ROOT, 'dist/test/segmenter-limits.js');
let tmp: string;

beforeAll(async () => {
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-limits-')));
  await buildTestWorker(WORKER);
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});


describe('where a user dictionary may be', () => {
  let folder: string;
  let outside: string;
  beforeAll(() => {
    folder = path.join(tmp, 'workspace');
    outside = path.join(tmp, 'secret.txt');
    fs.mkdirSync(path.join(folder, 'dict'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'dict', 'project.txt'), '产教融合 n\n');
    fs.writeFileSync(outside, 'not a dictionary\n');
    fs.symlinkSync(outside, path.join(folder, 'dict', 'link.txt'));
  });

  it('a relative path inside the workspace folder is taken from it', () => {
    expect(chooseUserDictionary({ value: 'dict/project.txt', fromWorkspace: true, folder })).toEqual({ path: path.join(folder, 'dict/project.txt') });
    expect(chooseUserDictionary({ value: './dict/../dict/project.txt', fromWorkspace: false, folder })).toEqual({ path: path.join(folder, 'dict/project.txt') });
    expect(chooseUserDictionary({ value: '', fromWorkspace: true, folder })).toEqual({});
  });

  it('a relative path that climbs out with ../.. is refused, from any settings, with a message in both languages', () => {
    for (const fromWorkspace of [true, false]) {
      const choice = chooseUserDictionary({ value: '../../../../../../etc/passwd', fromWorkspace, folder });
      expect(choice).toEqual({ refused: expect.objectContaining({ en: expect.stringContaining('leads out of the workspace folder') }) });
      if ('refused' in choice) expect(choice.refused.zh).toContain('指向工作区文件夹');
    }
  });

  it('a symbolic link inside the workspace that points out of it is refused', () => {
    const choice = chooseUserDictionary({ value: 'dict/link.txt', fromWorkspace: true, folder });
    expect('refused' in choice).toBe(true);
  });

  it('an absolute path from the workspace settings must lie inside the workspace folder', () => {
    expect(chooseUserDictionary({ value: path.join(folder, 'dict/project.txt'), fromWorkspace: true, folder })).toEqual({ path: path.join(folder, 'dict/project.txt') });
    const choice = chooseUserDictionary({ value: outside, fromWorkspace: true, folder });
    expect(choice).toEqual({ refused: expect.objectContaining({ en: expect.stringContaining('is set in the workspace settings but lies outside the workspace folder') }) });
  });

  it('an absolute path from the user settings is the user’s choice, anywhere', () => {
    expect(chooseUserDictionary({ value: outside, fromWorkspace: false, folder })).toEqual({ path: outside });
    expect(chooseUserDictionary({ value: outside, fromWorkspace: false })).toEqual({ path: outside });
  });

  it('a relative path without a workspace folder is refused', () => {
    const choice = chooseUserDictionary({ value: 'dict/project.txt', fromWorkspace: false });
    expect(choice).toEqual({ refused: expect.objectContaining({ en: expect.stringContaining('no workspace folder is open') }) });
  });
});

describe('how large a user dictionary may be', () => {
  it('is 5 MiB', () => {
    expect(MAX_DICT_BYTES).toBe(5 * 1024 * 1024);
  });

  it('a 150 MB dictionary is refused with a clear message before it is read; the child stays up', async () => {
    const huge = path.join(tmp, 'huge.dict.utf8');
    // Sparse: 150 MB as far as stat and reads are concerned, no disk used.
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, 150 * 1024 * 1024);
    const seg = createSegmenter({ workerPath: WORKER, dictDir: DICT_DIR, userDicts: [huge] });
    try {
      const err = await unavailable(seg.cut(['教育']));
      expect(err.code).toBe('dictionary');
      expect(err.message).toContain(`user dictionary: ${huge} is 150 MiB, larger than the 5 MiB a dictionary may have; it was not loaded`);
      expect(err.message).toContain('超过词典允许的 5 MiB，未加载');
      expect(seg.stats().loaded).toBe(false);
      expect(seg.stats().pid).toBeDefined();
    } finally {
      await seg.dispose();
    }
  });

  it('the limit counts bytes: one over is refused, exactly at it the words are loaded', async () => {
    // A limit our own dictionaries fit, and user dictionaries of exactly that size and one byte more.
    const limit = Math.max(fs.statSync(path.join(DICT_DIR, 'official.dict.utf8')).size, fs.statSync(path.join(DICT_DIR, 'stopwords.txt')).size);
    const ofSize = (n: number) => {
      const head = '甲乙丙丁戊 n\n';
      return head + 'a'.repeat(n - Buffer.byteLength(head) - 1) + '\n';
    };
    const atLimit = path.join(tmp, 'at-limit.dict.utf8');
    const overLimit = path.join(tmp, 'over-limit.dict.utf8');
    fs.writeFileSync(atLimit, ofSize(limit));
    fs.writeFileSync(overLimit, ofSize(limit + 1));
    expect(fs.statSync(atLimit).size).toBe(limit);
    const over = createSegmenter({ workerPath: WORKER, dictDir: DICT_DIR, userDicts: [overLimit], maxDictBytes: limit });
    try {
      const err = await unavailable(over.cut(['教育']));
      expect(err.message).toContain(`over-limit.dict.utf8 is ${limit + 1} bytes, larger than the ${limit} bytes a dictionary may have`);
    } finally {
      await over.dispose();
    }
    const ok = createSegmenter({ workerPath: WORKER, dictDir: DICT_DIR, userDicts: [atLimit], maxDictBytes: limit });
    try {
      expect(await ok.cut(['甲乙丙丁戊和产教融合'])).toEqual([['甲乙丙丁戊', '和', '产教融合']]);
    } finally {
      await ok.dispose();
    }
  });

  it('a FIFO named as a dictionary is refused, never waited on', async () => {
    const fifo = path.join(tmp, 'fifo.dict');
    const { spawnSync } = await import('node:child_process');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return; // no mkfifo (Windows)
    const seg = createSegmenter({ workerPath: WORKER, dictDir: DICT_DIR, userDicts: [fifo] });
    try {
      const err = await unavailable(seg.cut(['教育']));
      expect(err.message).toMatch(/not a regular file/);
    } finally {
      await seg.dispose();
    }
  });
});
