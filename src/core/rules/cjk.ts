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
 * link and image targets, HTML tags. Returned as [start, end) pairs.
 */
export function protectedRanges(line: string, markdown: boolean): [number, number][] {
  const out: [number, number][] = [];
  const add = (re: RegExp) => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(line))) {
      out.push([m.index, m.index + m[0].length]);
      if (m[0].length === 0) re.lastIndex++;
    }
  };
  add(/\b(?:https?|ftp|file):\/\/[^\s，。；：！？）》」]+/g);
  add(/\bwww\.[^\s，。；：！？）》」]+/g);
  add(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g);
  if (markdown) {
    add(/`[^`]*`/g);
    add(/\]\([^)\s]*(?:\s+"[^"]*")?\)/g);
    add(/<[^>\n]{1,200}>/g);
  }
  return out;
}

export function inRanges(ranges: readonly [number, number][], at: number): boolean {
  for (const [a, b] of ranges) if (at >= a && at < b) return true;
  return false;
}

/** Lines a prose rule reads: text lines of the model (not code, front matter, comments). */
export function textLines(model: { lines: string[]; contexts: { kind: string }[] }): number[] {
  const out: number[] = [];
  for (let i = 0; i < model.lines.length; i++) if (model.contexts[i].kind === 'text') out.push(i);
  return out;
}
