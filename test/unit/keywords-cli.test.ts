// `speech-draft stats --keywords N`: a fake segmenter through CliParams.createSegmenter for the
// output contract, then the real segmenter (a test-built worker and nodejieba) on the seed once.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StatsJson } from '../../src/cli/stats';
import { createSegmenter, type Keyword, type Segmenter, SegmenterRequestError, SegmenterUnavailableError } from '../../src/segment/client';
import { type FileContent, type Run, runCli } from './cli-harness';
import { ROOT, SEED, buildTestWorker } from './helpers';

const SMALL = '讲话\n一、总体要求\n正文正文\n二、重点任务\n（一）抓落实。正文\n1.细节\n正文';

interface Fake {
  create: () => Segmenter;
  requests: { text: string; topN: number }[];
  created: number;
  disposed: number;
}

/** A segmenter whose keywords are the first characters of each text, or that fails with `error`. */
function fakeSegmenter(error?: Error): Fake {
  const fake: Fake = {
    requests: [],
    created: 0,
    disposed: 0,
    create: () => {
      fake.created++;
      return {
        cut: async () => [],
        tag: async () => [],
        extract: async (text: string, topN: number): Promise<Keyword[]> => {
          fake.requests.push({ text, topN });
          if (error) throw error;
          const first = text.split('\n')[0];
          return [
            { word: first.slice(0, 4), weight: 1.23456 },
            { word: '正文', weight: 0.5 },
          ].slice(0, topN);
        },
        dispose: async () => {
          fake.disposed++;
        },
        stats: () => ({ loaded: true, pid: undefined, starts: 1, pending: 0 }),
        onExit: () => () => undefined,
      };
    },
  };
  return fake;
}

async function run(argv: string[], fake: Fake | undefined, opts: { files?: Record<string, FileContent>; env?: Record<string, string> } = {}): Promise<Run> {
  return runCli(argv, { files: { 'a.txt': SMALL, ...opts.files }, env: opts.env, createSegmenter: fake?.create });
}

describe('speech-draft stats --keywords (fake segmenter)', () => {
  it('without the flag, never starts a segmenter and prints no keywords', async () => {
    const fake = fakeSegmenter();
    const text = await run(['stats', 'a.txt'], fake);
    const json = await run(['stats', 'a.txt', '--format', 'json'], fake);
    expect(fake.created).toBe(0);
    expect(text.out).not.toMatch(/Keywords/);
    expect(JSON.parse(json.out)).not.toHaveProperty('keywords');
    expect(json.out).not.toMatch(/keywords/);
  });

  it('text: a Keywords line after the totals and under each ranked section, in English', async () => {
    const fake = fakeSegmenter();
    const r = await run(['stats', 'a.txt', '--keywords', '2'], fake);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toBe(
      [
        '讲话',
        '27 chars (33 with punctuation) · about 8 s (200 chars a minute)',
        '4 headings, 3 paragraphs',
        'Keywords: 讲话, 正文',
        '',
        'Section         Lines  Chars  Min',
        '一、总体要求    2-3        9  0.0',
        '  Keywords: 一、总体, 正文',
        '二、重点任务    4-7       16  0.1',
        '  Keywords: 二、重点, 正文',
        '  （一）抓落实  5-7       11  0.1',
        '    Keywords: （一）抓, 正文',
        '    1.细节      6-7        5  0.0',
        '',
      ].join('\n'),
    );
    // Document, then the top level and its direct children; the third level is not sent.
    expect(fake.requests.map((q) => [q.text.split('\n')[0], q.topN])).toEqual([
      ['讲话', 2],
      ['一、总体要求', 2],
      ['二、重点任务', 2],
      ['（一）抓落实。正文', 2],
    ]);
    expect(fake.disposed).toBe(1);
  });

  it('text in Chinese: 关键词：a、b', async () => {
    const r = await run(['stats', 'a.txt', '--keywords=1', '--lang', 'zh-cn'], fakeSegmenter());
    const lines = r.out.split('\n');
    expect(lines[3]).toBe('关键词：讲话');
    expect(lines).toContain('  关键词：一、总体');
  });

  it('json: keywords at the document level and on ranked sections, weights rounded to 3 decimals', async () => {
    const fake = fakeSegmenter();
    const r = await run(['stats', 'a.txt', '--format', 'json', '--keywords', '10'], fake);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as StatsJson;
    expect(Object.keys(json)).toEqual(['file', 'title', 'rate', 'totals', 'keywords', 'sections']);
    expect(json.keywords).toEqual([
      { word: '讲话', weight: 1.235 },
      { word: '正文', weight: 0.5 },
    ]);
    expect(json.sections[0].keywords).toEqual([
      { word: '一、总体', weight: 1.235 },
      { word: '正文', weight: 0.5 },
    ]);
    const child = json.sections[1].children[0];
    expect(child.keywords?.[0].word).toBe('（一）抓');
    expect(child.children[0]).not.toHaveProperty('keywords');
    expect(json).not.toHaveProperty('keywordsTruncated');
    expect(fake.requests.every((q) => q.topN === 10)).toBe(true);
  });

  it('notes a text cut before ranking', async () => {
    const big = `一、总体要求\n${'教育'.repeat(120_000)}\n二、任务\n短`;
    const r = await run(['stats', 'big.txt', '--keywords', '3'], fakeSegmenter(), { files: { 'big.txt': big } });
    expect(r.out).toContain('Keywords: 一、总体, 正文 (from the first 200,000 characters)');
    expect(r.out).toContain('  Keywords: 二、任务, 正文\n');
    const json = JSON.parse((await run(['stats', 'big.txt', '--keywords', '3', '--format', 'json'], fakeSegmenter(), { files: { 'big.txt': big } })).out);
    expect(json.keywordsTruncated).toBe(true);
    expect(json.sections[0].keywordsTruncated).toBe(true);
    expect(json.sections[1]).not.toHaveProperty('keywordsTruncated');
  });

  it('an empty text needs no segmenter and gives empty keywords', async () => {
    const fake = fakeSegmenter();
    const r = await run(['stats', 'e.txt', '--keywords', '5', '--format', 'json'], fake, { files: { 'e.txt': '' } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).keywords).toEqual([]);
    expect(fake.created).toBe(0);
  });

  it('unavailable: one line on stderr in the user language, the stats still printed, exit 0', async () => {
    const error = new SegmenterUnavailableError('not-installed', 'nodejieba is not installed', '未安装 nodejieba');
    const en = await run(['stats', 'a.txt', '--keywords', '5'], fakeSegmenter(error));
    expect(en.code).toBe(0);
    expect(en.err).toBe('speech-draft: word segmentation is unavailable: nodejieba is not installed; keywords skipped\n');
    expect(en.out).toContain('4 headings, 3 paragraphs');
    expect(en.out).not.toMatch(/Keywords/);
    const fake = fakeSegmenter(error);
    const zh = await run(['stats', 'a.txt', '--keywords', '5', '--format', 'json'], fake, { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.code).toBe(0);
    expect(zh.err).toBe('speech-draft: 分词功能不可用：未安装 nodejieba；已跳过关键词\n');
    expect(JSON.parse(zh.out)).not.toHaveProperty('keywords');
    expect(fake.requests).toHaveLength(1); // stops at the first failure
    expect(fake.disposed).toBe(1);
  });

  it('a refused request or a throwing factory is reported the same way', async () => {
    const refused = new SegmenterRequestError('too-large', 'request too large: 9 bytes (limit 1)', '请求过大：9 字节（上限 1）');
    const r = await run(['stats', 'a.txt', '--keywords', '5'], fakeSegmenter(refused));
    expect(r.err).toBe('speech-draft: word segmentation is unavailable: request too large: 9 bytes (limit 1); keywords skipped\n');
    const throwing = await runCli(['stats', 'a.txt', '--keywords', '5'], {
      files: { 'a.txt': SMALL },
      createSegmenter: () => {
        throw new Error('no fork here');
      },
    });
    expect(throwing.code).toBe(0);
    expect(throwing.err).toBe('speech-draft: word segmentation is unavailable: no fork here; keywords skipped\n');
  });

  it.each([['0'], ['51'], ['2.5'], ['many']])('--keywords %s is a usage error (exit 2)', async (n) => {
    const fake = fakeSegmenter();
    const r = await run(['stats', 'a.txt', '--keywords', n], fake);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`invalid --keywords "${n}"`);
    expect(fake.created).toBe(0);
  });

  it('--keywords needs a value and belongs to stats only', async () => {
    expect((await run(['stats', 'a.txt', '--keywords'], undefined)).err).toContain('option --keywords needs a value');
    expect((await run(['outline', 'a.txt', '--keywords', '3'], undefined)).err).toContain('option --keywords does not apply to outline');
  });
});

describe('speech-draft stats --keywords (real segmenter)', () => {
  const WORKER = path.join(ROOT, 'dist/test/segmenter-keywords-unit.js');
  const DICT_DIR = path.join(ROOT, 'dict');

  beforeAll(async () => {
    // Its own file, so that a concurrent `node esbuild.mjs` never races it; options as esbuild.mjs.
    await buildTestWorker(WORKER);
  }, 60_000);

  it('ranks 产教融合 or 思政课 among the seed’s top keywords, and the process is gone afterwards', async () => {
    const segmenters: Segmenter[] = [];
    const r = await runCli(['stats', SEED, '--keywords', '10', '--format', 'json'], {
      files: { [SEED]: fs.readFileSync(SEED) },
      createSegmenter: () => {
        const s = createSegmenter({ workerPath: WORKER, dictDir: DICT_DIR });
        segmenters.push(s);
        return s;
      },
    });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as StatsJson;
    expect(json.keywords).toHaveLength(10);
    expect(json.keywords!.map((k) => k.word)).toEqual(expect.arrayContaining([expect.stringMatching(/^(产教融合|思政课)$/)]));
    for (const k of json.keywords!) expect(Math.round(k.weight * 1000) / 1000).toBe(k.weight);
    expect(json.sections.every((s) => Array.isArray(s.keywords) && s.keywords.length > 0)).toBe(true);
    expect(segmenters).toHaveLength(1);
    expect(segmenters[0].stats().pid).toBeUndefined();
  }, 60_000);

  it('a missing nodejieba: the stats without keywords and the reason on stderr', async () => {
    const r = await runCli(['stats', SEED, '--keywords', '5'], {
      files: { [SEED]: fs.readFileSync(SEED) },
      createSegmenter: () => createSegmenter({ workerPath: WORKER, dictDir: DICT_DIR, jiebaModule: 'nodejieba-does-not-exist' }),
    });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^speech-draft: word segmentation is unavailable: .+; keywords skipped\n$/);
    expect(r.out).toContain('2,323 chars');
    expect(r.out).not.toMatch(/Keywords/);
  }, 60_000);

  it('as a plain Node process with the bundled paths: prints the report and exits once the child has ended', async () => {
    // dist/cli.js's layout in a temporary folder: <tmp>/dist/cli.js, <tmp>/dist/segmenter.js, <tmp>/dict.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-keywords-'));
    try {
      fs.mkdirSync(path.join(tmp, 'dist'));
      await esbuild.build({
        entryPoints: [path.join(ROOT, 'src/cli/main.ts')],
        outfile: path.join(tmp, 'dist/cli.js'),
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        external: ['nodejieba'],
        mainFields: ['module', 'main'], // as esbuild.mjs: jsonc-parser's ESM build
        logLevel: 'silent',
      });
      fs.symlinkSync(WORKER, path.join(tmp, 'dist/segmenter.js')); // nodejieba resolves from the real path
      fs.symlinkSync(DICT_DIR, path.join(tmp, 'dict'));
      const script = `require(${JSON.stringify(path.join(tmp, 'dist/cli.js'))}).runFromProcess()`;
      const r = spawnSync(process.execPath, ['-e', script, 'x', 'stats', SEED, '--keywords', '5', '--lang', 'zh-cn'], { encoding: 'utf8', timeout: 30_000 });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^关键词：.+、.+$/m);
      expect(r.stdout).toMatch(/^ {4}关键词：/m);
      expect(r.stdout).toMatch(/产教融合|思政课/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 60_000);
});
