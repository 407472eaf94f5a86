/**
 * Markdown contexts that hide or wrap heading markers: front matter, fenced and indented code,
 * HTML comments, link reference definitions (hidden), and `#` headings, `>` quotes and `**bold**`
 * (wrappers the marker may sit inside). Plain text has none of these.
 */

export type LineKind = 'text' | 'blank' | 'code' | 'front-matter' | 'comment' | 'link-definition';

export interface LineContext {
  kind: LineKind;
  /** UTF-16 column where the line's content starts, after indentation and Markdown prefixes. */
  contentStart: number;
  /** `#` count when the line is an ATX heading, else 0. */
  atx: number;
  /** True when the content starts with `**` or `__` (bold around a heading). */
  bold: boolean;
}

const INDENT = /^[ \t\u3000]*/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const QUOTE = /^ {0,3}>[ \t]?/;
const LINK_DEF = /^ {0,3}\[[^\]]+\]:\s*\S+/;

function isBlank(line: string): boolean {
  return /^[ \t\u3000]*$/.test(line);
}

/** Classifies each line of a plain-text document: only indentation matters. */
export function plainTextContexts(lines: readonly string[]): LineContext[] {
  // Lines of the same kind and indentation share one context object (contexts are never written
  // to): a file of a million short lines would otherwise hold a million alike objects.
  const blank: LineContext[] = [];
  const text: LineContext[] = [];
  const shared = (cache: LineContext[], kind: 'blank' | 'text', contentStart: number): LineContext =>
    contentStart < 64 ? (cache[contentStart] ??= { kind, contentStart, atx: 0, bold: false }) : { kind, contentStart, atx: 0, bold: false };
  return lines.map((line) => {
    if (isBlank(line)) return shared(blank, 'blank', line.length);
    return shared(text, 'text', INDENT.exec(line)![0].length);
  });
}

/** Classifies each line of a Markdown document (CommonMark's block rules, as far as they matter here). */
export function markdownContexts(lines: readonly string[]): LineContext[] {
  const out: LineContext[] = new Array(lines.length);
  let i = 0;
  // Front matter: `---` on the first line, closed by `---` or `...`.
  if (lines.length > 1 && /^---\s*$/.test(lines[0])) {
    let end = -1;
    for (let j = 1; j < lines.length; j++) {
      if (/^(---|\.\.\.)\s*$/.test(lines[j])) { end = j; break; }
    }
    if (end > 0) {
      for (; i <= end; i++) out[i] = { kind: 'front-matter', contentStart: 0, atx: 0, bold: false };
    }
  }
  let fence: string | undefined;
  let inComment = false;
  let prevBlankOrCode = true;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (fence !== undefined) {
      out[i] = { kind: 'code', contentStart: 0, atx: 0, bold: false };
      const m = FENCE.exec(line);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && /^[`~]+\s*$/.test(line.trim())) fence = undefined;
      continue;
    }
    if (inComment) {
      out[i] = { kind: 'comment', contentStart: 0, atx: 0, bold: false };
      if (line.includes('-->')) inComment = false;
      continue;
    }
    if (isBlank(line)) {
      out[i] = { kind: 'blank', contentStart: line.length, atx: 0, bold: false };
      prevBlankOrCode = true;
      continue;
    }
    const fm = FENCE.exec(line);
    if (fm) {
      fence = fm[1];
      out[i] = { kind: 'code', contentStart: 0, atx: 0, bold: false };
      continue;
    }
    // Indented code: four ASCII spaces or a tab, and it cannot interrupt a paragraph.
    if (prevBlankOrCode && /^( {4}|\t)/.test(line)) {
      out[i] = { kind: 'code', contentStart: 0, atx: 0, bold: false };
      prevBlankOrCode = true;
      continue;
    }
    prevBlankOrCode = false;
    const trimmed = line.replace(INDENT, '');
    if (trimmed.startsWith('<!--')) {
      out[i] = { kind: 'comment', contentStart: 0, atx: 0, bold: false };
      inComment = !trimmed.includes('-->', 4);
      continue;
    }
    if (LINK_DEF.test(line)) {
      out[i] = { kind: 'link-definition', contentStart: 0, atx: 0, bold: false };
      continue;
    }
    let pos = 0;
    let q: RegExpExecArray | null;
    while ((q = QUOTE.exec(line.slice(pos)))) pos += q[0].length;
    let atx = 0;
    const a = ATX.exec(line.slice(pos));
    if (a) {
      atx = a[1].length;
      pos += a[0].length;
    }
    pos += INDENT.exec(line.slice(pos))![0].length;
    let bold = false;
    if (line.startsWith('**', pos) || line.startsWith('__', pos)) {
      bold = true;
      pos += 2;
    }
    out[i] = { kind: pos >= line.length ? 'blank' : 'text', contentStart: pos, atx, bold };
  }
  return out;
}
