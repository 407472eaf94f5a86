/**
 * Crafted inputs that made the core quadratic (or overflow the call stack), at sizes where a
 * quadratic algorithm takes seconds to minutes and a linear one a few milliseconds. The tests
 * assert what a user sees (exit code, output); speed itself is measured by the benchmark, never
 * here. The second half checks that the hand-written scans return exactly what the regexes they
 * replaced returned.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atxClosingStart, stripAtxClosing, trimEndChars, trimEndEmphasis, trimEndSpaces } from '../../src/core/linear';
import { lintText } from '../../src/core/lint';
import { parseDraft, type Section } from '../../src/core/parser';
import { inRanges, protectedRanges } from '../../src/core/rules/cjk';
import { runCli } from './cli-harness';

const DRAFT = '一、总体要求\n\n坚持稳中求进。\n\n二、重点任务\n\n';

describe('hostile input: the CLI stays linear and correct', () => {
  it('a 100,000-character line of "a" (no @) is checked, and is no problem', async () => {
    const r = await runCli(['check', '--all', 'a.txt'], { files: { 'a.txt': `${DRAFT}${'a'.repeat(100_000)}\n` } });
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
  });

  it('a heading followed by 64,000 spaces then "x" keeps its title', async () => {
    const text = `一、总体要求${' '.repeat(64_000)}x\n\n正文。\n\n二、重点任务\n`;
    const r = await runCli(['outline', '--format', 'json', 'a.txt'], { files: { 'a.txt': text } });
    expect(r.code).toBe(0);
    const outline = JSON.parse(r.out);
    expect(outline.sections.map((s: { title: string }) => s.title)).toEqual([`总体要求${' '.repeat(64_000)}x`, '重点任务']);
    const check = await runCli(['check', '--all', 'a.txt'], { files: { 'a.txt': text } });
    expect(check.code).toBe(0);
  });

  it('a Markdown heading with 64,000 spaces before its closing ## is read without them', async () => {
    const text = `## 一、总体要求${' '.repeat(64_000)}##${' '.repeat(1000)}\n\n正文。\n\n## 二、重点任务${'\t'.repeat(64_000)}\n`;
    const model = parseDraft(text, { markdown: true });
    expect(model.headings.map((h) => h.title)).toEqual(['总体要求', '重点任务']);
  });

  it('a Markdown draft with "](" repeated 32,000 times is checked, and is no problem', async () => {
    const r = await runCli(['check', '--all', 'a.md'], { files: { 'a.md': `${DRAFT}${']('.repeat(32_000)}\n` } });
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
  });

  it('lines of many e-mail addresses, tags, links and brackets give the same problems as one of each', () => {
    const unit = '见 a.b@c-d.cn 和 <b>注</b> 及 [文](http://x.cn "题") 中(注)';
    const one = lintText(`${DRAFT}${unit}\n`, { markdown: true }).filter((p) => p.line === 6);
    const many = lintText(`${DRAFT}${unit.repeat(5_000)}\n`, { markdown: true }).filter((p) => p.line === 6);
    expect(one.map((p) => p.rule)).toEqual(['punctuation-width']);
    expect(many.length).toBe(5_000);
    expect(new Set(many.map((p) => p.rule))).toEqual(new Set(['punctuation-width']));
  });

  it('"中" then 100,000 "(" and never a ")" is no problem; each "(" before one ")" is one', () => {
    expect(lintText(`${DRAFT}中${'('.repeat(100_000)}\n`)).toEqual([]);
    const problems = lintText(`${DRAFT}中(${'(中'.repeat(50_000)})\n`);
    expect(problems.length).toBe(50_001);
    expect(problems.every((p) => p.rule === 'punctuation-width' && p.endColumn === 2 + 100_001)).toBe(true);
  });

  it('runs of placeholders and near-placeholders are reported once per run', () => {
    const problems = lintText(`${DRAFT}${'Ｘ'.repeat(100_000)}a，${'X'.repeat(100_000)}b，${'（此处'.repeat(20_000)}\n`);
    expect(problems.map((p) => [p.rule, p.column, p.endColumn])).toEqual([['placeholder', 0, 99_999]]);
  });

  const manyHeadings = (n: number) => {
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(i % 2 === 0 ? '一、标题\n' : '（一）小标题\n');
    return parts.join('');
  };

  it('check --fix of one line of "中," × 50,000 turns every comma full-width in one pass', async () => {
    const stdin = `${DRAFT}${'中,'.repeat(50_000)}\n`;
    const r = await runCli(['check', '--fix', '-'], { stdin });
    expect(r.code).toBe(0);
    expect(new TextDecoder().decode(r.outBytes)).toBe(`${DRAFT}${'中，'.repeat(50_000)}\n`);
    expect(r.err).toMatch(/^fixed 50,?000 problems in 1 file\n$/);
  });

  it('stats of 150,000 headings (2.4 MB) prints every section, without a stack overflow', async () => {
    const stats = await runCli(['stats', 'h.txt'], { files: { 'h.txt': manyHeadings(150_000) } });
    expect(stats.err).toBe('');
    expect(stats.code).toBe(0);
    expect(stats.out.trimEnd().split('\n').at(-1)).toMatch(/^ {2}（一）小标题 +150000 /);
  });

  it('sections nest no deeper than the six heading levels, whatever the order of the headings', () => {
    const levels = ['第一部分 总则', '一、甲', '（一）乙', '1.丙', '（1）丁', '①戊'];
    const lines: string[] = [];
    for (let i = 0; i < 20_000; i++) lines.push(levels[i % 6], levels[5 - (i % 6)], '正文。');
    const model = parseDraft(lines.join('\n'));
    let deepest = 0;
    const stack: [Section, number][] = model.sections.map((s) => [s, 1]);
    while (stack.length > 0) {
      const [s, depth] = stack.pop()!;
      deepest = Math.max(deepest, depth);
      for (const c of s.children) stack.push([c, depth + 1]);
    }
    expect(deepest).toBeLessThanOrEqual(6);
  });
});

describe('the linear scans return what the regexes they replace return', () => {
  const text = (alphabet: string[]) => fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }).map((a) => a.join(''));

  it('trailing spaces, ATX closing sequences and closing emphasis', () => {
    fc.assert(
      fc.property(text([' ', '\t', '\u3000', '#', '*', '_', 'a', '中']), (s) => {
        const closing = /[ \t]+#+[ \t]*$/.exec(s);
        expect(atxClosingStart(s)).toBe(closing ? closing.index : -1);
        expect(stripAtxClosing(s)).toBe(s.replace(/[ \t]+#+[ \t]*$/, ''));
        expect(trimEndSpaces(s)).toBe(s.replace(/[ \t\u3000]+$/, ''));
        expect(trimEndChars(s, ' \t\u3000*')).toBe(s.replace(/[ \t\u3000*]+$/, ''));
        expect(trimEndEmphasis(s)).toBe(s.replace(/(?:\*\*|__)+$/, ''));
      }),
      { numRuns: 3000 },
    );
  });

  /** The protected ranges as the regexes found them (each column in or out). */
  function regexProtected(line: string): boolean[] {
    const covered = new Array<boolean>(line.length).fill(false);
    const patterns = [
      /\b(?:https?|ftp|file):\/\/[^\s，。；：！？）》」]+/g,
      /\bwww\.[^\s，。；：！？）》」]+/g,
      /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
      /`[^`]*`/g,
      /\]\([^)\s]*(?:\s+"[^"]*")?\)/g,
      /<[^>\n]{1,200}>/g,
    ];
    for (const re of patterns) {
      let m: RegExpExecArray | null;
      while ((m = re.exec(line))) for (let i = m.index; i < m.index + m[0].length; i++) covered[i] = true;
    }
    return covered;
  }

  it('e-mail addresses, Markdown link targets and HTML tags', () => {
    const alphabet = ['a', 'Z', '9', '_', '.', '-', '+', '@', ' ', '\t', ']', '(', ')', '"', '<', '>', '`', '](', 'x.cn', '中', '，'];
    fc.assert(
      fc.property(text(alphabet), (line) => {
        const ranges = protectedRanges(line, true);
        const want = regexProtected(line);
        for (let at = 0; at < line.length; at++) expect(inRanges(ranges, at)).toBe(want[at]);
      }),
      { numRuns: 3000 },
    );
  });

  it('HTML tags at the 200-character bound', () => {
    for (const inner of [1, 199, 200, 201]) {
      const line = `<<${'a'.repeat(inner - 1)}>`;
      expect(inRanges(protectedRanges(line, true), 0)).toBe(regexProtected(line)[0]);
    }
  });
});
