/**
 * heading-punctuation: a standalone heading (a whole line) ends with no punctuation (GB/T 15834
 * B.4; ？！ and …… are allowed). Fix: remove the 。，；： at its end. Run-in headings, whose first
 * sentence is the heading and ends with 。, are not concerned.
 */
import { headingLabel } from '../outline';
import type { Rule } from './types';
import { t } from './util';

export const headingPunctuation: Rule = {
  id: 'heading-punctuation',
  description: t(
    'A heading on a line of its own ends without 。，；：',
    '单独成行的标题末尾不加“。，；：”',
  ),
  tags: ['headings', 'punctuation'],
  defaultSeverity: 'warning',
  fixable: true,
  options: {},
  run({ model, report }) {
    for (const h of model.headings) {
      const col = h.trailingPunctuation;
      if (col === undefined) continue;
      const ch = model.lines[h.line][col];
      report({
        line: h.line,
        column: col,
        endLine: h.line,
        endColumn: col + 1,
        message: t(`Heading "${headingLabel({ marker: h.marker.text, title: h.title })}" ends with "${ch}": a heading takes no ending punctuation`, `标题“${headingLabel({ marker: h.marker.text, title: h.title })}”末尾的“${ch}”应删去：标题末尾不加标点`),
        fix: [{ line: h.line, start: col, end: col + 1, text: '' }],
      });
    }
  },
};
