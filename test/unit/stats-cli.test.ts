import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { displayWidth, truncateToWidth } from '../../src/cli/stats';
import { type FileContent, type Run, runCli } from './cli-harness';
import { SEED } from './helpers';

async function run(argv: string[], opts: { files?: Record<string, FileContent>; stdin?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return runCli(argv, { ...opts, files: { [SEED]: fs.readFileSync(SEED), ...opts.files } });
}

const SMALL = '讲话\n一、总体要求\n正文正文\n二、重点任务\n（一）抓落实。正文';

describe('speech-draft stats: text', () => {
  it('prints totals and an aligned table of the sections, in English', async () => {
    const r = await run(['stats', 'a.txt'], { files: { 'a.txt': SMALL } });
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toBe(
      [
        '讲话',
        '22 chars (27 with punctuation) · about 7 s (200 chars a minute)',
        '3 headings, 2 paragraphs',
        '',
        'Section         Lines  Chars  Min',
        '一、总体要求    2-3        9  0.0',
        '二、重点任务    4-5       11  0.1',
        '  （一）抓落实  5          6  0.0',
        '',
      ].join('\n'),
    );
  });

  it('prints the same in Chinese (LANG or --lang), at the rate given', async () => {
    const expected = [
      '讲话',
      '22 字（含标点 27）· 约 2 分钟（每分钟 10 字）',
      '3 个标题、2 段',
      '',
      '章节            行   字数  分钟',
      '一、总体要求    2-3     9   0.9',
      '二、重点任务    4-5    11   1.1',
      '  （一）抓落实  5       6   0.6',
      '',
    ].join('\n');
    const zh = await run(['stats', 'a.txt', '--rate', '10'], { files: { 'a.txt': SMALL }, env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.out).toBe(expected);
    const lang = await run(['stats', '--lang=zh-cn', '--rate=10', 'a.txt'], { files: { 'a.txt': SMALL } });
    expect(lang.out).toBe(expected);
  });

  it('prints the seed: totals at 200 and at 150 a minute, long headings cut to the column', async () => {
    const r = await run(['stats', SEED, '--lang', 'zh-cn']);
    const lines = r.out.split('\n');
    expect(lines.slice(0, 3)).toEqual(['市教育局局长在理论学习中心组会上的研讨发言材料', '2,323 字（含标点 2,594）· 约 12 分钟（每分钟 200 字）', '6 个标题、12 段']);
    expect(lines[5]).toBe('一、学悟大会精神、唱响“忠诚之歌”,以“忘我奋斗”书…  4-6     711   3.6');
    expect(lines[7]).toBe('  (一)推动学前教育普及普惠安全优质发展            9       310   1.6');
    // Every row of the table is as wide as the others up to the numbers: the columns line up.
    const rows = lines.slice(4, -1);
    expect(rows).toHaveLength(7);
    expect(new Set(rows.map((l) => displayWidth(l))).size).toBe(1);
    const slow = await run(['stats', SEED, '--rate', '150']);
    expect(slow.out.split('\n')[1]).toBe('2,323 chars (2,594 with punctuation) · about 15 min (150 chars a minute)');
  });

  it('gives a text that is not a draft its totals', async () => {
    const r = await run(['stats', 'notes.txt'], { files: { 'notes.txt': 'just some notes' } });
    expect(r.code).toBe(0);
    expect(r.out).toBe('just some notes\n13 chars (13 with punctuation) · about 4 s (200 chars a minute)\n0 headings, 0 paragraphs\n(no headings found)\n');
  });

  it('reads stdin with "-"', async () => {
    const r = await run(['stats', '-', '--format', 'json'], { stdin: '一、甲\n二、乙' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ file: '-', title: null, totals: { chars: 4, headings: 2 } });
  });
});

describe('speech-draft stats: JSON', () => {
  it('prints the contract for the seed', async () => {
    const r = await run(['stats', SEED, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['file', 'title', 'rate', 'totals', 'sections']);
    expect(json).toMatchObject({
      file: SEED,
      title: '市教育局局长在理论学习中心组会上的研讨发言材料',
      rate: 200,
      totals: { chars: 2323, charsWithPunctuation: 2594, minutes: 11.6, headings: 6, paragraphs: 12 },
    });
    const [one, two] = json.sections;
    expect(one).toEqual({
      level: 1,
      marker: '一、',
      number: 1,
      title: '学悟大会精神、唱响“忠诚之歌”,以“忘我奋斗”书写许报国、矢志不渝的“答卷”',
      line: 4,
      endLine: 6,
      chars: 711,
      charsWithPunctuation: 799,
      minutes: 3.6,
      children: [],
    });
    expect(two.children.map((c: { marker: string; line: number; endLine: number; chars: number; minutes: number }) => [c.marker, c.line, c.endLine, c.chars, c.minutes])).toEqual([
      ['(一)', 9, 9, 310, 1.6],
      ['(二)', 10, 10, 324, 1.6],
      ['(三)', 11, 11, 281, 1.4],
      ['(四)', 12, 12, 306, 1.5],
    ]);
  });

  it('rounds minutes to one decimal at the rate given', async () => {
    const json = JSON.parse((await run(['stats', SEED, '--format=json', '--rate', '150'])).out);
    expect(json.rate).toBe(150);
    expect(json.totals.minutes).toBe(15.5);
    expect(json.sections.map((s: { minutes: number }) => s.minutes)).toEqual([4.7, 8.9]);
  });

  it('agrees with the outline command on sections and counts', async () => {
    const outline = JSON.parse((await run(['outline', SEED, '--format', 'json'])).out);
    const stats = JSON.parse((await run(['stats', SEED, '--format', 'json'])).out);
    const strip = (nodes: { minutes?: number; children: unknown[] }[]): unknown[] =>
      nodes.map(({ minutes: _m, children, ...rest }) => ({ ...rest, children: strip(children as never) }));
    expect(strip(stats.sections)).toEqual(outline.sections);
  });
});

describe('speech-draft stats: errors', () => {
  it.each([['0'], ['-5'], ['abc'], ['2001'], [''], ['Infinity'], ['1e3']])('exits 2 with usage for --rate %j', async (rate) => {
    const r = await run(['stats', SEED, '--rate', rate]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`invalid --rate "${rate}"`);
    expect(r.err).toContain('Usage: speech-draft');
  });

  it('accepts a rate up to 2000, decimals too', async () => {
    expect((await run(['stats', SEED, '--rate', '2000'])).code).toBe(0);
    const r = await run(['stats', SEED, '--rate', '152.5']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('(152.5 chars a minute)');
  });

  it('reports a bad rate in Chinese', async () => {
    const r = await run(['stats', SEED, '--rate', '0', '--lang', 'zh-cn']);
    expect(r.err).toContain('--rate 的值“0”无效');
  });

  it.each([
    [['stats'], 'stats takes exactly one FILE'],
    [['stats', 'a.txt', 'b.txt'], 'stats takes exactly one FILE'],
    [['stats', SEED, '--rate'], 'option --rate needs a value'],
    [['stats', SEED, '--format', 'sarif'], 'unsupported format "sarif" (use text|json)'],
    [['stats', SEED, '--fix'], 'option --fix does not apply to stats'],
    [['outline', SEED, '--rate', '100'], 'option --rate does not apply to outline'],
  ])('exits 2 with usage for %j', async (argv, msg) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(msg);
  });

  it.each([
    [['stats', '/no/such/file.txt'], 'cannot read /no/such/file.txt: no such file'],
    [['stats', '/'], 'cannot read /: is a directory'],
  ])('exits 2 with a clear message: %j', async (argv, msg) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(msg);
  });

  it('reports a missing file in Chinese', async () => {
    const r = await run(['stats', 'missing.txt'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(r.code).toBe(2);
    expect(r.err).toContain('无法读取 missing.txt：文件不存在');
  });

  it('documents stats in the help, in both languages', async () => {
    expect((await run(['--help'])).out).toContain('stats FILE [--format text|json] [--rate N]');
    expect((await run(['--help', '--lang', 'zh-cn'])).out).toContain('stats 文件 [--format text|json] [--rate N]');
  });
});

describe('terminal width', () => {
  it('counts CJK and full-width characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('一、总体')).toBe(8);
    expect(displayWidth('（一）')).toBe(6);
    expect(displayWidth('“忠诚”,')).toBe(7);
    expect(displayWidth('𠀀')).toBe(2);
  });

  it('cuts to a width with an ellipsis, never splitting a wide character over the edge', () => {
    expect(truncateToWidth('一二三四五', 10)).toBe('一二三四五');
    expect(truncateToWidth('一二三四五', 9)).toBe('一二三四…');
    expect(truncateToWidth('一二三四五', 8)).toBe('一二三…');
    expect(displayWidth(truncateToWidth('一二三四五', 8))).toBeLessThanOrEqual(8);
  });
});
