/**
 * heading-sequence: gaps, duplicates and runs not starting at one, per sibling run, under the
 * document's own convention (restart under each parent, or continuous through the document; parts
 * and appendices restart). Fix: renumber the run (under the continuous convention, everything after
 * the mistake too).
 */
import { analyzeStructure, type Convention, listRuns } from '../structure';
import type { Heading } from '../parser';
import type { ProblemReport, Rule } from './types';
import { markerRange, markerWithNumber, renumberEdit, t } from './util';

interface Options {
  convention: 'auto' | Convention;
  lists: boolean;
}

function checkRun(items: readonly Heading[], report: (p: ProblemReport) => void, kind: 'heading' | 'list'): void {
  for (let k = 0; k < items.length; k++) {
    const h = items[k];
    const expected = k + 1;
    if (h.number === expected) continue;
    const found = h.marker.text;
    const want = markerWithNumber(h, expected);
    const prev = items[k - 1];
    const what = kind === 'list' ? t('List item number', '列表序号') : t('Heading number', '标题序号');
    let message;
    if (k === 0) {
      message = t(`${what.en} run starts at "${found}": expected "${want}"`, `${what['zh-cn']}应从“${want}”开始，实为“${found}”`);
    } else if (prev && h.number === prev.number) {
      message = t(`Duplicate ${what.en.toLowerCase()} "${found}": expected "${want}"`, `${what['zh-cn']}“${found}”重复：此处应为“${want}”`);
    } else if (h.number > expected && prev.number === expected - 1) {
      message = t(`${what.en} skips from "${prev.marker.text}" to "${found}": expected "${want}"`, `${what['zh-cn']}不连续：“${prev.marker.text}”之后应为“${want}”，实为“${found}”`);
    } else {
      message = t(`${what.en} out of sequence: expected "${want}", found "${found}"`, `${what['zh-cn']}顺序错误：此处应为“${want}”，实为“${found}”`);
    }
    report({ ...markerRange(h), message, fix: [renumberEdit(h, expected)] });
  }
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
    for (const run of analyzeStructure(model, forced).runs) checkRun(run.items, report, 'heading');
    if (!options.lists) return;
    for (const items of listRuns(model)) {
      // Markdown numbers its own ordered lists (1. 1. 1. renders 1 2 3): markdownlint's MD029 judges those.
      if (model.markdown && items.every((h) => /^[0-9]{1,3}[.)][ \t]/.test(model.lines[h.line].slice(h.marker.start)))) continue;
      checkRun(items, report, 'list');
    }
  },
};
