import { describe, expect, it } from 'vitest';
import { nextEnumeration, nextMarkers } from '../../src/core/complete';
import { parseDraft } from '../../src/core/parser';

const lines = (...l: string[]) => l.join('\n');

describe('nextMarkers', () => {
  const text = lines('讲话稿', '一、总体要求', '（一）提高认识。正文', '（二）压实责任。正文', '', '二、重点任务');
  const model = parseDraft(text);

  it('after （二）… offers （三） first, then its child, then 二、', () => {
    expect(nextMarkers(model, 4).map((s) => [s.marker, s.relation])).toEqual([
      ['（三）', 'sibling'],
      ['1.', 'child'],
      ['二、', 'parent'],
    ]);
  });

  it('in the form the document uses', () => {
    const m = parseDraft(lines('一、甲', '(一)a。正文', '(二)b。正文', '', '二、乙'));
    expect(nextMarkers(m, 3)[0].marker).toBe('(三)');
  });

  it('before any heading: the first heading of the document’s top level', () => {
    expect(nextMarkers(parseDraft(lines('讲话稿', '同志们：', '')), 2).map((s) => s.marker)).toEqual(['一、']);
    expect(nextMarkers(parseDraft(lines('讲话稿', '', '（一）甲', '（二）乙')), 1).map((s) => s.marker)).toEqual(['（一）']);
  });

  it('after the last sub-heading of a deep section, every level up', () => {
    const m = parseDraft(lines('一、甲', '（一）乙', '1.丙。正文', '（1）丁。正文', ''));
    expect(nextMarkers(m, 4).map((s) => s.marker)).toEqual(['（2）', '①', '2.', '（二）', '二、']);
  });
});

describe('nextEnumeration', () => {
  it('offers 二是 after 一是…。, 第三 after 第二', () => {
    const m = parseDraft(lines('一、甲', '我们要：一是加强领导。', '第一，提高认识。第二，压实责任。'));
    expect(nextEnumeration(m, 1, 11)).toBe('二是');
    expect(nextEnumeration(m, 2, 16)).toBe('第三');
  });

  it('offers nothing without an item before the cursor in the section', () => {
    const m = parseDraft(lines('一、甲', '一是加强领导。', '二、乙', '正文。'));
    expect(nextEnumeration(m, 3, 3)).toBeUndefined();
  });
});
