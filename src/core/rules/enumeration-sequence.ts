/**
 * enumeration-sequence: 一是/二是…, 一要…, 其一…, 第一，…, 首先/其次/再次/最后 runs with a gap,
 * a duplicate, a lone first item, a run not starting at one, or families mixed in one run
 * (首先……其次……第三). Fix where unambiguous: renumber, or rewrite the odd item in the run's family.
 */
import { toChineseNumeral } from '../numerals';
import type { Rule, TextEdit } from './types';
import { enumerationRuns, itemMarker } from './enumerations';
import { t } from './util';

export const enumerationSequence: Rule = {
  id: 'enumeration-sequence',
  description: t(
    'Enumerations such as 一是……二是…… and 第一，……第二，…… count from one without gaps, duplicates or mixed forms',
    '“一是……二是……”“第一，……第二，……”等序次语应从一开始依次连续，不重复、不混用',
  ),
  tags: ['enumerations', 'numbering'],
  defaultSeverity: 'warning',
  fixable: true,
  options: {},
  run({ model, report }) {
    for (const run of enumerationRuns(model)) {
      const { items } = run;
      const first = items[0];
      const range = (i: (typeof items)[number]) => ({ line: i.line, column: i.start, endLine: i.line, endColumn: i.end });
      if (items.length === 1 && first.number === 1 && first.family !== '首先') {
        const second = itemMarker(first, first.family, 2, toChineseNumeral)!;
        report({
          ...range(first),
          message: t(`"${first.text}" has no "${second}": an enumeration needs at least two items`, `有“${first.text}”却没有“${second}”：序次语至少应有两项`),
        });
        continue;
      }
      if (first.number !== 1 && first.number !== -1) {
        const want = itemMarker(first, first.family, 1, toChineseNumeral)!;
        report({
          ...range(first),
          message: t(`Enumeration starts at "${first.text}" with no "${want}" before it in this section`, `序次语从“${first.text}”开始，本部分中前面没有“${want}”`),
        });
      }
      for (let k = 1; k < items.length; k++) {
        const item = items[k];
        const prev = items[k - 1];
        // A run that does not start at one (reported above) is still checked from where it starts.
        const expected = (first.number > 0 ? first.number : 1) + k;
        const sameFamily = item.family === first.family;
        if (item.number === -1) {
          // 最后 closes any 第/首先 run; it cannot end a 一是 run (that is a different family group).
          if (!sameFamily && first.family !== '第') {
            report({ ...range(item), message: t(`"${item.text}" mixes forms with "${first.text}"`, `“${item.text}”与“${first.text}”混用了不同形式的序次语`) });
          }
          continue;
        }
        if (!sameFamily) {
          const want = itemMarker(item, first.family, expected, toChineseNumeral);
          const fix: TextEdit[] | undefined = want ? [{ line: item.line, start: item.start, end: item.end, text: want }] : undefined;
          report({
            ...range(item),
            message: t(
              `"${item.text}" mixes forms with "${first.text}" in one enumeration${want ? `: write "${want}"` : ''}`,
              `同一组序次语中“${item.text}”与“${first.text}”形式不一${want ? `：应为“${want}”` : ''}`,
            ),
            fix,
          });
          continue;
        }
        if (item.number === expected) continue;
        const want = itemMarker(item, item.family, expected, toChineseNumeral);
        const fix: TextEdit[] | undefined = want ? [{ line: item.line, start: item.start, end: item.end, text: want }] : undefined;
        const message =
          item.number === prev.number
            ? t(`Duplicate "${item.text}" in an enumeration${want ? `: expected "${want}"` : ''}`, `序次语“${item.text}”重复${want ? `：此处应为“${want}”` : ''}`)
            : t(`Enumeration goes from "${prev.text}" to "${item.text}"${want ? `: expected "${want}"` : ''}`, `序次语不连续：“${prev.text}”之后${want ? `应为“${want}”，` : ''}实为“${item.text}”`);
        report({ ...range(item), message, fix });
      }
    }
  },
};
