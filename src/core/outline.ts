/**
 * The outline as data other tools rely on (the CLI's JSON contract) and as text, plus draft
 * detection: a file is a draft when it has at least two headings at level 1 or 2.
 */
import { escapeControls } from './escape';
import type { DraftModel, Section } from './parser';

export interface OutlineNode {
  level: number;
  marker: string;
  number: number;
  title: string;
  /** 1-based first line of the section (its heading). */
  line: number;
  /** 1-based last line of the section. */
  endLine: number;
  chars: number;
  charsWithPunctuation: number;
  children: OutlineNode[];
}

export interface OutlineJson {
  file: string;
  title: string | null;
  sections: OutlineNode[];
}

export const MIN_DRAFT_HEADINGS = 2;

/** True when the parsed text reads as a speech draft (auto detection of `speechDraft.enable`). */
export function isDraft(model: DraftModel): boolean {
  let n = 0;
  for (const h of model.headings) {
    if (h.level === 1 || h.level === 2) {
      if (++n >= MIN_DRAFT_HEADINGS) return true;
    }
  }
  return false;
}

function toNode(s: Section): OutlineNode {
  const h = s.heading;
  return {
    level: h.level,
    marker: h.marker.text,
    number: h.number,
    title: h.title,
    line: h.line + 1,
    endLine: s.endLine + 1,
    chars: s.chars,
    charsWithPunctuation: s.charsWithPunctuation,
    children: s.children.map(toNode),
  };
}

export function outlineJson(file: string, model: DraftModel): OutlineJson {
  return { file, title: model.title?.text ?? null, sections: model.sections.map(toNode) };
}

/** 1234 → "1,234". Fixed grouping, independent of the machine's locale. */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A heading as a reader sees it: its marker and title (part titles of Markdown have no marker). */
export function headingLabel(node: { marker: string; title: string }): string {
  if (node.marker === '') return node.title;
  if (node.title === '') return node.marker;
  // 第一部分 总体要求 / 附件1 关于……: a space keeps part titles readable.
  return /^[第附名]/.test(node.marker) ? `${node.marker} ${node.title}` : `${node.marker}${node.title}`;
}

/**
 * Indented text, one heading a line: `  （一）推动……  [L9–L9, 1,234字]`. Control characters in
 * titles are shown as visible escapes (src/core/escape.ts): the text goes to a terminal.
 */
export function outlineText(outline: OutlineJson, charsLabel: (n: string) => string): string {
  const out: string[] = [];
  if (outline.title !== null) out.push(escapeControls(outline.title));
  const walk = (nodes: OutlineNode[], depth: number) => {
    for (const n of nodes) {
      const range = n.line === n.endLine ? `${n.line}` : `${n.line}-${n.endLine}`;
      out.push(`${'  '.repeat(depth)}${escapeControls(headingLabel(n))}  [${range}] ${charsLabel(formatCount(n.chars))}`);
      walk(n.children, depth + 1);
    }
  };
  walk(outline.sections, outline.title !== null ? 1 : 0);
  return out.join('\n');
}

/** A Markdown table of contents: nested bullets (control characters escaped, as in outlineText). */
export function outlineMarkdown(outline: OutlineJson, charsLabel: (n: string) => string): string {
  const out: string[] = [];
  if (outline.title !== null) out.push(`# ${escapeControls(outline.title)}`, '');
  const walk = (nodes: OutlineNode[], depth: number) => {
    for (const n of nodes) {
      out.push(`${'  '.repeat(depth)}- ${escapeControls(headingLabel(n))} (${charsLabel(formatCount(n.chars))})`);
      walk(n.children, depth + 1);
    }
  };
  walk(outline.sections, 0);
  return out.join('\n');
}
