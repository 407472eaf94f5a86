/**
 * The Problems panel: lints drafts as the writer types (throttled, stale results dropped by a
 * generation counter) or on save (`speechDraft.run`), and keeps the problems of the current
 * version for the code actions. Diagnostics go away when a file closes or stops being a draft.
 * A draft past `speechDraft.maxTypingCheckSize` is checked on open and save only (the writer is
 * told once), so that a huge or pathological text never holds up typing.
 */
import * as vscode from 'vscode';
import { lint, needsWords } from '../core/lint';
import { formatCount } from '../core/outline';
import type { Problem, Severity } from '../core/rules/types';
import type { DraftStore, SizeLimits } from './drafts';
import type { RuleSettings } from './settings';
import type { WordService } from './words';

export const DIAGNOSTIC_SOURCE = 'Speech Draft';
const THROTTLE_MS = 500;

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function isChinese(): boolean {
  return vscode.env.language.toLowerCase().startsWith('zh');
}

export function problemRange(p: Problem): vscode.Range {
  return new vscode.Range(p.line, p.column, p.endLine, p.endColumn);
}

interface Linted {
  version: number;
  problems: Problem[];
}

export class Linter implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('speechDraft');
  private readonly results = new Map<string, Linted>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generation = new Map<string, number>();
  /** Documents already told that they are checked on save only. */
  private readonly toldLarge = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly store: DraftStore,
    private readonly settings: RuleSettings,
    private readonly docsBase: vscode.Uri,
    private readonly words: WordService,
  ) {
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => {
        // VS Code may announce a document again when its editor changes: a draft checked on save
        // only is not checked again for that (and `run` never checks its unsaved edits).
        if (this.store.limits(d).onSaveOnly && this.results.has(d.uri.toString())) return;
        this.lintSoon(d, 0);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        if (this.runMode(e.document) === 'onType' && !this.store.limits(e.document).onSaveOnly) this.lintSoon(e.document, THROTTLE_MS);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.lintSoon(d, 0)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      store.onDidChangeDrafts(() => this.lintAll()),
      settings.onDidChange(() => this.lintAll()),
    );
    this.lintAll();
  }

  private runMode(doc: vscode.TextDocument): 'onType' | 'onSave' {
    return vscode.workspace.getConfiguration('speechDraft', doc.uri).get<'onType' | 'onSave'>('run', 'onType');
  }

  lintAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.lintSoon(doc, 0);
  }

  /** Problems of the document's current version, when it has been linted. */
  problems(doc: vscode.TextDocument): Problem[] | undefined {
    const r = this.results.get(doc.uri.toString());
    return r && r.version === doc.version ? r.problems : undefined;
  }

  /**
   * Lints now and returns the problems (used by code actions when the throttle has not run yet).
   * A document checked on save only is not linted here either: code actions come with every move
   * of the cursor, so they get the problems of the current version when there are some, else none.
   */
  async lintNow(doc: vscode.TextDocument): Promise<Problem[]> {
    if (this.store.limits(doc).onSaveOnly) return this.problems(doc) ?? [];
    return (await this.run(doc)) ?? [];
  }

  private lintSoon(doc: vscode.TextDocument, delay: number): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.run(doc);
    }, delay));
  }

  private async run(doc: vscode.TextDocument): Promise<Problem[] | undefined> {
    const key = doc.uri.toString();
    const generation = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, generation);
    if (doc.isClosed) return undefined;
    const model = this.store.draftToCheck(doc);
    if (!model) {
      this.forget(doc.uri);
      return undefined;
    }
    const limits = this.store.limits(doc);
    // Past the limit only the text as saved is checked, whatever asked for the check (a setting
    // changed, the drafts changed, the document announced again): its unsaved edits wait for the save.
    if (limits.onSaveOnly && doc.isDirty && !doc.isUntitled) return this.problems(doc);
    // With the setting at 0 every draft is checked on save by choice: nothing to tell but a lost outline.
    if (limits.onSaveOnly && (limits.maxTypingCheckSize > 0 || limits.noViews)) this.tellLarge(doc, limits);
    const version = doc.version;
    const config = await this.settings.forDocument(doc);
    // A newer run started while the configuration was read, or the text changed: drop this one.
    if (this.generation.get(key) !== generation || doc.version !== version || doc.isClosed) return undefined;
    const problems = lint(model, config);
    this.publish(doc, version, problems);
    if (needsWords(config)) void this.withWords(doc, key, generation, version, config, model);
    return problems;
  }

  /** Word-level checks, once the segmenter has answered (it loads on first use, in a child process). */
  private async withWords(doc: vscode.TextDocument, key: string, generation: number, version: number, config: Awaited<ReturnType<RuleSettings['forDocument']>>, model: NonNullable<ReturnType<DraftStore['draft']>>): Promise<void> {
    const words = await this.words.wordsFor(doc, model);
    if (!words || this.generation.get(key) !== generation || doc.version !== version || doc.isClosed) return;
    this.publish(doc, version, lint(model, config, words));
  }

  /** Once per document: it is checked on open and save only (and, past the view limit, has no outline). */
  private tellLarge(doc: vscode.TextDocument, limits: SizeLimits): void {
    const key = doc.uri.toString();
    if (this.toldLarge.has(key)) return;
    this.toldLarge.add(key);
    const name = doc.isUntitled ? doc.fileName : vscode.workspace.asRelativePath(doc.uri);
    const size = formatCount(limits.size);
    const message = limits.noViews
      ? vscode.l10n.t('Speech Draft: {0} is very large ({1} characters): it is checked when it is opened or saved, not as you type, and gets no outline, folding or length in the status bar (setting speechDraft.maxTypingCheckSize).', name, size)
      : vscode.l10n.t('Speech Draft: {0} is large ({1} characters): it is checked when it is opened or saved, not as you type (setting speechDraft.maxTypingCheckSize).', name, size);
    const settings = vscode.l10n.t('Open Settings');
    void vscode.window.showInformationMessage(message, settings).then((choice) => {
      if (choice === settings) void vscode.commands.executeCommand('workbench.action.openSettings', 'speechDraft.maxTypingCheckSize');
    });
  }

  private publish(doc: vscode.TextDocument, version: number, problems: Problem[]): void {
    this.results.set(doc.uri.toString(), { version, problems });
    this.collection.set(doc.uri, problems.map((p) => this.toDiagnostic(doc, p)));
  }

  private toDiagnostic(doc: vscode.TextDocument, p: Problem): vscode.Diagnostic {
    const zh = isChinese();
    const d = new vscode.Diagnostic(problemRange(p), zh ? p.message['zh-cn'] : p.message.en, SEVERITY[p.severity]);
    d.source = DIAGNOSTIC_SOURCE;
    d.code = { value: p.rule, target: vscode.Uri.joinPath(this.docsBase, `${p.rule}.md`) };
    // One problem, the other places it concerns (e.g. the later headings its fix renumbers).
    if (p.related?.length) {
      d.relatedInformation = p.related.map((r) => new vscode.DiagnosticRelatedInformation(
        new vscode.Location(doc.uri, new vscode.Range(r.line, r.column, r.endLine, r.endColumn)),
        zh ? r.message['zh-cn'] : r.message.en,
      ));
    }
    return d;
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.results.delete(key);
    this.collection.delete(uri);
    this.toldLarge.delete(key);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
