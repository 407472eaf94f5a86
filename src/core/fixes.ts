/**
 * Applying fixes: one pure function, markdownlint's applyFixes in spirit. Edits are sorted, exact
 * duplicates dropped, and of two overlapping edits the first (in rule order) wins; the text's BOM
 * and line endings are kept byte for byte (an edit that spans lines replaces the line breaks it
 * covers, as joining a split heading does, and nothing else).
 *
 * Also the bookkeeping that keeps a bulk fix inside what was reported: `EditTrail` maps a range of
 * the text after some passes of fixes back to the text as it was read.
 */
import type { TextEdit, TextRange } from './rules/types';
import { BOM, lineStarts } from './text';

/** Line of an edit's end (edits are single-line unless they say otherwise). */
export function editEndLine(e: TextEdit): number {
  return e.endLine ?? e.line;
}


/** An edit as offsets into the text after the BOM: [start, end) replaced by `text`. */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/** The length of line `i` of `body` without its terminator. */
function lineLength(body: string, starts: readonly number[], i: number): number {
  let end = i + 1 < starts.length ? starts[i + 1] : body.length;
  if (end > starts[i] && body.charCodeAt(end - 1) === 10) end--;
  if (end > starts[i] && body.charCodeAt(end - 1) === 13) end--;
  return end - starts[i];
}

/** Offset of (line, column) in `body`, the column clamped to the line's content. */
function offsetOf(body: string, starts: readonly number[], line: number, column: number): number {
  return starts[line] + Math.max(0, Math.min(column, lineLength(body, starts, line)));
}

/**
 * Edits as offsets into `body`, sorted, without duplicates or overlaps (the first listed wins);
 * edits outside the text are dropped. With `merge: false` every edit is kept, in the given order.
 */
export function toOffsetEdits(body: string, edits: readonly TextEdit[], starts = lineStarts(body), merge = true): OffsetEdit[] {
  const out: OffsetEdit[] = [];
  for (const e of edits) {
    const endLine = editEndLine(e);
    if (e.line < 0 || endLine >= starts.length || endLine < e.line) continue;
    const start = offsetOf(body, starts, e.line, e.start);
    const end = Math.max(start, offsetOf(body, starts, endLine, e.end));
    out.push({ start, end, text: e.text });
  }
  return merge ? mergeOffsetEdits(out) : out;
}

function offsetClash(a: OffsetEdit, b: OffsetEdit): boolean {
  if (a.start === b.start && a.end === b.end && a.text === b.text) return true;
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/**
 * Sorts offset edits by position and drops exact duplicates and edits that overlap one listed
 * before them (the first listed wins). Linear after the sort, however many edits a line has.
 */
export function mergeOffsetEdits(edits: readonly OffsetEdit[]): OffsetEdit[] {
  const order = edits.map((_, i) => i).sort((a, b) => edits[a].start - edits[b].start || edits[a].end - edits[b].end || a - b);
  const out: OffsetEdit[] = [];
  const rank: number[] = [];
  for (const i of order) {
    const e = edits[i];
    const last = out.length - 1;
    if (last >= 0 && offsetClash(out[last], e)) {
      // The one listed first wins.
      if (i < rank[last] && !(last > 0 && offsetClash(out[last - 1], e))) {
        out[last] = e;
        rank[last] = i;
      }
      continue;
    }
    out.push(e);
    rank.push(i);
  }
  return out;
}

/** A range of lines and columns as offsets into `body` (columns clamped to their lines). */
export function rangeToSpan(body: string, starts: readonly number[], r: TextRange): Span | undefined {
  if (r.line < 0 || r.endLine >= starts.length || r.endLine < r.line) return undefined;
  const start = offsetOf(body, starts, r.line, r.column);
  return { start, end: Math.max(start, offsetOf(body, starts, r.endLine, r.endColumn)) };
}

/** Applies offset edits (sorted, not overlapping) in one pass over the text. */
function applyOffsetEdits(body: string, edits: readonly OffsetEdit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const e of edits) {
    parts.push(body.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(body.slice(at));
  return parts.join('');
}

/** Applies edits to a text (0-based lines as `parseDraft` numbers them, i.e. after any BOM). */
export function applyFixes(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const bom = text.startsWith(BOM) ? BOM : '';
  const body = bom ? text.slice(1) : text;
  return bom + applyOffsetEdits(body, toOffsetEdits(body, edits));
}

/** A [start, end] range of offsets. */
export interface Span {
  start: number;
  end: number;
}

/**
 * The passes of a bulk fix: maps a range of the current text back to the text as it was read, so
 * that an edit found on a later pass can be held to the problems reported on the original text.
 */
export class EditTrail {
  /** Per pass: its edits (original offsets), and where each edit's replacement starts in the new text. */
  private readonly passes: { edits: OffsetEdit[]; newStarts: number[] }[] = [];

  /** Applies one pass of offset edits to `body` and remembers them. */
  apply(body: string, edits: OffsetEdit[]): string {
    const newStarts: number[] = [];
    let delta = 0;
    for (const e of edits) {
      newStarts.push(e.start + delta);
      delta += e.text.length - (e.end - e.start);
    }
    this.passes.push({ edits, newStarts });
    return applyOffsetEdits(body, edits);
  }

  /** The range of the original text that `span` of the current text comes from. */
  toOriginal(span: Span): Span {
    let { start, end } = span;
    for (let k = this.passes.length - 1; k >= 0; k--) {
      const pass = this.passes[k];
      start = mapBack(pass.edits, pass.newStarts, start, 'start');
      end = Math.max(start, mapBack(pass.edits, pass.newStarts, end, 'end'));
    }
    return { start, end };
  }
}

/**
 * Maps offset `p` of a pass's output back to its input: outside the replacements by the shift of
 * the edits before it, inside one to that edit's original range (its start for a range's start,
 * its end for a range's end).
 */
function mapBack(edits: readonly OffsetEdit[], newStarts: readonly number[], p: number, side: 'start' | 'end'): number {
  // The last edit whose replacement starts at or before p.
  let lo = 0, hi = edits.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (newStarts[mid] <= p) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  if (found < 0) return p;
  const e = edits[found];
  const newEnd = newStarts[found] + e.text.length;
  if (p > newEnd) return e.end + (p - newEnd);
  // At an edge of the replacement: what follows it starts after the edit, what precedes it ends before it.
  if (p === newEnd && side === 'start') return e.end;
  if (p === newStarts[found] && side === 'end') return e.start;
  return side === 'start' ? e.start : e.end;
}

/** The union of spans, sorted and merged (spans that touch merge too). */
export function unionSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/**
 * True when `inner` lies inside the union `spans` (from `unionSpans`); ends are inclusive, so an
 * insertion at a range's edge counts. A binary search: fixes on one line can be many.
 */
export function insideSpans(inner: Span, spans: readonly Span[]): boolean {
  let lo = 0, hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= inner.start) {
      if (inner.end <= spans[mid].end) return true;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return false;
}
