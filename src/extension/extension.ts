/**
 * Speech Draft's extension entry: a thin adapter over src/core (markdownlint's pattern). Activation
 * only registers providers and listeners; documents are parsed when first needed.
 */
import * as vscode from 'vscode';
import { Linter } from './diagnostics';
import { DRAFT_SELECTOR, DraftStore } from './drafts';
import { NextNumberCompletion } from './completion';
import { DraftFixes, fixAllCommand, renumberCommand } from './fixes';
import { registerDraftLanguage } from './language';
import { DraftFoldingProvider, DraftSymbolProvider } from './outline';
import { RuleSettings } from './settings';
import { DraftStatusBar } from './statusbar';
import { registerKeywords } from './keywords';
import { registerStructureCommands } from './structure';
import { WordService } from './words';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Speech Draft', { log: true });
  const store = new DraftStore();
  const settings = new RuleSettings(log);
  // Created empty: nodejieba loads in a child process on the first word-level check, never here.
  const words = new WordService(context.extensionPath, log);
  const linter = new Linter(store, settings, vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules'), words);
  const fixes = new DraftFixes(store, settings, linter);
  const symbols = new DraftSymbolProvider(store);
  const registerSymbols = () =>
    vscode.languages.registerDocumentSymbolProvider(DRAFT_SELECTOR, symbols, { label: vscode.l10n.t('Speech Draft') });
  // VS Code caches document symbols per document version and has no event to refresh them, so a
  // settings change (enable, include, showMarkers) re-registers the provider, which drops the cache.
  let symbolRegistration = registerSymbols();
  context.subscriptions.push(
    log,
    store,
    settings,
    words,
    linter,
    { dispose: () => symbolRegistration.dispose() },
    store.onDidChangeDrafts(() => {
      symbolRegistration.dispose();
      symbolRegistration = registerSymbols();
    }),
    vscode.languages.registerFoldingRangeProvider(DRAFT_SELECTOR, new DraftFoldingProvider(store)),
    vscode.languages.registerCodeActionsProvider(DRAFT_SELECTOR, fixes, DraftFixes.metadata),
    vscode.commands.registerCommand('speechDraft.fixAll', () => fixAllCommand(fixes)),
    vscode.commands.registerCommand('speechDraft.renumberHeadings', () => renumberCommand(fixes, store)),
    vscode.languages.registerCompletionItemProvider(DRAFT_SELECTOR, new NextNumberCompletion(store), ...NextNumberCompletion.triggerCharacters),
    ...registerStructureCommands(store),
    ...registerDraftLanguage(store),
    new DraftStatusBar(store),
    ...registerKeywords(() => words.getSegmenter(vscode.window.activeTextEditor?.document.uri), store),
    vscode.commands.registerCommand('speechDraft.segmenterStatus', () => {
      const s = words.status();
      void vscode.window.showInformationMessage(
        s.loaded
          ? vscode.l10n.t('Speech Draft: word segmentation is running (process {0}).', String(s.pid))
          : vscode.l10n.t('Speech Draft: word segmentation is not running; it starts with the first word-level check.'),
      );
      return s;
    }),
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
