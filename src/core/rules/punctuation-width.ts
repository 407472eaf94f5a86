/**
 * punctuation-width: half-width , : ; ! ? ( ) in Chinese text (DOMAIN §3; GB/T 15834 uses
 * full-width marks in Chinese). Left alone: numbers (3,000 3.5 10:30), URLs, e-mail, Latin-script
 * text, Markdown syntax and code, and brackets of heading markers (heading-marker fixes those).
 * Fix: the full-width mark; a pair of brackets is fixed together.
 */
import type { Rule, TextEdit } from './types';
import { inRanges, isAsciiAlnum, isCjk, protectedRanges, textLines } from './cjk';
import { t } from './util';

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？', '(': '（', ')': '）' };

/** The index of the next character in U+3400–U+9FFF (Han ideographs) from `from`, or -2 if none. */
function nextHan(line: string, from: number): number {
  for (let i = from; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) return i;
  }
  return -2;
}

function neighbour(line: string, at: number, step: -1 | 1): string | undefined {
  for (let i = at + step; i >= 0 && i < line.length; i += step) {
    if (line[i] !== ' ') return line[i];
  }
  return undefined;
}

export const punctuationWidth: Rule = {
  id: 'punctuation-width',
  description: t('Chinese text takes full-width punctuation: ，：；！？（）', '中文使用全角标点：，：；！？（）'),
  tags: ['punctuation'],
  defaultSeverity: 'warning',
  fixable: true,
  options: {},
  run({ model, report }) {
    const markerSpans = new Map<number, [number, number]>();
    for (const h of [...model.headings, ...model.listItems]) markerSpans.set(h.line, [h.marker.start, h.marker.end]);
    for (const i of textLines(model)) {
      const line = model.lines[i];
      if (!/[,:;!?()]/.test(line)) continue;
      const guard = protectedRanges(line, model.markdown);
      const marker = markerSpans.get(i);
      const skip = (at: number) => inRanges(guard, at) || (marker !== undefined && at >= marker[0] && at < marker[1]);
      const paired = new Set<number>();
      // The next ) and the next Han character after a (, carried forward as the scan moves on,
      // so that a line of many ( does not search the rest of the line again for each of them.
      let close = -1;
      let han = -1;
      for (let at = 0; at < line.length; at++) {
        const ch = line[at];
        if (!(ch in FULL) || paired.has(at) || skip(at)) continue;
        const prev = line[at - 1];
        const before = neighbour(line, at, -1);
        const after = neighbour(line, at, 1);
        let chinese = false;
        let partner: number | undefined;
        switch (ch) {
          case ',':
          case ';':
            chinese = (isCjk(before) || isCjk(after)) && !(isAsciiAlnum(prev) && isAsciiAlnum(line[at + 1]));
            break;
          case ':':
            chinese = isCjk(before) && !line.startsWith('//', at + 1);
            break;
          case '!':
            // ![alt](…) is a Markdown image.
            chinese = isCjk(before) && !(model.markdown && line[at + 1] === '[');
            break;
          case '?':
            chinese = isCjk(before);
            break;
          case '(': {
            if (close !== -2 && close <= at) close = line.indexOf(')', at + 1);
            if (close < 0) close = -2; // none left on the line
            if (close < 0 || skip(close)) break;
            if (han !== -2 && han <= at) han = nextHan(line, at + 1);
            const hanInside = han >= 0 && han < close;
            chinese = isCjk(before) || isCjk(after) || isCjk(neighbour(line, close, 1)) || hanInside;
            if (model.markdown && prev === ']') chinese = false;
            if (chinese) partner = close;
            break;
          }
          case ')':
            // A lone ) after Chinese text (its ( is elsewhere or full-width).
            chinese = isCjk(before);
            break;
        }
        if (!chinese) continue;
        const edits: TextEdit[] = [{ line: i, start: at, end: at + 1, text: FULL[ch] }];
        if (partner !== undefined) {
          paired.add(partner);
          edits.push({ line: i, start: partner, end: partner + 1, text: '）' });
        }
        const shown = partner !== undefined ? '( )' : ch;
        const want = partner !== undefined ? '（ ）' : FULL[ch];
        report({
          line: i,
          column: at,
          endLine: i,
          endColumn: (partner ?? at) + 1,
          message: t(`Half-width "${shown}" in Chinese text: use "${want}"`, `中文中使用了半角“${shown}”：应为“${want}”`),
          fix: edits,
        });
      }
    }
  },
};
