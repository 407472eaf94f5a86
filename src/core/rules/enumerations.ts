/**
 * Runs of inline enumerations (序次语): the items of one family group in one section, split where
 * the count starts again at one. Shared by enumeration-sequence and enumeration-marker.
 */
import type { EnumerationFamily, EnumerationItem } from '../enumerations';
import type { DraftModel } from '../parser';

/** Families that may share a run: 一是/一要/一抓; 第一/首先; 其一. */
export type FamilyGroup = 'A' | 'B' | 'C';

export function familyGroup(f: EnumerationFamily): FamilyGroup {
  if (f === '是' || f === '要' || f === '抓') return 'A';
  if (f === '第' || f === '首先') return 'B';
  return 'C';
}

export interface EnumerationRun {
  group: FamilyGroup;
  items: EnumerationItem[];
}

const RUNS = new WeakMap<DraftModel, EnumerationRun[]>();
const GROUP_INDEX: Record<FamilyGroup, number> = { A: 0, B: 1, C: 2 };

/** The runs of a model, computed once per model (two rules use them). */
export function enumerationRuns(model: DraftModel): EnumerationRun[] {
  const cached = RUNS.get(model);
  if (cached) return cached;
  const runs: EnumerationRun[] = [];
  const open = new Map<number, EnumerationRun>();
  for (const item of model.enumerations) {
    const group = familyGroup(item.family);
    // A run lives in one section: it restarts at the next heading.
    const key = (item.heading + 1) * 3 + GROUP_INDEX[group];
    let run = open.get(key);
    if (!run || item.number === 1) {
      run = { group, items: [] };
      open.set(key, run);
      runs.push(run);
    }
    run.items.push(item);
  }
  RUNS.set(model, runs);
  return runs;
}

const ORDER_WORDS = ['', '首先', '其次', '再次'];

/** The marker of item `item` rewritten as family `family` with number `n`, when that is defined. */
export function itemMarker(item: EnumerationItem, family: EnumerationFamily, n: number, cn: (n: number) => string): string | undefined {
  if (n === -1) return family === '首先' || family === '第' ? '最后' : undefined;
  switch (family) {
    case '是':
    case '要':
    case '抓':
      return `${cn(n)}${family}`;
    case '其':
      return `其${cn(n)}`;
    case '第':
      return `第${cn(n)}`;
    case '首先':
      return ORDER_WORDS[n];
  }
  return undefined;
}
