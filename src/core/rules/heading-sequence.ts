/**
 * heading-sequence: gaps, duplicates and runs not starting at one, per sibling run, under the
 * document's own convention (restart under each parent, or continuous through the document; parts
 * and appendices restart). One break is one problem; its fix renumbers the marker where the count
 * goes wrong and the later ones that count on from it (under the continuous convention, to the end
 * of the run). A restart at one inside a run is a warning with a suggestion, not a fix.
 */
import { analyzeStructure, type Convention, listRuns, type SiblingGroup } from '../structure';
import type { Heading } from '../parser';
import type { ProblemReport, RelatedRange, Rule } from './types';
import { markerRange, markerWithNumber, renumberEdit, t } from './util';

interface Options {
  convention: 'auto' | Convention;
  lists: boolean;
}

/** Where a run's checking starts again (an ambiguous restart), and whether two items share a parent. */
type SameParent = (a: Heading, b: Heading) => boolean;

function relatedFor(h: Heading, want: string, at: Heading): RelatedRange {
  const r = markerRange(h);
  return {
    line: r.line,
    column: r.column,
    endLine: r.endLine,
    endColumn: r.endColumn,
    message: t(`"${h.marker.text}" becomes "${want}" with the fix at line ${at.line + 1}`, `随第${at.line + 1}行一并改为“${want}”`),
  };
}

/**
 * Checks one run. One break is one problem: the item where the count goes wrong is reported, and the
 * items after it that keep counting on from it (`一、二、四、五、`: 五 after 四) are its consequences,
 * renumbered by the same fix and listed as its related ranges. A run that starts again at one within
 * one parent (`一、二、三、一、二、`) may be a new part whose title was not recognised: that is one
 * warning, with a renumbering offered as a suggestion only, and the items after it are counted anew.
 */
function checkRun(items: readonly Heading[], report: (p: ProblemReport) => void, kind: 'heading' | 'list', sameParent: SameParent): void {
  const what = kind === 'list' ? t('List item number', '列表序号') : t('Heading number', '标题序号');
  let base = 0;
  let open: ProblemReport | undefined;
  let openAt: Heading | undefined;
  const flush = () => {
    if (open) report(open.related!.length ? open : { ...open, related: undefined });
    open = undefined;
    openAt = undefined;
  };
  for (let k = 0; k < items.length; k++) {
    const h = items[k];
    const expected = k - base + 1;
    const prev = k > base ? items[k - 1] : undefined;
    if (h.number === expected) {
      flush();
      continue;
    }
    const want = markerWithNumber(h, expected);
    if (open && openAt && prev && h.number === prev.number + 1) {
      open.fix!.push(renumberEdit(h, expected));
      open.related!.push(relatedFor(h, want, openAt));
      continue;
    }
    flush();
    const found = h.marker.text;
    // Starts again at one after a run counted right so far (after a mistake, a 一 is just out of
    // sequence: the fix of that mistake would otherwise turn it into a duplicate).
    if (prev && h.number === 1 && prev.number > 1 && prev.number === expected - 1 && sameParent(prev, h)) {
      // The rest of the run is counted from here.
      // The suggestion renumbers the rest of the run; no related ranges, since it is never applied
      // in bulk (and a file of many restarts would carry one message per later heading).
      const edits = [renumberEdit(h, expected)];
      for (let m = k + 1; m < items.length && items[m].number === items[m - 1].number + 1; m++) edits.push(renumberEdit(items[m], expected + m - k));
      const restartWhat = kind === 'list' ? t('the list', '列表') : t('a new part', '新的部分');
      report({
        ...markerRange(h),
        severity: 'warning',
        message: t(
          `Numbering starts again at "${found}" after "${prev.marker.text}": ${restartWhat.en}? Add a part title, or renumber ("${want}")`,
          `序号在“${prev.marker.text}”之后又从“${found}”开始：是${restartWhat['zh-cn']}吗？请加上部分标题，或重新编号（“${want}”）`,
        ),
        suggestions: [{ title: t(`Renumber from "${want}" on`, `从“${want}”起重新编号`), edits }],
      });
      base = k;
      continue;
    }
    let message;
    if (k === base) {
      message = t(`${what.en} run starts at "${found}": expected "${want}"`, `${what['zh-cn']}应从“${want}”开始，实为“${found}”`);
    } else if (prev && h.number === prev.number) {
      message = t(`Duplicate ${what.en.toLowerCase()} "${found}": expected "${want}"`, `${what['zh-cn']}“${found}”重复：此处应为“${want}”`);
    } else if (prev && h.number > expected && prev.number === expected - 1) {
      message = t(`${what.en} skips from "${prev.marker.text}" to "${found}": expected "${want}"`, `${what['zh-cn']}不连续：“${prev.marker.text}”之后应为“${want}”，实为“${found}”`);
    } else {
      message = t(`${what.en} out of sequence: expected "${want}", found "${found}"`, `${what['zh-cn']}顺序错误：此处应为“${want}”，实为“${found}”`);
    }
    open = { ...markerRange(h), message, fix: [renumberEdit(h, expected)], related: [] };
    openAt = h;
  }
  flush();
}

/**
 * List runs with the runs that continue another's numbering joined to it: an annex that lists
 * items 1–8 under 一、, 9–15 under 二、 and 16–24 under 三、 numbers one list through its sections,
 * as 中央文件 number sub-headings through a document.
 */
function continuedListRuns(runs: readonly Heading[][]): Heading[][] {
  const out: Heading[][] = [];
  const lastOfLevel = new Map<number, Heading[]>();
  for (const run of runs) {
    const level = run[0].level;
    const previous = lastOfLevel.get(level);
    if (previous && run[0].number !== 1 && run[0].number === previous[previous.length - 1].number + 1) {
      for (const h of run) previous.push(h);
      continue;
    }
    const copy = [...run];
    out.push(copy);
    lastOfLevel.set(level, copy);
  }
  return out;
}

export const headingSequence: Rule<Options> = {
  id: 'heading-sequence',
  description: t(
    'Heading numbers run 1, 2, 3 … in each sibling run, under the document’s numbering convention',
    '同级标题序号应从一开始依次连续，并遵循全文的编号方式（各部分内重新编号或全文连续编号）',
  ),
  tags: ['headings', 'numbering'],
  defaultSeverity: 'error',
  fixable: true,
  hasSuggestions: true,
  options: {
    convention: {
      type: 'string',
      enum: ['auto', 'restart', 'continuous'],
      default: 'auto',
      description: t(
        'How sub-headings are numbered: detected from the document (auto), restarting under each parent, or continuous through the document',
        '下级标题的编号方式：自动识别（auto）、在每个上级标题下重新编号（restart）或全文连续编号（continuous）',
      ),
    },
    lists: {
      type: 'boolean',
      default: true,
      description: t('Also check numbered lists (items after a colon, clauses ending in ；)', '同时检查编号列表（冒号后的条目、以“；”结尾的分句）'),
    },
  },
  run({ model, options, report }) {
    const forced = options.convention === 'auto' ? undefined : options.convention;
    const structure = analyzeStructure(model, forced);
    const groupOf = new Map<Heading, SiblingGroup>();
    for (const g of structure.groups) for (const h of g.items) groupOf.set(h, g);
    const sameGroup: SameParent = (a, b) => groupOf.get(a) === groupOf.get(b);
    for (const run of structure.runs) checkRun(run.items, report, 'heading', sameGroup);
    if (!options.lists) return;
    for (const items of continuedListRuns(listRuns(model))) {
      // Markdown numbers its own ordered lists (1. 1. 1. renders 1 2 3): markdownlint's MD029 judges those.
      if (model.markdown && items.every((h) => /^[0-9]{1,3}[.)][ \t]/.test(model.lines[h.line].slice(h.marker.start)))) continue;
      checkRun(items, report, 'list', () => true);
    }
  },
};
