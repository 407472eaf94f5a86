/**
 * parallel-headings: sibling headings of a speech usually follow one pattern (排比), e.g. the seed's
 * 学悟大会精神、唱响“X之歌”，以“Y”书写Z的“答卷”. A sibling that lacks most of the words its siblings
 * share breaks it. A hint that shows the pattern; needs word segmentation; no fix.
 */
import { siblingGroups } from '../structure';
import type { Rule } from './types';
import { markerRange, t } from './util';

const PUNCTUATION = /^[\s\p{P}\p{S}]+$/u;

export const parallelHeadings: Rule = {
  id: 'parallel-headings',
  description: t('A sibling heading that breaks the pattern most of its siblings share (排比)', '同级标题中与多数兄弟标题的排比句式不一致的标题'),
  tags: ['headings', 'words'],
  defaultSeverity: 'hint',
  fixable: false,
  needsWords: true,
  options: {},
  run({ model, report, words }) {
    if (!words) return;
    for (const g of siblingGroups(model)) {
      if (g.items.length < 3 || g.level === 0) continue;
      // Words of two characters or more: particles (以, 的) make no pattern.
      const sets = g.items.map((h) => new Set((words.titles.get(h.line) ?? []).filter((w) => w.length >= 2 && !PUNCTUATION.test(w))));
      // Words that more than half of the siblings use: the pattern.
      const count = new Map<string, number>();
      for (const s of sets) for (const w of s) count.set(w, (count.get(w) ?? 0) + 1);
      const shared = [...count].filter(([, n]) => n * 2 > g.items.length).map(([w]) => w);
      if (shared.length < 2) continue;
      // The pattern as the first sibling that has it all writes it.
      const model0 = g.items.find((_, i) => shared.every((w) => sets[i].has(w)));
      const order = model0 ? (words.titles.get(model0.line) ?? []).filter((w) => shared.includes(w)) : shared;
      const pattern = [...new Set(order)].join('…');
      g.items.forEach((h, i) => {
        const missing = shared.filter((w) => !sets[i].has(w));
        if (missing.length * 2 <= shared.length) return;
        report({
          ...markerRange(h),
          endColumn: h.titleEnd,
          message: t(
            `"${h.marker.text}${h.title}" breaks the pattern its siblings share: …${pattern}…`,
            `“${h.marker.text}${h.title}”与同级标题的排比句式不一致：…${pattern}…`,
          ),
        });
      });
    }
  },
};
