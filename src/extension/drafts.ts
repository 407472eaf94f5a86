/**
 * Which open documents are speech drafts, and their parsed models, cached by document version so
 * that every provider of one edit shares one parse.
 */
import * as vscode from 'vscode';
import { isDraft } from '../core/outline';
import { type DraftModel, parseDraft } from '../core/parser';

/** `speech-draft` is the draft language of this extension (plain text with its own grammar). */
export const DRAFT_LANGUAGE = 'speech-draft';
export const DRAFT_LANGUAGES = ['plaintext', 'markdown', DRAFT_LANGUAGE];
export const DRAFT_SELECTOR: vscode.DocumentSelector = DRAFT_LANGUAGES.map((language) => ({ language }));
/** The scheme of the extension's read-only reports (Show Keywords): Markdown, never a draft. */
export const REPORT_SCHEME = 'speech-draft-report';

type EnableMode = 'auto' | 'always' | 'never';

interface Entry {
  version: number;
  model: DraftModel;
}

export class DraftStore implements vscode.Disposable {
  private readonly cache = new Map<string, Entry>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a setting changes which documents count as drafts. */
  readonly onDidChangeDrafts = this.changed.event;

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('speechDraft')) this.changed.fire();
      }),
      this.changed,
    );
  }

  /** The parsed model of a document (parsed at most once per version). */
  model(doc: vscode.TextDocument): DraftModel {
    const key = doc.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === doc.version) return hit.model;
    const model = parseDraft(doc.getText(), { markdown: doc.languageId === 'markdown' });
    this.cache.set(key, { version: doc.version, model });
    return model;
  }

  /** The model when the document is a draft under the current settings, else undefined. */
  draft(doc: vscode.TextDocument): DraftModel | undefined {
    if (!DRAFT_LANGUAGES.includes(doc.languageId) || doc.uri.scheme === REPORT_SCHEME) return undefined;
    const config = vscode.workspace.getConfiguration('speechDraft', doc.uri);
    const mode = config.get<EnableMode>('enable', 'auto');
    if (mode === 'never') return undefined;
    const model = this.model(doc);
    // A file in the draft language is a draft by choice.
    if (mode === 'always' || doc.languageId === DRAFT_LANGUAGE || isDraft(model)) return model;
    const include = config.get<string[]>('include', []);
    if (include.some((pattern) => typeof pattern === 'string' && vscode.languages.match({ pattern }, doc) > 0)) return model;
    return undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.cache.clear();
  }
}
