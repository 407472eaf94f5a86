// dict/official.dict.utf8 (our user dictionary) and dict/stopwords.txt (our stop list for keyword
// ranking): format as cppjieba reads it, and the segmentation difference it makes against
// nodejieba's default dictionary (run in a separate process: nodejieba aborts and assigns globals).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSegmenter, type Segmenter } from '../../src/segment/client';
import { ROOT, buildTestWorker } from './helpers';

const DICT = path.join(ROOT, 'dict/official.dict.utf8');
const STOP = path.join(ROOT, 'dict/stopwords.txt');
const WORKER = path.join(ROOT, 'dist/test/segmenter-dict.js');

const read = (f: string) => fs.readFileSync(f, 'utf8');
const lines = (f: string) => read(f).replace(/\n$/, '').split('\n');

describe('dict/official.dict.utf8', () => {
  const entries = lines(DICT);
  const words = entries.map((l) => l.split(' ')[0]);

  it('is UTF-8 with LF endings, no BOM, no blank lines, a final newline', () => {
    const text = read(DICT);
    expect(text.includes('\r')).toBe(false);
    expect(text.startsWith('\uFEFF')).toBe(false);
    expect(text.endsWith('\n')).toBe(true);
    expect(entries.every((l) => l.trim() === l && l.length > 0)).toBe(true);
  });

  it('has at least 300 entries and no duplicates', () => {
    expect(entries.length).toBeGreaterThanOrEqual(300);
    expect(new Set(words).size).toBe(words.length);
  });

  it('uses cppjieba’s user-dict format: `word`, `word tag` or `word freq tag` (two fields = word + tag)', () => {
    const bad = entries.filter((l) => !/^[\u4e00-\u9fff]{2,}( [1-9]\d*)?( [a-z]{1,3})?$/.test(l) || /^\S+ \d+$/.test(l));
    expect(bad).toEqual([]);
  });

  it('contains the genre’s core vocabulary', () => {
    for (const w of ['两个确立', '四个意识', '四个自信', '两个维护', '产教融合', '立德树人', '思政课', '双师型', '高质量发展', '新质生产力', '中国式现代化', '全过程人民民主', '共同富裕', '乡村振兴', '放管服', '一网通办', '河长制', '主题教育', '三会一课', '第一议题']) {
      expect(words, w).toContain(w);
    }
  });
});

describe('dict/stopwords.txt', () => {
  const stops = lines(STOP);

  it('is one word a line, LF, no duplicates, no blanks', () => {
    const text = read(STOP);
    expect(text.includes('\r')).toBe(false);
    expect(text.startsWith('\uFEFF')).toBe(false);
    expect(stops.every((w) => w.length > 0 && !/\s/.test(w))).toBe(true);
    expect(new Set(stops).size).toBe(stops.length);
    expect(stops.length).toBeGreaterThanOrEqual(150);
  });

  it('holds function words and the genre’s generic verbs and nouns, none of our official terms', () => {
    for (const w of ['我们', '以及', '通过', '加强', '提高', '推进', '建设', '坚持', '深化', '推动', '全面', '工作', '进一步', '积极', '不断', '切实', '扎实', '大力', '持续', '着力']) {
      expect(stops, w).toContain(w);
    }
    const official = new Set(lines(DICT).map((l) => l.split(' ')[0]));
    expect(stops.filter((w) => official.has(w))).toEqual([]);
  });
});

describe('segmentation: default dictionary vs ours', () => {
  // Sentences from the seed speech (and the genre) where the default dictionary splits the term.
  const cases: Array<[sentence: string, term: string]> = [
    ['要深化产教融合、校企合作', '产教融合'],
    ['我们组织开展了“思政课大练兵”活动', '思政课'],
    ['落实立德树人根本任务', '立德树人'],
    ['深刻领悟“两个确立”的决定性意义', '两个确立'],
    ['加快发展新质生产力', '新质生产力'],
  ];
  let seg: Segmenter;
  let defaults: string[][];

  beforeAll(async () => {
    await buildTestWorker(WORKER);
    seg = createSegmenter({ workerPath: WORKER, dictDir: path.join(ROOT, 'dict') });
    // nodejieba with its own dictionaries only, in a throwaway process.
    const script = `const j = require(${JSON.stringify(require.resolve('nodejieba', { paths: [ROOT] }))}); j.load();
      process.stdout.write(JSON.stringify(JSON.parse(process.argv[1]).map((s) => j.cut(s, true))));`;
    const r = spawnSync(process.execPath, ['-e', script, JSON.stringify(cases.map(([s]) => s))], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    defaults = JSON.parse(r.stdout);
  });
  afterAll(async () => {
    await seg.dispose();
  });

  it('the default dictionary splits each term; ours keeps it whole', async () => {
    const ours = await seg.cut(cases.map(([s]) => s));
    const shown = cases.map(([, term], i) => `${term}: default ${defaults[i].join('/')}  |  ours ${ours[i].join('/')}`);
    console.log(shown.join('\n'));
    cases.forEach(([, term], i) => {
      expect(defaults[i], `default keeps ${term}?`).not.toContain(term);
      expect(ours[i], `ours splits ${term}?`).toContain(term);
    });
  });
});
