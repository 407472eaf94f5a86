/**
 * The engine: runs the enabled rules over a parsed draft, and fixes a text to a fixed point (a fix
 * can reveal another, e.g. a marker rewritten after it was renumbered; at most MAX_FIX_PASSES).
 */
import { type ResolvedConfig, resolveConfig } from './config';
import { EditTrail, insideSpans, mergeOffsetEdits, type OffsetEdit, rangeToSpan, type Span, toOffsetEdits, unionSpans } from './fixes';
import { type DraftModel, parseDraft } from './parser';
import { RULES } from './rules/registry';
import type { Problem, ProblemReport, Rule, TextEdit } from './rules/types';
import { BOM, lineStarts } from './text';
import type { WordData } from './words';

export const MAX_FIX_PASSES = 8;

const DEFAULT_CONFIG = resolveConfig();

/** True when an enabled rule needs word segmentation. */
export function needsWords(config: ResolvedConfig = DEFAULT_CONFIG): boolean {
  return RULES.some((r: Rule<never>) => r.needsWords && (config.get(r.id)?.severity ?? r.defaultSeverity) !== 'off');
}

/**
 * Problems of a parsed draft, sorted by position then rule order. A failing rule reports itself.
 * Word-level rules run only when `words` is given.
 */
export function lint(model: DraftModel, config: ResolvedConfig = DEFAULT_CONFIG, words?: WordData): Problem[] {
  const problems: Problem[] = [];
  RULES.forEach((rule: Rule<never>) => {
    const setting = config.get(rule.id);
    const severity = setting?.severity ?? rule.defaultSeverity;
    if (severity === 'off') return;
    if (rule.needsWords && !words) return;
    // One object literal of a fixed shape (an object spread of the report is slow in V8).
    const report = (p: ProblemReport) =>
      problems.push({
        line: p.line,
        column: p.column,
        endLine: p.endLine,
        endColumn: p.endColumn,
        message: p.message,
        fix: p.fix,
        suggestions: p.suggestions,
        related: p.related,
        rule: rule.id,
        severity: p.severity ?? severity,
      });
    try {
      rule.run({ model, options: (setting?.options ?? {}) as never, report, words });
    } catch (err) {
      problems.push({
        rule: rule.id,
        severity: 'info',
        message: {
          en: `internal error in rule ${rule.id}: ${(err as Error)?.message ?? err}`,
          'zh-cn': `规则 ${rule.id} 内部出错：${(err as Error)?.message ?? err}`,
        },
        line: 0,
        column: 0,
        endLine: 0,
        endColumn: 0,
      });
    }
  });
  const order = new Map(RULES.map((r, i) => [r.id, i]));
  return problems.sort((a, b) => a.line - b.line || a.column - b.column || order.get(a.rule)! - order.get(b.rule)!);
}

export interface LintOptions {
  markdown?: boolean;
  config?: ResolvedConfig;
}

export function lintText(text: string, options: LintOptions = {}): Problem[] {
  return lint(parseDraft(text, { markdown: options.markdown }), options.config);
}

export interface FixResult {
  text: string;
  /** Fixes applied over all passes. */
  applied: number;
  /** What is left after fixing. */
  problems: Problem[];
  /**
   * Fixes found on a later pass that were not applied because they would change text outside the
   * problems reported on the text as it was (an earlier pass changed how the text parses).
   */
  withheld: number;
}

/** The problems' ranges (and the related ranges they name) as offsets of the text after the BOM. */
function problemSpans(body: string, problems: readonly Problem[], starts: number[]): Span[] {
  const spans: Span[] = [];
  for (const p of problems) {
    for (const r of [p, ...(p.related ?? [])]) {
      const span = rangeToSpan(body, starts, r);
      if (span) spans.push(span);
    }
  }
  return spans;
}

/**
 * Applies the mechanical fixes (`Problem.fix`, never suggestions) of every problem `select` keeps,
 * re-linting after each pass until nothing fixable is left (a fix can reveal another: a marker
 * rewritten after it was renumbered). The result changes only what was reported on the text as it
 * was: an edit of a later pass is applied only when it lies inside a problem selected on the first
 * pass, mapped through the edits since. BOM and line endings are kept.
 */
export function fixText(text: string, options: LintOptions & { select?: (p: Problem) => boolean } = {}): FixResult {
  const bom = text.startsWith(BOM) ? BOM : '';
  let body = bom ? text.slice(1) : text;
  const trail = new EditTrail();
  let allowed: Span[] | undefined;
  let applied = 0;
  let withheld = 0;
  let problems: Problem[] = [];
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    problems = lintText(bom + body, options);
    const selected = problems.filter((p) => p.fix && p.fix.length > 0 && (!options.select || options.select(p)));
    const starts = lineStarts(body);
    if (!allowed) allowed = unionSpans(problemSpans(body, selected, starts));
    // A problem's fix applies whole or not at all: every edit inside what was first reported.
    const edits: OffsetEdit[] = [];
    const owners: OffsetEdit[][] = [];
    for (const p of selected) {
      const offsets = toOffsetEdits(body, p.fix!, starts, false);
      const inside = offsets.length === p.fix!.length && offsets.every((e) => insideSpans(trail.toOriginal(e), allowed!));
      if (!inside) {
        withheld++;
        continue;
      }
      for (const e of offsets) edits.push(e);
      owners.push(offsets);
    }
    const accepted = mergeOffsetEdits(edits);
    if (accepted.length === 0) break;
    const next = trail.apply(body, accepted);
    if (next === body) break;
    // Count the problems whose edits all survived (overlapping ones wait for the next pass).
    const kept = new Set(accepted);
    applied += owners.filter((list) => list.every((e) => kept.has(e))).length;
    body = next;
    if (pass === MAX_FIX_PASSES - 1) problems = lintText(bom + body, options);
  }
  return { text: bom + body, applied, problems, withheld };
}
