/**
 * Output formats of `check`, pluggable like markdownlint-cli2's formatters: each receives the
 * checked files with their (already filtered, sorted) problems and writes to the given streams.
 *
 * Positions: problems carry 0-based lines and UTF-16 columns; every format prints them 1-based
 * (column = UTF-16 offset + 1, as VS Code shows it).
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { escapeControls, safeJsonStringify } from '../core/escape';
import { type Locale, counted, message } from '../core/messages';
import { RULES } from '../core/rules/registry';
import type { Problem, Severity, TextEdit } from '../core/rules/types';
import { STDIN_LABEL } from './io';

export interface FileResult {
  /** The file as the user named it (or relative to cwd when found in a directory or by a glob); "-" for stdin. */
  file: string;
  /** Absolute path; undefined for stdin without --stdin-filename. */
  path?: string;
  problems: Problem[];
  /** Fixes applied by --fix. */
  fixed: number;
}

export interface FormatContext {
  locale: Locale;
  cwd: string;
  version?: string;
  homepage?: string;
  /** Errors already reported on stderr (unreadable files …), for formats that record them. */
  errors: string[];
}

export interface FormatOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export type Formatter = (results: readonly FileResult[], context: FormatContext, out: FormatOutput) => void;

/** A problem as the JSON contract and the text format show it: 1-based positions. */
export interface ProblemJson {
  rule: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** `--fix` would fix it (a mechanical fix). */
  fixable: boolean;
  /** Changes to apply one at a time (never by `--fix`), when the rule offers any. */
  suggestions?: SuggestionJson[];
  /** Other places this problem concerns (e.g. the later headings its fix renumbers). */
  related?: { line: number; column: number; endLine: number; endColumn: number; message: string }[];
}

export interface EditJson {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

export interface SuggestionJson {
  title: string;
  edits: EditJson[];
}

/** An edit with 1-based positions, as the JSON contract shows them. */
function editJson(e: TextEdit): EditJson {
  return { line: e.line + 1, column: e.start + 1, endLine: (e.endLine ?? e.line) + 1, endColumn: e.end + 1, text: e.text };
}

export function problemJson(p: Problem, locale: Locale): ProblemJson {
  const j: ProblemJson = {
    rule: p.rule,
    severity: p.severity,
    message: p.message[locale],
    line: p.line + 1,
    column: p.column + 1,
    endLine: p.endLine + 1,
    endColumn: p.endColumn + 1,
    fixable: (p.fix?.length ?? 0) > 0,
  };
  if (p.suggestions?.length) j.suggestions = p.suggestions.map((s) => ({ title: s.title[locale], edits: s.edits.map(editJson) }));
  if (p.related?.length) {
    j.related = p.related.map((r) => ({ line: r.line + 1, column: r.column + 1, endLine: r.endLine + 1, endColumn: r.endColumn + 1, message: r.message[locale] }));
  }
  return j;
}

/** `3 problems (1 error, 2 warnings) in 2 files`; undefined when there is no problem. */
export function summaryLine(results: readonly FileResult[], locale: Locale): string | undefined {
  const by: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let total = 0;
  let files = 0;
  for (const r of results) {
    if (r.problems.length > 0) files++;
    for (const p of r.problems) {
      by[p.severity]++;
      total++;
    }
  }
  if (total === 0) return undefined;
  const parts = [counted(locale, by.error, 'error'), counted(locale, by.warning, 'warning')];
  if (by.info > 0) parts.push(counted(locale, by.info, 'info'));
  if (by.hint > 0) parts.push(counted(locale, by.hint, 'hint'));
  return message(locale, 'summary', counted(locale, total, 'problem'), parts.join(message(locale, 'countSeparator')), counted(locale, files, 'file'));
}

/**
 * `FILE:LINE:COLUMN: SEVERITY RULE MESSAGE`, one line per problem (severity and rule stay English so
 * that problem matchers and scripts can rely on them), then the summary on stderr. Control
 * characters in the file name and in the message (which may quote the document) are shown as
 * visible escapes: a terminal never acts on them, and each problem stays on one line.
 */
export const textFormatter: Formatter = (results, ctx, out) => {
  let text = '';
  for (const r of results) {
    const file = r.file === '-' ? STDIN_LABEL : escapeControls(r.file);
    for (const p of r.problems) {
      const j = problemJson(p, ctx.locale);
      text += `${file}:${j.line}:${j.column}: ${j.severity} ${j.rule} ${escapeControls(j.message)}\n`;
    }
  }
  if (text) out.stdout(text);
  const summary = summaryLine(results, ctx.locale);
  if (summary) out.stderr(`${summary}\n`);
};

/**
 * The JSON contract: `[{"file", "problems": [{rule, severity, message, line, column, endLine,
 * endColumn, fixable, suggestions?, related?}]}]`.
 */
export const jsonFormatter: Formatter = (results, ctx, out) => {
  const json = results.map((r) => ({ file: r.file, problems: r.problems.map((p) => problemJson(p, ctx.locale)) }));
  out.stdout(safeJsonStringify(json, 2) + '\n');
};

/** A SARIF replacement (1-based lines and UTF-16 columns, as the run's columnKind says). */
function replacement(e: TextEdit) {
  const j = editJson(e);
  return { deletedRegion: { startLine: j.line, startColumn: j.column, endLine: j.endLine, endColumn: j.endColumn }, insertedContent: { text: e.text } };
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** A relative URI reference with forward slashes (percent-encoded), or a file: URI outside cwd. */
export function artifactUri(r: FileResult, cwd: string): string {
  if (r.path === undefined) return encodeURIComponent(r.file);
  const rel = path.relative(cwd, r.path);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return pathToFileURL(r.path).href;
  return rel.split(path.sep).map(encodeURIComponent).join('/');
}

/** SARIF 2.1.0, one run; columns are UTF-16 code units (`columnKind`), 1-based. */
export const sarifFormatter: Formatter = (results, ctx, out) => {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const driver: Record<string, unknown> = { name: 'speech-draft' };
  if (ctx.version) {
    driver.version = ctx.version;
    driver.semanticVersion = ctx.version;
  }
  if (ctx.homepage) driver.informationUri = ctx.homepage;
  driver.rules = RULES.map((r) => ({
    id: r.id,
    shortDescription: { text: r.description.en },
    helpUri: `docs/rules/${r.id}.md`,
    defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
    properties: { tags: [...r.tags], fixable: r.fixable, hasSuggestions: r.hasSuggestions ?? false },
  }));
  const sarifResults = results.flatMap((r) =>
    r.problems.map((p) => {
      const j = problemJson(p, ctx.locale);
      const result: Record<string, unknown> = { ruleId: p.rule };
      const index = ruleIndex.get(p.rule);
      if (index !== undefined) result.ruleIndex = index;
      Object.assign(result, {
        level: SARIF_LEVEL[p.severity],
        message: { text: j.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: artifactUri(r, ctx.cwd) },
              region: { startLine: j.line, startColumn: j.column, endLine: j.endLine, endColumn: j.endColumn },
            },
          },
        ],
        properties: { severity: p.severity, fixable: j.fixable },
      });
      // SARIF fixes: the mechanical fix, then each suggestion (marked as one: never applied in bulk).
      const uri = artifactUri(r, ctx.cwd);
      const sarifFix = (description: string, edits: readonly TextEdit[], suggestion: boolean) => ({
        description: { text: description },
        artifactChanges: [{ artifactLocation: { uri }, replacements: edits.map(replacement) }],
        properties: { suggestion },
      });
      const fixes = [];
      if (p.fix?.length) fixes.push(sarifFix(message(ctx.locale, 'fixDescription'), p.fix, false));
      for (const sg of p.suggestions ?? []) fixes.push(sarifFix(sg.title[ctx.locale], sg.edits, true));
      if (fixes.length) result.fixes = fixes;
      if (j.related) {
        result.relatedLocations = j.related.map((rl, id) => ({
          id,
          message: { text: rl.message },
          physicalLocation: { artifactLocation: { uri }, region: { startLine: rl.line, startColumn: rl.column, endLine: rl.endLine, endColumn: rl.endColumn } },
        }));
      }
      return result;
    }),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
        invocations: [
          {
            executionSuccessful: ctx.errors.length === 0,
            toolExecutionNotifications: ctx.errors.map((text) => ({ level: 'error', message: { text } })),
          },
        ],
      },
    ],
  };
  out.stdout(safeJsonStringify(sarif, 2) + '\n');
};

export const FORMATTERS = {
  text: textFormatter,
  json: jsonFormatter,
  sarif: sarifFormatter,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATTERS;
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];
