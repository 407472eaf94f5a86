import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/core/lint';
import { isDraft } from '../../src/core/outline';
import { parseDraft, type Section } from '../../src/core/parser';
import { changeLevel, conventionsOf, insertNextHeading, insertSubheading, moveSection, StructureEditError } from '../../src/core/structure-edit';
import { readSeed, ROOT } from './helpers';

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

  it('demotes 二、 under 一、 with its whole sub-tree: every descendant goes one level down', () => {
    const r = changeLevel(THREE, false, 4, 1);
    expect(r.text.split('\n').slice(1, 11)).toEqual([
      '一、第一部分',
      '（一）甲。正文甲',
      '（二）乙。正文乙',
      '（三）第二部分',
      '1.丙。正文丙',
      '（1）丙一。正文',
      '（2）丙二。正文',
      '2.丁。正文丁',
      '二、第三部分',
      '（一）戊。正文戊',
    ]);
  });

  it('promotes （一） with children 1. 2.: they become （一）（二） and the sibling after joins them', () => {
    const r = changeLevel(THREE, false, 5, -1);
    expect(r.text.split('\n').slice(4, 11)).toEqual([
      '二、第二部分',
      '三、丙。正文丙',
      '（一）丙一。正文',
      '（二）丙二。正文',
      '（三）丁。正文丁',
      '四、第三部分',
      '（一）戊。正文戊',
    ]);
    expect(r.cursor).toEqual({ line: 5, character: 2 });
  });

  it('keeps the document’s marker forms for every level it moves headings to', () => {
    const text = lines('一、甲', '(一)乙', '1、丙', '(1)丁', '二、戊', '(一)己');
    expect(changeLevel(text, false, 4, 1).text).toBe(lines('一、甲', '(一)乙', '1、丙', '(1)丁', '(二)戊', '1、己'));
  });

  it('refuses to demote the first heading of its level (it would have no parent)', () => {
    expect(() => changeLevel(THREE, false, 2, 1)).toThrow(new StructureEditError('first-of-level'));
    expect(() => changeLevel(THREE, false, 1, 1)).toThrow(new StructureEditError('first-of-level'));
  });

  it('refuses to demote a sub-tree whose deepest heading is already ①', () => {
    const text = lines('一、甲', '（一）乙', '（二）丙', '1.丁', '（1）戊', '①己');
    expect(() => changeLevel(text, false, 2, 1)).toThrow(new StructureEditError('deepest-level'));
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

describe('the closing stays at the end', () => {
  const SPEECH = lines(
    '讲话稿', // 0
    '同志们：', // 1
    '一、甲', // 2
    '正文甲。', // 3
    '二、乙', // 4
    '（一）丙。正文丙', // 5
    '（二）丁。正文丁', // 6
    '', // 7
    '同志们，让我们团结奋斗！', // 8
    '谢谢大家！', // 9
  );

  it('Move Section Up on the last section moves it, not the closing', () => {
    const r = moveSection(SPEECH, false, 4, -1);
    expect(r.text).toBe(lines('讲话稿', '同志们：', '一、乙', '（一）丙。正文丙', '（二）丁。正文丁', '二、甲', '正文甲。', '', '同志们，让我们团结奋斗！', '谢谢大家！'));
    expect(moveSection(r.text, false, r.cursor.line, 1).text).toBe(SPEECH);
  });

  it('Move Section Down on the one before the last', () => {
    const r = moveSection(SPEECH, false, 5, 1);
    expect(r.text.split('\n').slice(5)).toEqual(['（一）丁。正文丁', '（二）丙。正文丙', '', '同志们，让我们团结奋斗！', '谢谢大家！']);
  });

  it('Insert Next Heading on the last section inserts before the closing', () => {
    expect(insertNextHeading(SPEECH, false, 6).text.split('\n').slice(6)).toEqual(['（二）丁。正文丁', '（三）', '', '同志们，让我们团结奋斗！', '谢谢大家！']);
    expect(insertNextHeading(SPEECH, false, 4).text.split('\n').slice(6)).toEqual(['（二）丁。正文丁', '三、', '', '同志们，让我们团结奋斗！', '谢谢大家！']);
    expect(insertSubheading(SPEECH, false, 4).text.split('\n').slice(6, 8)).toEqual(['（二）丁。正文丁', '（三）']);
  });

  it('on the seed, after (四) and before the web copy’s cut', () => {
    const r = insertNextHeading(readSeed(), false, 11);
    expect(r.text.split('\n').slice(12, 14).map((l) => l.slice(0, 6))).toEqual(['(五)', '......']);
  });

  it('the cursor on the closing is in no section', () => {
    expect(() => insertNextHeading(SPEECH, false, 9)).toThrow(new StructureEditError('no-section'));
    expect(() => moveSection(SPEECH, false, 8, -1)).toThrow(new StructureEditError('no-section'));
  });
});

/**
 * Every command on every heading of every draft of the outline fixtures (and the seed): the result
 * has no numbering problem that the text did not have, and the inverse commands give the text back.
 */
describe('every command on every heading of the fixtures', () => {
  const NUMBERING = new Set(['heading-sequence', 'heading-hierarchy', 'heading-marker']);
  const dir = path.join(ROOT, 'test/fixtures/outline');
  const drafts = [
    ...fs.readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f)).map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') })),
    { name: 'seed-speech.txt', text: readSeed() },
  ]
    .map((d) => ({ ...d, markdown: d.name.endsWith('.md') }))
    .filter((d) => isDraft(parseDraft(d.text, { markdown: d.markdown })));

  /** An inserted heading is a marker alone until the writer types its title: type one. */
  const typed = (insert: typeof insertNextHeading) => (text: string, markdown: boolean, line: number) => {
    const r = insert(text, markdown, line);
    const lines = r.text.split(/(?<=\n)/);
    const l = lines[r.cursor.line];
    lines[r.cursor.line] = l.slice(0, r.cursor.character) + '新的标题' + l.slice(r.cursor.character);
    return { text: lines.join('') };
  };

  const COMMANDS: [string, (text: string, markdown: boolean, line: number) => { text: string }][] = [
    ['insert next heading', typed(insertNextHeading)],
    ['insert sub-heading', typed(insertSubheading)],
    ['promote', (t, m, l) => changeLevel(t, m, l, -1)],
    ['demote', (t, m, l) => changeLevel(t, m, l, 1)],
    ['move up', (t, m, l) => moveSection(t, m, l, -1)],
    ['move down', (t, m, l) => moveSection(t, m, l, 1)],
  ];

  /**
   * The numbering problems of a text, as a multiset of keys that survive lines moving and markers
   * changing. heading-sequence: the rule and the text of the heading after its marker.
   * heading-hierarchy reports once per parent: the kind of problem and the parent's title.
   * heading-marker (e.g. `(一)` with half-width brackets): the deviation alone, since a heading that
   * takes the form its level already has in the document repeats a problem the text had.
   */
  function numberingProblems(text: string, markdown: boolean): Map<string, number> {
    const model = parseDraft(text, { markdown });
    const byLine = new Map(model.headings.map((h) => [h.line, h]));
    const parentTitle = new Map<number, string>();
    const walk = (list: Section[], parent: Section | undefined) => {
      for (const s of list) {
        parentTitle.set(s.heading.line, parent?.heading.title ?? '');
        walk(s.children, s);
      }
    };
    walk(model.sections, undefined);
    const out = new Map<string, number>();
    for (const p of lintText(text, { markdown })) {
      if (!NUMBERING.has(p.rule)) continue;
      const h = byLine.get(p.line);
      const rest = h ? model.lines[p.line].slice(h.marker.end) : model.lines[p.line];
      const key =
        p.rule === 'heading-marker'
          ? `${p.rule}|${p.message.en.replace(/"[^"]*"/g, '""')}`
          : p.rule === 'heading-hierarchy'
            ? `${p.rule}|${p.message.en.startsWith('Level skipped') ? 'skipped' : 'inverted'} under ${parentTitle.get(p.line)}`
            : `${p.rule}|${rest}`;
      out.set(key, (out.get(key) ?? 0) + 1);
    }
    return out;
  }

  function newProblems(before: Map<string, number>, after: Map<string, number>): string[] {
    const added: string[] = [];
    for (const [key, n] of after) {
      if (key.startsWith('heading-marker|') ? !before.has(key) : n > (before.get(key) ?? 0)) added.push(key);
    }
    return added;
  }

  it('finds the drafts', () => {
    expect(drafts.length).toBeGreaterThanOrEqual(20);
  });

  it.each(drafts.map((d) => [d.name, d] as const))('%s', (_name, d) => {
    const before = numberingProblems(d.text, d.markdown);
    const headings = parseDraft(d.text, { markdown: d.markdown }).headings;
    const failures: string[] = [];
    let ran = 0;
    for (const h of headings) {
      for (const [name, command] of COMMANDS) {
        let result: string;
        try {
          result = command(d.text, d.markdown, h.line).text;
        } catch (err) {
          if (err instanceof StructureEditError) continue;
          throw err;
        }
        ran++;
        const added = newProblems(before, numberingProblems(result, d.markdown));
        if (added.length > 0) failures.push(`${name} on line ${h.line + 1} (${h.marker.text}${h.title.slice(0, 10)}): ${added.join('; ')}`);
      }
    }
    expect(failures).toEqual([]);
    expect(ran).toBeGreaterThan(headings.length);
  });

  /**
   * A round trip gives the text back when its numbers and marker forms are right to begin with (a
   * command renumbers what it touches and writes each level in the form of its first heading),
   * and when the text in between still shows the conventions of the original: demoting the one
   * group of （四）…（九） that continued 一、's （一）…（三） leaves nothing to tell that the level
   * counts on through the document, so promoting it back restarts at （一）.
   */
  const roundTrips = drafts.filter((d) => ![...numberingProblems(d.text, d.markdown).keys()].some((k) => /^heading-(sequence|marker)\|/.test(k)));

  it('round-trips on most drafts', () => {
    expect(roundTrips.length).toBeGreaterThanOrEqual(15);
  });

  it.each(roundTrips.map((d) => [d.name, d] as const))('%s: demote then promote, and up then down, give the text back', (_name, d) => {
    const model = parseDraft(d.text, { markdown: d.markdown });
    const conventions = [...conventionsOf(model)].sort().join();
    const failures: string[] = [];
    let checked = 0;
    const roundTrip = (name: string, line: number, there: () => { text: string; cursor: { line: number } }, back: (text: string, at: number) => { text: string }) => {
      let out: { text: string; cursor: { line: number } };
      try {
        out = there();
      } catch (err) {
        if (err instanceof StructureEditError) return;
        throw err;
      }
      if ([...conventionsOf(parseDraft(out.text, { markdown: d.markdown }))].sort().join() !== conventions) return;
      checked++;
      if (back(out.text, out.cursor.line).text !== d.text) failures.push(`${name} on line ${line + 1}`);
    };
    const headings = model.headings;
    for (const h of headings) {
      roundTrip('demote, promote', h.line, () => changeLevel(d.text, d.markdown, h.line, 1), (t, at) => changeLevel(t, d.markdown, at, -1));
      roundTrip('up, down', h.line, () => moveSection(d.text, d.markdown, h.line, -1), (t, at) => moveSection(t, d.markdown, at, 1));
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });
});
