/**
 * enumeration-marker: 第一、 must be 第一， (GB/T 15834 B.3.1), and within one run of 一是/一要/一抓
 * or 其一 the items are written alike (一是，…二是… with and without the comma mixed is flagged).
 * Each is one problem per run, at its first item, with the other items its fix touches as related
 * ranges. The fix changes only the punctuation after the markers.
 */
import type { EnumerationItem } from '../enumerations';
import type { RelatedRange, Rule, TextEdit } from './types';
import { enumerationRuns } from './enumerations';
import { t } from './util';

/** The punctuation style after a marker, half-width forms folded into full-width ones. */
function style(separator: string): string {
  if (separator === ',' || separator === '，') return '，';
  if (separator === ':' || separator === '：') return '：';
  return separator;
}

const range = (i: EnumerationItem) => ({ line: i.line, column: i.start, endLine: i.line, endColumn: i.end + i.separator.length });

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
    for (const run of enumerationRuns(model)) {
      const enumerationComma = run.items.filter((i) => i.family === '第' && i.separator === '、');
      if (enumerationComma.length > 0) {
        const [item, ...rest] = enumerationComma;
        report({
          ...range(item),
          message: t(`"${item.text}、" should be "${item.text}，": 第一, 第二 … take a comma`, `“${item.text}、”应为“${item.text}，”：“第一”“第二”等后面用逗号`),
          fix: enumerationComma.map((i) => ({ line: i.line, start: i.end, end: i.end + 1, text: '，' })),
          related: rest.length ? rest.map((i) => ({ ...range(i), message: t(`"${i.text}、" becomes "${i.text}，"`, `“${i.text}、”改为“${i.text}，”`) })) : undefined,
        });
      }
      // 首先/其次 are adverbs (首先要…, 其次，…): with or without a comma is the writer's choice.
      if (run.group === 'B' || run.items.length < 2) continue;
      // The run's style is the one most of its items use (the first item's on a tie).
      const tally = new Map<string, number>();
      for (const i of run.items) tally.set(style(i.separator), (tally.get(style(i.separator)) ?? 0) + 1);
      let want = style(run.items[0].separator);
      for (const [s, n] of tally) if (n > tally.get(want)!) want = s;
      const odd = run.items.filter((i) => style(i.separator) !== want);
      if (odd.length === 0) continue;
      const model0 = run.items.find((i) => style(i.separator) === want)!;
      const edits: TextEdit[] = odd.map((i) => ({ line: i.line, start: i.end, end: i.end + i.separator.length, text: want }));
      const related: RelatedRange[] = odd.slice(1).map((i) => ({
        ...range(i),
        message: t(`"${i.text}${i.separator}" becomes "${i.text}${want}"`, `“${i.text}${i.separator}”改为“${i.text}${want}”`),
      }));
      const item = odd[0];
      report({
        ...range(item),
        message: t(
          `"${item.text}${item.separator}" is written differently from "${model0.text}${model0.separator}" in the same enumeration: write "${item.text}${want}"`,
          `同一组序次语写法不一：“${item.text}${item.separator}”与“${model0.text}${model0.separator}”不同，应为“${item.text}${want}”`,
        ),
        fix: edits,
        related: related.length ? related : undefined,
      });
    }
  },
};
