/** Small helpers shared by the rules. */
import type { Heading } from '../parser';
import { toChineseNumeral, toCircled } from '../numerals';
import type { LocalizedText, ProblemReport, TextEdit } from './types';

export function t(en: string, zh: string): LocalizedText {
  return { en, 'zh-cn': zh };
}

/** The problem range of a heading's marker. */
export function markerRange(h: Heading): Pick<ProblemReport, 'line' | 'column' | 'endLine' | 'endColumn'> {
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
  return { line: h.line, start: m.numeralStart, end: m.numeralEnd, text: numeralFor(h, n) };
}

/** The marker of heading `h` as it would read with number `n`, in the heading's own form. */
export function markerWithNumber(h: Heading, n: number): string {
  const m = h.marker;
  if (m.deviations.includes('legacy-character')) return renumberEdit(h, n).text;
  return m.text.slice(0, m.numeralStart - m.start) + numeralFor(h, n) + m.text.slice(m.numeralEnd - m.start);
}
