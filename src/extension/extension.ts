/**
 * Speech Draft's extension entry: a thin adapter over src/core (markdownlint's pattern). Activation
 * only registers providers; documents are parsed when VS Code first asks for them.
 */
import * as vscode from 'vscode';
import { DRAFT_SELECTOR, DraftStore } from './drafts';
import { DraftFoldingProvider, DraftSymbolProvider } from './outline';

export function activate(context: vscode.ExtensionContext): void {
  const store = new DraftStore();
  const symbols = new DraftSymbolProvider(store);
  const registerSymbols = () =>
    vscode.languages.registerDocumentSymbolProvider(DRAFT_SELECTOR, symbols, { label: vscode.l10n.t('Speech Draft') });
  // VS Code caches document symbols per document version and has no event to refresh them, so a
  // settings change (enable, include, showMarkers) re-registers the provider, which drops the cache.
  let symbolRegistration = registerSymbols();
  context.subscriptions.push(
    store,
    { dispose: () => symbolRegistration.dispose() },
    store.onDidChangeDrafts(() => {
      symbolRegistration.dispose();
      symbolRegistration = registerSymbols();
    }),
    vscode.languages.registerFoldingRangeProvider(DRAFT_SELECTOR, new DraftFoldingProvider(store)),
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
