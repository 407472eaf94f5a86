import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type FileContent, type Run, runCli } from './cli-harness';
import { SEED } from './helpers';

/** Runs the CLI in memory (cwd /proj); the seed is there under its real absolute path. */
async function run(argv: string[], opts: { files?: Record<string, FileContent>; stdin?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return runCli(argv, { ...opts, files: { [SEED]: fs.readFileSync(SEED), ...opts.files } });
}

describe('speech-draft outline', () => {
  it('prints the seed as the JSON contract', async () => {
    const r = await run(['outline', SEED, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.file).toBe(SEED);
    expect(json.title).toBe('市教育局局长在理论学习中心组会上的研讨发言材料');
    expect(json.sections.map((s: { marker: string }) => s.marker)).toEqual(['一、', '二、']);
    const two = json.sections[1];
    // The web copy's cut (lines 13–15) is in no section.
    expect(two).toMatchObject({ level: 1, marker: '二、', number: 2, line: 7, endLine: 12 });
    expect(two.children.map((c: { marker: string; number: number; line: number; endLine: number }) => [c.marker, c.number, c.line, c.endLine])).toEqual([
      ['(一)', 1, 9, 9],
      ['(二)', 2, 10, 10],
      ['(三)', 3, 11, 11],
      ['(四)', 4, 12, 12],
    ]);
    expect(two.children[0].title).toBe('推动学前教育普及普惠安全优质发展');
    expect(typeof two.chars).toBe('number');
    expect(json.sections[0].children).toEqual([]);
  });

  it('prints an indented text outline with counts, in Chinese under a Chinese locale', async () => {
    const text = '讲话\n一、总体要求\n正文正文\n二、重点任务\n（一）抓落实。正文';
    const en = await run(['outline', 'a.txt'], { files: { 'a.txt': text } });
    expect(en.out).toBe('讲话\n  一、总体要求  [2-3] 9 chars\n  二、重点任务  [4-5] 11 chars\n    （一）抓落实  [5] 6 chars\n');
    const zh = await run(['outline', 'a.txt'], { files: { 'a.txt': text }, env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.out).toContain('一、总体要求  [2-3] 9字');
    const lang = await run(['outline', 'a.txt', '--lang', 'zh-cn'], { files: { 'a.txt': text } });
    expect(lang.out).toBe(zh.out);
  });

  it('prints a Markdown table of contents', async () => {
    const r = await run(['outline', 'a.md', '--format=markdown'], { files: { 'a.md': '# 讲话\n## 一、甲\n## 二、乙\n### （一）丙' } });
    expect(r.out).toBe('# 讲话\n\n- 一、甲 (2 chars)\n- 二、乙 (4 chars)\n  - （一）丙 (2 chars)\n');
  });

  it('reads stdin with "-"', async () => {
    const r = await run(['outline', '-', '--format', 'json'], { stdin: '一、甲\n二、乙' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ file: '-', title: null, sections: [{ marker: '一、' }, { marker: '二、' }] });
  });

  it('decodes GB18030 and UTF-8 with a BOM', async () => {
    const gbk = Uint8Array.from([0xd2, 0xbb, 0xa1, 0xa2, 0xbc, 0xd7, 0x0a, 0xb6, 0xfe, 0xa1, 0xa2, 0xd2, 0xd2]); // 一、甲\n二、乙
    const r = await run(['outline', 'g.txt', '--format', 'json'], { files: { 'g.txt': gbk } });
    expect(JSON.parse(r.out).sections.map((s: { title: string }) => s.title)).toEqual(['甲', '乙']);
    const bom = await run(['outline', 'b.txt', '--format', 'json'], { files: { 'b.txt': '\uFEFF标题\n一、甲\n二、乙' } });
    expect(JSON.parse(bom.out).title).toBe('标题');
  });

  it('says when no heading is found', async () => {
    const r = await run(['outline', 'a.txt'], { files: { 'a.txt': 'just some notes' } });
    expect(r.code).toBe(0);
    expect(r.out).toContain('(no headings found)');
  });

  it.each([
    [['outline', '/no/such/file.txt'], 'cannot read /no/such/file.txt: no such file'],
    [['outline', '/'], 'cannot read /: is a directory'],
    [['outline', 'bin.txt'], 'cannot read bin.txt: looks like a binary file'],
  ])('exits 2 with a clear message: %j', async (argv, msg) => {
    const r = await run(argv, { files: { 'bin.txt': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]) } });
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(msg);
  });

  it('reports a directory in Chinese under a Chinese locale', async () => {
    const r = await run(['outline', '/'], { env: { LC_ALL: 'zh_CN.UTF-8' } });
    expect(r.err).toContain('无法读取 /：这是一个文件夹');
  });

  it.each([
    [['outline']],
    [['outline', 'a.txt', 'b.txt']],
    [['outline', 'a.txt', '--format', 'xml']],
    [['outline', 'a.txt', '--format']],
    [['outline', 'a.txt', '--bogus']],
    [['frobnicate']],
    [[]],
  ])('exits 2 with usage for %j', async (argv) => {
    const r = await run(argv, { files: { 'a.txt': '一、甲' } });
    expect(r.code).toBe(2);
    expect(r.err).toContain('Usage: speech-draft');
  });

  it('prints help and version', async () => {
    expect((await run(['--help'])).out).toContain('outline FILE');
    expect((await run(['--version'])).out).toBe('9.9.9\n');
  });
});
