/**
 * Structural edits of a draft that keep its numbering right: insert the next heading or a
 * sub-heading, promote or demote a heading, move a section up or down. Each returns the new text
 * and where the cursor goes; only markers change besides the lines inserted or moved, and the
 * runs the edit touched are renumbered under the document's convention.
 */
import { type HeadingLevel, renderMarker } from './markers';
import { type DraftModel, type Heading, parseDraft, type Section } from './parser';
import { applyFixes } from './fixes';
import { markerWithNumber, renumberEdit } from './rules/util';
import type { TextEdit } from './rules/types';
import { analyzeStructure } from './structure';
import { dominantEol } from './text';

export interface StructureResult {
  text: string;
  /** 0-based position for the cursor in the new text. */
  cursor: { line: number; character: number };
  /** Index of the line this edit inserted, when it inserted one. */
  insertedLine?: number;
}

export type StructureError = 'not-a-heading' | 'no-section' | 'top-level' | 'deepest-level' | 'no-sibling' | 'part-title';

export class StructureEditError extends Error {
  constructor(readonly reason: StructureError) {
    super(reason);
  }
}

/** Every section of the tree, in document order. */
function allSections(model: DraftModel): Section[] {
  const out: Section[] = [];
  const walk = (list: Section[]) => {
    for (const s of list) {
      out.push(s);
      walk(s.children);
    }
  };
  walk(model.sections);
  return out;
}

/** The deepest section that contains `line`, and its parent. */
export function sectionAt(model: DraftModel, line: number): { section: Section; parent: Section | undefined } | undefined {
  let found: { section: Section; parent: Section | undefined } | undefined;
  const walk = (list: Section[], parent: Section | undefined) => {
    for (const s of list) {
      if (line >= s.heading.line && line <= Math.max(s.endLine, s.heading.line)) {
        found = { section: s, parent };
        walk(s.children, s);
        return;
      }
    }
  };
  walk(model.sections, undefined);
  return found;
}

/** The marker for number `n` at `level`, in the form the document already uses for that level. */
export function markerFor(model: DraftModel, level: HeadingLevel, n: number, like?: Heading): string {
  const model0 = like ?? model.headings.find((h) => h.level === level && h.marker.text !== '');
  return model0 ? markerWithNumber(model0, n) : renderMarker(level, n);
}

/** Renumbers every run that has a heading between `from` and `to` (0-based lines, inclusive). */
export function renumberEdits(model: DraftModel, from: number, to: number): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const run of analyzeStructure(model).runs) {
    if (!run.items.some((h) => h.line >= from && h.line <= to)) continue;
    run.items.forEach((h, k) => {
      if (h.number !== k + 1) edits.push(renumberEdit(h, k + 1));
    });
  }
  return edits;
}

/** The lines of the parent's section (or the whole document) that an edit under it may renumber. */
function parentRange(model: DraftModel, parent: Section | undefined): [number, number] {
  return parent ? [parent.heading.line, parent.endLine] : [0, model.lines.length - 1];
}

/**
 * A title for a heading inserted without one while its run is renumbered: a marker alone is no
 * heading to the parser. Removed again before the text is returned.
 */
const PROVISIONAL_TITLE = '题';

/**
 * Renumbers the runs in `range` of the edited text; the cursor goes after the marker of the
 * heading on `cursorLine` (or to the line's start when it has none).
 */
function finish(text: string, markdown: boolean, range: (m: DraftModel) => [number, number], cursorLine: number, insertedLine?: number): StructureResult {
  const model = parseDraft(text, { markdown });
  const [from, to] = range(model);
  let out = applyFixes(text, renumberEdits(model, from, to));
  const h = parseDraft(out, { markdown }).headings.find((x) => x.line === cursorLine);
  if (insertedLine !== undefined && h && h.line === insertedLine) {
    out = applyFixes(out, [{ line: insertedLine, start: h.marker.end, end: h.marker.end + PROVISIONAL_TITLE.length, text: '' }]);
  }
  return { text: out, cursor: { line: cursorLine, character: h ? h.marker.end : 0 }, insertedLine };
}

function insertLine(model: DraftModel, text: string, at: number, content: string): string {
  const eol = dominantEol(text);
  if (at >= model.lines.length) {
    // After the last line: the new line needs the break the old last line lacked.
    const last = model.lines.length - 1;
    return applyFixes(text, [{ line: last, start: model.lines[last].length, end: model.lines[last].length, text: eol + content }]);
  }
  return applyFixes(text, [{ line: at, start: 0, end: 0, text: content + eol }]);
}

function indentOf(model: DraftModel, h: Heading): string {
  return model.lines[h.line].slice(0, h.marker.start);
}

/** Inserts the next heading of the same level after the section at `line`. */
export function insertNextHeading(text: string, markdown: boolean, line: number): StructureResult {
  const model = parseDraft(text, { markdown });
  const at = sectionAt(model, line);
  if (!at) throw new StructureEditError('no-section');
  const h = at.section.heading;
  if (h.level === 0) throw new StructureEditError('part-title');
  const marker = markerWithNumber(h, h.number + 1);
  const newLine = at.section.endLine + 1;
  const prefix = indentOf(model, h);
  const next = insertLine(model, text, newLine, prefix + marker + PROVISIONAL_TITLE);
  const parentLine = at.parent?.heading.line;
  return finish(
    next,
    markdown,
    (m) => (parentLine === undefined ? [0, m.lines.length - 1] : parentRange(m, sectionAt(m, parentLine)?.section)),
    newLine,
    newLine,
  );
}

/** Inserts a heading one level below the section at `line`, after its last child. */
export function insertSubheading(text: string, markdown: boolean, line: number): StructureResult {
  const model = parseDraft(text, { markdown });
  const at = sectionAt(model, line);
  if (!at) throw new StructureEditError('no-section');
  const h = at.section.heading;
  const existing = at.section.children.filter((c) => c.heading.level !== 0);
  const level = (existing[0]?.heading.level ?? (h.level === 0 ? 1 : h.level + 1)) as HeadingLevel;
  if (level > 5) throw new StructureEditError('deepest-level');
  const siblings = existing.filter((c) => c.heading.level === level);
  const last = siblings[siblings.length - 1]?.heading;
  const marker = last ? markerWithNumber(last, last.number + 1) : markerFor(model, level, 1);
  const newLine = at.section.endLine + 1;
  const prefix = indentOf(model, last ?? h);
  const next = insertLine(model, text, newLine, prefix + marker + PROVISIONAL_TITLE);
  const sectionLine = h.line;
  return finish(next, markdown, (m) => parentRange(m, sectionAt(m, sectionLine)?.section), newLine, newLine);
}

/** Promotes (delta -1) or demotes (delta +1) the heading on `line`: its marker takes the other level's form. */
export function changeLevel(text: string, markdown: boolean, line: number, delta: -1 | 1): StructureResult {
  const model = parseDraft(text, { markdown });
  const h = model.headings.find((x) => x.line === line);
  if (!h) throw new StructureEditError('not-a-heading');
  if (h.level === 0) throw new StructureEditError('part-title');
  const level = h.level + delta;
  if (level < 1) throw new StructureEditError('top-level');
  if (level > 5) throw new StructureEditError('deepest-level');
  const at = sectionAt(model, line)!;
  // The number is provisional: the renumbering below puts it in sequence.
  const marker = markerFor(model, level as HeadingLevel, 1);
  const next = applyFixes(text, [{ line, start: h.marker.start, end: h.marker.end, text: marker }]);
  // Promoting moves the heading out of its parent: the grandparent's runs change too.
  const scope = delta < 0 ? sectionAt(model, at.parent?.heading.line ?? -1)?.parent : at.parent;
  const scopeLine = scope?.heading.line;
  return finish(next, markdown, (m) => (scopeLine === undefined ? [0, m.lines.length - 1] : parentRange(m, sectionAt(m, scopeLine)?.section)), line);
}

/** Moves the section at `line` (with its children) above the previous (-1) or below the next (+1) sibling. */
export function moveSection(text: string, markdown: boolean, line: number, direction: -1 | 1): StructureResult {
  const model = parseDraft(text, { markdown });
  const at = sectionAt(model, line);
  if (!at) throw new StructureEditError('no-section');
  const siblings = (at.parent ? at.parent.children : model.sections).filter((s) => s.heading.level === at.section.heading.level);
  const i = siblings.indexOf(at.section);
  const other = siblings[i + direction];
  if (!other) throw new StructureEditError('no-sibling');
  const [first, second] = direction < 0 ? [other, at.section] : [at.section, other];
  const a0 = first.heading.line;
  const a1 = first.endLine;
  const b0 = second.heading.line;
  const b1 = second.endLine;
  const lines = model.lines;
  const reordered = [...lines.slice(0, a0), ...lines.slice(b0, b1 + 1), ...lines.slice(a1 + 1, b0), ...lines.slice(a0, a1 + 1), ...lines.slice(b1 + 1)];
  // Line endings stay with their positions, so a last line without one keeps having none.
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  let moved = bom;
  for (let k = 0; k < reordered.length; k++) moved += reordered[k] + model.eols[k];
  const offset = line - at.section.heading.line;
  const newHeadingLine = direction < 0 ? a0 : a0 + (b1 - b0 + 1) + (b0 - a1 - 1);
  const parentLine = at.parent?.heading.line;
  return finish(
    moved,
    markdown,
    (m) => (parentLine === undefined ? [0, m.lines.length - 1] : parentRange(m, sectionAt(m, parentLine)?.section)),
    newHeadingLine + offset,
  );
}
