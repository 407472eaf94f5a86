/**
 * enumeration-marker: 第一、 must be 第一， (GB/T 15834 B.3.1), and within one run the items are
 * written alike: 一是，…二是… (with and without the comma) mixed is flagged, in the run's first form.
 */
import type { EnumerationItem } from '../enumerations';
import type { Rule } from './types';
import { enumerationRuns } from './enumerations';
import { t } from './util';

/** The punctuation style after a marker, half-width forms folded into full-width ones. */
function style(separator: string): string {
  if (separator === ',' || separator === '，') return '，';
  if (separator === ':' || separator === '：') return '：';
  return separator;
}

export const enumerationMarker: Rule = {
  id: 'enumeration-marker',
  description: t(
    'Enumeration markers take the right punctuation: 第一，(not 第一、), and one style per run',
    '序次语标点正确：“第一，”而非“第一、”，同一组内写法一致',
  ),
  tags: ['enumerations', 'punctuation'],
  defaultSeverity: 'warning',
  fixable: true,
  options: {},
  run({ model, report }) {
    const range = (i: EnumerationItem) => ({ line: i.line, column: i.start, endLine: i.line, endColumn: i.end + i.separator.length });
    for (const run of enumerationRuns(model)) {
      const first = run.items[0];
      for (const item of run.items) {
        if (item.family === '第' && item.separator === '、') {
          report({
            ...range(item),
            message: t(`"${item.text}、" should be "${item.text}，": 第一, 第二 … take a comma`, `“${item.text}、”应为“${item.text}，”：“第一”“第二”等后面用逗号`),
            fix: [{ line: item.line, start: item.end, end: item.end + 1, text: '，' }],
          });
          continue;
        }
        if (item === first || item.family === '第' || item.number === -1 || first.family === '第') continue;
        // 是-family and 首先-family items are written as the run's first item is: with a comma,
        // a colon, or nothing after the marker.
        const want = style(first.separator);
        if (style(item.separator) === want) continue;
        const form = item.text + want;
        const at = item.end;
        const fix = item.separator === '' ? { line: item.line, start: at, end: at, text: want } : { line: item.line, start: at, end: at + 1, text: want };
        report({
          ...range(item),
          message: t(
            `"${item.text}${item.separator}" is written differently from "${first.text}${first.separator}" in the same enumeration: write "${form}"`,
            `同一组序次语写法不一：“${item.text}${item.separator}”与“${first.text}${first.separator}”不同，应为“${form}”`,
          ),
          fix: [fix],
        });
      }
    }
  },
};
