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
 * A replacement inside one line: 0-based line, UTF-16 columns [start, end) of the text before the
 * fix. Every fix of this product touches only markers and punctuation, so one line suffices.
 */
export interface TextEdit {
  line: number;
  start: number;
  end: number;
  text: string;
}

export interface Problem {
  rule: string;
  severity: Severity;
  message: LocalizedText;
  /** 0-based line and UTF-16 columns; the range is [start, end) on lines line…endLine. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Edits that fix this problem alone; absent when no safe fix exists. */
  fix?: TextEdit[];
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
  fixable: boolean;
  /** Needs word segmentation (nodejieba): runs only when words are given. */
  needsWords?: boolean;
  options: Record<string, OptionSpec>;
  run(context: RuleContext<O>): void;
}
