/**
 * The engine: runs the enabled rules over a parsed draft, and fixes a text to a fixed point (a fix
 * can reveal another, e.g. a marker rewritten after it was renumbered; at most MAX_FIX_PASSES).
 */
import { type ResolvedConfig, resolveConfig } from './config';
import { applyFixes, normalizeEdits } from './fixes';
import { type DraftModel, parseDraft } from './parser';
import { RULES } from './rules/registry';
import type { Problem, ProblemReport, Rule, TextEdit } from './rules/types';
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
}

/**
 * Fixes every fixable problem (or those `select` keeps), re-linting after each pass until nothing
 * fixable is left. Only the fixes' ranges change; BOM and line endings are kept.
 */
export function fixText(text: string, options: LintOptions & { select?: (p: Problem) => boolean } = {}): FixResult {
  let current = text;
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const problems = lintText(current, options);
    const selected = problems.filter((p) => p.fix && (!options.select || options.select(p)));
    const edits: TextEdit[] = selected.flatMap((p) => p.fix!);
    if (edits.length === 0) return { text: current, applied, problems };
    const next = applyFixes(current, edits);
    if (next === current) return { text: current, applied, problems };
    // Count the problems whose edits all survived (overlapping ones wait for the next pass).
    const kept = new Set(normalizeEdits(edits));
    applied += selected.filter((p) => p.fix!.every((e) => kept.has(e))).length;
    current = next;
  }
  return { text: current, applied, problems: lintText(current, options) };
}
