/**
 * The fix engine: applying edits (single- and multi-line, BOM and line endings kept), the trail
 * that maps a later pass back to the text as it was, and the guarantee that a bulk fix changes
 * only what was reported.
 */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/config';
import { applyFixes, EditTrail, insideSpans, mergeOffsetEdits, unionSpans } from '../../src/core/fixes';
import { fixText, lintText } from '../../src/core/lint';
import { RULES } from '../../src/core/rules/registry';
import type { Rule } from '../../src/core/rules/types';

describe('applyFixes', () => {
  it('applies edits on several lines, keeping BOM and every line ending', () => {
    const text = '\uFEFFab\r\ncd\nef\rgh';
    const out = applyFixes(text, [
      { line: 0, start: 1, end: 2, text: 'B' },
      { line: 2, start: 0, end: 0, text: '>' },
      { line: 3, start: 2, end: 2, text: '!' },
    ]);
    expect(out).toBe('\uFEFFaB\r\ncd\n>ef\rgh!');
  });

  it('joins two lines with an edit that spans the line break', () => {
    const text = '一、甲\n（\n三）丙\n';
    expect(applyFixes(text, [{ line: 1, start: 1, endLine: 2, end: 0, text: '' }])).toBe('一、甲\n（三）丙\n');
  });

  it('drops duplicates and the later of two overlapping edits', () => {
    const text = 'abcdef';
    expect(applyFixes(text, [
      { line: 0, start: 1, end: 3, text: 'X' },
      { line: 0, start: 1, end: 3, text: 'X' },
      { line: 0, start: 2, end: 4, text: 'Y' },
      { line: 0, start: 5, end: 5, text: '+' },
      { line: 0, start: 5, end: 5, text: '-' },
    ])).toBe('aXde+f');
  });

  it('is linear in the number of edits on one line', () => {
    const line = '中,'.repeat(50_000);
    const edits = Array.from({ length: 50_000 }, (_, i) => ({ line: 0, start: 2 * i + 1, end: 2 * i + 2, text: '，' }));
    expect(applyFixes(line, edits)).toBe('中，'.repeat(50_000));
  });
});

describe('EditTrail', () => {
  it('maps a range of a later text back through the edits of earlier passes', () => {
    const trail = new EditTrail();
    // "一、二、四、" → renumber 四 (at 4) to 三, then insert "X" at 0.
    let body = trail.apply('一、二、四、', [{ start: 4, end: 5, text: '三' }]);
    body = trail.apply(body, [{ start: 0, end: 0, text: 'XX' }]);
    expect(body).toBe('XX一、二、三、');
    // 三 now at 6..7 comes from 4..5.
    expect(trail.toOriginal({ start: 6, end: 7 })).toEqual({ start: 4, end: 5 });
    // 二 at 4..5 comes from 2..3; the inserted XX maps to the empty point 0.
    expect(trail.toOriginal({ start: 4, end: 5 })).toEqual({ start: 2, end: 3 });
    expect(trail.toOriginal({ start: 0, end: 2 })).toEqual({ start: 0, end: 0 });
  });

  it('a range inside a longer replacement maps to the whole replaced range', () => {
    const trail = new EditTrail();
    trail.apply('ab九cd', [{ start: 2, end: 3, text: '十一' }]);
    expect(trail.toOriginal({ start: 3, end: 4 })).toEqual({ start: 2, end: 3 });
    expect(trail.toOriginal({ start: 4, end: 6 })).toEqual({ start: 3, end: 5 });
  });
});

describe('spans', () => {
  it('merges touching spans and finds containment by binary search', () => {
    const u = unionSpans([{ start: 5, end: 7 }, { start: 0, end: 2 }, { start: 2, end: 3 }, { start: 10, end: 10 }]);
    expect(u).toEqual([{ start: 0, end: 3 }, { start: 5, end: 7 }, { start: 10, end: 10 }]);
    expect(insideSpans({ start: 1, end: 3 }, u)).toBe(true);
    expect(insideSpans({ start: 3, end: 3 }, u)).toBe(true);
    expect(insideSpans({ start: 3, end: 5 }, u)).toBe(false);
    expect(insideSpans({ start: 10, end: 10 }, u)).toBe(true);
    expect(insideSpans({ start: 11, end: 11 }, u)).toBe(false);
  });

  it('mergeOffsetEdits keeps the first listed of two overlapping edits', () => {
    expect(mergeOffsetEdits([{ start: 3, end: 5, text: 'b' }, { start: 2, end: 4, text: 'a' }, { start: 0, end: 1, text: 'c' }]))
      .toEqual([{ start: 0, end: 1, text: 'c' }, { start: 3, end: 5, text: 'b' }]);
  });
});

describe('fixText changes only what was reported', () => {
  /** A rule whose fix reaches outside its problem's range: the fixer must withhold it. */
  const overreach: Rule = {
    id: 'test-overreach',
    description: { en: 'test', 'zh-cn': '测试' },
    tags: [],
    defaultSeverity: 'warning',
    fixable: true,
    options: {},
    run({ model, report }) {
      const i = model.lines.findIndex((l) => l.includes('甲'));
      if (i < 0) return;
      const col = model.lines[i].indexOf('甲');
      report({ line: i, column: col, endLine: i, endColumn: col + 1, message: { en: 'x', 'zh-cn': 'x' }, fix: [{ line: i, start: col, end: col + 2, text: '乙' }] });
    },
  };

  it('withholds a fix whose edits leave its problem range', () => {
    (RULES as Rule[]).push(overreach);
    try {
      const result = fixText('一、甲丙\n二、丁\n');
      expect(result.text).toBe('一、甲丙\n二、丁\n');
      expect(result.withheld).toBe(1);
    } finally {
      (RULES as Rule[]).pop();
    }
  });

  it('withholds a later pass that would change text nobody reported', () => {
    // Removing the ： of a heading makes the ① lines headings on the next pass; their 。 must stay.
    const text = '一、总体要求\n（一）甲\n（二）具体做法是：\n①健全机制。\n②压实责任。\n二、保障措施\n';
    const reported = new Set(lintText(text).map((p) => p.line));
    const result = fixText(text);
    // Whatever changed is on a line with a problem reported on the original text: the ① items keep their 。.
    const before = text.split('\n');
    result.text.split('\n').forEach((l, i) => {
      if (l !== before[i]) expect(reported.has(i), `line ${i + 1} changed: ${l}`).toBe(true);
    });
    expect(result.text).toContain('\n①健全机制。\n②压实责任。\n');
  });

  it('applies the fixes of the selected problems only', () => {
    const text = '一、甲\n(一)乙,丙\n(二)丁\n二、戊\n';
    const config = resolveConfig();
    const markers = fixText(text, { config, select: (p) => p.rule === 'heading-marker' });
    expect(markers.text).toBe('一、甲\n（一）乙,丙\n（二）丁\n二、戊\n');
    expect(fixText(text, { config }).text).toBe('一、甲\n（一）乙，丙\n（二）丁\n二、戊\n');
  });
});
