/**
 * What a fix changed, found independently of the fixer: a character diff of the text before and
 * after, and the check that every change lies inside a problem (or a related range) reported on the
 * text before.
 */
import type { Problem } from '../../src/core/rules/types';
import { lineStarts } from '../../src/core/fixes';

/** A change: original [start, end) replaced by `inserted` (offsets in UTF-16 units). */
export interface Change {
  start: number;
  end: number;
  inserted: string;
}

/**
 * Myers' O((N+M)·D) diff of two strings at the code-unit level, as a list of changes in the
 * original's offsets. Fixes change little, so D is small.
 */
export function diffChars(a: string, b: string): Change[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const A = a.slice(pre, a.length - suf);
  const B = b.slice(pre, b.length - suf);
  const n = A.length, m = B.length, max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && A[x] === B[y]) { x++; y++; }
      v[max + k] = x;
      if (x >= n && y >= m) { found = true; break; }
    }
  }
  // Walk back through the trace to list the edit script.
  const ops: { x: number; y: number; kind: 'del' | 'ins' }[] = [];
  let x = n, y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const vv = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vv[max + k - 1] < vv[max + k + 1]) ? k + 1 : k - 1;
    const prevX = vv[max + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) { x--; y--; }
    if (x === prevX) ops.push({ x: prevX, y: prevY, kind: 'ins' });
    else ops.push({ x: prevX, y: prevY, kind: 'del' });
    x = prevX;
    y = prevY;
  }
  ops.reverse();
  const changes: Change[] = [];
  for (const op of ops) {
    const last = changes[changes.length - 1];
    const at = pre + op.x;
    const cur = op.kind === 'del' ? { start: at, end: at + 1, inserted: '' } : { start: at, end: at, inserted: B[op.y] };
    if (last && last.end === cur.start) {
      last.end = cur.end;
      last.inserted += cur.inserted;
    } else changes.push(cur);
  }
  return changes;
}

/** Changes of `fixed` against `original` that lie outside every range reported in `problems`. */
export function changesOutsideReported(original: string, fixed: string, problems: readonly Problem[]): Change[] {
  const bom = original.startsWith('\uFEFF') ? 1 : 0;
  const body = original.slice(bom);
  const starts = lineStarts(body);
  const at = (line: number, col: number) => bom + (starts[line] ?? body.length) + col;
  const spans = problems.flatMap((p) => [p, ...(p.related ?? [])]).map((r) => ({ start: at(r.line, r.column), end: at(r.endLine, r.endColumn) }));
  return diffChars(original, fixed).filter((c) => !spans.some((s) => c.start >= s.start && c.end <= s.end));
}

/** Han characters, letters and digits: what a bulk fix of a correct document must never change. */
export const WORD_CHAR = /[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9]/;

/** Changes that touch a Han character, a letter or a digit (on either side). */
export function wordChanges(original: string, fixed: string): Change[] {
  return diffChars(original, fixed).filter((c) => WORD_CHAR.test(original.slice(c.start, c.end)) || WORD_CHAR.test(c.inserted));
}
