/**
 * placeholder: text left in a draft to be filled in (DOMAIN §3): XX, ××, ＸＸ, 某某, XXX同志,
 * （此处……）, [待补充], TODO. No fix: the writer must supply the text.
 */
import type { Rule } from './types';
import { inRanges, protectedRanges, textLines } from './cjk';
import { t } from './util';

const PLACEHOLDER = /(?<![A-Za-z])[XＸ]{2,}(?![A-Za-z])|×{2,}|某某|[（(]此处[^）)]{0,40}[）)]|[[【]\s*待(?:补充|定|完善|核实)\s*[\]】]|\bTODO\b|\bTBD\b/g;

export const placeholder: Rule = {
  id: 'placeholder',
  description: t('Placeholders (XX, 某某, [待补充], TODO …) left in the draft', '稿中遗留的占位符（XX、某某、[待补充]、TODO 等）'),
  tags: ['prose'],
  defaultSeverity: 'warning',
  fixable: false,
  options: {},
  run({ model, report }) {
    for (const i of textLines(model)) {
      const line = model.lines[i];
      const guard = protectedRanges(line, model.markdown);
      PLACEHOLDER.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = PLACEHOLDER.exec(line))) {
        if (inRanges(guard, m.index)) continue;
        report({
          line: i,
          column: m.index,
          endLine: i,
          endColumn: m.index + m[0].length,
          message: t(`Placeholder "${m[0]}" left in the draft`, `稿中遗留占位符“${m[0]}”，请补全`),
        });
      }
    }
  },
};
