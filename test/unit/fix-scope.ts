/**
 * What a bulk fix changed, found from the two texts alone (a character diff, not the engine's own
 * record of its edits): the changes outside every range reported on the text before, and the
 * changes that touch a Han character, a letter or a digit.
 */
import { lineStarts } from '../../src/core/text';
import type { Problem } from '../../src/core/rules/types';
import { diffChars, placements } from './char-diff';

/** Offsets of the lines of `text` as problems count them: after a BOM, which is no column. */
export function lineStartsOf(text: string): number[] {
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  return lineStarts(bom ? text.slice(1) : text).map((s) => s + bom);
}

/** 1-based `LINE:COL` of an offset. */
export function position(starts: number[], offset: number): string {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return `${lo + 1}:${offset - starts[lo] + 1}`;
}

/** The ranges reported on a text (each problem's own and its related ones), as offsets. */
function reportedSpans(text: string, problems: readonly Problem[]): Array<[number, number]> {
  const starts = lineStartsOf(text);
  const offset = (line: number, column: number) => (starts[line] ?? text.length) + column;
  const spans: Array<[number, number]> = [];
  for (const p of problems) {
    for (const r of [p, ...(p.related ?? [])]) spans.push([offset(r.line, r.column), offset(r.endLine, r.endColumn)]);
  }
  return spans;
}

/** Overlapping or touching ranges merged, so a change across two neighbouring ranges counts as inside. */
function union(spans: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...spans].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** A change [s, e) lies inside a range; an insertion (s = e) may also sit at a range's edge. */
function insideSome(spans: Array<[number, number]>, [s, e]: [number, number]): boolean {
  return spans.some(([a, b]) => a <= s && e <= b);
}

/**
 * The changes from `text` to `fixed` that lie outside every range reported (with a fix) on `text`:
 * the engine's own rule, that a bulk fix stays inside the problems that carry a fix.
 */
export function changesOutside(text: string, problems: readonly Problem[], fixed: string): string[] {
  const spans = union(reportedSpans(text, problems.filter((p) => p.fix && p.fix.length > 0)));
  const starts = lineStartsOf(text);
  return diffChars(text, fixed)
    .filter((h) => !placements(text, h).some((r) => insideSome(spans, r)))
    .map((h) => `${position(starts, h.start)} ${JSON.stringify(text.slice(h.start, h.end))} → ${JSON.stringify(h.text)}`);
}


/** Han characters, letters and digits: what a bulk fix of a correct text must never touch. */
const WORDISH = /[\p{L}\p{N}]/u;

/** The changes from `text` to `fixed` that touch a Han character, a letter or a digit. */
export function wordChanges(text: string, fixed: string): string[] {
  const starts = lineStartsOf(text);
  return diffChars(text, fixed)
    .filter((h) => WORDISH.test(text.slice(h.start, h.end)) || WORDISH.test(h.text))
    .map((h) => `${position(starts, h.start)} ${JSON.stringify(text.slice(h.start, h.end))} → ${JSON.stringify(h.text)}`);
}
