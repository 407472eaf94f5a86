import { describe, expect, it } from 'vitest';
import { matchMarker, renderMarker } from '../../src/core/markers';

// [line content, level, number, marker text, deviations]
const HEADINGS: [string, number, number, string, string[]][] = [
  ['一、总体要求', 1, 1, '一、', []],
  ['十一、加强组织领导', 1, 11, '十一、', []],
  ['一.总体要求', 1, 1, '一.', ['wrong-separator']],
  ['一．总体要求', 1, 1, '一．', ['wrong-separator']],
  ['一，总体要求', 1, 1, '一，', ['wrong-separator']],
  ['一:总体要求', 1, 1, '一:', ['wrong-separator']],
  ['一 总体要求', 1, 1, '一', ['missing-separator']],
  ['（一）推动学前教育普及普惠安全优质发展。学前教育是……', 2, 1, '（一）', []],
  ['（二十三）深化改革', 2, 23, '（二十三）', []],
  ['(一)推动学前教育', 2, 1, '(一)', ['half-width-bracket']],
  ['（一)推动学前教育', 2, 1, '（一)', ['half-width-bracket']],
  ['(一）推动学前教育', 2, 1, '(一）', ['half-width-bracket']],
  ['（一）、推动学前教育', 2, 1, '（一）、', ['extra-punctuation']],
  ['（一）.推动学前教育', 2, 1, '（一）.', ['extra-punctuation']],
  ['（一），推动学前教育', 2, 1, '（一），', ['extra-punctuation']],
  ['1.深入学习贯彻', 3, 1, '1.', []],
  ['12.深入学习贯彻', 3, 12, '12.', []],
  ['1. 深入学习贯彻', 3, 1, '1.', []],
  ['1、深入学习贯彻', 3, 1, '1、', ['wrong-separator']],
  ['1．深入学习贯彻', 3, 1, '1．', ['wrong-separator']],
  ['１.深入学习贯彻', 3, 1, '１.', ['full-width-digit']],
  ['1，深入学习贯彻', 3, 1, '1，', ['wrong-separator']],
  ['1 深入学习贯彻', 3, 1, '1', ['missing-separator']],
  ['（1）完善制度', 4, 1, '（1）', []],
  ['(1)完善制度', 4, 1, '(1)', ['half-width-bracket']],
  ['（1）、完善制度', 4, 1, '（1）、', ['extra-punctuation']],
  ['1）完善制度', 4, 1, '1）', ['missing-open-bracket']],
  ['1)完善制度', 4, 1, '1)', ['missing-open-bracket']],
  ['（１）完善制度', 4, 1, '（１）', ['full-width-digit']],
  ['①加强宣传', 5, 1, '①', []],
  ['⑳加强宣传', 5, 20, '⑳', []],
  ['①、加强宣传', 5, 1, '①、', ['extra-punctuation']],
  ['①.加强宣传', 5, 1, '①.', ['extra-punctuation']],
  ['⑴完善制度', 4, 1, '⑴', ['legacy-character']],
  ['⒉深入学习', 3, 2, '⒉', ['legacy-character']],
  ['第一部分 2023年工作回顾', 0, 1, '第一部分', []],
  ['附件1', 0, 1, '附件1', []],
  ['附件：名词解释', 0, 0, '附件', []],
  ['名词解释', 0, 0, '名词解释', []],
];

// Body text that begins like a marker but is not one (DOMAIN §1 traps).
const NOT_HEADINGS = [
  '2.5', '（', '一', '一、', '2.5倍的增长速度', '1.5万元', '2024年是关键之年', '10:30开会', '十九大以来',
  '一方面要加强', '一是要加强思政课教师队伍建设', '第一，要提高认识', '首先，要统一思想', '2023.10',
  '3 个方面的问题', '1、2、3', '两、三个', '（1）班的同学', '(2)', '2024 年', '十分重要', '一一对应',
  '第一次会议', '附件说明', '12345.总结',
];

describe('matchMarker', () => {
  it.each(HEADINGS)('%s → level %i, number %i, marker %s', (line, level, number, text, deviations) => {
    const m = matchMarker(line);
    expect(m, line).toBeDefined();
    expect(m!.level).toBe(level);
    expect(m!.number).toBe(number);
    expect(m!.text).toBe(text);
    expect(m!.deviations).toEqual(deviations);
    expect(line.slice(m!.start, m!.end)).toBe(text);
  });

  it.each(NOT_HEADINGS)('%s is not a heading marker', (line) => {
    expect(matchMarker(line)).toBeUndefined();
  });

  it('matches from an offset (after indentation)', () => {
    const m = matchMarker('　　（二）推进', 2);
    expect(m).toMatchObject({ level: 2, number: 2, start: 2, end: 5 });
  });

  it('gives the canonical marker of every form', () => {
    expect(matchMarker('(三)推进')!.canonical).toBe('（三）');
    expect(matchMarker('3、推进')!.canonical).toBe('3.');
    expect(matchMarker('二.推进')!.canonical).toBe('二、');
    expect(matchMarker('2)推进')!.canonical).toBe('（2）');
    expect(matchMarker('②、推进')!.canonical).toBe('②');
  });
});

describe('matchMarker next to invisible characters and emoji', () => {
  // [line, level, number, marker text, offset of the marker]
  const CASES: [string, number, number, string, number][] = [
    ['\u200B一、总体要求', 1, 1, '一、', 1],
    ['\u200C（二）推进改革', 2, 2, '（二）', 1],
    ['\u200D3.加强领导', 3, 3, '3.', 1],
    ['\u2060（4）完善制度', 4, 4, '（4）', 1],
    ['\uFEFF一、总体要求', 1, 1, '一、', 1],
    ['\u200B\u3000\u3000二、重点任务', 1, 2, '二、', 3],
    ['一、\u200B总体要求', 1, 1, '一、', 0],
    ['一、😀开场', 1, 1, '一、', 0],
    ['（一）🎯目标任务', 2, 1, '（一）', 0],
    ['2.✅完成情况', 3, 2, '2.', 0],
    ['①🌟亮点', 5, 1, '①', 0],
    ['一、𠀀字头的标题', 1, 1, '一、', 0],
  ];
  it.each(CASES)('%j → level %i, number %i, marker %s', (line, level, number, text, start) => {
    const m = matchMarker(line);
    expect(m, line).toMatchObject({ level, number, text, start, end: start + text.length });
    expect(line.slice(m!.start, m!.end)).toBe(text);
  });

  it.each(['\u200B2.5倍', '\u200B2024年', '\u200B一是要加强', '\uFEFF', '\u200B', '一、\u200B', '😀一、开场', '2.😀'.slice(0, 2), '\u200B1.5万元'])(
    '%j is not a heading marker',
    (line) => {
      expect(matchMarker(line)).toBeUndefined();
    },
  );
});

describe('renderMarker', () => {
  it('renders a number at every level and parses back', () => {
    for (const level of [1, 2, 3, 4, 5] as const) {
      for (const n of [1, 2, 9, 10, 11, 20, 21, 35, 50]) {
        const text = renderMarker(level, n);
        const m = matchMarker(`${text}加强领导`);
        expect(m, text).toMatchObject({ level, number: n, text, deviations: [] });
      }
    }
  });
});
