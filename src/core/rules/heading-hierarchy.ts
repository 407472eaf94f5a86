/**
 * heading-hierarchy: a level that comes back above where it belongs (GB/T 15834 B.3.8: once a lower
 * level is used under a parent, do not return to a level between them), and skipped levels (1.
 * directly under 一、), which GB/T 9704 only recommends against: a hint by default.
 */
import { renderMarker } from '../markers';
import type { Section } from '../parser';
import type { Rule, Severity } from './types';
import { markerRange, t } from './util';

interface Options {
  skippedLevel: Severity | 'off';
}

export const headingHierarchy: Rule<Options> = {
  id: 'heading-hierarchy',
  description: t(
    'Heading levels follow 一、 → （一） → 1. → （1） → ① without coming back up inside a section',
    '标题层级应按“一、→（一）→1.→（1）→①”依次使用，同一部分内不可由下级回到上级',
  ),
  tags: ['headings', 'structure'],
  defaultSeverity: 'warning',
  fixable: false,
  options: {
    skippedLevel: {
      type: 'string',
      enum: ['error', 'warning', 'info', 'hint', 'off'],
      default: 'hint',
      description: t(
        'Severity of a skipped level (1. directly under 一、), which short texts often use',
        '跳级（如“一、”下直接用“1.”）的严重级别；短文常这样写，默认仅作提示',
      ),
    },
  },
  run({ model, options, report }) {
    const visit = (children: readonly Section[], parent: Section | undefined) => {
      let deepest = 0;
      let deepestSection: Section | undefined;
      // One report per parent: the first heading that comes back up explains the rest.
      let inverted = false;
      let skipped = false;
      for (const c of children) {
        const h = c.heading;
        if (h.level === 0) {
          deepest = 0;
          visit(c.children, c);
          continue;
        }
        if (deepestSection && h.level < deepest && !inverted) {
          inverted = true;
          const lower = deepestSection.heading;
          report({
            ...markerRange(h),
            message: t(
              `"${h.marker.text}" (level ${h.level}) comes after "${lower.marker.text}" (level ${lower.level}) under the same parent: a higher level cannot follow a lower one`,
              `“${h.marker.text}”（第${h.level}级）出现在同一上级下的“${lower.marker.text}”（第${lower.level}级）之后：下级标题之后不能回到上级`,
            ),
          });
        } else if (h.level > deepest) {
          deepest = h.level;
          deepestSection = c;
        }
        const parentLevel = parent?.heading.level ?? 0;
        if (options.skippedLevel !== 'off' && !skipped && parent && parentLevel >= 1 && h.level > parentLevel + 1) {
          skipped = true;
          const want = renderMarker((parentLevel + 1) as 1 | 2 | 3 | 4, 1);
          report({
            ...markerRange(h),
            severity: options.skippedLevel,
            message: t(
              `Level skipped: "${h.marker.text}" directly under "${parent.heading.marker.text}" (the next level down is "${want}"; GB/T 9704 recommends the order, short texts often skip)`,
              `标题跳级：“${parent.heading.marker.text}”下直接使用了“${h.marker.text}”（下一级应为“${want}”这一级）`,
            ),
          });
        }
        visit(c.children, c);
      }
    };
    visit(model.sections, undefined);
  },
};
