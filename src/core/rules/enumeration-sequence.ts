/**
 * enumeration-sequence: runs of 一是/二是…, 一要…, 其一…, 第一，…, 首先/其次/再次/最后 that skip or
 * repeat a number, hold a lone first item, start past one, or mix two series (首先……第二……).
 *
 * One run is one problem for each kind of fault: a break in the count is reported where it happens,
 * and the later markers its renumbering touches are its related ranges. Renumbering is a fix only
 * where the run is certain (one series, not nested in or around another run, its items in one
 * paragraph or in paragraphs that follow one another); elsewhere it is a suggestion. Rewriting one
 * series into another (第二 → 其次) changes the author's words, so it is always a suggestion.
 */
import type { EnumerationFamily, EnumerationItem } from '../enumerations';
import { toChineseNumeral } from '../numerals';
import type { RelatedRange, Rule, Suggestion, TextEdit } from './types';
import { type EnumerationRun, enumerationRuns, itemMarker } from './enumerations';
import { t } from './util';

const range = (i: EnumerationItem) => ({ line: i.line, column: i.start, endLine: i.line, endColumn: i.end });
const marker = (item: EnumerationItem, family: EnumerationFamily, n: number) => itemMarker(item, family, n, toChineseNumeral);

/** The run's items with a number (最后, which closes a run, has none). */
function counted(run: EnumerationRun): EnumerationItem[] {
  return run.items.filter((i) => i.number > 0);
}

export const enumerationSequence: Rule = {
  id: 'enumeration-sequence',
  description: t(
    'Enumerations such as 一是……二是…… and 第一，……第二，…… count from one without gaps, duplicates or mixed forms',
    '“一是……二是……”“第一，……第二，……”等序次语应从一开始依次连续，不重复、不混用',
  ),
  tags: ['enumerations', 'numbering'],
  defaultSeverity: 'warning',
  fixable: true,
  hasSuggestions: true,
  options: {},
  run({ model, report }) {
    for (const run of enumerationRuns(model)) {
      const items = counted(run);
      if (items.length === 0) continue;
      const first = items[0];
      // 一是优点，一是缺点: "one is …, the other is …", not an enumeration.
      if (items.length > 1 && items.every((i) => i.number === 1)) continue;
      if (items.length === 1 && run.items.length === 1) {
        if (first.number === 1 && first.family !== '首先') {
          const second = marker(first, first.family, 2)!;
          report({
            ...range(first),
            message: t(`"${first.text}" has no "${second}": an enumeration needs at least two items`, `有“${first.text}”却没有“${second}”：序次语至少应有两项`),
          });
          continue;
        }
      }
      // 其次 or 第二 with no 首先/第一 before it is usually prose whose first point was made in other
      // words (先说第一个问题…, 首先 inside a sentence); a 二是 with no 一是 is an item lost in editing.
      if (first.number !== 1 && run.group !== 'B') {
        const want = marker(first, first.family, 1)!;
        report({
          ...range(first),
          message: t(`Enumeration starts at "${first.text}" with no "${want}" before it in this section`, `序次语从“${first.text}”开始，本部分中前面没有“${want}”`),
        });
      }
      const mixed = mixedSeries(run, items);
      if (mixed) report(mixed);
      const count = renumbering(run, items, !mixed);
      if (count) report(count);
    }
  },
};

/** 首先……第二……, 一是……二要……: one problem at the first item in another series. */
function mixedSeries(run: EnumerationRun, items: EnumerationItem[]) {
  const families: EnumerationFamily[] = [];
  for (const i of items) if (!families.includes(i.family)) families.push(i.family);
  if (families.length < 2) return undefined;
  const first = items[0];
  const odd = items.find((i) => i.family !== first.family)!;
  // One suggestion per series the run can be written in, the one that changes fewest words first.
  const options: { family: EnumerationFamily; edits: TextEdit[]; example: string }[] = [];
  const edited = new Set<EnumerationItem>();
  for (const family of families) {
    const edits: TextEdit[] = [];
    const touched: EnumerationItem[] = [];
    let possible = true;
    for (let k = 0; k < items.length; k++) {
      const i = items[k];
      if (i.family === family) continue;
      // In the run's count, so that 第二……其次 becomes 第二……第三, not a second 第二.
      const want = marker(i, family, first.number + k);
      // 第四 has no counterpart among 首先/其次/再次: that series is not an option.
      if (!want) {
        possible = false;
        break;
      }
      edits.push({ line: i.line, start: i.start, end: i.end, text: want });
      touched.push(i);
    }
    if (!possible) continue;
    for (const i of touched) edited.add(i);
    options.push({ family, edits, example: [1, 2].map((n) => marker(first, family, n)).join('……') });
  }
  options.sort((a, b) => a.edits.length - b.edits.length);
  const suggestions: Suggestion[] = options.map((o) => ({
    title: t(`Write the enumeration in one series: ${o.example}……`, `统一为同一系列：${o.example}……`),
    edits: o.edits,
  }));
  const related: RelatedRange[] = [];
  for (const i of run.items) {
    if (i === odd || i.number < 0 || (!edited.has(i) && i.family === first.family)) continue;
    related.push({ ...range(i), message: t(`"${i.text}": the same enumeration`, `“${i.text}”：同一组序次语`) });
  }
  return {
    ...range(odd),
    message: t(
      `"${odd.text}" mixes forms with "${first.text}" in one enumeration: use one series (${options.map((o) => `${o.example}……`).join(' or ') || first.text})`,
      `同一组序次语中“${odd.text}”与“${first.text}”形式不一：应统一为同一系列（${options.map((o) => `${o.example}……`).join('或') || first.text}）`,
    ),
    related,
    suggestions: suggestions.length ? suggestions : undefined,
  };
}

/**
 * A gap or a duplicate: one problem where the count first breaks, renumbering every later item
 * that is off. `sure` is false when the run mixes series.
 */
function renumbering(run: EnumerationRun, items: EnumerationItem[], sure: boolean) {
  const base = items[0].number;
  const k = items.findIndex((i, j) => i.number !== base + j);
  if (k <= 0) return undefined;
  const item = items[k];
  const prev = items[k - 1];
  // 第二……其次: in a mixed run a count that breaks where the series changes is the mixing itself.
  if (!sure && item.family !== prev.family) return undefined;
  const edits: TextEdit[] = [];
  const related: RelatedRange[] = [];
  let complete = true;
  for (let j = k; j < items.length; j++) {
    const i = items[j];
    if (i.number === base + j) continue;
    const want = marker(i, i.family, base + j);
    if (!want) {
      complete = false;
      continue;
    }
    edits.push({ line: i.line, start: i.start, end: i.end, text: want });
    if (i !== item) related.push({ ...range(i), message: t(`"${i.text}" becomes "${want}"`, `“${i.text}”改为“${want}”`) });
  }
  const want = marker(item, item.family, base + k);
  const message =
    item.number === prev.number
      ? t(`Duplicate "${item.text}" in an enumeration${want ? `: expected "${want}"` : ''}`, `序次语“${item.text}”重复${want ? `：此处应为“${want}”` : ''}`)
      : t(`Enumeration goes from "${prev.text}" to "${item.text}"${want ? `: expected "${want}"` : ''}`, `序次语不连续：“${prev.text}”之后${want ? `应为“${want}”，` : ''}实为“${item.text}”`);
  const certain = sure && complete && base === 1 && !run.outer && !run.hasInner && run.consecutive;
  const problem = { ...range(item), message, related: related.length ? related : undefined };
  if (!complete || edits.length === 0) return problem;
  if (certain) return { ...problem, fix: edits };
  return {
    ...problem,
    suggestions: [{ title: t(`Renumber the enumeration from "${item.text}"`, `从“${item.text}”起重新编号`), edits }],
  };
}
