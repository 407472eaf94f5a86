/**
 * The outline corpus: realistic drafts of the genre in test/fixtures/outline/, each with the outline
 * a careful reader sees (`NAME.outline`). A drafts' heading that is missed, an extra heading taken
 * from body text, a wrong level or nesting, or a wrong title fails here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/core/encoding';
import { isDraft } from '../../src/core/outline';
import { parseDraft } from '../../src/core/parser';
import { outlineLines, ROOT } from './helpers';

const DIR = path.join(ROOT, 'test/fixtures/outline');
const cases = fs
  .readdirSync(DIR)
  .filter((f) => /\.(txt|md)$/.test(f) && fs.existsSync(path.join(DIR, f.replace(/\.(txt|md)$/, '.outline'))))
  .sort();

describe('outline corpus', () => {
  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  it.each(cases)('%s', (file) => {
    const { text } = decodeBytes(fs.readFileSync(path.join(DIR, file)));
    const expected = fs
      .readFileSync(path.join(DIR, file.replace(/\.(txt|md)$/, '.outline')), 'utf8')
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '');
    const model = parseDraft(text, { markdown: file.endsWith('.md') });
    const notDraft = expected.includes('not-a-draft');
    expect(isDraft(model), 'draft detection').toBe(!notDraft);
    if (notDraft) return;
    expect(outlineLines(model)).toEqual(expected.map((l) => l.replace(/ {2,}\|/, ' |')));
  });
});
