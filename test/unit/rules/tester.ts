/**
 * textlint-style rule tables: `valid` texts produce no problem of the rule; each `invalid` case lists
 * its problems as "LINE:COL-ENDCOL text-in-the-English-message" (1-based, UTF-16 columns) and the
 * text after fixing. The fixed text is linted again and must be free of fixable problems of the rule.
 */
import { describe, expect, it } from 'vitest';
import { resolveConfig, type RuleSetting } from '../../../src/core/config';
import { applyFixes } from '../../../src/core/fixes';
import { fixText, lintText } from '../../../src/core/lint';
import { ruleById } from '../../../src/core/rules/registry';
import type { Problem } from '../../../src/core/rules/types';

export interface InvalidCase {
  text: string;
  errors: string[];
  /** The text after `fixText` with only this rule's fixes; omit when nothing is fixable. */
  output?: string;
  markdown?: boolean;
  options?: RuleSetting;
  name?: string;
  /** Expected severities, when they differ from the rule's default. */
  severities?: string[];
  /**
   * The text after applying each problem's first suggestion alone (one entry per problem, in
   * order; undefined for a problem without one). Suggestions are never applied by `fixText`.
   */
  suggested?: (string | undefined)[];
}

export interface ValidCase {
  text: string;
  markdown?: boolean;
  options?: RuleSetting;
  name?: string;
}

function configFor(rule: string, options?: RuleSetting) {
  return resolveConfig({ rules: options === undefined ? {} : { [rule]: options } });
}

function describeProblem(p: Problem): string {
  return `${p.line + 1}:${p.column + 1}-${p.endColumn + 1} ${p.message.en}`;
}

export function ruleTable(rule: string, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  describe(rule, () => {
    describe('valid', () => {
      it.each(cases.valid.map((c) => (typeof c === 'string' ? { text: c } : c)).map((c) => [c.name ?? c.text.slice(0, 40), c] as const))('%s', (_n, c) => {
        const problems = lintText(c.text, { markdown: c.markdown, config: configFor(rule, c.options) }).filter((p) => p.rule === rule);
        expect(problems.map(describeProblem)).toEqual([]);
      });
    });
    if (cases.invalid.length > 0) describe('invalid', () => {
      it.each(cases.invalid.map((c) => [c.name ?? c.text.slice(0, 40), c] as const))('%s', (_n, c) => {
        const config = configFor(rule, c.options);
        const problems = lintText(c.text, { markdown: c.markdown, config }).filter((p) => p.rule === rule);
        expect(problems.length, problems.map(describeProblem).join('\n')).toBe(c.errors.length);
        problems.forEach((p, i) => {
          const [pos, ...rest] = c.errors[i].split(' ');
          expect(`${p.line + 1}:${p.column + 1}-${p.endColumn + 1}`, describeProblem(p)).toBe(pos);
          expect(p.message.en).toContain(rest.join(' '));
          expect(p.message['zh-cn'].length).toBeGreaterThan(0);
          if (c.severities) expect(p.severity).toBe(c.severities[i]);
        });
        // What a rule declares is what it does: fixable rules report fixes, hasSuggestions ones suggestions.
        const declared = ruleById(rule)!;
        if (problems.some((p) => p.fix?.length)) expect(declared.fixable, `${rule} reports fixes: fixable`).toBe(true);
        if (problems.some((p) => p.suggestions?.length)) expect(declared.hasSuggestions, `${rule} reports suggestions: hasSuggestions`).toBe(true);
        if (c.suggested) {
          expect(problems.map((p) => (p.suggestions?.[0] ? applyFixes(c.text, p.suggestions[0].edits) : undefined))).toEqual(c.suggested);
          for (const p of problems) for (const sg of p.suggestions ?? []) expect(sg.title['zh-cn'].length).toBeGreaterThan(0);
        } else {
          expect(problems.some((p) => p.suggestions?.length), 'unexpected suggestions').toBe(false);
        }
        const fixed = fixText(c.text, { markdown: c.markdown, config, select: (p) => p.rule === rule });
        if (c.output === undefined) {
          expect(problems.some((p) => p.fix), 'no fix expected').toBe(false);
          expect(fixed.text).toBe(c.text);
        } else {
          expect(fixed.text).toBe(c.output);
          const again = lintText(fixed.text, { markdown: c.markdown, config }).filter((p) => p.rule === rule && p.fix);
          expect(again.map(describeProblem), 'fixable error not fixed').toEqual([]);
        }
      });
    });
  });
}
