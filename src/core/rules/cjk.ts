/** Character classes for the prose rules: what counts as Chinese context. */

/** Han ideographs (BMP blocks), CJK punctuation, full-width forms, Chinese quotes. */
export function isCjk(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff00 && c <= 0xffef) ||
    c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2026 || c === 0x2014
  );
}

export function isAsciiAlnum(ch: string | undefined): boolean {
  return ch !== undefined && /^[A-Za-z0-9]$/.test(ch);
}

/**
 * Ranges of a line that prose rules leave alone: inline code, URLs, e-mail addresses, Markdown
 * link and image targets, HTML tags. Returned as [start, end) pairs, sorted and merged, so that
 * `inRanges` can look a column up by bisection (a line may hold thousands of them).
 */
export function protectedRanges(line: string, markdown: boolean): [number, number][] {
  const found: [number, number][] = [];
  const add = (re: RegExp) => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(line))) {
      found.push([m.index, m.index + m[0].length]);
      if (m[0].length === 0) re.lastIndex++;
    }
  };
  add(/\b(?:https?|ftp|file):\/\/[^\s，。；：！？）》」]+/g);
  add(/\bwww\.[^\s，。；：！？）》」]+/g);
  emailRanges(line, found);
  if (markdown) {
    add(/`[^`]*`/g);
    linkTargetRanges(line, found);
    htmlTagRanges(line, found);
  }
  return merge(found);
}

function merge(ranges: [number, number][]): [number, number][] {
  ranges.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of ranges) {
    if (r[1] <= r[0]) continue;
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** `[\w.+-]`: a character of an address's local part (ASCII `\w`, as without the `u` flag). */
function isLocal(c: number): boolean {
  return isWord(c) || c === 0x2e || c === 0x2b || c === 0x2d;
}
/** `[\w-]`: a character of a domain label. */
function isLabel(c: number): boolean {
  return isWord(c) || c === 0x2d;
}
function isWord(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

/**
 * The matches of `/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g`, found in one pass. The local part cannot hold
 * an `@`, so a match starting anywhere in a run of local-part characters needs the `@` right after
 * the run: if the run's first character does not start a match, none of the others does, and the
 * search goes on after the run (a regex would try each of them and read the run again each time).
 */
function emailRanges(line: string, out: [number, number][]): void {
  const n = line.length;
  let p = 0;
  while (p < n) {
    if (!isLocal(line.charCodeAt(p))) { p++; continue; }
    let a = p;
    while (a < n && isLocal(line.charCodeAt(a))) a++;
    if (line.charCodeAt(a) === 0x40 /* @ */) {
      // [\w-]+ then one or more .[\w-]+, each as long as it goes.
      let e = a + 1;
      while (e < n && isLabel(line.charCodeAt(e))) e++;
      let labels = 0;
      if (e > a + 1) {
        while (line.charCodeAt(e) === 0x2e && isLabel(line.charCodeAt(e + 1))) {
          e += 2;
          while (e < n && isLabel(line.charCodeAt(e))) e++;
          labels++;
        }
      }
      if (labels > 0) {
        out.push([p, e]);
        p = e;
        continue;
      }
    }
    p = a;
  }
}

/** `\s` of a JavaScript regex, for one character. */
const SPACE = /\s/;

/**
 * The matches of `/\]\([^)\s]*(?:\s+"[^"]*")?\)/g` (a Markdown link or image target, with an
 * optional title), found in one pass. A failed attempt at one `](` fails for every `](` inside the
 * run it read (they reach the same end), so the search goes on after that run; the position of the
 * next `"` is remembered, so a title that never closes is looked for once.
 */
function linkTargetRanges(line: string, out: [number, number][]): void {
  const n = line.length;
  let quoteFrom = -1;
  let quoteAt = -1;
  const nextQuote = (from: number): number => {
    if (quoteFrom < 0 || from < quoteFrom || (quoteAt >= 0 && from > quoteAt)) {
      quoteFrom = from;
      quoteAt = line.indexOf('"', from);
    }
    return quoteAt;
  };
  let p = line.indexOf('](');
  while (p >= 0) {
    let j = p + 2;
    while (j < n && line[j] !== ')' && !SPACE.test(line[j])) j++;
    let end = -1;
    if (line[j] === ')') end = j + 1;
    else if (j < n) {
      let k = j;
      while (k < n && SPACE.test(line[k])) k++;
      if (line[k] === '"') {
        const q = nextQuote(k + 1);
        if (q >= 0 && line[q + 1] === ')') end = q + 2;
      }
    }
    if (end >= 0) out.push([p, end]);
    p = line.indexOf('](', end >= 0 ? end : j);
  }
}

/**
 * The matches of `/<[^>\n]{1,200}>/g` (an HTML tag), found in one pass: the first `>` or line
 * break after each `<` is carried forward instead of being looked for again from every `<`.
 */
function htmlTagRanges(line: string, out: [number, number][]): void {
  const n = line.length;
  let stop = -1;
  let p = line.indexOf('<');
  while (p >= 0) {
    if (stop <= p) {
      stop = p + 1;
      while (stop < n && line[stop] !== '>' && line[stop] !== '\n') stop++;
    }
    const inner = stop - p - 1;
    if (stop < n && line[stop] === '>' && inner >= 1 && inner <= 200) {
      out.push([p, stop + 1]);
      p = line.indexOf('<', stop + 1);
    } else {
      p = line.indexOf('<', p + 1);
    }
  }
}

/** Whether `at` lies in one of `ranges` (sorted and disjoint, as `protectedRanges` returns them). */
export function inRanges(ranges: readonly [number, number][], at: number): boolean {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid][1] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo < ranges.length && ranges[lo][0] <= at;
}

/** Lines a prose rule reads: text lines of the model (not code, front matter, comments). */
export function textLines(model: { lines: string[]; contexts: { kind: string }[] }): number[] {
  const out: number[] = [];
  for (let i = 0; i < model.lines.length; i++) if (model.contexts[i].kind === 'text') out.push(i);
  return out;
}
