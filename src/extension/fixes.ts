/**
 * Quick fixes (Ctrl+.), "fix all of this rule", "fix all", `source.fixAll.speechDraft` for
 * `editor.codeActionsOnSave`, and the Fix All / Renumber Headings commands. Every fix is one
 * WorkspaceEdit, so it is one undo step, and replaces only the lines it changes.
 */
import * as vscode from 'vscode';
import type { ResolvedConfig } from '../core/config';
import { fixText } from '../core/lint';
import type { Problem, TextEdit } from '../core/rules/types';
import { splitLines } from '../core/text';
import { DIAGNOSTIC_SOURCE, isChinese, type Linter, problemRange } from './diagnostics';
import type { DraftStore } from './drafts';
import type { RuleSettings } from './settings';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('speechDraft');
const NUMBERING_RULES = new Set(['heading-sequence', 'heading-marker']);

/**
 * Replacements that turn the document's text into `fixed`: one per changed line while the line
 * count stays (the usual case), and where lines were joined, one replacement of the lines between
 * the first and the last that differ (with the document's own line breaks).
 */
export function editsTo(doc: vscode.TextDocument, fixed: string): vscode.TextEdit[] {
  const { lines, eols } = splitLines(fixed.replace(/^\uFEFF/, ''));
  const edits: vscode.TextEdit[] = [];
  if (lines.length === doc.lineCount) {
    for (let i = 0; i < lines.length; i++) {
      const line = doc.lineAt(i);
      if (line.text !== lines[i]) edits.push(vscode.TextEdit.replace(line.range, lines[i]));
    }
    return edits;
  }
  let head = 0;
  while (head < lines.length && head < doc.lineCount && doc.lineAt(head).text === lines[head]) head++;
  let tail = 0;
  while (tail < lines.length - head && tail < doc.lineCount - head && doc.lineAt(doc.lineCount - 1 - tail).text === lines[lines.length - 1 - tail]) tail++;
  const lastOld = doc.lineCount - 1 - tail;
  const lastNew = lines.length - 1 - tail;
  let text = '';
  for (let i = head; i <= lastNew; i++) text += lines[i] + (i < lastNew ? eols[i] : '');
  // Only lines added: insert them, with their line break, before line `head`.
  if (lastOld < head) return [vscode.TextEdit.insert(new vscode.Position(head, 0), text + eols[lastNew])];
  return [vscode.TextEdit.replace(new vscode.Range(head, 0, lastOld, doc.lineAt(lastOld).text.length), text)];
}

/** A core edit as a VS Code edit. */
function toVsEdit(e: TextEdit): vscode.TextEdit {
  return vscode.TextEdit.replace(new vscode.Range(e.line, e.start, e.endLine ?? e.line, e.end), e.text);
}

function workspaceEdit(doc: vscode.TextDocument, edits: vscode.TextEdit[]): vscode.WorkspaceEdit {
  const we = new vscode.WorkspaceEdit();
  we.set(doc.uri, edits);
  return we;
}

export class DraftFixes implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(
    private readonly store: DraftStore,
    private readonly settings: RuleSettings,
    private readonly linter: Linter,
  ) {}

  /** The document fixed by the selected problems' fixes (to a fixed point), as edits. */
  async fixEdits(doc: vscode.TextDocument, select?: (p: Problem) => boolean, config?: ResolvedConfig): Promise<vscode.TextEdit[]> {
    const model = this.store.draft(doc);
    if (!model) return [];
    const resolved = config ?? (await this.settings.forDocument(doc));
    const result = fixText(doc.getText(), { markdown: model.markdown, config: resolved, select });
    return editsTo(doc, result.text);
  }

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[] | undefined> {
    if (!this.store.draft(doc)) return undefined;
    const config = await this.settings.forDocument(doc);
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) {
      // source.fixAll / source.fixAll.speechDraft: on save (editor.codeActionsOnSave) or from the
      // Source Action menu.
      return context.only.intersects(FIX_ALL_KIND) ? this.fixAllAction(doc, config, FIX_ALL_KIND) : undefined;
    }

    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return undefined;
    const problems = this.linter.problems(doc) ?? (await this.linter.lintNow(doc));
    const actions: vscode.CodeAction[] = [];
    const rulesSeen = new Set<string>();
    const zh = isChinese();
    // A document checked on save only (past speechDraft.maxTypingCheckSize): the lightbulb, asked
    // for as the cursor moves, offers each problem's own fix, not the whole-document fixes that
    // would fix the text again on every request (Fix All and fix on save still do that).
    const large = this.store.limits(doc).onSaveOnly;
    for (const d of ours) {
      const rule = typeof d.code === 'object' ? String(d.code.value) : String(d.code);
      const p = problems.find((x) => x.rule === rule && problemRange(x).isEqual(d.range) && (x.fix || x.suggestions?.length));
      if (!p) continue;
      // Suggestions change words: offered one at a time, never preferred, never part of Fix All.
      for (const sg of p.suggestions ?? []) {
        const action = new vscode.CodeAction(zh ? sg.title['zh-cn'] : sg.title.en, vscode.CodeActionKind.QuickFix);
        action.edit = workspaceEdit(doc, sg.edits.map(toVsEdit));
        action.diagnostics = [d];
        actions.push(action);
      }
      if (!p.fix) continue;
      const fix = new vscode.CodeAction(vscode.l10n.t('Fix this {0} problem', rule), vscode.CodeActionKind.QuickFix);
      fix.edit = workspaceEdit(doc, p.fix.map(toVsEdit));
      fix.diagnostics = [d];
      fix.isPreferred = true;
      actions.push(fix);
      if (!large && !rulesSeen.has(rule) && problems.filter((x) => x.rule === rule && x.fix).length > 1) {
        rulesSeen.add(rule);
        const all = new vscode.CodeAction(vscode.l10n.t('Fix all {0} problems', rule), vscode.CodeActionKind.QuickFix);
        all.edit = workspaceEdit(doc, await this.fixEdits(doc, (x) => x.rule === rule, config));
        actions.push(all);
      }
    }
    if (actions.length > 0 && !large) actions.push(...(await this.fixAllAction(doc, config, vscode.CodeActionKind.QuickFix)));
    return actions;
  }

  private async fixAllAction(doc: vscode.TextDocument, config: ResolvedConfig, kind: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
    const edits = await this.fixEdits(doc, undefined, config);
    if (edits.length === 0) return [];
    const action = new vscode.CodeAction(vscode.l10n.t('Fix all Speech Draft problems'), kind);
    action.edit = workspaceEdit(doc, edits);
    return [action];
  }
}

/** Speech Draft: Fix All Problems. */
export async function fixAllCommand(fixes: DraftFixes): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const edits = await fixes.fixEdits(editor.document);
  if (edits.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Speech Draft: nothing to fix.'));
    return;
  }
  await vscode.workspace.applyEdit(workspaceEdit(editor.document, edits));
}

/** Speech Draft: Renumber Headings — the whole document, or the headings in the selection. */
export async function renumberCommand(fixes: DraftFixes, store: DraftStore): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  if (!store.draft(editor.document)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Speech Draft: this file is not a speech draft (no numbered headings found).'));
    return;
  }
  const selections = editor.selections.filter((s) => !s.isEmpty);
  const inSelection = (p: Problem) => selections.length === 0 || selections.some((s) => p.line >= s.start.line && p.line <= s.end.line);
  const edits = await fixes.fixEdits(editor.document, (p) => NUMBERING_RULES.has(p.rule) && inSelection(p));
  if (edits.length === 0) {
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Speech Draft: the numbering is already consistent.'), 3000);
    return;
  }
  await vscode.workspace.applyEdit(workspaceEdit(editor.document, edits));
}
