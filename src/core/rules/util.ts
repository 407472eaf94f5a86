/** Small helpers shared by the rules. */
import type { Heading } from '../parser';
import { toChineseNumeral, toCircled } from '../numerals';
import type { LocalizedText, ProblemReport, TextEdit } from './types';

/**
 * A message in both languages. A message built from a template literal is held by V8 as a chain of
 * pieces, a few dozen bytes each; reading it as a number makes V8 copy it into one flat string once,
 * and the pieces become garbage. A file with 100,000 problems then costs their characters, not
 * their pieces (a third less memory for the problems of a file made of headings).
 */
export function t(en: string, zh: string): LocalizedText {
  flatten(en);
  flatten(zh);
  return { en, 'zh-cn': zh };
}

/** Keeps the reads from being optimised away. */
let flattened = 0;
function flatten(s: string): void {
  flattened = (flattened + Number(s)) | 0;
}

/** The problem range of a heading's marker. */
export function markerRange(h: Heading): Pick<ProblemReport, 'line' | 'column' | 'endLine' | 'endColumn'> {
  // A heading broken over two lines: from the fragment on the first line to the marker's end.
  if (h.split) return { line: h.split.line, column: h.split.start, endLine: h.line, endColumn: h.marker.end };
  return { line: h.line, column: h.marker.start, endLine: h.line, endColumn: h.marker.end };
}

/** The numeral of number `n` as a heading of `h`'s level writes it (half-width digits). */
export function numeralFor(h: Heading, n: number): string {
  switch (h.level) {
    case 1:
    case 2:
      return toChineseNumeral(n);
    case 5:
      return toCircled(n);
    case 0: {
      const written = h.marker.text.slice(h.marker.numeralStart - h.marker.start, h.marker.numeralEnd - h.marker.start);
      return /^[0-9０-９]+$/.test(written) ? String(n) : toChineseNumeral(n);
    }
    default:
      return String(n);
  }
}

/** The edit that changes a heading's number to `n`, touching only the numeral. */
export function renumberEdit(h: Heading, n: number): TextEdit {
  const m = h.marker;
  // Legacy characters (⑴, ⒈) carry their punctuation: the whole marker becomes canonical.
  if (m.deviations.includes('legacy-character')) {
    return { line: h.line, start: m.start, end: m.end, text: h.level === 4 ? `（${n}）` : `${n}.` };
  }
  const onFirst = h.split?.numeral;
  if (onFirst) return { line: h.split!.line, start: onFirst.start, end: onFirst.end, text: numeralFor(h, n) };
  return { line: h.line, start: m.numeralStart, end: m.numeralEnd, text: numeralFor(h, n) };
}

/** The marker of heading `h` as it would read with number `n`, in the heading's own form. */
export function markerWithNumber(h: Heading, n: number): string {
  const m = h.marker;
  if (m.deviations.includes('legacy-character')) return renumberEdit(h, n).text;
  let at = m.numeralStart - m.start;
  let length = m.numeralEnd - m.numeralStart;
  if (h.split) {
    // The text of a split marker is the whole marker: the fragment, then what is on the title's line.
    const onFirst = h.split.numeral;
    at = onFirst ? onFirst.start - h.split.start : h.split.end - h.split.start + at;
    length = onFirst ? onFirst.end - onFirst.start : length;
  }
  return m.text.slice(0, at) + numeralFor(h, n) + m.text.slice(at + length);
}
