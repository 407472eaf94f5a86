/**
 * Which open documents are speech drafts, and their parsed models, cached by document version so
 * that every provider of one edit shares one parse. Also the size limits of the typing path: a
 * document past `speechDraft.maxTypingCheckSize` characters is checked on open and save only, and
 * one past VIEW_LIMIT_FACTOR times that gets no outline, folding, completion or status bar either,
 * so that no keystroke waits on a parse or a check of a huge text.
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

/** Default of `speechDraft.maxTypingCheckSize`, in characters (UTF-16 code units, as the editor counts). */
export const DEFAULT_MAX_TYPING_CHECK_SIZE = 1_000_000;
/** Past this many times `maxTypingCheckSize`, the views that parse on every edit skip the document. */
export const VIEW_LIMIT_FACTOR = 4;

/** Where a document stands against the size limits. */
export interface SizeLimits {
  /** Characters of the document. */
  size: number;
  /** The setting's value for the document. */
  maxTypingCheckSize: number;
  /** Checked on open and save only, never as the writer types. */
  onSaveOnly: boolean;
  /** No outline, folding, completion or status bar: they would parse on every edit. */
  noViews: boolean;
}

/** The setting, read defensively: a number of characters, at least 0. */
export function maxTypingCheckSize(uri: vscode.Uri): number {
  const v = vscode.workspace.getConfiguration('speechDraft', uri).get<unknown>('maxTypingCheckSize', DEFAULT_MAX_TYPING_CHECK_SIZE);
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : DEFAULT_MAX_TYPING_CHECK_SIZE;
}

interface Entry {
  version: number;
  model: DraftModel;
}

export class DraftStore implements vscode.Disposable {
  private readonly cache = new Map<string, Entry>();
  private readonly sizes = new Map<string, { version: number; size: number }>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a setting changes which documents count as drafts. */
  readonly onDidChangeDrafts = this.changed.event;

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.cache.delete(d.uri.toString());
        this.sizes.delete(d.uri.toString());
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('speechDraft')) this.changed.fire();
      }),
      this.changed,
    );
  }

  /**
   * The size limits of a document. Its length comes from the document's line index (no copy of the
   * text), cached with the version like the model.
   */
  limits(doc: vscode.TextDocument): SizeLimits {
    const key = doc.uri.toString();
    let hit = this.sizes.get(key);
    if (!hit || hit.version !== doc.version) {
      // A position past the end is clamped to it: its offset is the length of the document.
      hit = { version: doc.version, size: doc.offsetAt(new vscode.Position(doc.lineCount, 0)) };
      this.sizes.set(key, hit);
    }
    const max = maxTypingCheckSize(doc.uri);
    // 0 asks for every draft to be checked on save only; the views then stop where they do by default.
    const viewLimit = (max > 0 ? max : DEFAULT_MAX_TYPING_CHECK_SIZE) * VIEW_LIMIT_FACTOR;
    return { size: hit.size, maxTypingCheckSize: max, onSaveOnly: hit.size > max, noViews: hit.size > viewLimit };
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

  /**
   * The model when the document is a draft under the current settings, else undefined. For the
   * providers that run on every edit (outline, folding, completion, status bar, code actions):
   * undefined past the view limit too.
   */
  draft(doc: vscode.TextDocument): DraftModel | undefined {
    if (!DRAFT_LANGUAGES.includes(doc.languageId) || doc.uri.scheme === REPORT_SCHEME) return undefined;
    if (this.limits(doc).noViews) return undefined;
    return this.draftToCheck(doc);
  }

  /** As `draft`, whatever the size: for the checks, which bound themselves (on open and save only). */
  draftToCheck(doc: vscode.TextDocument): DraftModel | undefined {
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
    this.sizes.clear();
  }
}
