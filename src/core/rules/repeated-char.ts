/**
 * repeated-char: a function word or a punctuation mark typed twice (的的, 了了, ，，) is almost always
 * a typo. Reduplication that is Chinese grammar (常常, 看看, 人人) is not concerned: only characters
 * that are not doubled in the language are, and AABB idioms (是是非非) are left alone.
 * Fix: remove the second one.
 */
import type { Rule } from './types';
import { inRanges, protectedRanges, textLines } from './cjk';
import { t } from './util';

const DOUBLED = /([的了在和与及对把被将并就都而于从向按之，、；：])\1/g;

export const repeatedChar: Rule = {
  id: 'repeated-char',
  description: t('A character typed twice by mistake: 的的, 了了, ，，', '误输入的重复字符：“的的”“了了”“，，”'),
  tags: ['prose'],
  defaultSeverity: 'warning',
  fixable: true,
  options: {},
  run({ model, report }) {
    for (const i of textLines(model)) {
      const line = model.lines[i];
      DOUBLED.lastIndex = 0;
      let m: RegExpExecArray | null;
      const guard = protectedRanges(line, model.markdown);
      while ((m = DOUBLED.exec(line))) {
        const at = m.index;
        // AABB (是是非非, 明明白白): the next two characters are doubled too.
        const next = line.slice(at + 2, at + 4);
        if (next.length === 2 && next[0] === next[1]) continue;
        if (inRanges(guard, at)) continue;
        report({
          line: i,
          column: at,
          endLine: i,
          endColumn: at + 2,
          message: t(`"${m[0]}": "${m[1]}" typed twice`, `“${m[0]}”：“${m[1]}”重复了`),
          fix: [{ line: i, start: at + 1, end: at + 2, text: '' }],
        });
      }
    }
  },
};
