/**
 * A character-level diff (Myers' O(ND) algorithm) for the golden tests: which stretches of the
 * original text a fix replaced, and with what. It is computed from the two texts alone, so it checks
 * the fix engine from outside rather than trusting its own record of the edits.
 */

/** `[start, end)` of the original text (UTF-16 offsets) replaced by `text`. */
export interface Hunk {
  start: number;
  end: number;
  text: string;
}

/** Code points with their UTF-16 offsets, so a surrogate pair is never split. */
function units(s: string): { chars: string[]; offsets: number[] } {
  const chars: string[] = [];
  const offsets: number[] = [];
  let at = 0;
  for (const c of s) {
    chars.push(c);
    offsets.push(at);
    at += c.length;
  }
  offsets.push(at);
  return { chars, offsets };
}

/**
 * The hunks that turn `a` into `b`, in order, adjacent deletions and insertions merged into one
 * replacement. Throws past `maxD` differing characters (a fix that rewrites that much is a bug of its
 * own, and the diff's memory grows with D).
 */
export function diffChars(a: string, b: string, maxD = 4000): Hunk[] {
  if (a === b) return [];
  const A = units(a);
  const B = units(b);
  // Common prefix and suffix first: fixes are local, so this leaves little for the real diff.
  let pre = 0;
  while (pre < A.chars.length && pre < B.chars.length && A.chars[pre] === B.chars[pre]) pre++;
  let suf = 0;
  while (
    suf < A.chars.length - pre &&
    suf < B.chars.length - pre &&
    A.chars[A.chars.length - 1 - suf] === B.chars[B.chars.length - 1 - suf]
  )
    suf++;
  const xs = A.chars.slice(pre, A.chars.length - suf);
  const ys = B.chars.slice(pre, B.chars.length - suf);
  const n = xs.length;
  const m = ys.length;
  const max = n + m;
  const offset = max + 1;
  let v: Int32Array = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max; d++) {
    if (d > maxD) throw new Error(`diff too large (more than ${maxD} differing characters)`);
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && xs[x] === ys[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    if (found >= 0) break;
  }
  // Walk back through the trace: a list of single-character operations, from the end.
  type Op = { kind: 'del'; x: number } | { kind: 'ins'; x: number; y: number };
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    v = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = v[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
    }
    if (x === prevX) ops.push({ kind: 'ins', x, y: prevY });
    else ops.push({ kind: 'del', x: prevX });
    x = prevX;
    y = prevY;
  }
  ops.reverse();
  // Merge runs of operations at touching positions into hunks of original offsets.
  const hunks: Hunk[] = [];
  for (const op of ops) {
    const at = pre + op.x;
    const start = A.offsets[at];
    const last = hunks[hunks.length - 1];
    if (op.kind === 'del') {
      const end = A.offsets[at + 1];
      if (last && last.end === start) last.end = end;
      else hunks.push({ start, end, text: '' });
    } else {
      const c = ys[op.y];
      if (last && last.end === start) last.text += c;
      else hunks.push({ start, end: start, text: c });
    }
  }
  return hunks;
}

/** Applies hunks (of `diffChars(a, …)`) to `a`: a self-check of the diff. */
export function applyHunks(a: string, hunks: readonly Hunk[]): string {
  let out = '';
  let at = 0;
  for (const h of hunks) {
    out += a.slice(at, h.start) + h.text;
    at = h.end;
  }
  return out + a.slice(at);
}

/**
 * The positions a hunk could equally sit at: an insertion or a deletion can slide over characters
 * equal to its own (inserting `，` before or after an existing `，` is the same change), and a diff
 * picks one of them arbitrarily. Returns the [start, end) ranges of every equivalent placement.
 */
export function placements(a: string, h: Hunk): Array<[number, number]> {
  const out: Array<[number, number]> = [[h.start, h.end]];
  const moved = h.start === h.end ? h.text : a.slice(h.start, h.end);
  // Only pure insertions or deletions slide; a replacement is where it is.
  if (moved.length === 0 || (h.start !== h.end && h.text !== '')) return out;
  const len = h.end - h.start;
  // Left: the text before the hunk ends with the moved text's last character.
  let s = h.start;
  let rot = moved;
  while (s > 0 && a[s - 1] === rot[rot.length - 1]) {
    s--;
    rot = rot[rot.length - 1] + rot.slice(0, -1);
    out.push([s, s + len]);
  }
  s = h.start;
  rot = moved;
  while (s + len < a.length && a[s + len] === rot[0]) {
    s++;
    rot = rot.slice(1) + rot[0];
    out.push([s, s + len]);
  }
  return out;
}
