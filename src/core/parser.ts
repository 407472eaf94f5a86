/**
 * The draft model: which lines are headings (and at which level), the document title, sections with
 * their ranges and lengths, list items that only look like headings, and inline enumerations.
 * `parseDraft` never throws and runs in time linear in the text.
 */
import { findEnumerations, type EnumerationItem } from './enumerations';
import { type LineContext, markdownContexts, plainTextContexts } from './markdown';
import { type HeadingLevel, type Marker, isInvisible, matchMarker, stripInvisible } from './markers';
import { CHINESE_NUMERAL_CLASS } from './numerals';
import { countChars, splitLines } from './text';
import { atxClosingStart, stripAtxClosing, trimEndChars, trimEndSpaces } from './linear';

export interface Heading {
  /** 0-based line. */
  line: number;
  level: HeadingLevel;
  number: number;
  /** The marker, with `start`/`end` as UTF-16 columns of the line. */
  marker: Marker;
  /** Title as a reader sees it (no marker, no Markdown emphasis, no trailing 。). */
  title: string;
  titleStart: number;
  titleEnd: number;
  /** Run-in: the heading is the first sentence of a paragraph and body text follows on the line. */
  runIn: boolean;
  /** For a standalone heading that ends in punctuation a title must not have (。，；：), its column. */
  trailingPunctuation?: number;
  /** Markdown `#` depth, or 0. */
  atx: number;
  /**
   * A heading that a PDF or web copy broke over two lines (`（` / `三）标题`): `line` and the marker's
   * columns are those of the line with the title, `marker.text` is the whole marker (`（三）`), and
   * this is the fragment on the earlier line (columns of `split.line`), with the numeral's columns
   * when the numeral is on that line (`（三` / `）标题`).
   */
  split?: SplitFragment;
}

export interface SplitFragment {
  line: number;
  start: number;
  end: number;
  numeral?: { start: number; end: number };
}

export interface Section {
  heading: Heading;
  children: Section[];
  /** 0-based last line of the section (trailing blank lines excluded). */
  endLine: number;
  /** Han characters, letters and digits in the section, its heading and children included (computed on first use). */
  readonly chars: number;
  /** Every non-space character. */
  readonly charsWithPunctuation: number;
}

export interface DocumentTitle {
  line: number;
  /** The title's last line: a 公文 title is often set in two or three lines. */
  endLine: number;
  /** The whole title, its lines joined. */
  text: string;
  /** Columns of the title on its first line. */
  start: number;
  end: number;
}

export interface DraftModel {
  markdown: boolean;
  lines: string[];
  eols: string[];
  contexts: LineContext[];
  title?: DocumentTitle;
  /** Headings in document order (list items excluded). */
  headings: Heading[];
  /** Top-level sections; headings nested by level. */
  sections: Section[];
  /** Lines that carry a marker but read as items of a short list, not as headings. */
  listItems: Heading[];
  /**
   * Where a speech's closing (or a trailer after it) begins: after the last section's content, and
   * before a part (第二部分, 附件1, a second speech) when one follows. In document order.
   */
  closings: Closing[];
  enumerations: EnumerationItem[];
  /** Character counts of the whole document (computed on first use). */
  readonly chars: number;
  readonly charsWithPunctuation: number;
}

/** How a speech's closing or trailer opens (docs/design/closings.md). */
export type ClosingKind = 'address' | 'thanks' | 'formula' | 'signature' | 'notes' | 'cut' | 'boilerplate';

export interface Closing {
  /** 0-based first line of the closing: no section reaches it. */
  line: number;
  kind: ClosingKind;
}

export interface ParseOptions {
  markdown?: boolean;
}

/** Titles and standalone headings end with no punctuation; `？！` and `……` are allowed (B.4). */
const BAD_TRAILING = /[。，；：,;:]$/;
const OPENERS = '“‘「『《〈【（(';
const CLOSERS = '”’」』》〉】）)';
/** Salutations (称呼) before the speech proper. */
const SALUTATION = /^[^。！？]{1,40}[：:]$/;
/** The start of an enumeration after a colon: 一是, 第一, 首先, 1., （1）. */
const LIST_AFTER_COLON = /^[ \t\u3000]*(?:[一二三四五六七八九十]+[是要抓]|其一|第一[，,、]|首先|[0-9]+[.．、]|[（(][0-9一二三四五六七八九十]+[）)]|[\u2460-\u2473])/;

interface TitleCut {
  end: number;
  runIn: boolean;
  next: number;
}

const CUT_OPEN = 1, CUT_CLOSE = 2, CUT_QUOTE = 3, CUT_END = 4, CUT_COLON = 5;
/** What each UTF-16 code unit means to cutTitle (0: nothing). */
const CUT = new Uint8Array(0x10000);
for (const ch of OPENERS) CUT[ch.charCodeAt(0)] = CUT_OPEN;
for (const ch of CLOSERS) CUT[ch.charCodeAt(0)] = CUT_CLOSE;
CUT[0x22] = CUT_QUOTE;
for (const ch of '。！？!?') CUT[ch.charCodeAt(0)] = CUT_END;
for (const ch of '：:') CUT[ch.charCodeAt(0)] = CUT_COLON;
/** ”’」』!?！？。* : skipped after the end of a run-in title. */
const AFTER_END = new Uint8Array(0x10000);
for (const ch of '”’」』!?！？。*') AFTER_END[ch.charCodeAt(0)] = 1;

/**
 * Finds where a heading's title ends in `s` from `from`: at the first 。！？ outside quotes and
 * brackets (run-in when text follows), or at a ： followed by an enumeration.
 */
function cutTitle(s: string, from: number, n = s.length): TitleCut {
  let depth = 0;
  for (let i = from; i < n; i++) {
    const k = CUT[s.charCodeAt(i)];
    if (k === 0) continue;
    if (k === CUT_OPEN) depth++;
    else if (k === CUT_CLOSE) depth = Math.max(0, depth - 1);
    else if (k === CUT_QUOTE) depth = depth > 0 ? depth - 1 : depth + 1;
    else if (depth === 0) {
      if (k === CUT_END) {
        let next = i + 1;
        while (next < n && AFTER_END[s.charCodeAt(next)] === 1) next++;
        const rest = s.slice(next, n).trim();
        if (rest.length > 0) return { end: i, runIn: true, next };
        return { end: n, runIn: false, next: n };
      }
      if (i + 1 < n && LIST_AFTER_COLON.test(s.slice(i + 1, i + 40).replace(/^\*+/, ''))) {
        return { end: i, runIn: true, next: i + 1 };
      }
    }
  }
  return { end: n, runIn: false, next: n };
}

function stripEmphasis(s: string): string {
  return s.replace(/\*\*|__/g, '');
}

/** Skips spaces and invisible characters from `i`. */
function skipBlank(line: string, i: number): number {
  while (i < line.length && (/[ \t\u3000]/.test(line[i]) || isInvisible(line.charCodeAt(i)))) i++;
  return i;
}

function makeHeading(line: string, lineNo: number, ctx: LineContext, marker: Marker): Heading {
  let titleStart = skipBlank(line, marker.end);
  let end: number;
  let runIn = false;
  let trailingPunctuation: number | undefined;
  if (marker.level === 0) {
    // Part titles: 第一部分 总体要求 / 附件1 / 附件：标题.
    if (line[titleStart] === '：' || line[titleStart] === ':') titleStart++;
    titleStart = skipBlank(line, titleStart);
    end = line.length;
  } else {
    // `## 一、总体要求 ##`: the closing sequence is not part of the heading's text.
    const closing = ctx.atx > 0 ? atxClosingStart(line) : -1;
    const cut = cutTitle(line, titleStart, closing >= titleStart ? closing : line.length);
    end = cut.end;
    runIn = cut.runIn;
  }
  // Trim trailing spaces and Markdown emphasis / ATX closing sequence.
  let raw = line.slice(titleStart, end);
  if (ctx.atx > 0) raw = stripAtxClosing(raw);
  raw = trimEndSpaces(raw);
  let title = trimEndSpaces(stripInvisible(stripEmphasis(raw)));
  if (!runIn && BAD_TRAILING.test(title)) {
    // Column of the punctuation in the raw line, for the heading-punctuation rule.
    const idx = titleStart + raw.lastIndexOf(title[title.length - 1]);
    trailingPunctuation = idx;
    title = trimEndSpaces(title.slice(0, -1));
  }
  const titleEnd = titleStart + raw.length;
  return {
    line: lineNo,
    level: marker.level,
    number: marker.number,
    marker,
    title,
    titleStart,
    titleEnd,
    runIn,
    trailingPunctuation,
    atx: ctx.atx,
  };
}

/** A Markdown heading with no numeric marker: a part title (level 0). */
function plainAtxHeading(line: string, lineNo: number, ctx: LineContext): Heading {
  const raw = trimEndSpaces(stripAtxClosing(line.slice(ctx.contentStart)));
  const at = ctx.contentStart;
  const marker: Marker = { level: 0, number: 0, text: '', start: at, end: at, numeralStart: at, numeralEnd: at, canonical: '', deviations: [] };
  return {
    line: lineNo, level: 0, number: 0, marker, title: stripEmphasis(raw), titleStart: ctx.contentStart,
    titleEnd: ctx.contentStart + raw.length, runIn: false, atx: ctx.atx,
  };
}

/** A line that a reader takes as the document's title (not a sentence, a salutation or a heading). */
function titleOf(line: string, lineNo: number, ctx: LineContext): DocumentTitle | undefined {
  const start = ctx.contentStart;
  const raw = trimEndSpaces(stripAtxClosing(line.slice(start)));
  const text = stripInvisible(stripEmphasis(raw)).trim();
  if (text.length === 0 || text.length > 80) return undefined;
  if (SALUTATION.test(text)) return undefined;
  if (/[。；，,;]$/.test(text) || /[。；]/.test(text.slice(0, -1))) return undefined;
  return { line: lineNo, endLine: lineNo, text, start, end: start + raw.length };
}

/** Items of a list: candidates at levels 2–5 that a reader sees as a list, not as sub-sections. */
function markListItems(cands: Heading[], lines: readonly string[], contexts: readonly LineContext[], markdown: boolean): Set<Heading> {
  const list = new Set<Heading>();
  // Structure seen so far: a Markdown `1.` list is a list unless it sits under a 一、 or （一）.
  const hasStructureBefore: boolean[] = [];
  let seen = false;
  for (const c of cands) {
    hasStructureBefore.push(seen);
    if (c.level === 1 || c.level === 2) seen = true;
  }
  const grouped = new Set<number>();
  for (let i = 0; i < cands.length; i++) {
    const first = cands[i];
    if (grouped.has(i) || first.level < 2 || first.atx > 0) continue;
    // A group: same-level candidates separated only by blank lines or deeper candidates.
    const group = [i];
    let lineCursor = first.line + 1;
    for (let j = i + 1; j < cands.length; j++) {
      const c = cands[j];
      let onlyBlank = true;
      for (let l = lineCursor; l < c.line; l++) if (contexts[l].kind !== 'blank') { onlyBlank = false; break; }
      if (!onlyBlank || c.level < first.level) break;
      lineCursor = c.line + 1;
      if (c.level === first.level) {
        group.push(j);
        grouped.add(j);
      }
    }
    const items = group.map((k) => cands[k]);
    const textOf = (h: Heading) => stripEmphasis(lines[h.line].slice(h.titleStart)).trim();
    const endsClause = (h: Heading) => /[；;，,、]$/.test(textOf(h));
    let isList = false;
    // (b) items that end in ；or ，are clauses of one sentence.
    if (items.length >= 2 && items.slice(0, -1).some(endsClause)) isList = true;
    if (!isList && first.level >= 3 && items.length >= 2 && items.every((h) => !h.runIn)) {
      // (a) after a line that ends with a colon, single-sentence items are a list.
      let p = first.line - 1;
      while (p >= 0 && contexts[p].kind === 'blank') p--;
      const prev = p >= 0 ? trimEndChars(lines[p], ' \t\u3000*') : '';
      if (/[：:]$/.test(prev)) isList = true;
    }
    if (!isList && markdown && first.level === 3 && !hasStructureBefore[i]) {
      // (c) Markdown ordered-list syntax with no numbered structure above it.
      if (items.every((h) => /^[0-9]{1,3}[.)][ \t]/.test(lines[h.line].slice(h.marker.start)))) isList = true;
    }
    if (isList) for (const h of items) list.add(h);
  }
  markSentenceLists(cands, lines, contexts, list);
  return list;
}

/** A run-in first sentence longer than this reads as prose, not as a heading (heading sentences run 4–25 characters). */
const PROSE_SENTENCE = 30;
/** `term：` opening a glossary entry: a short phrase with no sentence punctuation inside. */
const TERM = /^[^，。；！？：:,;!?]{1,20}[：:]/;

interface SiblingRun {
  level: HeadingLevel;
  items: Heading[];
  /** Only blank lines (or lines of list items) between consecutive items. */
  consecutive: boolean;
  /** Some item has a deeper candidate under it that is not a list item. */
  hasChildren: boolean;
}

/**
 * Numbered sentences that are not headings (levels 3–5): the items of an annex list
 * (`1.北京市大力推进……改革。`), decisions (`1、…。`), glossary entries (`1.“四上”企业：…`). A reader
 * tells them from run-in headings (`1.摸底排查。各地…`) by the whole sibling run, not by one line:
 * the items follow one another with no body text and no sub-headings, and most are whole sentences
 * or long prose, where run-in headings open with a short heading sentence. A glossary's entries all
 * open with a short `term：` followed by its definition (on the line or the next), never by a list.
 * A run with as many heading-like items as sentences follows the document's other runs of its level.
 */
function markSentenceLists(cands: Heading[], lines: readonly string[], contexts: readonly LineContext[], list: Set<Heading>): void {
  const runs: SiblingRun[] = [];
  const stack: SiblingRun[] = [];
  const listLines = new Set<number>();
  for (const h of list) listLines.add(h.line);
  const bodyBetween = (from: number, to: number) => {
    for (let l = from + 1; l < to; l++) if (contexts[l].kind !== 'blank' && !listLines.has(l)) return true;
    return false;
  };
  for (const c of cands) {
    if (c.level === 0) {
      stack.length = 0;
      continue;
    }
    while (stack.length > 0 && stack[stack.length - 1].level > c.level) stack.pop();
    const top = stack[stack.length - 1];
    if (top && top.level === c.level) {
      if (top.consecutive && bodyBetween(top.items[top.items.length - 1].line, c.line)) top.consecutive = false;
      top.items.push(c);
      continue;
    }
    if (top && !list.has(c)) top.hasChildren = true;
    const run: SiblingRun = { level: c.level, items: [c], consecutive: true, hasChildren: false };
    stack.push(run);
    runs.push(run);
  }

  type Verdict = 'list' | 'headings' | 'unsure';
  const verdicts = new Map<SiblingRun, Verdict>();
  const byLevel = new Map<HeadingLevel, { list: number; headings: number }>();
  for (const run of runs) {
    const items = run.items;
    if (run.level < 3 || items.length < 2 || run.hasChildren || items.some((h) => h.atx > 0 || list.has(h))) continue;
    let verdict: Verdict = 'headings';
    if (items.every((h) => isGlossaryEntry(h, lines, contexts))) verdict = 'list';
    else if (run.consecutive) {
      let prose = 0;
      let headingLike = 0;
      for (const h of items) {
        const text = stripEmphasis(lines[h.line].slice(h.titleStart)).trim();
        if (h.runIn ? h.title.length > PROSE_SENTENCE : /[。；;！!]$/.test(text)) prose++;
        else headingLike++;
      }
      verdict = prose > headingLike ? 'list' : prose === headingLike ? 'unsure' : 'headings';
    }
    verdicts.set(run, verdict);
    if (verdict !== 'unsure') {
      const n = byLevel.get(run.level) ?? { list: 0, headings: 0 };
      n[verdict]++;
      byLevel.set(run.level, n);
    }
  }
  for (const [run, verdict] of verdicts) {
    const n = byLevel.get(run.level);
    const isList = verdict === 'list' || (verdict === 'unsure' && n !== undefined && n.list > n.headings);
    if (isList) for (const h of run.items) list.add(h);
  }
}

/** `1.“四上”企业：指……` or `1.“四上”企业：` with the definition on the next line (not a list). */
function isGlossaryEntry(h: Heading, lines: readonly string[], contexts: readonly LineContext[]): boolean {
  const line = lines[h.line];
  const text = stripEmphasis(line.slice(h.titleStart)).trim();
  const m = TERM.exec(text);
  if (!m) return false;
  const rest = text.slice(m[0].length);
  if (rest.length > 0) return !LIST_AFTER_COLON.test(rest);
  let next = h.line + 1;
  while (next < lines.length && contexts[next].kind === 'blank') next++;
  if (next >= lines.length || contexts[next].kind !== 'text') return false;
  return matchMarker(lines[next], contexts[next].contentStart) === undefined && !LIST_AFTER_COLON.test(lines[next]);
}

/** Parses a draft. Never throws; linear in the size of the text. */
export function parseDraft(text: string, options: ParseOptions = {}): DraftModel {
  const markdown = options.markdown ?? false;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { lines, eols } = splitLines(src);
  const contexts = markdown ? markdownContexts(lines) : plainTextContexts(lines);

  // 1. Title: the first line with content, when it reads as one.
  let title: DocumentTitle | undefined;
  let titleLine = -1;
  for (let i = 0; i < lines.length; i++) {
    const ctx = contexts[i];
    if (ctx.kind === 'blank' || ctx.kind === 'front-matter' || ctx.kind === 'comment' || ctx.kind === 'link-definition') continue;
    if (ctx.kind === 'text' && !matchMarker(lines[i], ctx.contentStart)) {
      title = titleOf(lines[i], i, ctx);
      if (title) {
        titleLine = i;
        title = continuedTitle(title, lines, contexts);
      }
    }
    break;
  }
  const titleEnd = title ? title.endLine : -1;

  // 2. Candidate headings, line by line.
  const candidates: Heading[] = [];
  let attachmentNote = false;
  // The line of a split heading's title, already taken with the fragment before it.
  let consumed = -1;
  for (let i = 0; i < lines.length; i++) {
    const ctx = contexts[i];
    if (i === consumed) continue;
    if (ctx.kind !== 'text' || (i >= titleLine && i <= titleEnd)) {
      attachmentNote = false;
      continue;
    }
    const line = lines[i];
    const marker = matchMarker(line, ctx.contentStart);
    if (marker) {
      if (marker.level === 0 && !isPartTitle(line, marker)) {
        // 附件：1.《…》 and the numbered lines under it list a 公文's attachments.
        attachmentNote = marker.text.startsWith('附');
        continue;
      }
      if (attachmentNote && marker.level === 3) continue;
      attachmentNote = false;
      candidates.push(makeHeading(line, i, ctx, marker));
    } else {
      attachmentNote = false;
      const split = splitHeading(lines, contexts, i);
      if (split) {
        candidates.push(split);
        consumed = split.line;
        continue;
      }
      if (ctx.atx > 0) candidates.push(plainAtxHeading(line, i, ctx));
      else if (candidates.length > 0 && isSecondSpeechTitle(lines, contexts, i)) candidates.push(plainAtxHeading(line, i, ctx));
    }
  }

  // 2b. Unnumbered titles of further documents in the file (a second speech, a forwarded document).
  const withParts = addDocumentTitles(candidates, lines, contexts, titleEnd);

  // 3. Short lists that only look like headings.
  const list = markListItems(withParts, lines, contexts, markdown);
  const headings = withParts.filter((h) => !list.has(h));
  const listItems = withParts.filter((h) => list.has(h));

  // 4. Sections, and counts computed on first use (the checks never need them): prefix sums
  // over the lines make each section's count O(1).
  let sums: [Float64Array, Float64Array] | undefined;
  const counts = (): [Float64Array, Float64Array] => {
    if (sums) return sums;
    const prefix = new Float64Array(lines.length + 1);
    const prefixP = new Float64Array(lines.length + 1);
    for (let i = 0; i < lines.length; i++) {
      const k = contexts[i].kind;
      const c = k === 'text' || k === 'blank' ? countChars(lines[i]) : { content: 0, withPunctuation: 0 };
      prefix[i + 1] = prefix[i] + c.content;
      prefixP[i + 1] = prefixP[i] + c.withPunctuation;
    }
    return (sums = [prefix, prefixP]);
  };
  const lastContent = (from: number, to: number) => {
    let e = to;
    while (e > from && contexts[e].kind === 'blank') e--;
    return e;
  };
  const closings = findClosings(lines, contexts, headings);
  const sections = buildSections(headings, closings, lines.length, lastContent, counts);

  const enumerations = findEnumerations(lines, contexts, headings, listItems, titleLine, titleEnd);
  return {
    markdown,
    lines,
    eols,
    contexts,
    title,
    headings,
    sections,
    listItems,
    closings,
    enumerations,
    get chars() {
      return counts()[0][lines.length];
    },
    get charsWithPunctuation() {
      return counts()[1][lines.length];
    },
  };
}

/** The kinds of document a title names, as its last word: …的通知, …的意见, …上的讲话. */
const GENRE_END = /(?:通知|意见|报告|讲话|决定|决议|办法|方案|规划|计划|要点|发言|材料|总结|心得|体会|纲要|条例|规定|细则|函|批复|通报|公告|通告|请示|纪要|讲稿|讲话稿|发言稿|致辞|汇报|述职|提纲|党课)$/;

/**
 * A title set over two or three lines (公文 titles often are, and PDF copies keep the breaks):
 * the lines right after the first, with no blank line between, that are short, unpunctuated and
 * no heading, joined while the title does not yet end with the kind of document it names.
 */
function continuedTitle(first: DocumentTitle, lines: readonly string[], contexts: readonly LineContext[]): DocumentTitle {
  if (GENRE_END.test(first.text)) return first;
  let text = first.text;
  for (let j = first.line + 1; j <= first.line + 2 && j < lines.length; j++) {
    const ctx = contexts[j];
    if (ctx.kind !== 'text' || matchMarker(lines[j], ctx.contentStart)) break;
    const next = titleOf(lines[j], j, ctx);
    if (!next || next.text.length > 40 || SUBTITLE.test(lines[j]) || DATE_LINE.test(lines[j]) || ADDRESS.test(next.text)) break;
    if (/[：:，,]/.test(next.text) || LIST_AFTER_COLON.test(next.text) || text.length + next.text.length > 80) break;
    text += next.text;
    if (GENRE_END.test(text)) return { ...first, endLine: j, text };
  }
  return first;
}

/** 同志们： 各位代表： 尊敬的…： — the address that opens a speech. */
const ADDRESS = /^(同志们|各位|尊敬的|亲爱的|老师们|同学们|朋友们|女士们)[^。！？]{0,30}[：:]$/;
const SUBTITLE = /^[ \t\u3000]*(——|--)/;
const DATE_LINE = /^[ \t\u3000]*[（(][0-9０-９〇一二三四五六七八九十]{4}年[^）)]{0,12}[）)][ \t\u3000]*$/;

/**
 * A second speech in the same file: after some headings, a title-like line followed (within two
 * lines) by a salutation (同志们：), a subtitle (——在…上的讲话) or a date line. It restarts 一、.
 */
function isSecondSpeechTitle(lines: readonly string[], contexts: readonly LineContext[], i: number): boolean {
  const line = lines[i];
  // A body paragraph is far longer than a title (at most 40 characters): skip titleOf's scans.
  if (line.length - contexts[i].contentStart > 200) return false;
  if (SUBTITLE.test(line) || DATE_LINE.test(line)) return false;
  const t = titleOf(line, i, contexts[i]);
  if (!t || t.text.length > 40 || SALUTATION.test(t.text)) return false;
  // The next lines: subtitle and date lines may come first, then the salutation.
  for (let j = i + 1, seen = 0; j < lines.length && seen < 3; j++) {
    if (contexts[j].kind === 'blank') continue;
    seen++;
    const next = lines[j].trim();
    if (ADDRESS.test(next)) return true;
    if (!SUBTITLE.test(next) && !DATE_LINE.test(next)) return seen > 1;
  }
  return false;
}

/** A line that may hold the first part of a marker a copy broke off: `（` `（三` `（三）` `三` `一、` `1.`. */
const FRAGMENT = new RegExp(`^(?:[（(][${CHINESE_NUMERAL_CLASS}0-9０-９]{0,5}[）)]?|[${CHINESE_NUMERAL_CLASS}0-9０-９]{1,5}[、.．]?)$`);

function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000;
}

/**
 * A heading that a PDF or web copy broke over two lines: a line holding only the start of a marker
 * (`（`, `（三`, `（三）`, `一、`) and the next line (at most two blank lines between) completing it
 * (`三）…`, `）…`, or the title). Chinese typesetting never starts a line with `）` or `、`, so a line
 * that does was broken there; a marker alone on a line is not a heading without its title. The
 * heading is placed on the second line, with the fragment in `split`.
 */
function splitHeading(lines: readonly string[], contexts: readonly LineContext[], i: number): Heading | undefined {
  const ctx = contexts[i];
  if (ctx.atx > 0) return undefined;
  const line = lines[i];
  const start = ctx.contentStart;
  let end = line.length;
  while (end > start && isSpaceCode(line.charCodeAt(end - 1))) end--;
  if (end === start || end - start > 8) return undefined;
  const fragment = line.slice(start, end);
  if (!FRAGMENT.test(fragment)) return undefined;
  let j = i + 1;
  for (let blanks = 0; j < lines.length && contexts[j].kind === 'blank' && blanks < 2; blanks++) j++;
  if (j >= lines.length || contexts[j].kind !== 'text' || contexts[j].atx > 0) return undefined;
  const next = lines[j];
  const nctx = contexts[j];
  const cut = fragment.length;
  // The marker and the start of the title are enough to recognise it.
  const m = matchMarker(fragment + next.slice(nctx.contentStart, nctx.contentStart + 40));
  if (!m || m.level === 0) return undefined;
  // The numeral on both lines (`（十` / `三）`) is too broken to read with confidence.
  if (m.numeralStart < cut && m.numeralEnd > cut) return undefined;
  // `一、` alone before `（一）…`: the second line is a heading of its own, not the title of this one.
  if (m.end <= cut && matchMarker(next, nctx.contentStart)) return undefined;
  const at = nctx.contentStart;
  const onFirst = m.numeralEnd <= cut;
  const marker: Marker = {
    ...m,
    start: at,
    end: at + Math.max(0, m.end - cut),
    numeralStart: onFirst ? at : at + m.numeralStart - cut,
    numeralEnd: onFirst ? at : at + m.numeralEnd - cut,
  };
  const h = makeHeading(next, j, nctx, marker);
  h.split = { line: i, start, end, numeral: onFirst ? { start: start + m.numeralStart, end: start + m.numeralEnd } : undefined };
  return h;
}

/** A 公文's 成文日期 alone on a line (`2024年3月1日`): with the signature above it, it ends a document. */
const BARE_DATE = /^[ \t\u3000]*[0-9０-９〇○零一二三四五六七八九]{4}年[0-9０-９〇○一二三四五六七八九十]{1,3}月[0-9０-９〇○一二三四五六七八九十]{1,3}日[ \t\u3000]*$/;
/** The most non-blank lines between a document's title and its first heading: subtitle, date, salutation, opening paragraphs. */
const MAX_OPENING_LINES = 12;

function hanCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) n++;
  }
  return n;
}

/**
 * What a line between two documents can be: a title (short, no punctuation at the end or inside, at
 * least five Han characters, no marker), another line of a title block (a subtitle, a date in
 * brackets, an author, a note in brackets: `meta`), a bare date (`date`), or neither (body text, a
 * salutation).
 */
function headerKind(line: string, ctx: LineContext): 'title' | 'meta' | 'date' | undefined {
  if (ctx.kind !== 'text' || line.length - ctx.contentStart > 80) return undefined;
  if (BARE_DATE.test(line)) return 'date';
  if (SUBTITLE.test(line) || DATE_LINE.test(line)) return 'meta';
  const text = stripEmphasis(line.slice(ctx.contentStart)).trim();
  if (text.length === 0 || text.length > 40) return undefined;
  if (/[。，；：、,;:！!？?…]$/.test(text) || /[。；！？]/.test(text)) return undefined;
  if (matchMarker(line, ctx.contentStart)) return undefined;
  if (/^[（(【[].*[）)】\]]$/.test(text) || hanCount(text) < 5) return 'meta';
  return 'title';
}

/**
 * The title of a document whose first heading is at line `to`, looked for in lines [from, to): the
 * first title line of the last block of header lines before `to` (at most MAX_OPENING_LINES of
 * salutation and opening paragraphs after it). A bare date in the block ends the document before it
 * (its 落款, after the signature), so the title is the first one after that date. With `needDate`
 * (no heading before: a 转发通知 and the document it forwards), only a block with such a date counts.
 * Returns -1 when there is none.
 */
function documentTitleBefore(lines: readonly string[], contexts: readonly LineContext[], from: number, to: number, needDate: boolean): number {
  let e = to - 1;
  for (let body = 0; e >= from; e--) {
    if (contexts[e].kind !== 'text') continue;
    if (headerKind(lines[e], contexts[e])) break;
    if (++body > MAX_OPENING_LINES) return -1;
  }
  if (e < from) return -1;
  let s = e;
  for (let k = e - 1; k >= from; k--) {
    if (contexts[k].kind === 'blank') continue;
    if (!headerKind(lines[k], contexts[k])) break;
    s = k;
  }
  let first = -1;
  let afterDate = -1;
  let dated = false;
  for (let k = s; k <= e; k++) {
    const kind = headerKind(lines[k], contexts[k]);
    if (kind === 'date') {
      dated = true;
      afterDate = -1;
    } else if (kind === 'title') {
      if (first < 0) first = k;
      if (dated && afterDate < 0) afterDate = k;
    }
  }
  if (dated) return afterDate;
  return needDate ? -1 : first;
}

/**
 * Further documents in one file (DOMAIN.md §6): a second speech, the document a 转发通知 forwards.
 * Each opens with its own unnumbered title line and numbers again from 一、 (or （一） when it has no
 * 一、 level). Where a top-level heading whose number goes back (to one, or below the sibling before
 * it) follows headings of its own level with no part title between, and a title line stands before
 * it, that line becomes an unnumbered part title (level 0), so the new document's numbering
 * restarts under it (and a wrong first number there is reported as such). Before the first heading,
 * only a title after the 落款 of a document (signature and bare date) counts.
 */
function addDocumentTitles(cands: readonly Heading[], lines: readonly string[], contexts: readonly LineContext[], titleLine: number): Heading[] {
  const out: Heading[] = [];
  // Index in `out` of the latest heading of each level.
  const last = [-1, -1, -1, -1, -1, -1];
  for (const c of cands) {
    if (c.level === 1 || c.level === 2) {
      const firstLine = c.split?.line ?? c.line;
      let nearest = -1;
      for (let l = 0; l <= c.level; l++) nearest = Math.max(nearest, last[l]);
      let t = -1;
      if (out.length === 0) {
        t = documentTitleBefore(lines, contexts, titleLine + 1, firstLine, true);
      } else if (
        nearest >= 0 &&
        out[nearest].level === c.level &&
        // The count goes back (to one, or below the previous sibling: a new document misnumbered).
        (c.number === 1 || c.number < out[nearest].number) &&
        (c.level === 1 || last[1] < last[0] || last[1] < 0)
      ) {
        t = documentTitleBefore(lines, contexts, out[out.length - 1].line + 1, firstLine, false);
      }
      if (t >= 0) {
        out.push(plainAtxHeading(lines[t], t, contexts[t]));
        last[0] = out.length - 1;
      }
    }
    out.push(c);
    last[c.level] = out.length - 1;
  }
  return out;
}

/** 第一部分 / 附件1 lines are part titles only when they stand alone as short lines. */
function isPartTitle(line: string, marker: Marker): boolean {
  const rest = line.slice(marker.end).replace(/^[：:\s\u3000]+/, '').trim();
  if (rest.length > 40 || /[。；]/.test(rest)) return false;
  // 附件：1.《…》 and 附件：《…》 are the attachment note (附件说明) at the end of a 公文's body: the
  // appendix itself starts with 附件 or 附件1 alone on its line, its title on the next (GB/T 9704).
  if (marker.text.startsWith('附') && /^[：:]/.test(line.slice(marker.end).replace(/^[\s\u3000]+/, '')) && rest.length > 0) return false;
  if (marker.text.startsWith('附') && /^[0-9０-９]/.test(rest)) return false;
  return true;
}

/** Only the start of a paragraph decides whether it closes the speech. */
const CLOSING_PREFIX = 120;
/** `……` `......` `。。。`: a cut (a web copy's preview ends here), when alone on its line. */
const CUT_DOTS = /^(?:[…⋯]+|[.．。·]{3,})$/;
const CUT_TEXT = /^(?:预览结束|未完待续|[（(【\[]未完|全文未完|点击(?:查看|阅读)全文|(?:查看|阅读|下载|获取)全文|[（(【\[]完[）)】\]]$|[—-]+完[—-]+$)/;
/** Web-page furniture after an article. */
const BOILERPLATE = /^[【\[（(]?(?:相关(?:报道|阅读|文章|链接|推荐|新闻|专题)|延伸阅读|推荐阅读|责任编辑|编辑[：:]|来源[：:]|原标题[：:]|原文链接|本文链接|分享到|分享[：:]|扫一扫|打印本页|关闭窗口|返回顶部|上一篇|下一篇|https?:\/\/)/;
const THANKS = /^(?:谢谢|感谢)(?:大家|各位|您|你们)?(?:的(?:聆听|倾听|收听))?[！!。.]*$/;
/** 以上发言，不妥之处，请批评指正。 以上报告，请审议。 以上是我的几点体会。 */
const FORMULA = /^以上(?:是|就是|即|为|便是)?(?:我|本人|我们)?(?:个人)?(?:的)?(?:一些|一点|几点)?(?:粗浅的?|不成熟的?)?(?:发言|汇报|报告|讲话|体会|意见|建议|心得|交流|认识)|(?:不妥|不当|不足|错误|疏漏)之处[^。]{0,12}指正/;
/** The audience addressed again: 同志们，… 同志们、朋友们！ 各位代表，… (not 同志们：, which opens). */
const AUDIENCE = '(?:(?:同志|朋友|同学|老师|代表|委员|女士|先生|青年朋友|少先队员)们|各位[^，,。！!？?：:、\\s]{1,6})';
const ADDRESS_AGAIN = new RegExp(`^${AUDIENCE}(?:、${AUDIENCE})*[，,！!]`);
/** A rule line before notes or a trailer: `------`, `——————`, `* * *`. */
const RULE_LINE = /^[-—_*=＝~～\s]{3,}$/;
const NOTES = /^(?:注[ \t\u3000]*释$|名词解释$|注解$|附注$|参考文献$|参考资料$|[（(]《[^》]{1,40}》[^（()）]{0,80}[）)]$)/;
/** 2019年1月9日 / 二〇〇四年十月十五日 alone on its line: a 公文's or a statement's date of signature. */
const DATE_SIGNED = /^(?:[0-9０-９]{4}|[〇零○一二三四五六七八九]{4})年[0-9０-９一二三四五六七八九十]{1,2}月[0-9０-９一二三四五六七八九十]{1,3}日$/;
/** （此件公开发布） （本文有删减）: notes under a signature. */
const SHORT_NOTE = /^[（(][^（()）]{1,30}[）)]$/;
/** At most this many paragraphs follow `同志们，…` before the end of the speech (or its thanks). */
const ADDRESS_TAIL = 2;

/** What a paragraph's text says about the closing, if it opens (part of) one. */
function closingKindOf(text: string): ClosingKind | 'date' | 'dots' | undefined {
  if (CUT_DOTS.test(text)) return 'dots';
  if (CUT_TEXT.test(text)) return 'cut';
  if (BOILERPLATE.test(text)) return 'boilerplate';
  if (text.length <= 20 && THANKS.test(text)) return 'thanks';
  if (text.length <= 80 && FORMULA.test(text)) return 'formula';
  if (ADDRESS_AGAIN.test(text)) return 'address';
  if (RULE_LINE.test(text) || NOTES.test(text)) return 'notes';
  if (text.length <= 20 && DATE_SIGNED.test(text)) return 'date';
  return undefined;
}

/**
 * The closings of a draft: at the end of the text, and before each part (level 0) that follows a
 * section (an appendix after the signature, a second speech after 谢谢大家！). Each region between
 * a heading and the end of its speech is looked at once: linear in the text.
 */
function findClosings(lines: readonly string[], contexts: readonly LineContext[], headings: readonly Heading[]): Closing[] {
  const out: Closing[] = [];
  for (let j = 1; j < headings.length; j++) {
    if (headings[j].level !== 0) continue;
    const c = findClosing(lines, contexts, headings[j - 1], headings[j].line, false);
    if (c) out.push(c);
  }
  const last = headings[headings.length - 1];
  const c = last && findClosing(lines, contexts, last, lines.length, true);
  if (c) out.push(c);
  return out;
}

/**
 * The closing between heading `last` and line `end`: the first paragraph after the section's
 * content that opens the closing (同志们，… near the end, 谢谢大家！, 以上发言…请批评指正。, a
 * signature and date) or a trailer (web boilerplate, notes; at the end of the text, a `……`/预览结束
 * cut). A cut ends the text even right after a heading; every other kind needs some content of the
 * section before it, so that a section body is never cut off at its first line. Before a part,
 * nothing is a cut: the text goes on.
 */
function findClosing(lines: readonly string[], contexts: readonly LineContext[], last: Heading, end: number, atEnd: boolean): Closing | undefined {
  const paras: number[] = [];
  const kinds: (ClosingKind | 'date' | 'dots' | undefined)[] = [];
  const texts: string[] = [];
  for (let i = last.line + 1; i < end; i++) {
    if (contexts[i].kind !== 'text') continue;
    const start = contexts[i].contentStart;
    const text = stripEmphasis(lines[i].slice(start, start + CLOSING_PREFIX)).trim();
    const full = lines[i].length - start <= CLOSING_PREFIX ? text : text + '…';
    paras.push(i);
    texts.push(full);
    const kind = closingKindOf(full);
    kinds.push(kind === 'cut' && !atEnd ? undefined : kind);
  }
  const n = paras.length;
  // A lone `……` is a cut when the text ends there or a trailer follows it (预览结束, furniture);
  // followed by more of the speech, it marks an omission (an excerpt) and is content.
  for (let k = n - 1; k >= 0; k--) {
    if (kinds[k] === 'dots') kinds[k] = k === n - 1 || (kinds[k + 1] !== undefined && kinds[k + 1] !== 'address') ? 'cut' : undefined;
  }
  // A date of signature closes only when nothing but notes or closing lines follow it; the short
  // line before it (the issuer: 国务院办公厅, a name) opens the signature.
  let tailClean = true;
  for (let k = n - 1; k >= 0; k--) {
    const kind = kinds[k];
    if (kind === 'date') {
      kinds[k] = tailClean ? 'signature' : undefined;
      if (tailClean && k > 0 && kinds[k - 1] === undefined && texts[k - 1].length <= 30 && !/[。，；：！？,;:!?…]/.test(texts[k - 1])) kinds[k - 1] = 'signature';
    }
    if (kinds[k] === undefined && !SHORT_NOTE.test(texts[k])) tailClean = false;
  }
  // nextMark[k]: the first paragraph from k on that closes the speech by itself (not an address).
  const nextMark = new Int32Array(n + 1);
  nextMark[n] = n;
  for (let k = n - 1; k >= 0; k--) nextMark[k] = kinds[k] !== undefined && kinds[k] !== 'address' ? k : nextMark[k + 1];
  let content = last.runIn;
  for (let k = 0; k < n; k++) {
    const kind = kinds[k] as ClosingKind | undefined;
    if (kind === 'cut') return { line: paras[k], kind };
    if (kind && content && (kind !== 'address' || nextMark[k + 1] - k - 1 <= ADDRESS_TAIL)) return { line: paras[k], kind };
    content = true;
  }
  return undefined;
}

const NO_CHILDREN: Section[] = [];

/** A section whose counts come from the document's prefix sums, computed on first use. */
class SectionNode implements Section {
  /** Shared empty list until the first child (most sections are leaves). */
  children: Section[] = NO_CHILDREN;
  endLine: number;

  constructor(
    readonly heading: Heading,
    private readonly counts: () => [Float64Array, Float64Array],
  ) {
    this.endLine = heading.line;
  }

  get chars(): number {
    const [p] = this.counts();
    return p[this.endLine + 1] - p[this.heading.line];
  }

  get charsWithPunctuation(): number {
    const [, p] = this.counts();
    return p[this.endLine + 1] - p[this.heading.line];
  }
}

/**
 * Sections nested by level. A closing lies after the last heading before a part (or before the
 * end): every section still open there ends before the closing, not at the part or the end.
 */
function buildSections(
  headings: readonly Heading[],
  closings: readonly Closing[],
  lineCount: number,
  lastContent: (from: number, to: number) => number,
  counts: () => [Float64Array, Float64Array],
): Section[] {
  const roots: Section[] = [];
  const stack: SectionNode[] = [];
  const all: SectionNode[] = [];
  for (const h of headings) {
    const s = new SectionNode(h, counts);
    while (stack.length > 0 && stack[stack.length - 1].heading.level >= h.level) stack.pop();
    if (stack.length === 0) roots.push(s);
    else {
      const parent = stack[stack.length - 1];
      if (parent.children === NO_CHILDREN) parent.children = [];
      parent.children.push(s);
    }
    stack.push(s);
    all.push(s);
  }
  // A section ends before the next heading of the same or a higher level (smaller number).
  // Where the sections open before `line` (a part's heading, or the line count) end: at the
  // closing between the previous heading and `line`, if there is one.
  let c = 0;
  let previous = -1;
  const limitAt = (line: number) => {
    while (c < closings.length && closings[c].line < previous) c++;
    const closing = closings[c];
    return closing && closing.line > previous && closing.line < line ? closing.line : line;
  };
  const open: SectionNode[] = [];
  for (const s of all) {
    // A heading split over two lines starts on its fragment's line.
    const startLine = s.heading.split?.line ?? s.heading.line;
    const limit = s.heading.level === 0 ? limitAt(startLine) : startLine;
    while (open.length > 0 && open[open.length - 1].heading.level >= s.heading.level) {
      const done = open.pop()!;
      done.endLine = lastContent(done.heading.line, Math.max(done.heading.line, limit - 1));
    }
    open.push(s);
    previous = s.heading.line;
  }
  const limit = limitAt(lineCount);
  for (const s of open) s.endLine = lastContent(s.heading.line, Math.max(s.heading.line, limit - 1));
  return roots;
}
