// src/core/keywords.ts: which text the document and each section give to keyword extraction, and
// how results are rounded, merged and shown. No segmenter here: extraction is a fake.
import { describe, expect, it } from 'vitest';
import {
  escapeMarkdown,
  type ExtractKeywords,
  formatKeywords,
  keywordsMarkdown,
  keywordTexts,
  MAX_KEYWORD_TEXT,
  nothingToRank,
  parseKeywordCount,
  rankKeywords,
  roundWeight,
  toWordWeights,
} from '../../src/core/keywords';
import { formatCount } from '../../src/core/outline';
import { parseDraft } from '../../src/core/parser';
import { readSeed } from './helpers';

const DRAFT = [
  '讲话稿标题',
  '一、总体要求',
  '坚持立德树人。',
  '（一）思政课建设',
  '思政课是关键课程。',
  '1.第一点',
  '三级标题下的正文。',
  '二、重点任务',
  '产教融合。',
].join('\n');

describe('keywordTexts', () => {
  it('gives the whole text and each section down to the direct children, heading through last line', () => {
    const t = keywordTexts(parseDraft(DRAFT));
    expect(t.document).toEqual({ text: DRAFT, truncated: false });
    expect(t.sections).toEqual([
      { line: 2, depth: 0, truncated: false, text: '一、总体要求\n坚持立德树人。\n（一）思政课建设\n思政课是关键课程。\n1.第一点\n三级标题下的正文。' },
      { line: 4, depth: 1, truncated: false, text: '（一）思政课建设\n思政课是关键课程。\n1.第一点\n三级标题下的正文。' },
      { line: 8, depth: 0, truncated: false, text: '二、重点任务\n产教融合。' },
    ]);
  });

  it('leaves Markdown code, front matter and line prefixes out', () => {
    const md = ['---', 'title: x', '---', '# 标题', '## 一、总体要求', '正文', '```', 'const 代码 = 1;', '```', '## 二、任务', '> 引用'].join('\n');
    const t = keywordTexts(parseDraft(md, { markdown: true }));
    expect(t.document.text).not.toMatch(/代码|title|---|```/);
    expect(t.document.text).toContain('一、总体要求\n正文');
    expect(t.sections.map((s) => s.text)).toEqual(['一、总体要求\n正文', '二、任务\n引用']);
  });

  it('maxDepth 0 ranks the top level only; deeper sections are never sent', () => {
    const t = keywordTexts(parseDraft(DRAFT), { maxDepth: 0 });
    expect(t.sections.map((s) => s.line)).toEqual([2, 8]);
  });

  it('cuts each text at maxChars and says so, never inside a surrogate pair', () => {
    const big = `一、总体要求\n${'教育'.repeat(150_000)}\n二、任务\n短`;
    const t = keywordTexts(parseDraft(big));
    expect(t.document.truncated).toBe(true);
    expect(t.document.text).toHaveLength(MAX_KEYWORD_TEXT);
    expect(t.sections[0].truncated).toBe(true);
    expect(t.sections[0].text).toHaveLength(MAX_KEYWORD_TEXT);
    expect(t.sections[1]).toMatchObject({ truncated: false, text: '二、任务\n短' });
    const astral = keywordTexts(parseDraft('𠀀𠀀𠀀'), { maxChars: 3 });
    expect(astral.document).toEqual({ text: '𠀀', truncated: true });
  });

  it('a 10 MB draft sends at most about three times MAX_KEYWORD_TEXT per top-level section, whatever its size', () => {
    const body = '推动教育高质量发展。'.repeat(100_000); // 1,000,000 chars a section
    const parts = Array.from({ length: 10 }, (_, i) => `${'一二三四五六七八九十'[i]}、部分\n（一）小节\n${body}`);
    const t = keywordTexts(parseDraft(parts.join('\n')));
    const total = t.document.text.length + t.sections.reduce((n, s) => n + s.text.length, 0);
    expect(t.sections).toHaveLength(20);
    expect(total).toBeLessThanOrEqual(21 * MAX_KEYWORD_TEXT);
    expect(t.sections.every((s) => s.truncated)).toBe(true);
  });

  it('nothing to rank in an empty or blank text', () => {
    expect(nothingToRank(keywordTexts(parseDraft('')))).toBe(true);
    expect(nothingToRank(keywordTexts(parseDraft('\n  \n')))).toBe(true);
    expect(nothingToRank(keywordTexts(parseDraft(DRAFT)))).toBe(false);
  });

  it('the seed: two top-level sections and the four of the second', () => {
    const t = keywordTexts(parseDraft(readSeed()));
    expect(t.sections.map((s) => [s.line, s.depth])).toEqual([[4, 0], [7, 0], [9, 1], [10, 1], [11, 1], [12, 1]]);
    expect(t.document.text).toContain('产教融合');
  });
});

describe('rounding and merging', () => {
  it('rounds weights to three decimals and drops malformed entries', () => {
    expect(roundWeight(0.12345)).toBe(0.123);
    expect(roundWeight(12.3456)).toBe(12.346);
    expect(roundWeight(Number.NaN)).toBe(0);
    expect(toWordWeights([{ word: '思政课', weight: 1.23456 }, { word: '', weight: 1 }, null, { weight: 2 }, { word: '教育', weight: 'x' }])).toEqual([
      { word: '思政课', weight: 1.235 },
      { word: '教育', weight: 0 },
    ]);
  });

  it('ranks the document then each section in order, one request at a time, skipping blank texts', async () => {
    const calls: string[] = [];
    let inFlight = 0;
    const extract: ExtractKeywords = async (text, topN) => {
      expect(inFlight).toBe(0);
      inFlight++;
      calls.push(text.split('\n')[0]);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      return [{ word: text.slice(0, 2), weight: 1 / 3 }].slice(0, topN);
    };
    const r = await rankKeywords(keywordTexts(parseDraft(DRAFT)), 5, extract);
    expect(calls).toEqual(['讲话稿标题', '一、总体要求', '（一）思政课建设', '二、重点任务']);
    expect(r.document).toEqual([{ word: '讲话', weight: 0.333 }]);
    expect([...r.sections.keys()]).toEqual([2, 4, 8]);
    expect(r.sections.get(4)).toEqual([{ word: '（一', weight: 0.333 }]);
    expect(r.truncated).toEqual({ document: false, sections: new Set() });
  });

  it('lets an extraction error through', async () => {
    await expect(rankKeywords(keywordTexts(parseDraft(DRAFT)), 5, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });

  it('formats a list with or without weights', () => {
    const words = [
      { word: '产教融合', weight: 0.5 },
      { word: '思政课', weight: 0.25 },
    ];
    expect(formatKeywords(words, '、')).toBe('产教融合、思政课');
    expect(formatKeywords(words, ', ', true)).toBe('产教融合 (0.5), 思政课 (0.25)');
  });

  it.each([
    ['1', 1],
    ['10', 10],
    [' 50 ', 50],
    ['0', undefined],
    ['51', undefined],
    ['2.5', undefined],
    ['-3', undefined],
    ['ten', undefined],
    ['', undefined],
  ])('--keywords %j → %j', (value, expected) => {
    expect(parseKeywordCount(value)).toBe(expected);
  });
});

describe('keywordsMarkdown', () => {
  it('lists the document, then top-level sections as ## and their children as ###, with weights', async () => {
    const model = parseDraft(DRAFT);
    const words: Record<string, { word: string; weight: number }[]> = {
      '讲话稿标题': [{ word: '思政课', weight: 1.5 }, { word: 'a*b', weight: 0.25 }],
      '一、总体要求': [{ word: '立德树人', weight: 2 }],
      '（一）思政课建设': [{ word: '思政课', weight: 3 }],
      '二、重点任务': [],
    };
    const keywords = await rankKeywords(keywordTexts(model), 10, async (t) => words[t.split('\n')[0]]);
    keywords.truncated.sections.add(8);
    const md = keywordsMarkdown(model, keywords, {
      heading: 'Keywords: 讲话稿标题',
      intro: 'Top 10.',
      document: 'Whole draft',
      none: '(none)',
      truncated: (n) => `(from the first ${n} characters)`,
      separator: ', ',
      formatCount,
      headingLabel: (s) => `${s.heading.marker.text}${s.heading.title}`,
    });
    expect(md).toBe(
      [
        '# Keywords: 讲话稿标题',
        '',
        'Top 10.',
        '',
        '**Whole draft**: 思政课 (1.5), a\\*b (0.25)',
        '',
        '## 一、总体要求',
        '',
        '立德树人 (2)',
        '',
        '### （一）思政课建设',
        '',
        '思政课 (3)',
        '',
        '## 二、重点任务',
        '',
        '_(none)_ _(from the first 200,000 characters)_',
        '',
      ].join('\n'),
    );
  });

  it('escapes Markdown in headings and words', () => {
    expect(escapeMarkdown('a_b*c<d>[e]`f`|g~h\\')).toBe('a\\_b\\*c\\<d\\>\\[e\\]\\`f\\`\\|g\\~h\\\\');
    expect(escapeMarkdown('（一）推动“产教融合”')).toBe('（一）推动“产教融合”');
  });
});
