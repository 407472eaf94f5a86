/**
 * The rule engine's data types, in the markdownlint style: a rule is an object with an id, a
 * description, tags and a function that reports problems; fixes are plain data.
 */
import type { DraftModel } from '../parser';
import type { WordData } from '../words';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export interface LocalizedText {
  en: string;
  'zh-cn': string;
}

/**
 * A replacement: 0-based line, UTF-16 columns [start, end) of the text before the fix. Most edits
 * lie inside one line; one that ends on a later line (`endLine`, with `end` a column of that line)
 * replaces the line breaks between, as joining a heading split over two lines does.
 */
export interface TextEdit {
  line: number;
  start: number;
  end: number;
  text: string;
  /** The line `end` is on, when it is not `line`. */
  endLine?: number;
}

/**
 * A change a writer may apply to one problem, one at a time (a quick fix in the editor, listed in
 * JSON and SARIF output), but never in bulk: it deletes, inserts or rewrites words, or the rule is
 * not sure of it (ESLint's suggestions). Fix All, fix on save and `--fix` apply only `fix`.
 */
export interface Suggestion {
  /** What the change does, for the quick fix's title: `Delete the second "的"`. */
  title: LocalizedText;
  edits: TextEdit[];
}

/** 0-based lines and UTF-16 columns: [column of line, endColumn of endLine). */
export interface TextRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Another place a problem concerns, such as a later heading its fix renumbers. */
export interface RelatedRange extends TextRange {
  message: LocalizedText;
}

export interface Problem extends TextRange {
  rule: string;
  severity: Severity;
  message: LocalizedText;
  /**
   * The mechanical fix of this problem alone (renumbering, a marker's punctuation or bracket width,
   * punctuation width): it cannot change what the text says, so bulk fixes apply it. Every edit
   * lies inside the problem's range. Absent when no such fix exists.
   */
  fix?: TextEdit[];
  /** Changes offered one at a time, never in bulk (see `Suggestion`). */
  suggestions?: Suggestion[];
  /**
   * Other places this one problem concerns (VS Code's related information): one break in a run is
   * one problem, and the later markers its fix renumbers are listed here. A fix's edits lie inside
   * the problem's range or one of these.
   */
  related?: RelatedRange[];
}

export type ProblemReport = Omit<Problem, 'rule' | 'severity'> & { severity?: Severity };

export interface RuleContext<O> {
  model: DraftModel;
  options: O;
  /** Word segmentation, for rules that need it (absent: those rules do not run). */
  words?: WordData;
  report(problem: ProblemReport): void;
}

export interface OptionSpec {
  type: 'string' | 'number' | 'boolean' | 'number[]';
  enum?: readonly string[];
  default: unknown;
  description: LocalizedText;
  minimum?: number;
}

export interface Rule<O = Record<string, unknown>> {
  id: string;
  description: LocalizedText;
  tags: readonly string[];
  defaultSeverity: Severity;
  /** Reports problems with a mechanical `fix` (applied by Fix All, fix on save and `--fix`). */
  fixable: boolean;
  /** Reports problems with `suggestions` (offered one at a time, never applied in bulk). */
  hasSuggestions?: boolean;
  /** Needs word segmentation (nodejieba): runs only when words are given. */
  needsWords?: boolean;
  options: Record<string, OptionSpec>;
  run(context: RuleContext<O>): void;
}
