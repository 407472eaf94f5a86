/**
 * What can come next at a point of a draft: the markers of the headings that may follow (the next
 * sibling first, then a child, then the parents' next siblings), in the form the document uses,
 * and the next item of an enumeration run (二是 after 一是…。).
 */
import { toChineseNumeral } from './numerals';
import type { HeadingLevel } from './markers';
import type { DraftModel } from './parser';
import { itemMarker } from './rules/enumerations';
import { markerWithNumber } from './rules/util';
import { markerFor, sectionAt } from './structure-edit';

export interface MarkerSuggestion {
  marker: string;
  level: HeadingLevel;
  number: number;
  /** How the heading relates to the section the cursor is in. */
  relation: 'sibling' | 'child' | 'parent';
}

/** Headings that may start line `line` (0-based), most likely first. */
export function nextMarkers(model: DraftModel, line: number): MarkerSuggestion[] {
  let prev = line - 1;
  while (prev >= 0 && model.contexts[prev].kind === 'blank') prev--;
  const at = prev >= 0 ? sectionAt(model, prev) : undefined;
  const out: MarkerSuggestion[] = [];
  const add = (s: MarkerSuggestion) => {
    if (!out.some((o) => o.marker === s.marker)) out.push(s);
  };
  if (!at) {
    const top = model.headings.find((h) => h.level > 0);
    const level = (top?.level ?? 1) as HeadingLevel;
    add({ marker: markerFor(model, level, 1), level, number: 1, relation: 'sibling' });
    return out;
  }
  const s = at.section;
  const h = s.heading;
  if (h.level > 0) add({ marker: markerWithNumber(h, h.number + 1), level: h.level, number: h.number + 1, relation: 'sibling' });
  if (h.level < 5) {
    const childLevel = (h.level + 1) as HeadingLevel;
    const before = s.children.filter((c) => c.heading.level === childLevel && c.heading.line < line).length;
    add({ marker: markerFor(model, childLevel, before + 1), level: childLevel, number: before + 1, relation: 'child' });
  }
  // The ancestors' next siblings, nearest first.
  const chain: typeof s[] = [];
  let p = at.parent;
  while (p) {
    chain.push(p);
    p = sectionAt(model, p.heading.line)?.parent;
  }
  for (const a of chain) {
    if (a.heading.level > 0) add({ marker: markerWithNumber(a.heading, a.heading.number + 1), level: a.heading.level, number: a.heading.number + 1, relation: 'parent' });
  }
  return out;
}

/** The next enumeration item at (line, character): 二是 after 一是 in the same section. */
export function nextEnumeration(model: DraftModel, line: number, character: number): string | undefined {
  const at = sectionAt(model, line);
  const headingIndex = at ? model.headings.indexOf(at.section.heading) : -1;
  let last: (typeof model.enumerations)[number] | undefined;
  for (const item of model.enumerations) {
    if (item.line > line || (item.line === line && item.start >= character)) break;
    if (item.heading === headingIndex) last = item;
  }
  // Only while the run is under way: an item earlier on this line or on the line before.
  if (!last || last.number < 1 || line - last.line > 1) return undefined;
  return itemMarker(last, last.family, last.number + 1, toChineseNumeral);
}
