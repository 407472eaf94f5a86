/**
 * The length of the active draft and its speaking time in the status bar (`7,512 字 · 约 38 分钟`),
 * or of the selection when there is one (`选中 320 字 · 约 2 分钟`). Hidden for non-drafts. Clicking
 * it shows the Outline view, whose details carry the same minutes per section.
 */
import * as vscode from 'vscode';
import { formatCount } from '../core/outline';
import type { DraftModel } from '../core/parser';
import { type CharCounts, DEFAULT_RATE, MAX_SETTING_RATE, MIN_SETTING_RATE, minutesFor, rangeCounts, speakingTime } from '../core/stats';
import type { DraftStore } from './drafts';

/** Edits update the item at most this often. */
const THROTTLE_MS = 300;

/** `speechDraft.speakingRate` for a document: characters a minute, within the setting's bounds. */
export function speakingRate(uri?: vscode.Uri): number {
  const v = vscode.workspace.getConfiguration('speechDraft', uri).get<unknown>('speakingRate', DEFAULT_RATE);
  if (typeof v !== 'number' || !Number.isFinite(v)) return DEFAULT_RATE;
  return Math.min(MAX_SETTING_RATE, Math.max(MIN_SETTING_RATE, v));
}

/** `about 38 min` / `约 38 分钟`; under a minute `about 40 s` / `约 40 秒`. */
function aboutTime(chars: number, rate: number): string {
  const t = speakingTime(minutesFor(chars, rate));
  return t.unit === 'min' ? vscode.l10n.t('about {0} min', formatCount(t.value)) : vscode.l10n.t('about {0} s', formatCount(t.value));
}

/** Counts of the non-empty selections of an editor, summed; undefined when every selection is empty. */
function selectionCounts(editor: vscode.TextEditor, model: DraftModel): CharCounts | undefined {
  let any = false;
  const sum: CharCounts = { chars: 0, charsWithPunctuation: 0 };
  for (const s of editor.selections) {
    if (s.isEmpty) continue;
    any = true;
    const c = rangeCounts(model, s.start.line, s.start.character, s.end.line, s.end.character);
    sum.chars += c.chars;
    sum.charsWithPunctuation += c.charsWithPunctuation;
  }
  return any ? sum : undefined;
}

export class DraftStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly store: DraftStore) {
    this.item = vscode.window.createStatusBarItem('speechDraft.length', vscode.StatusBarAlignment.Right, 100);
    this.item.name = vscode.l10n.t('Speech Draft: Length and Speaking Time');
    this.item.command = 'outline.focus';
    const isActive = (doc: vscode.TextDocument) => doc === vscode.window.activeTextEditor?.document;
    this.disposables = [
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      // While an edit's update is pending, the selection change that came with it waits for it too.
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor === vscode.window.activeTextEditor && this.timer === undefined) this.update();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isActive(e.document)) this.schedule();
      }),
      // A language change (Use Draft Language) reopens the document.
      vscode.workspace.onDidOpenTextDocument((doc) => {
        if (isActive(doc)) this.schedule();
      }),
      // Settings: the rate, and which files are drafts.
      store.onDidChangeDrafts(() => this.update()),
    ];
    // The first update is off the activation path.
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, THROTTLE_MS);
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    const model = editor ? this.store.draft(editor.document) : undefined;
    if (!editor || !model) {
      this.item.hide();
      return;
    }
    const rate = speakingRate(editor.document.uri);
    const selected = selectionCounts(editor, model);
    const n = (x: number) => formatCount(x);
    this.item.text = selected
      ? vscode.l10n.t('Selected {0} chars · {1}', n(selected.chars), aboutTime(selected.chars, rate))
      : vscode.l10n.t('{0} chars · {1}', n(model.chars), aboutTime(model.chars, rate));
    const lines = [
      vscode.l10n.t('Draft: {0} chars ({1} with punctuation), {2}', n(model.chars), n(model.charsWithPunctuation), aboutTime(model.chars, rate)),
    ];
    if (selected) {
      lines.push(
        vscode.l10n.t('Selection: {0} chars ({1} with punctuation), {2}', n(selected.chars), n(selected.charsWithPunctuation), aboutTime(selected.chars, rate)),
      );
    }
    lines.push(vscode.l10n.t('Speaking rate: {0} chars a minute (setting speechDraft.speakingRate)', n(rate)));
    lines.push(vscode.l10n.t('Click to show the Outline'));
    this.item.tooltip = lines.join('\n');
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const d of this.disposables) d.dispose();
  }
}
