/**
 * The draft corpus (test/fixtures/drafts/): realistic drafts of the genre, each with golden files of
 * what today's code says about it, and checks that hold whatever the rules say.
 *
 * Golden files, next to each draft `NAME.txt` / `NAME.md`:
 * - `NAME.outline`  the outline, as `outlineLines()` prints it;
 * - `NAME.problems` every problem of every rule that runs without word segmentation, hints included:
 *                   `LINE:COL rule severity [fix] message` (1-based; `[fix]` when it has a fix);
 * - `NAME.fix`      what Fix All changes, one hunk a line: `LINE:COL "old" → "new"` (positions of
 *                   the original text; empty when the fix changes nothing).
 * `UPDATE_GOLDENS=1 npx vitest run test/unit/golden.test.ts` (or `node scripts/update-goldens.mjs`)
 * rewrites them from the current code; review the diff before committing it.
 *
 * The invariants, checked on every draft: the fix changes only characters inside a range some
 * problem (or its related ranges) reported on the original text; it is idempotent; it leaves no
 * fixable problem. On a draft that is correct as published (its name does not end in `-mistakes`):
 * no `error`, and the fix changes no Han character, letter or digit.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/core/encoding';
import { fixText, lint, lintText } from '../../src/core/lint';
import { parseDraft } from '../../src/core/parser';
import type { Problem } from '../../src/core/rules/types';
import { applyHunks, diffChars, type Hunk, placements } from './char-diff';
import { changesOutside, lineStartsOf, position, wordChanges } from './fix-scope';
import { outlineLines, ROOT } from './helpers';

const DIR = path.join(ROOT, 'test/fixtures/drafts');
const UPDATE = process.env.UPDATE_GOLDENS === '1';
const GOLDEN_KINDS = ['outline', 'problems', 'fix'] as const;
type GoldenKind = (typeof GOLDEN_KINDS)[number];

const drafts = fs
  .readdirSync(DIR)
  .filter((f) => /\.(txt|md)$/.test(f) && f !== 'README.md')
  .sort();

const stem = (file: string) => file.replace(/\.(txt|md)$/, '');
const isCorrect = (file: string) => !stem(file).endsWith('-mistakes');

function problemLine(p: Problem): string {
  const fix = p.fix && p.fix.length > 0 ? ' [fix]' : '';
  return `${p.line + 1}:${p.column + 1} ${p.rule} ${p.severity}${fix} ${p.message.en}`;
}

interface Analysis {
  text: string;
  markdown: boolean;
  problems: Problem[];
  fixed: string;
  hunks: Hunk[];
  goldens: Record<GoldenKind, string[]>;
}

const cache = new Map<string, Analysis>();

function analyse(file: string): Analysis {
  const hit = cache.get(file);
  if (hit) return hit;
  const { text } = decodeBytes(fs.readFileSync(path.join(DIR, file)));
  const markdown = file.endsWith('.md');
  const model = parseDraft(text, { markdown });
  const problems = lint(model);
  const fixed = fixText(text, { markdown }).text;
  const hunks = diffChars(text, fixed);
  const starts = lineStartsOf(text);
  const result: Analysis = {
    text,
    markdown,
    problems,
    fixed,
    hunks,
    goldens: {
      outline: outlineLines(model),
      problems: problems.map(problemLine),
      fix: hunks.map((h) => `${position(starts, h.start)} ${JSON.stringify(text.slice(h.start, h.end))} → ${JSON.stringify(h.text)}`),
    },
  };
  cache.set(file, result);
  return result;
}

function goldenPath(file: string, kind: GoldenKind): string {
  return path.join(DIR, `${stem(file)}.${kind}`);
}

function readGolden(file: string, kind: GoldenKind): string[] | undefined {
  const p = goldenPath(file, kind);
  if (!fs.existsSync(p)) return undefined;
  return fs
    .readFileSync(p, 'utf8')
    .split('\n')
    .filter((l) => l !== '');
}

function checkGolden(file: string, kind: GoldenKind) {
  const actual = analyse(file).goldens[kind];
  if (UPDATE) {
    fs.writeFileSync(goldenPath(file, kind), actual.map((l) => `${l}\n`).join(''));
    return;
  }
  const expected = readGolden(file, kind);
  expect(expected, `${stem(file)}.${kind} is missing: run UPDATE_GOLDENS=1 npx vitest run test/unit/golden.test.ts`).toBeDefined();
  expect(actual).toEqual(expected);
}

describe('draft corpus', () => {
  it('has drafts of both kinds, each with its golden files and no stray goldens', () => {
    expect(drafts.filter(isCorrect).length).toBeGreaterThanOrEqual(10);
    expect(drafts.filter((f) => !isCorrect(f)).length).toBeGreaterThanOrEqual(2);
    const stems = new Set(drafts.map(stem));
    const goldens = fs.readdirSync(DIR).filter((f) => /\.(outline|problems|fix)$/.test(f));
    expect(goldens.filter((g) => !stems.has(g.replace(/\.(outline|problems|fix)$/, '')))).toEqual([]);
  });

  it('diffChars round-trips and slides', () => {
    const cases: [string, string][] = [
      ['一、二、四、', '一、二、三、'],
      ['（\n三）持续', '（三）持续'],
      ['发展的的历程', '发展的历程'],
      ['a,b', 'a，b'],
      ['', 'x'],
      ['𠀀x', 'x𠀀'],
    ];
    for (const [a, b] of cases) expect(applyHunks(a, diffChars(a, b))).toBe(b);
    // Deleting one of two 的: either may be the one deleted.
    const [h] = diffChars('的的', '的');
    expect(placements('的的', h)).toEqual(expect.arrayContaining([[0, 1], [1, 2]]));
  });

  it('the containment check sees a change outside the reported ranges', () => {
    const problem = (line: number, column: number, endColumn: number): Problem => ({
      rule: 'test',
      severity: 'warning',
      message: { en: '', 'zh-cn': '' },
      line,
      column,
      endLine: line,
      endColumn,
      fix: [{ line, start: column, end: endColumn, text: '' }],
    });
    const text = '一、甲\n三、乙，丙\n';
    // Line 2 column 0–2 reported: renumbering there is inside, a comma changed on it is not.
    expect(changesOutside(text, [problem(1, 0, 2)], '一、甲\n二、乙，丙\n')).toEqual([]);
    expect(changesOutside(text, [problem(1, 0, 2)], '一、甲\n二、乙,丙\n')).toEqual(['2:4 "，" → ","']);
    // A problem without a fix does not license a change.
    const noFix = { ...problem(1, 0, 2), fix: undefined };
    expect(changesOutside(text, [noFix], '一、甲\n二、乙，丙\n')).toEqual(['2:1 "三" → "二"']);
    // An insertion at the edge of a reported range is inside it.
    expect(changesOutside(text, [problem(1, 2, 3)], '一、甲\n三、乙乙，丙\n')).toEqual([]);
  });

  describe.each(drafts)('%s', (file) => {
    it.each(GOLDEN_KINDS)('matches its .%s golden', (kind) => checkGolden(file, kind));

    if (stem(file).startsWith('crlf-')) {
      it('keeps its CRLF line endings (a checkout that converted them would test nothing)', () => {
        const { text } = analyse(file);
        expect(text.includes('\r\n')).toBe(true);
        expect(/(^|[^\r])\n/.test(text)).toBe(false);
      });
    }

    it('fix changes only what check reported on the original text', () => {
      const { text, problems, fixed, hunks } = analyse(file);
      expect(applyHunks(text, hunks)).toBe(fixed);
      expect(changesOutside(text, problems, fixed)).toEqual([]);
    });

    it('fix is idempotent and leaves no fixable problem', () => {
      const { fixed, markdown } = analyse(file);
      expect(fixText(fixed, { markdown }).text).toBe(fixed);
      const left = lintText(fixed, { markdown }).filter((p) => p.fix && p.fix.length > 0);
      expect(left.map(problemLine)).toEqual([]);
    });

    if (isCorrect(file)) {
      it('correct as published: fix changes no Han character, letter or digit', () => {
        const { text, fixed } = analyse(file);
        expect(wordChanges(text, fixed)).toEqual([]);
      });

      it('correct as published: no error', () => {
        const errors = analyse(file).problems.filter((p) => p.severity === 'error');
        expect(errors.map(problemLine)).toEqual([]);
      });
    }
  });
});
