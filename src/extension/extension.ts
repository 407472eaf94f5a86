/**
 * Speech Draft's extension entry: a thin adapter over src/core (markdownlint's pattern). Activation
 * only registers providers; documents are parsed when VS Code first asks for them.
 */
import * as vscode from 'vscode';
import { DRAFT_SELECTOR, DraftStore } from './drafts';
import { DraftFoldingProvider, DraftSymbolProvider } from './outline';

export function activate(context: vscode.ExtensionContext): void {
  const store = new DraftStore();
  context.subscriptions.push(
    store,
    vscode.languages.registerDocumentSymbolProvider(DRAFT_SELECTOR, new DraftSymbolProvider(store), {
      label: vscode.l10n.t('Speech Draft'),
    }),
    vscode.languages.registerFoldingRangeProvider(DRAFT_SELECTOR, new DraftFoldingProvider(store)),
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
