/**
 * The numbering structure of a draft: sibling runs per level and the document's convention for each
 * level (restart under each parent, or continuous through the document), as DOMAIN.md §1 describes.
 * Shared by the numbering rules and the structure commands.
 */
import type { HeadingLevel } from './markers';
import type { DraftModel, Heading, Section } from './parser';

export type Convention = 'restart' | 'continuous';

/** Headings of one level under one parent, in document order. */
export interface SiblingGroup {
  level: HeadingLevel;
  parent: Section | undefined;
  /** Index of the level-0 part the group is in (-1 before any part). */
  part: number;
  items: Heading[];
}

/**
 * A numbered run: the items that must count 1, 2, 3 … — one sibling group under the restart
 * convention, or all groups of a level within one part under the continuous convention.
 */
export interface NumberedRun {
  level: HeadingLevel;
  convention: Convention;
  items: Heading[];
}

export interface Structure {
  groups: SiblingGroup[];
  runs: NumberedRun[];
}

/** A level-0 heading's kind: 第一部分 and 第二部分 number together, 附件1 and 附件2 together. */
export function partShape(h: Heading): string {
  const m = h.marker;
  return m.text.slice(0, m.numeralStart - m.start) + '#' + m.text.slice(m.numeralEnd - m.start);
}

/** Sibling groups per model: heading-sequence (through analyzeStructure) and parallel-headings share them. */
const GROUPS = new WeakMap<DraftModel, SiblingGroup[]>();

/** Sibling groups of the section tree: for every parent, its children grouped by level. */
export function siblingGroups(model: DraftModel): SiblingGroup[] {
  const cached = GROUPS.get(model);
  if (cached) return cached;
  const groups: SiblingGroup[] = [];
  const partIndex = new Map<Heading, number>();
  let part = -1;
  for (const h of model.headings) {
    if (h.level === 0) part++;
    partIndex.set(h, part);
  }
  const visit = (children: Section[], parent: Section | undefined) => {
    const byLevel = new Map<string, SiblingGroup>();
    for (const c of children) {
      const h = c.heading;
      // Parts number by kind (第一部分…, 附件1…); unnumbered ones (附件, Markdown # titles) not at all.
      if (h.level === 0 && (h.number === 0 || h.marker.text === '')) continue;
      const key = h.level === 0 ? `0:${partShape(h)}` : String(h.level);
      let g = byLevel.get(key);
      if (!g) {
        g = { level: h.level, parent, part: partIndex.get(h) ?? -1, items: [] };
        byLevel.set(key, g);
        groups.push(g);
      }
      g.items.push(h);
    }
    for (const c of children) visit(c.children, c);
  };
  visit(model.sections, undefined);
  groups.sort((a, b) => a.items[0].line - b.items[0].line);
  GROUPS.set(model, groups);
  return groups;
}

/** Key of a level within a part: conventions are decided per part (each speech, appendix…). */
export function conventionKey(level: HeadingLevel, part: number): string {
  return `${level}:${part}`;
}

/**
 * Detects the convention of each level in each part: continuous when, more often than not, a
 * group picks up where the previous group of the same level left off rather than restarting at 1.
 */
export function detectConventions(groups: readonly SiblingGroup[]): Map<string, Convention> {
  const votes = new Map<string, { restart: number; continuous: number }>();
  const previous = new Map<string, { last: number; count: number }>();
  for (const g of groups) {
    if (g.level <= 1) continue;
    const key = conventionKey(g.level, g.part);
    const prev = previous.get(key);
    previous.set(key, { last: g.items[g.items.length - 1].number, count: (prev?.count ?? 0) + g.items.length });
    if (!prev) continue;
    const v = votes.get(key) ?? { restart: 0, continuous: 0 };
    const first = g.items[0].number;
    // Continuing either from the previous group's last number or from the count so far (so that
    // one mistaken restart does not hide the convention of the groups after it).
    if (first !== 1 && (first === prev.last + 1 || first === prev.count + 1)) v.continuous++;
    else if (first === 1) v.restart++;
    votes.set(key, v);
  }
  const out = new Map<string, Convention>();
  for (const [key, v] of votes) out.set(key, v.continuous > v.restart ? 'continuous' : 'restart');
  return out;
}

/** How many items of a level's groups in a part are not where a convention puts them. */
function mismatches(groups: readonly SiblingGroup[], convention: Convention): number {
  let wrong = 0;
  let next = 1;
  for (const g of groups) {
    if (convention === 'restart') next = 1;
    for (const h of g.items) if (h.number !== next++) wrong++;
  }
  return wrong;
}

export function analyzeStructure(model: DraftModel, forced?: Convention): Structure {
  const groups = siblingGroups(model);
  const conventions = detectConventions(groups);
  const byKey = new Map<string, SiblingGroup[]>();
  for (const g of groups) {
    if (g.level <= 1) continue;
    const key = conventionKey(g.level, g.part);
    const list = byKey.get(key);
    if (list) list.push(g);
    else byKey.set(key, [g]);
  }
  for (const [key, list] of byKey) {
    if (forced) {
      conventions.set(key, forced);
      continue;
    }
    // The convention that explains the numbers with fewer mistakes wins; the votes break ties.
    const restart = mismatches(list, 'restart');
    const continuous = mismatches(list, 'continuous');
    if (restart !== continuous) conventions.set(key, continuous < restart ? 'continuous' : 'restart');
  }
  const runs: NumberedRun[] = [];
  const open = new Map<string, NumberedRun>();
  for (const g of groups) {
    const key = conventionKey(g.level, g.part);
    const convention = g.level >= 2 ? (conventions.get(key) ?? 'restart') : 'restart';
    if (convention === 'continuous') {
      const run = open.get(key);
      if (run) {
        for (const h of g.items) run.items.push(h);
        continue;
      }
      const created: NumberedRun = { level: g.level, convention, items: [...g.items] };
      open.set(key, created);
      runs.push(created);
    } else {
      runs.push({ level: g.level, convention, items: [...g.items] });
    }
  }
  return { groups, runs };
}

/** Groups of list items (lines the parser kept out of the outline): consecutive items of a level. */
export function listRuns(model: DraftModel): Heading[][] {
  const runs: Heading[][] = [];
  const items = model.listItems;
  const headingLines = new Set(model.headings.map((h) => h.line));
  const itemLevel = new Map(items.map((h) => [h.line, h.level]));
  let current: Heading[] = [];
  for (let i = 0; i < items.length; i++) {
    const h = items[i];
    const prev = current[current.length - 1];
    let continues = prev !== undefined && prev.level === h.level;
    if (continues) {
      // A paragraph between two items ends the run, unless the numbering carries on across it:
      // a glossary's entries each have their definition on the next line.
      const carriesOn = h.number === prev.number + 1;
      for (let l = prev.line + 1; l < h.line && continues; l++) {
        const k = model.contexts[l].kind;
        if (headingLines.has(l)) continues = false;
        else if (k !== 'blank' && !((itemLevel.get(l) ?? -1) > h.level) && !(carriesOn && !itemLevel.has(l))) continues = false;
      }
    }
    if (!continues) {
      if (current.length) runs.push(current);
      current = [];
    }
    current.push(h);
  }
  if (current.length) runs.push(current);
  return runs;
}
