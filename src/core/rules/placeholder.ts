/**
 * placeholder: text left in a draft to be filled in (DOMAIN §3): XX, ××, ＸＸ, 某某, XXX同志,
 * （此处……）, [待补充], TODO. No fix: the writer must supply the text.
 */
import type { Rule } from './types';
import { inRanges, protectedRanges, textLines } from './cjk';
import { t } from './util';

/**
 * Two patterns, read as one: `X_RUN` alone (its look-behind is beyond the exact ReDoS check, which
 * then has to fall back on fuzzing, and fuzzing mistakes the bounded `{0,40}` of `OTHER` for
 * polynomial backtracking) and the other placeholders. No two of their matches overlap in part
 * (each alternative starts and ends with a character the others never contain), so merging their
 * matches by position and dropping any that starts inside an earlier one gives what the single
 * alternation `X_RUN|OTHER` gives.
 */
const X_RUN = /(?<![A-Za-z])[XＸ]{2,}(?![A-Za-z])/g;
const OTHER = /×{2,}|某某|[（(]此处[^）)]{0,40}[）)]|[[【]\s*待(?:补充|定|完善|核实)\s*[\]】]|\bTODO\b|\bTBD\b/g;

function placeholders(line: string): RegExpExecArray[] {
  X_RUN.lastIndex = 0;
  OTHER.lastIndex = 0;
  let x = X_RUN.exec(line);
  let o = OTHER.exec(line);
  const out: RegExpExecArray[] = [];
  let end = 0;
  while (x || o) {
    let m: RegExpExecArray;
    if (x && (!o || x.index < o.index)) {
      m = x;
      x = X_RUN.exec(line);
    } else {
      m = o!;
      o = OTHER.exec(line);
    }
    if (m.index < end) continue;
    out.push(m);
    end = m.index + m[0].length;
  }
  return out;
}

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
      for (const m of placeholders(line)) {
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
