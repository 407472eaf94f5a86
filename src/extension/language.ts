/**
 * The draft language `speech-draft` (its grammar colours the markers): the command Use Draft
 * Language for the current plain-text file, and `speechDraft.draftLanguage: auto`, which switches
 * plain-text files that the draft detection recognises.
 */
import * as vscode from 'vscode';
import { DRAFT_LANGUAGE, type DraftStore } from './drafts';

export function registerDraftLanguage(store: DraftStore): vscode.Disposable[] {
  const switchIfDraft = (doc: vscode.TextDocument) => {
    if (doc.languageId !== 'plaintext') return;
    if (vscode.workspace.getConfiguration('speechDraft', doc.uri).get<string>('draftLanguage', 'off') !== 'auto') return;
    if (store.draft(doc)) void vscode.languages.setTextDocumentLanguage(doc, DRAFT_LANGUAGE);
  };
  for (const doc of vscode.workspace.textDocuments) switchIfDraft(doc);
  return [
    vscode.commands.registerCommand('speechDraft.useDraftLanguage', async () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc) return;
      await vscode.languages.setTextDocumentLanguage(doc, DRAFT_LANGUAGE);
    }),
    vscode.workspace.onDidOpenTextDocument(switchIfDraft),
    vscode.workspace.onDidSaveTextDocument(switchIfDraft),
  ];
}
