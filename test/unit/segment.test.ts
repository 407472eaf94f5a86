// The segmentation service end to end: src/segment/client.ts against the real worker
// (src/segment/worker.ts, built here with esbuild exactly as esbuild.mjs builds dist/segmenter.js)
// and the real nodejieba. nodejieba's first load costs ~1-1.6 s, so one segmenter serves the
// result tests; the lifecycle tests use their own short-lived ones.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSegmenter,
  SegmenterRequestError,
  type Segmenter,
  type SegmenterExit,
} from '../../src/segment/client';
import { ROOT, readSeed, buildTestWorker, unavailable } from './helpers';

const DICT_DIR = path.join(ROOT, 'dict');
// Its own file so that a concurrent `node esbuild.mjs` never races it; same options as esbuild.mjs.
const WORKER = path.join(ROOT, 'dist/test/segmenter-unit.js');
let tmp: string;

function nextExit(seg: Segmenter): Promise<SegmenterExit> {
  return new Promise((resolve) => {
    const off = seg.onExit((e) => {
      off();
      resolve(e);
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}


beforeAll(async () => {
  await buildTestWorker(WORKER);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'segment-test-'));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('segmenter results (one shared child)', () => {
  let seg: Segmenter;
  const logs: string[] = [];
  beforeAll(() => {
    seg = createSegmenter({ workerPath: WORKER, dictDir: DICT_DIR, idleMs: 60_000, log: (m) => logs.push(m) });
  });
  afterAll(async () => {
    await seg.dispose();
  });

  it('forks lazily: no child before the first request', () => {
    expect(seg.stats()).toMatchObject({ loaded: false, pid: undefined, starts: 0 });
  });

  it('cut keeps official vocabulary whole, HMM on', async () => {
    const [a, b, c, d] = await seg.cut([
      '深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”',
      '要深化产教融合、校企合作，打造一支高素质的“双师型”教师队伍',
      '《2025年工作报告》要求加快发展新质生产力',
      '',
    ]);
    expect(a).toEqual(expect.arrayContaining(['两个确立', '四个意识', '四个自信', '两个维护']));
    expect(b).toEqual(expect.arrayContaining(['产教融合', '校企合作', '双师型']));
    expect(c).toEqual(expect.arrayContaining(['2025', '新质生产力']));
    expect(d).toEqual([]);
    expect(a.join('')).toBe('深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”');
    const s = seg.stats();
    expect(s.loaded).toBe(true);
    expect(s.pid).toBeGreaterThan(0);
    expect(s.rssBytesAfterLoad).toBeGreaterThan(100 * 1024 * 1024);
    expect(logs.some((l) => l.includes('nodejieba loaded'))).toBe(true);
  });

  it('tag gives parts of speech, ours for official words', async () => {
    const [tags] = await seg.tag(['深化产教融合，发展新质生产力']);
    expect(tags).toContainEqual({ word: '产教融合', tag: 'n' });
    expect(tags).toContainEqual({ word: '新质生产力', tag: 'n' });
    expect(tags).toContainEqual({ word: '深化', tag: expect.any(String) });
  });

  it('extract ranks the seed’s content words and drops our stop list', async () => {
    const keywords = await seg.extract(readSeed(), 20);
    expect(keywords).toHaveLength(20);
    const words = keywords.map((k) => k.word);
    expect(words).toEqual(expect.arrayContaining(['教育', '思政课', '产教融合']));
    for (const stop of ['加强', '提高', '推进', '建设', '发展', '工作', '进一步', '不断', '积极']) {
      expect(words).not.toContain(stop);
    }
    for (let i = 1; i < keywords.length; i++) expect(keywords[i].weight).toBeLessThanOrEqual(keywords[i - 1].weight);
  });

  it('multiplexes concurrent requests by id', async () => {
    const texts = ['立德树人', '思政课', '产教融合', '新质生产力', '两个确立'];
    const answers = await Promise.all(texts.map((t) => seg.cut([t])));
    expect(answers).toEqual(texts.map((t) => [[t]]));
  });

  it('bad input is a rejected request, and the service keeps working', async () => {
    const pid = seg.stats().pid;
    await expect(seg.cut([42 as unknown as string])).rejects.toBeInstanceOf(SegmenterRequestError);
    await expect(seg.extract('教育', 0)).rejects.toMatchObject({ code: 'bad-request' });
    await expect(seg.extract('教育', 1.5)).rejects.toMatchObject({ code: 'bad-request' });
    expect(await seg.cut(['教育强国'])).toEqual([['教育强国']]);
    expect(seg.stats().pid).toBe(pid);
  });
});

describe('segmenter lifecycle', () => {
  it('refuses a request above maxBytes without starting a child', async () => {
    const seg = createSegmenter({ workerPath: WORKER, dictDir: DICT_DIR, maxBytes: 10 });
    await expect(seg.cut(['一二三四五'])).rejects.toMatchObject({ name: 'SegmenterRequestError', code: 'too-large' });
    expect(seg.stats().starts).toBe(0);
    await seg.dispose();
  });

  it('idle timeout ends the child; a later request restarts it; a killed child rejects and restarts', async () => {
    const seg = createSegmenter({ workerPath: WORKER, dictDir: DICT_DIR, idleMs: 300 });
    try {
      expect(await seg.cut(['立德树人'])).toEqual([['立德树人']]);
      const pid1 = seg.stats().pid!;
      expect(alive(pid1)).toBe(true);

      const idle = await nextExit(seg); // the 'exit' event, not a sleep
      expect(idle).toMatchObject({ pid: pid1, reason: 'idle', code: 0 });
      expect(alive(pid1)).toBe(false);
      expect(seg.stats()).toMatchObject({ loaded: false, pid: undefined });

      expect(await seg.cut(['思政课'])).toEqual([['思政课']]);
      const pid2 = seg.stats().pid!;
      expect(pid2).not.toBe(pid1);
      expect(seg.stats().starts).toBe(2);

      // A request big enough to still be running when the child is killed.
      const big = readSeed().repeat(100);
      const pending = seg.cut([big]);
      const exited = nextExit(seg);
      process.kill(pid2);
      const err = await unavailable(pending);
      expect(err.code).toBe('crashed');
      expect(err.message).toMatch(/killed by SIGTERM/);
      expect(err.message).toMatch(/分词进程/);
      expect(await exited).toMatchObject({ pid: pid2, reason: 'crash', signal: 'SIGTERM' });

      expect(await seg.cut(['两个确立'])).toEqual([['两个确立']]);
      expect(seg.stats().pid).not.toBe(pid2);
      expect(seg.stats().starts).toBe(3);
    } finally {
      await seg.dispose();
    }
  });

  it('a missing dictionary is a SegmenterUnavailableError, not an abort()', async () => {
    const empty = fs.mkdtempSync(path.join(tmp, 'nodict-'));
    const seg = createSegmenter({ workerPath: WORKER, dictDir: empty });
    try {
      const err = await unavailable(seg.cut(['教育']));
      expect(err.code).toBe('dictionary');
      expect(err.message).toContain(path.join(empty, 'official.dict.utf8'));
      expect(err.message).toMatch(/file not found/);
      expect(err.message).toMatch(/文件不存在/);
      // The child refused before nodejieba could abort: it is still there to answer.
      const pid = seg.stats().pid!;
      expect(alive(pid)).toBe(true);
      await unavailable(seg.extract('教育', 3));
      expect(seg.stats().pid).toBe(pid);
    } finally {
      await seg.dispose();
    }
  });

  it('refuses a project dictionary that is missing, a directory, or has | in its path', async () => {
    const bar = path.join(tmp, 'a|b.dict');
    fs.writeFileSync(bar, '测试词 n\n');
    for (const [userDict, pattern] of [
      [path.join(tmp, 'missing.dict'), /file not found/],
      [tmp, /not a regular file/],
      [bar, /';' or '\|'/],
    ] as const) {
      const seg = createSegmenter({ workerPath: WORKER, dictDir: DICT_DIR, userDicts: [userDict] });
      const err = await unavailable(seg.cut(['教育']));
      expect(err.code).toBe('dictionary');
      expect(err.message).toMatch(pattern);
      await seg.dispose();
    }
  });

  it('a CRLF project dictionary is converted to LF, so its words count', async () => {
    const crlf = path.join(tmp, 'project.dict.utf8');
    fs.writeFileSync(crlf, '\uFEFF甲乙丙丁戊 n\r\n己庚辛壬癸 5 nz\r\n');
    const logs: string[] = [];
    const seg = createSegmenter({ workerPath: WORKER, dictDir: DICT_DIR, userDicts: [crlf], log: (m) => logs.push(m) });
    try {
      expect(await seg.cut(['甲乙丙丁戊和己庚辛壬癸以及产教融合'])).toEqual([['甲乙丙丁戊', '和', '己庚辛壬癸', '以及', '产教融合']]);
      expect(logs.join('\n')).toMatch(/CRLF converted to LF/);
    } finally {
      await seg.dispose();
    }
  });

  it('a missing nodejieba is a SegmenterUnavailableError', async () => {
    const seg = createSegmenter({ workerPath: WORKER, dictDir: DICT_DIR, jiebaModule: 'nodejieba-not-installed-for-test' });
    try {
      const err = await unavailable(seg.tag(['教育']));
      expect(err.code).toBe('not-installed');
      expect(err.message).toMatch(/nodejieba is not installed/);
      expect(err.message).toMatch(/未安装或无法加载 nodejieba/);
    } finally {
      await seg.dispose();
    }
  });

  it('a missing worker file is a SegmenterUnavailableError', async () => {
    const seg = createSegmenter({ workerPath: path.join(tmp, 'nope.js'), dictDir: DICT_DIR });
    await expect(seg.cut(['教育'])).rejects.toMatchObject({ name: 'SegmenterUnavailableError', code: 'worker-missing' });
  });

  it('a request that times out rejects and the child is killed, never a hang', async () => {
    const seg = createSegmenter({ workerPath: WORKER, dictDir: DICT_DIR, timeoutMs: 50 });
    try {
      const exited = nextExit(seg);
      const err = await unavailable(seg.cut(['教育'])); // the cold load alone takes longer than 50 ms
      expect(err.code).toBe('timeout');
      expect(await exited).toMatchObject({ reason: 'timeout', signal: 'SIGKILL' });
    } finally {
      await seg.dispose();
    }
  });

  it('dispose rejects what is pending and everything after', async () => {
    const seg = createSegmenter({ workerPath: WORKER, dictDir: DICT_DIR });
    const pending = seg.cut(['教育']);
    await seg.dispose();
    expect((await unavailable(pending)).code).toBe('disposed');
    expect((await unavailable(seg.cut(['教育']))).code).toBe('disposed');
  });
});

describe('src/segment stays editor-neutral', () => {
  it('never imports vscode', () => {
    for (const f of fs.readdirSync(path.join(ROOT, 'src/segment'))) {
      const text = fs.readFileSync(path.join(ROOT, 'src/segment', f), 'utf8');
      expect(text, f).not.toMatch(/from ['"]vscode['"]|require\(['"]vscode['"]\)/);
    }
  });
});
