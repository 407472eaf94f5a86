/**
 * heading-punctuation: a heading on a line of its own ends with no punctuation (GB/T 15834 B.4;
 * ？！ and …… are allowed), unless the document's own style says otherwise. Two layouts end a
 * standalone heading legitimately:
 * - the run-in style split over lines (State Council documents): `（一）健全国家职业教育制度框架。`
 *   alone on its line, the body in the next paragraph. When a sibling group's headings end in 。
 *   (standalone with 。, or run-in with the body on the line), that is its style: the 。 stays, and
 *   the one sibling without it is the one that differs;
 * - a lead-in `：` right before the list it introduces (`（2）……具体做法是：` then ①②③). Removing it
 *   would change the structure (the items would no longer read as a list).
 * A heading ending in ，or ；(or a ：that introduces nothing) is wrong in either style.
 */
import { headingLabel } from '../outline';
import { trimEndEmphasis, trimEndSpaces } from '../linear';
import type { DraftModel, Heading } from '../parser';
import { siblingGroups } from '../structure';
import type { Rule } from './types';
import { t } from './util';

/** How a heading ends, for the style vote and the report. */
type Ending =
  | 'sentence' // run-in, or standalone ending in 。: the run-in style
  | 'bare' // no punctuation: GB/T 15834 B.4
  | 'open' // ？！…… : allowed in either style, no vote
  | 'lead-in' // ： before the list it introduces
  | 'wrong'; // ，；or a ：that introduces nothing

type Style = 'sentence' | 'bare';

interface Votes {
  sentence: number;
  bare: number;
}

/** The style a count decides, or undefined when it decides nothing (fewer than two votes, or a tie). */
function decide(v: Votes): Style | undefined {
  if (v.sentence + v.bare < 2 || v.sentence === v.bare) return undefined;
  return v.sentence > v.bare && v.sentence >= 2 ? 'sentence' : 'bare';
}

/** The start of an inline enumeration on a line of its own: 一是, 其一, 第一，, 首先. */
const ENUMERATION_START = /^(?:[一二三四五六七八九十]+[是要抓]|其一|第一[，,、]|首先[，,、])/;

/** True when the line after heading `h` starts the list its final ：introduces. */
function introducesList(model: DraftModel, h: Heading, listLines: Set<number>, headingAt: Map<number, Heading>): boolean {
  let n = h.line + 1;
  while (n < model.lines.length && model.contexts[n].kind === 'blank') n++;
  if (n >= model.lines.length || model.contexts[n].kind !== 'text') return false;
  if (listLines.has(n)) return true;
  const next = headingAt.get(n);
  // Deeper items that are sentences (run-in or ending in 。) are what the colon introduces;
  // sub-headings that are titles are not a list.
  if (next) return next.level > h.level && (next.runIn || endingOf(model, next) === 'sentence');
  return ENUMERATION_START.test(model.lines[n].slice(model.contexts[n].contentStart).replace(/^\*+/, ''));
}

function endingOf(model: DraftModel, h: Heading): Ending {
  if (h.runIn) return 'sentence';
  const col = h.trailingPunctuation;
  if (col === undefined) {
    return /(？|！|\?|!|…|⋯)$/.test(h.title) ? 'open' : 'bare';
  }
  const ch = model.lines[h.line][col];
  if (ch === '。') return 'sentence';
  return 'wrong';
}

/** Column where a 。 would go at the end of a standalone heading's title (before closing `**`). */
function endOfTitle(model: DraftModel, h: Heading): number {
  const raw = model.lines[h.line].slice(h.titleStart, h.titleEnd);
  return h.titleStart + trimEndSpaces(trimEndEmphasis(raw)).length;
}

export const headingPunctuation: Rule = {
  id: 'heading-punctuation',
  description: t(
    'A heading on a line of its own ends without 。，；：, unless its siblings consistently end in 。 (run-in style)',
    '单独成行的标题末尾不加“。，；：”；同级标题一律以“。”结尾（段首标题式）的除外',
  ),
  tags: ['headings', 'punctuation'],
  defaultSeverity: 'warning',
  fixable: true,
  hasSuggestions: true,
  options: {},
  run({ model, report }) {
    const listLines = new Set(model.listItems.map((h) => h.line));
    const headingAt = new Map(model.headings.map((h) => [h.line, h]));
    const endings = new Map<Heading, Ending>();
    for (const h of model.headings) {
      let e = endingOf(model, h);
      if (e === 'wrong' && /[：:]/.test(model.lines[h.line][h.trailingPunctuation!]) && introducesList(model, h, listLines, headingAt)) e = 'lead-in';
      endings.set(h, e);
    }

    // The style of each sibling group: its own majority, else that of its level in its part.
    const groups = siblingGroups(model);
    const count = (items: readonly Heading[], into: Votes = { sentence: 0, bare: 0 }) => {
      for (const h of items) {
        const e = endings.get(h);
        if (e === 'sentence') into.sentence++;
        else if (e === 'bare') into.bare++;
      }
      return into;
    };
    const perLevel = new Map<string, Votes>();
    for (const g of groups) {
      if (g.level === 0) continue;
      const key = `${g.level}:${g.part}`;
      perLevel.set(key, count(g.items, perLevel.get(key)));
    }
    const styleOf = new Map<Heading, { style: Style; own: boolean; siblings: number }>();
    for (const g of groups) {
      if (g.level === 0) continue;
      const votes = count(g.items);
      const own = decide(votes);
      const style = own ?? decide(perLevel.get(`${g.level}:${g.part}`)!) ?? 'bare';
      // A missing 。 is worth a word only beside siblings that, standing on their own lines too, end
      // with one: a standalone heading with sub-items among run-in siblings (（一）保障食品安全 then
      // （二）保障药品安全。正文…) is the ordinary layout, not an odd one out.
      const standalone = g.items.filter((h) => !h.runIn && endings.get(h) === 'sentence').length;
      const ownStandalone = standalone >= 2 && standalone > votes.bare;
      for (const h of g.items) styleOf.set(h, { style, own: own !== undefined && ownStandalone, siblings: standalone });
    }

    for (const h of model.headings) {
      const e = endings.get(h)!;
      const s = styleOf.get(h) ?? { style: 'bare' as Style, own: false, siblings: 0 };
      const label = headingLabel({ marker: h.marker.text, title: h.title });
      const col = h.trailingPunctuation;
      if (col !== undefined && (e === 'wrong' || (e === 'sentence' && s.style === 'bare'))) {
        const ch = model.lines[h.line][col];
        const sentence = s.style === 'sentence';
        report({
          line: h.line,
          column: col,
          endLine: h.line,
          endColumn: col + 1,
          message: sentence
            ? t(`Heading "${label}" ends with "${ch}": its siblings end with "。"`, `标题“${label}”末尾的“${ch}”应改为“。”：同级标题均以“。”结尾`)
            : t(`Heading "${label}" ends with "${ch}": a heading takes no ending punctuation`, `标题“${label}”末尾的“${ch}”应删去：标题末尾不加标点`),
          fix: [{ line: h.line, start: col, end: col + 1, text: sentence ? '。' : '' }],
        });
      } else if (e === 'bare' && s.style === 'sentence' && s.own && h.level > 0) {
        // The one sibling without the 。 the others end with. Adding it may not be what the writer
        // wants (the others may be the ones to change): a suggestion, not a fix.
        const at = endOfTitle(model, h);
        report({
          line: h.line,
          column: h.titleStart,
          endLine: h.line,
          endColumn: Math.max(at, h.titleStart + 1),
          message: t(
            `Heading "${label}" ends without "。" while its ${s.siblings} siblings end with it (run-in style)`,
            `标题“${label}”末尾没有“。”，而同级的 ${s.siblings} 个标题都以“。”结尾（段首标题式）`,
          ),
          suggestions: [{ title: t('Add "。" at the end of the heading', '在标题末尾加“。”'), edits: [{ line: h.line, start: at, end: at, text: '。' }] }],
        });
      }
    }
  },
};
