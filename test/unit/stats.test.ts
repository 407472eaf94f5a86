import { describe, expect, it } from 'vitest';
import { parseDraft } from '../../src/core/parser';
import {
  DEFAULT_RATE,
  draftStats,
  formatMinutes,
  minutesFor,
  rangeCounts,
  roundMinutes,
  sectionRows,
  speakingTime,
} from '../../src/core/stats';
import { readSeed } from './helpers';

describe('draftStats', () => {
  const seed = parseDraft(readSeed());

  it('gives the seed totals at the default rate of 200 characters a minute', () => {
    const s = draftStats(seed);
    expect(s.rate).toBe(DEFAULT_RATE);
    expect(s.title).toBe('市教育局局长在理论学习中心组会上的研讨发言材料');
    expect(s.totals).toEqual({ chars: 2323, charsWithPunctuation: 2594, minutes: 2323 / 200, headings: 6, paragraphs: 12 });
    expect(roundMinutes(s.totals.minutes)).toBe(11.6);
    expect(formatMinutes(s.totals.minutes, 'zh-cn')).toBe('约 12 分钟');
    expect(formatMinutes(s.totals.minutes, 'en')).toBe('about 12 min');
  });

  it('gives each section of the seed with its lines, counts and minutes, depth first', () => {
    const rows = sectionRows(draftStats(seed).sections).map(({ depth, section: s }) => [
      depth, s.level, s.marker, s.line, s.endLine, s.chars, s.charsWithPunctuation, roundMinutes(s.minutes),
    ]);
    expect(rows).toEqual([
      [0, 1, '一、', 4, 6, 711, 799, 3.6],
      // The web copy's cut after (四) (`......`, 预览结束…) belongs to no section.
      [0, 1, '二、', 7, 12, 1340, 1487, 6.7],
      [1, 2, '(一)', 9, 9, 310, 342, 1.6],
      [1, 2, '(二)', 10, 10, 324, 356, 1.6],
      [1, 2, '(三)', 11, 11, 281, 308, 1.4],
      [1, 2, '(四)', 12, 12, 306, 341, 1.5],
    ]);
    const two = draftStats(seed).sections[1];
    expect(two.title).toBe('学悟大会精神、唱响“担当之歌”,以“斗争豪情”书写奋战一线、无惧无畏的“答卷”');
    expect(two.children[3]).toMatchObject({ number: 4, title: '大力发展职业教育', minutes: 306 / 200 });
  });

  it('uses the rate given: 150 characters a minute', () => {
    const s = draftStats(seed, { rate: 150 });
    expect(s.rate).toBe(150);
    expect(roundMinutes(s.totals.minutes)).toBe(15.5);
    expect(formatMinutes(s.totals.minutes, 'zh-cn')).toBe('约 15 分钟');
    expect(s.sections.map((x) => roundMinutes(x.minutes))).toEqual([4.7, 8.9]);
  });

  it('falls back to the default rate for a rate that is not a positive number', () => {
    for (const rate of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) expect(draftStats(seed, { rate }).rate).toBe(DEFAULT_RATE);
    expect(minutesFor(400)).toBe(2);
  });

  it('counts a text that is not a draft: totals, no sections', () => {
    const s = draftStats(parseDraft('just some notes\n\n会议纪要，共三条。'));
    expect(s.sections).toEqual([]);
    expect(s.totals).toMatchObject({ chars: 13 + 7, headings: 0, paragraphs: 1 });
    expect(s.title).toBe('just some notes');
  });

  it('counts an empty text as nothing', () => {
    expect(draftStats(parseDraft('')).totals).toEqual({ chars: 0, charsWithPunctuation: 0, minutes: 0, headings: 0, paragraphs: 0 });
  });

  it('leaves Markdown code out of the counts', () => {
    const s = draftStats(parseDraft('# 讲话\n## 一、甲\n正文\n```\ncode code\n```\n## 二、乙', { markdown: true }));
    expect(s.totals.chars).toBe(2 + 2 + 2 + 2);
    expect(s.sections.map((x) => x.chars)).toEqual([4, 2]);
  });
});

describe('formatMinutes and speakingTime', () => {
  it.each([
    [38.2, '约 38 分钟', 'about 38 min'],
    [1, '约 1 分钟', 'about 1 min'],
    [1.49, '约 1 分钟', 'about 1 min'],
    [2.5, '约 3 分钟', 'about 3 min'],
    [0.999, '约 1 分钟', 'about 1 min'],
    [40 / 60, '约 40 秒', 'about 40 s'],
    [0, '约 0 秒', 'about 0 s'],
    [1234.4, '约 1,234 分钟', 'about 1,234 min'],
  ])('%d minutes', (minutes, zh, en) => {
    expect(formatMinutes(minutes, 'zh-cn')).toBe(zh);
    expect(formatMinutes(minutes, 'en')).toBe(en);
  });

  it('gives seconds below a minute and minutes from one on', () => {
    expect(speakingTime(133 / 200)).toEqual({ value: 40, unit: 's' });
    expect(speakingTime(320 / 200)).toEqual({ value: 2, unit: 'min' });
    expect(speakingTime(Number.NaN)).toEqual({ value: 0, unit: 's' });
  });
});

describe('rangeCounts (the selection)', () => {
  const text = '讲话\n一、总体要求\n正文，正文。\n二、重点任务';
  const model = parseDraft(text);

  it('counts part of a line, several lines, and the whole text like the document', () => {
    expect(rangeCounts(model, 2, 0, 2, 2)).toEqual({ chars: 2, charsWithPunctuation: 2 });
    expect(rangeCounts(model, 2, 0, 2, 3)).toEqual({ chars: 2, charsWithPunctuation: 3 });
    expect(rangeCounts(model, 1, 2, 2, 6)).toEqual({ chars: 8, charsWithPunctuation: 10 });
    expect(rangeCounts(model, 0, 0, 3, 6)).toEqual({ chars: model.chars, charsWithPunctuation: model.charsWithPunctuation });
  });

  it('counts nothing for an empty or out-of-range selection', () => {
    expect(rangeCounts(model, 1, 3, 1, 3)).toEqual({ chars: 0, charsWithPunctuation: 0 });
    expect(rangeCounts(model, 9, 0, 12, 0)).toEqual({ chars: 0, charsWithPunctuation: 0 });
  });

  it('skips Markdown code and front matter, as the document counts do', () => {
    const md = parseDraft('---\ntitle: x\n---\n## 一、甲\n```\ncode\n```\n正文', { markdown: true });
    expect(rangeCounts(md, 0, 0, 7, 2)).toEqual({ chars: md.chars, charsWithPunctuation: md.charsWithPunctuation });
    expect(md.chars).toBe(4);
  });
});
