/**
 * The draft model: which lines are headings (and at which level), the document title, sections with
 * their ranges and lengths, list items that only look like headings, and inline enumerations.
 * `parseDraft` never throws and runs in time linear in the text.
 */
import { findEnumerations, type EnumerationItem } from './enumerations';
import { type LineContext, markdownContexts, plainTextContexts } from './markdown';
import { type HeadingLevel, type Marker, matchMarker } from './markers';
import { countChars, splitLines } from './text';

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
  text: string;
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

function makeHeading(line: string, lineNo: number, ctx: LineContext, marker: Marker): Heading {
  let titleStart = marker.end;
  while (titleStart < line.length && /[ \t\u3000]/.test(line[titleStart])) titleStart++;
  let end: number;
  let runIn = false;
  let trailingPunctuation: number | undefined;
  if (marker.level === 0) {
    // Part titles: 第一部分 总体要求 / 附件1 / 附件：标题.
    if (line[titleStart] === '：' || line[titleStart] === ':') titleStart++;
    while (titleStart < line.length && /[ \t\u3000]/.test(line[titleStart])) titleStart++;
    end = line.length;
  } else {
    // `## 一、总体要求 ##`: the closing sequence is not part of the heading's text.
    const closing = ctx.atx > 0 ? /[ \t]+#+[ \t]*$/.exec(line) : null;
    const cut = cutTitle(line, titleStart, closing && closing.index >= titleStart ? closing.index : line.length);
    end = cut.end;
    runIn = cut.runIn;
  }
  // Trim trailing spaces and Markdown emphasis / ATX closing sequence.
  let raw = line.slice(titleStart, end);
  if (ctx.atx > 0) raw = raw.replace(/[ \t]+#+[ \t]*$/, '');
  raw = raw.replace(/[ \t\u3000]+$/, '');
  let title = stripEmphasis(raw).replace(/[ \t\u3000]+$/, '');
  if (!runIn && BAD_TRAILING.test(title)) {
    // Column of the punctuation in the raw line, for the heading-punctuation rule.
    const idx = titleStart + raw.lastIndexOf(title[title.length - 1]);
    trailingPunctuation = idx;
    title = title.slice(0, -1).replace(/[ \t\u3000]+$/, '');
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
  const raw = line.slice(ctx.contentStart).replace(/[ \t]+#+[ \t]*$/, '').replace(/[ \t\u3000]+$/, '');
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
  const raw = line.slice(start).replace(/[ \t]+#+[ \t]*$/, '').replace(/[ \t\u3000]+$/, '');
  const text = stripEmphasis(raw).trim();
  if (text.length === 0 || text.length > 80) return undefined;
  if (SALUTATION.test(text)) return undefined;
  if (/[。；，,;]$/.test(text) || /[。；]/.test(text.slice(0, -1))) return undefined;
  return { line: lineNo, text, start, end: start + raw.length };
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
      const prev = p >= 0 ? lines[p].replace(/[ \t\u3000*]+$/, '') : '';
      if (/[：:]$/.test(prev)) isList = true;
    }
    if (!isList && markdown && first.level === 3 && !hasStructureBefore[i]) {
      // (c) Markdown ordered-list syntax with no numbered structure above it.
      if (items.every((h) => /^[0-9]{1,3}[.)][ \t]/.test(lines[h.line].slice(h.marker.start)))) isList = true;
    }
    if (isList) for (const h of items) list.add(h);
  }
  return list;
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
      if (title) titleLine = i;
    }
    break;
  }

  // 2. Candidate headings, line by line.
  const candidates: Heading[] = [];
  let attachmentNote = false;
  for (let i = 0; i < lines.length; i++) {
    const ctx = contexts[i];
    if (ctx.kind !== 'text' || i === titleLine) {
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
      if (ctx.atx > 0) candidates.push(plainAtxHeading(line, i, ctx));
      else if (candidates.length > 0 && isSecondSpeechTitle(lines, contexts, i)) candidates.push(plainAtxHeading(line, i, ctx));
    }
  }

  // 3. Short lists that only look like headings.
  const list = markListItems(candidates, lines, contexts, markdown);
  const headings = candidates.filter((h) => !list.has(h));
  const listItems = candidates.filter((h) => list.has(h));

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

  const enumerations = findEnumerations(lines, contexts, headings, listItems, titleLine);
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

/** 第一部分 / 附件1 lines are part titles only when they stand alone as short lines. */
function isPartTitle(line: string, marker: Marker): boolean {
  const rest = line.slice(marker.end).replace(/^[：:\s\u3000]+/, '').trim();
  if (rest.length > 40 || /[。；]/.test(rest)) return false;
  // 附件：1.《…》 is the attachment list (附件说明) of a 公文, not an appendix.
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

/** A section whose counts come from the document's prefix sums, computed on first use. */
class SectionNode implements Section {
  readonly children: Section[] = [];
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
    else stack[stack.length - 1].children.push(s);
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
    const limit = s.heading.level === 0 ? limitAt(s.heading.line) : s.heading.line;
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
