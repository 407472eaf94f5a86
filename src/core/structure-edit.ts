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
import { analyzeStructure, type Convention, conventionKey, siblingGroups } from './structure';
import { dominantEol } from './text';

export interface StructureResult {
  text: string;
  /** 0-based position for the cursor in the new text. */
  cursor: { line: number; character: number };
  /** Index of the line this edit inserted, when it inserted one. */
  insertedLine?: number;
}

export type StructureError = 'not-a-heading' | 'no-section' | 'top-level' | 'deepest-level' | 'first-of-level' | 'breaks-hierarchy' | 'no-sibling' | 'part-title';

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

/** The numbering convention of each level in each part (conventionKey), as a text numbers it. */
export type Conventions = Map<string, Convention>;

function partsOf(model: DraftModel): Map<Heading, number> {
  const part = new Map<Heading, number>();
  for (const g of siblingGroups(model)) for (const h of g.items) part.set(h, g.part);
  return part;
}

/** The conventions of a text: an edit keeps them, whatever its intermediate numbers suggest. */
export function conventionsOf(model: DraftModel): Conventions {
  const part = partsOf(model);
  const out: Conventions = new Map();
  for (const run of analyzeStructure(model).runs) {
    if (run.level >= 2) out.set(conventionKey(run.level, part.get(run.items[0]) ?? -1), run.convention);
  }
  return out;
}

/**
 * The numbered runs of an edited text under the conventions of the text before the edit (a level
 * or part it did not have takes the convention detected now). Without this, an edit's own new
 * numbers could tip the detection: a heading inserted into a continuous （一）…（九） makes the
 * next group look like a restart.
 */
function runsUnder(model: DraftModel, before: Conventions): Heading[][] {
  const detected = conventionsOf(model);
  const runs: Heading[][] = [];
  const open = new Map<string, Heading[]>();
  for (const g of siblingGroups(model)) {
    const key = conventionKey(g.level, g.part);
    const convention = g.level >= 2 ? (before.get(key) ?? detected.get(key) ?? 'restart') : 'restart';
    const run = convention === 'continuous' ? open.get(key) : undefined;
    if (run) {
      for (const h of g.items) run.push(h);
      continue;
    }
    const created = [...g.items];
    if (convention === 'continuous') open.set(key, created);
    runs.push(created);
  }
  return runs;
}

/** Renumbers every run (under the conventions `before`) that has a heading `touches` accepts. */
function renumberRuns(model: DraftModel, before: Conventions, touches: (h: Heading) => boolean): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const items of runsUnder(model, before)) {
    if (!items.some(touches)) continue;
    items.forEach((h, k) => {
      if (h.number !== k + 1) edits.push(renumberEdit(h, k + 1));
    });
  }
  return edits;
}

/** Renumbers every run that has a heading between `from` and `to` (0-based lines, inclusive). */
export function renumberEdits(model: DraftModel, from: number, to: number, before: Conventions = conventionsOf(model)): TextEdit[] {
  return renumberRuns(model, before, (h) => h.line >= from && h.line <= to);
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
function finish(text: string, markdown: boolean, before: Conventions, range: (m: DraftModel) => [number, number], cursorLine: number, insertedLine?: number): StructureResult {
  const model = parseDraft(text, { markdown });
  const [from, to] = range(model);
  let out = applyFixes(text, renumberEdits(model, from, to, before));
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
    conventionsOf(model),
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
  return finish(next, markdown, conventionsOf(model), (m) => parentRange(m, sectionAt(m, sectionLine)?.section), newLine, newLine);
}

/** The section whose heading is on `line`, its parent and its index among the parent's children. */
function sectionOfHeading(model: DraftModel, line: number): { section: Section; parent: Section | undefined; siblings: Section[] } | undefined {
  let found: { section: Section; parent: Section | undefined; siblings: Section[] } | undefined;
  const walk = (list: Section[], parent: Section | undefined) => {
    for (const s of list) {
      if (s.heading.line === line) found = { section: s, parent, siblings: list };
      else if (line > s.heading.line && line <= s.endLine) walk(s.children, s);
      if (found || s.heading.line > line) return;
    }
  };
  walk(model.sections, undefined);
  return found;
}

/**
 * Headings that come back above a deeper sibling under the same parent (`（1）` then `1.` under
 * `一、`): the inversions heading-hierarchy reports, counted over the whole tree.
 */
function inversions(model: DraftModel): number {
  let n = 0;
  const visit = (children: readonly Section[]) => {
    let deepest = 0;
    for (const c of children) {
      if (c.heading.level === 0) deepest = 0;
      else if (c.heading.level < deepest) n++;
      else deepest = c.heading.level;
      visit(c.children);
    }
  };
  visit(model.sections);
  return n;
}

/** The headings of a section and of all its descendants, in document order. */
function subtreeHeadings(s: Section): Heading[] {
  // Depth first with an explicit stack; a spread of a wide subtree would overflow the call stack.
  const out: Heading[] = [];
  const stack: Section[] = [s];
  while (stack.length > 0) {
    const top = stack.pop()!;
    out.push(top.heading);
    for (let i = top.children.length - 1; i >= 0; i--) stack.push(top.children[i]);
  }
  return out;
}

/**
 * Renumbers, in the edited text, every run that holds a heading on one of `lines` (lines do not
 * move in a level change), and puts the cursor after the marker on `cursorLine`.
 */
function finishRuns(text: string, markdown: boolean, before: Conventions, lines: ReadonlySet<number>, cursorLine: number): StructureResult {
  const out = applyFixes(text, renumberRuns(parseDraft(text, { markdown }), before, (h) => lines.has(h.line)));
  const h = parseDraft(out, { markdown }).headings.find((x) => x.line === cursorLine);
  return { text: out, cursor: { line: cursorLine, character: h ? h.marker.end : 0 } };
}

/**
 * Promotes (delta -1) or demotes (delta +1) the heading on `line` with its whole sub-tree, as a
 * word processor's outline does: every descendant moves one level too, each marker takes its new
 * level's form in this document, and every run the move touches is renumbered: the run the heading
 * leaves, the run it joins and the runs of its descendants. Promoted, the heading follows its old
 * parent and the siblings after it become its children; demoted, it becomes the last child of the
 * sibling before it (so the first of its level cannot be demoted: it would have no parent). A
 * change that would put a heading after a deeper sibling (an inverted hierarchy) is refused.
 */
export function changeLevel(text: string, markdown: boolean, line: number, delta: -1 | 1): StructureResult {
  const model = parseDraft(text, { markdown });
  const h = model.headings.find((x) => x.line === line);
  if (!h) throw new StructureEditError('not-a-heading');
  if (h.level === 0) throw new StructureEditError('part-title');
  const at = sectionOfHeading(model, line);
  if (!at) throw new StructureEditError('no-section');
  const tree = subtreeHeadings(at.section);
  if (delta < 0 && h.level === 1) throw new StructureEditError('top-level');
  if (delta > 0 && tree.some((d) => d.level >= 5)) throw new StructureEditError('deepest-level');
  // The heading's own new number is provisional (the renumbering puts it in sequence), but a
  // plausible one keeps the convention of the run it joins recognisable.
  let number = h.number;
  if (delta < 0) {
    if (at.parent && at.parent.heading.level === h.level - 1) number = at.parent.heading.number + 1;
  } else {
    const before = at.siblings.slice(0, at.siblings.indexOf(at.section)).filter((s) => s.heading.level === h.level);
    const previous = before[before.length - 1];
    if (!previous) throw new StructureEditError('first-of-level');
    const joined = previous.children.filter((c) => c.heading.level === h.level + 1);
    number = (joined[joined.length - 1]?.heading.number ?? 0) + 1;
  }
  const edits: TextEdit[] = tree.map((d) => {
    const level = (d.level + delta) as HeadingLevel;
    return { line: d.line, start: d.marker.start, end: d.marker.end, text: markerFor(model, level, d === h ? number : d.number) };
  });
  const next = applyFixes(text, edits);
  // Where the levels around the heading differ from its own (a `（1）` run directly under `一、`),
  // the new level can have no place: the heading would come back above a deeper sibling.
  if (inversions(parseDraft(next, { markdown })) > inversions(model)) throw new StructureEditError('breaks-hierarchy');
  // Runs to renumber: those of the moved headings, before and after, and the runs they left.
  const touched = new Set(tree.map((d) => d.line));
  const moved = new Set(tree);
  for (const run of analyzeStructure(model).runs) {
    if (run.items.some((x) => moved.has(x))) for (const x of run.items) touched.add(x.line);
  }
  return finishRuns(next, markdown, conventionsOf(model), touched, line);
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
    conventionsOf(model),
    (m) => (parentLine === undefined ? [0, m.lines.length - 1] : parentRange(m, sectionAt(m, parentLine)?.section)),
    newHeadingLine + offset,
  );
}
