/**
 * heading-marker: every wrong marker form of DOMAIN.md's table — half-width brackets, a missing
 * bracket, the wrong punctuation after the numeral (一. 1、), extra punctuation （一）、, full-width
 * digits, legacy characters ⑴ — and a sibling whose form differs from the others'. The fix rewrites
 * the punctuation around the numeral and nothing else.
 */
import type { Heading } from '../parser';
import type { MarkerDeviation } from '../markers';
import type { ProblemReport, Rule, TextEdit } from './types';
import { markerRange, t } from './util';

interface Options {
  brackets: 'full-width' | 'dominant';
}

const WHY: Record<MarkerDeviation, { en: string; zh: string }> = {
  'half-width-bracket': { en: 'half-width bracket in Chinese text', zh: '中文中使用了半角括号' },
  'missing-open-bracket': { en: 'missing opening bracket', zh: '缺少左括号' },
  'wrong-separator': { en: 'wrong punctuation after the number', zh: '序号后的标点不对' },
  'missing-separator': { en: 'missing punctuation after the number', zh: '序号后缺少标点' },
  'extra-punctuation': { en: 'no punctuation after a bracketed or circled number', zh: '括号或圈码序号后不加标点' },
  'full-width-digit': { en: 'full-width digits', zh: '使用了全角数字' },
  'legacy-character': { en: 'a special character instead of the number', zh: '使用了特殊字符代替序号' },
};

const HALF_DIGITS = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));

/** The marker's parts: before the numeral, the numeral, after it. */
function parts(h: Heading): [string, string, string] {
  const m = h.marker;
  const a = m.numeralStart - m.start;
  const b = m.numeralEnd - m.start;
  return [m.text.slice(0, a), m.text.slice(a, b), m.text.slice(b)];
}

/** Edits that turn the marker into `open + numeral + close`, leaving the numeral's characters alone. */
function rewrite(h: Heading, lineText: string, open: string, close: string): TextEdit[] {
  const m = h.marker;
  if (m.deviations.includes('legacy-character')) {
    return [{ line: h.line, start: m.start, end: m.end, text: m.canonical }];
  }
  const [before, numeral, after] = parts(h);
  const edits: TextEdit[] = [];
  if (before !== open) edits.push({ line: h.line, start: m.start, end: m.numeralStart, text: open });
  const half = HALF_DIGITS(numeral);
  if (half !== numeral) edits.push({ line: h.line, start: m.numeralStart, end: m.numeralEnd, text: half });
  let end = m.end;
  // 一 总体要求 → 一、总体要求: the space that stood for the separator goes.
  if (m.deviations.includes('missing-separator')) while (end < lineText.length && /[ \t\u3000]/.test(lineText[end])) end++;
  if (after !== close || end !== m.end) edits.push({ line: h.line, start: m.numeralEnd, end, text: close });
  return edits;
}

/**
 * A heading a copy broke over two lines (`（` / `三）…`): one problem, whose fix joins the lines (it
 * deletes the line break and the indentation after it, nothing else). The marker's form, if wrong,
 * is reported once the lines are joined.
 */
function splitProblem(h: Heading): ProblemReport {
  const split = h.split!;
  // The second line's marker part starts where its content does (after the indentation).
  const contentStart = h.marker.start;
  const shown = `${h.marker.text}${h.title.slice(0, 8)}${h.title.length > 8 ? '…' : ''}`;
  return {
    line: split.line,
    column: split.start,
    endLine: h.line,
    endColumn: Math.max(h.marker.end, contentStart),
    message: t(
      `Heading "${shown}" is split over two lines (a line break from a copy): join them`,
      `标题“${shown}”被断成了两行（复制时留下的换行）：应合为一行`,
    ),
    fix: [{ line: split.line, start: split.end, endLine: h.line, end: contentStart, text: '' }],
  };
}

export const headingMarker: Rule<Options> = {
  id: 'heading-marker',
  description: t(
    'Heading markers take the forms of GB/T 9704: 一、 （一） 1. （1） ①',
    '标题序号应采用 GB/T 9704 规定的形式：一、 （一） 1. （1） ①',
  ),
  tags: ['headings', 'punctuation'],
  defaultSeverity: 'warning',
  fixable: true,
  options: {
    brackets: {
      type: 'string',
      enum: ['full-width', 'dominant'],
      default: 'full-width',
      description: t(
        'Brackets of （一） and （1）: always full-width (GB/T 15834), or whichever width most of the document uses',
        '（一）和（1）的括号：始终用全角（GB/T 15834），或跟随全文多数的写法',
      ),
    },
  },
  run({ model, options, report }) {
    const bracketed = [...model.headings, ...model.listItems].filter((h) => h.level === 2 || h.level === 4);
    let half = 0;
    for (const h of bracketed) {
      const [before, , after] = parts(h);
      if (before === '(' && after.startsWith(')')) half++;
    }
    const useHalf = options.brackets === 'dominant' && half * 2 > bracketed.length;
    const [o, c] = useHalf ? ['(', ')'] : ['（', '）'];
    for (const h of [...model.headings, ...model.listItems]) {
      if (h.level === 0) continue;
      if (h.split) {
        report(splitProblem(h));
        continue;
      }
      // Markdown's own list syntax (1) item): rewriting it would stop it being a list.
      if (model.markdown && /^[0-9]{1,3}\)[ \t]/.test(model.lines[h.line].slice(h.marker.start))) continue;
      const m = h.marker;
      let open = '';
      let close = '';
      if (h.level === 1) close = '、';
      else if (h.level === 2 || h.level === 4) [open, close] = [o, c];
      else if (h.level === 3) close = '.';
      const [before, numeral, after] = parts(h);
      const devs = m.deviations.filter((d) => !(useHalf && d === 'half-width-bracket' && before === '(' && after === ')'));
      const wrongWidth = useHalf && (h.level === 2 || h.level === 4) && (before !== open || after !== close) && !m.deviations.includes('legacy-character');
      if (devs.length === 0 && !wrongWidth) continue;
      const edits = rewrite(h, model.lines[h.line], open, close);
      const target = m.deviations.includes('legacy-character') ? m.canonical : open + HALF_DIGITS(numeral) + close;
      const reasons = devs.length ? devs : (['half-width-bracket'] as MarkerDeviation[]);
      const why = useHalf && wrongWidth && devs.length === 0
        ? { en: 'brackets differ from the rest of the document', zh: '括号与全文其他序号不一致' }
        : { en: reasons.map((d) => WHY[d].en).join(', '), zh: reasons.map((d) => WHY[d].zh).join('，') };
      const problem: ProblemReport = {
        ...markerRange(h),
        // The space that stands for a missing separator is part of what the fix replaces.
        endColumn: Math.max(m.end, ...edits.map((e) => e.end)),
        message: t(`Heading marker "${m.text}" should be "${target}" (${why.en})`, `标题序号“${m.text}”应写作“${target}”（${why.zh}）`),
        fix: edits.length ? edits : undefined,
      };
      report(problem);
    }
  },
};
