/**
 * Published documents, correct as published (../shared/corpus beside the repository, when it is
 * there — as in CI): no error; a bulk fix changes no Han character, letter or digit and nothing that
 * was not reported; fixing twice is fixing once. The product is judged on documents like these.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixText, lint } from '../../src/core/lint';
import { parseDraft } from '../../src/core/parser';
import { changesOutside, wordChanges } from './fix-scope';
import { ROOT } from './helpers';

const CORPUS = path.resolve(ROOT, '../shared/corpus');
const files = fs.existsSync(CORPUS) ? fs.readdirSync(CORPUS).filter((f) => /\.(txt|md)$/.test(f) && f !== 'README.md').sort() : [];

describe.skipIf(files.length === 0)('published documents (../shared/corpus)', () => {
  describe.each(files)('%s', (file) => {
    const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
    const markdown = file.endsWith('.md');
    const problems = lint(parseDraft(text, { markdown }));

    it('has no error', () => {
      const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.line + 1}:${p.column + 1} ${p.rule} ${p.message.en}`);
      expect(errors).toEqual([]);
    });

    it('a bulk fix changes no word and nothing that was not reported', () => {
      const fixed = fixText(text, { markdown }).text;
      expect(wordChanges(text, fixed)).toEqual([]);
      expect(changesOutside(text, problems, fixed)).toEqual([]);
      expect(fixText(fixed, { markdown }).text).toBe(fixed);
    });
  });
});
