/**
 * Runs of inline enumerations (序次语), shared by enumeration-sequence and enumeration-marker.
 *
 * A run is what a reader counts: the items of one family group in one section. An item numbered
 * one starts a new run, and the run before it either ends (a second enumeration in the section) or
 * stays open around it (a nested enumeration): `一是加强领导，具体包括：一是……二是……。二是……`
 * reads as an outer 一是/二是 whose first item holds an inner 一是/二是. The outer run takes up
 * again with the first item that continues its count and not the inner one's.
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
  /** The run this one is nested in (it opened inside one of that run's items). */
  outer?: EnumerationRun;
  /** Another run of the same group opened inside one of this run's items. */
  hasInner: boolean;
  /**
   * The items stand alone as paragraphs, one after another: no text paragraph between two of them
   * that holds none of the run's items (it could be an item whose marker was lost).
   */
  consecutive: boolean;
  /** Every item opens its paragraph (一是…… as the first words of each paragraph). */
  opensParagraphs: boolean;
}

const RUNS = new WeakMap<DraftModel, EnumerationRun[]>();
const GROUP_INDEX: Record<FamilyGroup, number> = { A: 0, B: 1, C: 2 };
/** How far down the stack of open runs an item looks for the run it continues. */
const MAX_DEPTH = 4;

/** The number the run's count expects next (最后 does not count). */
function nextNumber(run: EnumerationRun): number {
  for (let k = run.items.length - 1; k >= 0; k--) if (run.items[k].number > 0) return run.items[k].number + 1;
  return 1;
}

function lead(run: EnumerationRun): EnumerationItem {
  return run.items[0];
}

/** The runs of a model, computed once per model (two rules use them). */
export function enumerationRuns(model: DraftModel): EnumerationRun[] {
  const cached = RUNS.get(model);
  if (cached) return cached;
  const runs: EnumerationRun[] = [];
  if (model.enumerations.length === 0) {
    RUNS.set(model, runs);
    return runs;
  }
  const { lines, contexts } = model;
  // Text lines before each line (prefix counts), and the last text line before each line.
  const textBefore = new Int32Array(lines.length + 1);
  const prevText = new Int32Array(lines.length);
  for (let i = 0, last = -1; i < lines.length; i++) {
    prevText[i] = last;
    const text = contexts[i].kind === 'text' && lines[i].trim() !== '';
    textBefore[i + 1] = textBefore[i] + (text ? 1 : 0);
    if (text) last = i;
  }
  /** After a colon: `具体包括：一是…`, or a paragraph opening under one that ends in `：`. */
  const afterColon = (item: EnumerationItem): boolean => {
    if (item.boundary === '：' || item.boundary === ':') return true;
    if (!item.opens) return false;
    const p = prevText[item.line];
    return p >= 0 && /[：:]\s*$/.test(lines[p].slice(-4));
  };
  // Per section and family group, the stack of open runs, innermost last.
  const open = new Map<number, EnumerationRun[]>();
  const start = (item: EnumerationItem, group: FamilyGroup, outer?: EnumerationRun): EnumerationRun => {
    const run: EnumerationRun = { group, items: [item], outer, hasInner: false, consecutive: true, opensParagraphs: item.opens };
    if (outer) outer.hasInner = true;
    runs.push(run);
    return run;
  };
  const append = (run: EnumerationRun, item: EnumerationItem): void => {
    const prev = run.items[run.items.length - 1];
    if (item.line > prev.line + 1 && textBefore[item.line] - textBefore[prev.line + 1] > 0) run.consecutive = false;
    if (!item.opens) run.opensParagraphs = false;
    run.items.push(item);
  };
  for (const item of model.enumerations) {
    const group = familyGroup(item.family);
    // A run lives in one section: it restarts at the next heading.
    const key = (item.heading + 1) * 3 + GROUP_INDEX[group];
    let stack = open.get(key);
    if (!stack) open.set(key, (stack = []));
    const top = stack[stack.length - 1];
    if (!top) {
      stack.push(start(item, group));
      continue;
    }
    if (item.number === 1) {
      // Nested: after a colon, in another family (一要 inside 一是), or inside a paragraph whose
      // run items each open their paragraph.
      if (afterColon(item) || item.family !== lead(top).family || (!item.opens && top.opensParagraphs)) {
        stack.push(start(item, group, top));
        continue;
      }
      // 一是优点，一是缺点 ("one is …, the other is …"): a pair of 一是 on one line is prose; it
      // stays one run, so that it is told apart from a lone 一是.
      const only = top.items.length === 1 ? top.items[0] : undefined;
      if (only && only.number === 1 && only.family === item.family && only.line === item.line) {
        append(top, item);
        continue;
      }
      // Otherwise a new enumeration ends the open ones.
      stack.length = 0;
      stack.push(start(item, group));
      continue;
    }
    // The run it continues: the innermost whose count it goes on (same family, next number), then
    // the innermost of its family, then the innermost run.
    let target = top;
    if (item.number > 0) {
      const depth = Math.max(0, stack.length - MAX_DEPTH);
      let found = -1;
      for (let k = stack.length - 1; k >= depth && found < 0; k--) {
        if (lead(stack[k]).family === item.family && nextNumber(stack[k]) === item.number) found = k;
      }
      for (let k = stack.length - 1; k >= depth && found < 0; k--) if (lead(stack[k]).family === item.family) found = k;
      if (found >= 0) {
        target = stack[found];
        stack.length = found + 1;
      }
    }
    append(target, item);
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
