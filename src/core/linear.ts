/**
 * Hand-written scans for the few patterns that a backtracking regex engine cannot match in linear
 * time. `/[ \t]+$/` looks cheap, but on a line of 64,000 spaces followed by `x` the engine tries the
 * run from each of its 64,000 starts and reads to the end from each: quadratic. The same holds for
 * any unanchored pattern whose first repetition can restart inside its own run (`[\w.]+@…` on a
 * long word with no `@`, `\]\([^)]*…` on `](` repeated). Each function here returns exactly what
 * the regex named in its comment returns, reading every character a bounded number of times.
 * `test/unit/redos.test.ts` checks that no such regex is left in `src/`.
 */

/** Spaces, tabs and the ideographic space U+3000: what a heading or a title may end with. */
const SPACE = ' \t\u3000';

/** The index where a trailing run of characters from `chars` starts (`s.length` if none). */
export function trailingRunStart(s: string, chars: string, end = s.length): number {
  let i = end;
  while (i > 0 && chars.includes(s[i - 1])) i--;
  return i;
}

/** `s.replace(/[ \t\u3000]+$/, '')`. */
export function trimEndSpaces(s: string): string {
  const i = trailingRunStart(s, SPACE);
  return i === s.length ? s : s.slice(0, i);
}

/** `s.replace(/[<chars>]+$/, '')` for a set of single characters. */
export function trimEndChars(s: string, chars: string): string {
  const i = trailingRunStart(s, chars);
  return i === s.length ? s : s.slice(0, i);
}

/**
 * Where the closing sequence of an ATX heading starts: the index of `/[ \t]+#+[ \t]*$/.exec(s)`,
 * or -1. (`## 一、总体要求 ##` → the index of the space before the closing `##`.)
 */
export function atxClosingStart(s: string): number {
  let i = trailingRunStart(s, ' \t');
  const hashesEnd = i;
  while (i > 0 && s[i - 1] === '#') i--;
  if (i === hashesEnd) return -1;
  const spacesEnd = i;
  i = trailingRunStart(s, ' \t', i);
  return i === spacesEnd ? -1 : i;
}

/** `s.replace(/[ \t]+#+[ \t]*$/, '')`. */
export function stripAtxClosing(s: string): string {
  const i = atxClosingStart(s);
  return i < 0 ? s : s.slice(0, i);
}

/**
 * `s.replace(/(?:\*\*|__)+$/, '')`: closing emphasis marks at the end. The marks are two
 * characters each, so the pairs are read back from the end.
 */
export function trimEndEmphasis(s: string): string {
  let i = s.length;
  while (i >= 2 && ((s[i - 1] === '*' && s[i - 2] === '*') || (s[i - 1] === '_' && s[i - 2] === '_'))) i -= 2;
  return i === s.length ? s : s.slice(0, i);
}
