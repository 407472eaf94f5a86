/**
 * Structure commands (Insert Next Heading, Insert Sub-heading, Promote/Demote Heading, Move Section
 * Up/Down) over src/core/structure-edit, and the `speechDraft.isDraft` context key their
 * keybindings and menus use. Each command is one WorkspaceEdit: one undo step.
 */
import * as vscode from 'vscode';
import { type StructureResult, StructureEditError, changeLevel, insertNextHeading, insertSubheading, moveSection } from '../core/structure-edit';
import { splitLines } from '../core/text';
import type { DraftStore } from './drafts';

type Operation = (text: string, markdown: boolean, line: number) => StructureResult;

const OPERATIONS: Record<string, Operation> = {
  'speechDraft.insertNextHeading': insertNextHeading,
  'speechDraft.insertSubheading': insertSubheading,
  'speechDraft.promoteHeading': (t, m, l) => changeLevel(t, m, l, -1),
  'speechDraft.demoteHeading': (t, m, l) => changeLevel(t, m, l, 1),
  'speechDraft.moveSectionUp': (t, m, l) => moveSection(t, m, l, -1),
  'speechDraft.moveSectionDown': (t, m, l) => moveSection(t, m, l, 1),
};

function reasonText(reason: StructureEditError['reason']): string {
  switch (reason) {
    case 'not-a-heading':
      return vscode.l10n.t('Speech Draft: put the cursor on a heading line.');
    case 'no-section':
      return vscode.l10n.t('Speech Draft: the cursor is not inside a numbered section.');
    case 'top-level':
      return vscode.l10n.t('Speech Draft: this heading is already at the top level.');
    case 'deepest-level':
      return vscode.l10n.t('Speech Draft: this heading is already at the deepest level (①).');
    case 'first-of-level':
      return vscode.l10n.t('Speech Draft: the first heading of its level has no heading above it to go under.');
    case 'breaks-hierarchy':
      return vscode.l10n.t('Speech Draft: the headings around this one are at other levels: changing its level here would break the hierarchy.');
    case 'no-sibling':
      return vscode.l10n.t('Speech Draft: there is no section to move past in that direction.');
    case 'part-title':
      return vscode.l10n.t('Speech Draft: part titles and appendices are not numbered headings.');
  }
}

/**
 * Edits that turn the document into `result.text`, line by line: only changed lines are replaced,
 * and an inserted line is inserted (so the rest of the document is left alone).
 */
export function resultEdits(doc: vscode.TextDocument, result: StructureResult): vscode.TextEdit[] {
  const next = splitLines(result.text.replace(/^\uFEFF/, '')).lines;
  const edits: vscode.TextEdit[] = [];
  const inserted = result.insertedLine;
  for (let i = 0; i < next.length; i++) {
    if (i === inserted) {
      const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
      if (i < doc.lineCount) edits.push(vscode.TextEdit.insert(new vscode.Position(i, 0), next[i] + eol));
      else edits.push(vscode.TextEdit.insert(doc.lineAt(doc.lineCount - 1).range.end, eol + next[i]));
      continue;
    }
    const old = inserted !== undefined && i > inserted ? i - 1 : i;
    if (old >= doc.lineCount) continue;
    const line = doc.lineAt(old);
    if (line.text !== next[i]) edits.push(vscode.TextEdit.replace(line.range, next[i]));
  }
  return edits;
}

async function run(store: DraftStore, command: string): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const doc = editor.document;
  const model = store.draft(doc);
  if (!model) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Speech Draft: this file is not a speech draft (no numbered headings found).'));
    return;
  }
  let result: StructureResult;
  try {
    result = OPERATIONS[command](doc.getText(), model.markdown, editor.selection.active.line);
  } catch (err) {
    if (err instanceof StructureEditError) {
      void vscode.window.setStatusBarMessage(reasonText(err.reason), 4000);
      return;
    }
    throw err;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.set(doc.uri, resultEdits(doc, result));
  if (!(await vscode.workspace.applyEdit(edit))) return;
  const pos = new vscode.Position(result.cursor.line, result.cursor.character);
  editor.selection = new vscode.Selection(pos, pos);
  editor.revealRange(new vscode.Range(pos, pos));
}

export function registerStructureCommands(store: DraftStore): vscode.Disposable[] {
  const updateContext = () => {
    const doc = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', 'speechDraft.isDraft', Boolean(doc && store.draft(doc)));
  };
  updateContext();
  return [
    ...Object.keys(OPERATIONS).map((command) => vscode.commands.registerCommand(command, () => run(store, command))),
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) updateContext();
    }),
    store.onDidChangeDrafts(updateContext),
  ];
}
