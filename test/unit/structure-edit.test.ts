import { describe, expect, it } from 'vitest';
import { changeLevel, insertNextHeading, insertSubheading, moveSection, StructureEditError } from '../../src/core/structure-edit';

const lines = (...l: string[]) => l.join('\n');

const THREE = lines(
  '讲话稿', // 0
  '一、第一部分', // 1
  '（一）甲。正文甲', // 2
  '（二）乙。正文乙', // 3
  '二、第二部分', // 4
  '（一）丙。正文丙', // 5
  '1.丙一。正文', // 6
  '2.丙二。正文', // 7
  '（二）丁。正文丁', // 8
  '三、第三部分', // 9
  '（一）戊。正文戊', // 10
);

describe('insertNextHeading', () => {
  it('adds the next number after the section and renumbers the siblings after it', () => {
    const r = insertNextHeading(THREE, false, 2);
    expect(r.text.split('\n').slice(2, 6)).toEqual(['（一）甲。正文甲', '（二）', '（三）乙。正文乙', '二、第二部分']);
    expect(r.cursor).toEqual({ line: 3, character: 3 });
    expect(r.insertedLine).toBe(3);
  });

  it('after a section with children, after the whole section', () => {
    const r = insertNextHeading(THREE, false, 4);
    expect(r.text.split('\n').slice(8, 12)).toEqual(['（二）丁。正文丁', '三、', '四、第三部分', '（一）戊。正文戊']);
  });

  it('at the end of a file without a final newline', () => {
    const r = insertNextHeading('一、甲\n二、乙', false, 1);
    expect(r.text).toBe('一、甲\n二、乙\n三、');
  });

  it('keeps the indentation, the form and the line endings of the document', () => {
    const r = insertNextHeading('一、甲\r\n　　(一)乙\r\n　　(二)丙\r\n二、丁\r\n', false, 2);
    expect(r.text).toBe('一、甲\r\n　　(一)乙\r\n　　(二)丙\r\n　　(三)\r\n二、丁\r\n');
  });

  it('continues a continuous numbering', () => {
    const text = lines('一、甲', '（一）a', '（二）b', '二、乙', '（三）c', '（四）d', '三、丙', '（五）e');
    const r = insertNextHeading(text, false, 2);
    expect(r.text).toBe(lines('一、甲', '（一）a', '（二）b', '（三）', '二、乙', '（四）c', '（五）d', '三、丙', '（六）e'));
  });
});

describe('insertSubheading', () => {
  it('adds the next child after the last child', () => {
    const r = insertSubheading(THREE, false, 5);
    expect(r.text.split('\n').slice(5, 10)).toEqual(['（一）丙。正文丙', '1.丙一。正文', '2.丙二。正文', '3.', '（二）丁。正文丁']);
  });

  it('starts a new level under a section without children, in the document’s form for that level', () => {
    const r = insertSubheading(THREE, false, 2);
    expect(r.text.split('\n').slice(2, 4)).toEqual(['（一）甲。正文甲', '1.']);
  });
});

describe('changeLevel', () => {
  it('promotes （二） to 三、 and renumbers both runs', () => {
    const r = changeLevel(THREE, false, 3, -1);
    expect(r.text.split('\n').slice(1, 11)).toEqual([
      '一、第一部分',
      '（一）甲。正文甲',
      '二、乙。正文乙',
      '三、第二部分',
      '（一）丙。正文丙',
      '1.丙一。正文',
      '2.丙二。正文',
      '（二）丁。正文丁',
      '四、第三部分',
      '（一）戊。正文戊',
    ]);
    expect(r.cursor).toEqual({ line: 3, character: 2 });
  });

  it('demotes 二、 under 一、: its children become its siblings and renumber', () => {
    const r = changeLevel(THREE, false, 4, 1);
    expect(r.text.split('\n').slice(1, 11)).toEqual([
      '一、第一部分',
      '（一）甲。正文甲',
      '（二）乙。正文乙',
      '（三）第二部分',
      '（四）丙。正文丙',
      '1.丙一。正文',
      '2.丙二。正文',
      '（五）丁。正文丁',
      '二、第三部分',
      '（一）戊。正文戊',
    ]);
  });

  it('demote then promote gives back the original', () => {
    const down = changeLevel(THREE, false, 3, 1).text;
    expect(down.split('\n')[3]).toBe('1.乙。正文乙');
    expect(changeLevel(down, false, 3, -1).text).toBe(THREE);
  });

  it.each([
    [1, -1, 'top-level'],
    [0, 1, 'not-a-heading'],
  ] as const)('refuses line %i (%i): %s', (line, delta, reason) => {
    expect(() => changeLevel(THREE, false, line, delta)).toThrow(new StructureEditError(reason));
  });
});

describe('moveSection', () => {
  it('moves the middle section of three up, with its children, and renumbers', () => {
    const r = moveSection(THREE, false, 4, -1);
    expect(r.text).toBe(lines(
      '讲话稿',
      '一、第二部分',
      '（一）丙。正文丙',
      '1.丙一。正文',
      '2.丙二。正文',
      '（二）丁。正文丁',
      '二、第一部分',
      '（一）甲。正文甲',
      '（二）乙。正文乙',
      '三、第三部分',
      '（一）戊。正文戊',
    ));
    expect(r.cursor.line).toBe(1);
  });

  it('moves the middle section of three down', () => {
    const r = moveSection(THREE, false, 4, 1);
    expect(r.text.split('\n').slice(1)).toEqual([
      '一、第一部分', '（一）甲。正文甲', '（二）乙。正文乙', '二、第三部分', '（一）戊。正文戊',
      '三、第二部分', '（一）丙。正文丙', '1.丙一。正文', '2.丙二。正文', '（二）丁。正文丁',
    ]);
    expect(r.cursor.line).toBe(6);
  });

  it('moves the deepest section at the cursor: 1. within （一）', () => {
    const r = moveSection(THREE, false, 6, 1);
    expect(r.text.split('\n').slice(6, 8)).toEqual(['1.丙二。正文', '2.丙一。正文']);
  });

  it('moves a sub-section within its parent; up then down gives back the original', () => {
    const up = moveSection(THREE, false, 8, -1).text;
    expect(up.split('\n').slice(5, 9)).toEqual(['（一）丁。正文丁', '（二）丙。正文丙', '1.丙一。正文', '2.丙二。正文']);
    expect(moveSection(up, false, 5, 1).text).toBe(THREE);
  });

  it('keeps a last line without a line break, and CRLF', () => {
    const r = moveSection('一、甲\r\n正文\r\n二、乙', false, 2, -1);
    expect(r.text).toBe('一、乙\r\n二、甲\r\n正文');
  });

  it('refuses to move the first section up', () => {
    expect(() => moveSection(THREE, false, 1, -1)).toThrow(new StructureEditError('no-sibling'));
  });
});
