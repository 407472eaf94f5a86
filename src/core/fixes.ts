/**
 * Applying fixes: one pure function, markdownlint's applyFixes in spirit. Edits are sorted, exact
 * duplicates dropped, and of two overlapping edits the first (in rule order) wins; the text's BOM
 * and line endings are kept byte for byte.
 */
import type { TextEdit } from './rules/types';
import { BOM, splitLines } from './text';

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.line === b.line && a.start === b.start && a.end === b.end && a.text === b.text;
}

/**
 * Drops duplicates and edits that overlap an edit listed before them (rule order decides), and
 * returns the rest sorted by position.
 */
export function normalizeEdits(edits: readonly TextEdit[]): TextEdit[] {
  const byLine = new Map<number, TextEdit[]>();
  for (const cand of edits) {
    const accepted = byLine.get(cand.line);
    if (!accepted) {
      byLine.set(cand.line, [cand]);
      continue;
    }
    const clash = accepted.some((e) => {
      if (sameEdit(e, cand)) return true;
      // Two insertions at one point, or ranges that share a character, conflict.
      if (e.start === e.end && cand.start === cand.end) return e.start === cand.start;
      return e.start < cand.end && cand.start < e.end;
    });
    if (!clash) accepted.push(cand);
  }
  const out: TextEdit[] = [];
  for (const line of [...byLine.keys()].sort((a, b) => a - b)) {
    out.push(...byLine.get(line)!.sort((a, b) => a.start - b.start || a.end - b.end));
  }
  return out;
}

/** Applies edits to a text (0-based lines as `parseDraft` numbers them, i.e. after any BOM). */
export function applyFixes(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const bom = text.startsWith(BOM) ? BOM : '';
  const { lines, eols } = splitLines(bom ? text.slice(1) : text);
  const byLine = new Map<number, TextEdit[]>();
  for (const e of normalizeEdits(edits)) {
    if (e.line < 0 || e.line >= lines.length) continue;
    const list = byLine.get(e.line);
    if (list) list.push(e);
    else byLine.set(e.line, [e]);
  }
  for (const [line, list] of byLine) {
    let s = lines[line];
    // Right to left, so earlier offsets stay valid.
    for (let k = list.length - 1; k >= 0; k--) {
      const e = list[k];
      const start = Math.max(0, Math.min(e.start, s.length));
      const end = Math.max(start, Math.min(e.end, s.length));
      s = s.slice(0, start) + e.text + s.slice(end);
    }
    lines[line] = s;
  }
  let out = bom;
  for (let i = 0; i < lines.length; i++) out += lines[i] + eols[i];
  return out;
}
