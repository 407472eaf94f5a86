/**
 * Word segmentation for the extension: one Segmenter (nodejieba in a child process, never in the
 * extension host) created on first use — never at activation — and ended after
 * `speechDraft.segmenterIdleMinutes` without requests. Results are cached per document version. If
 * segmentation cannot work, the word-level checks say so once and everything else goes on.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DraftModel } from '../core/parser';
import { segmentationRequest, type WordData, wordData } from '../core/words';
import { bundledSegmenterPaths, createSegmenter, type Segmenter, SegmenterUnavailableError } from '../segment/client';
import { chooseUserDictionary } from '../segment/user-dictionary';
import { isChinese } from './diagnostics';

export class WordService implements vscode.Disposable {
  private segmenter: Segmenter | undefined;
  private signature = '';
  private readonly cache = new Map<string, { version: number; words: Promise<WordData | undefined> }>();
  private reported = false;
  /** Words of texts already segmented: after an edit only the changed lines go to the child. */
  private readonly known = new Map<string, string[]>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionPath: string,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('speechDraft.userDictionary') || e.affectsConfiguration('speechDraft.segmenterIdleMinutes')) {
          void this.reset();
        }
      }),
    );
  }

  /** The segmenter, created on first use with the current settings. */
  getSegmenter(scope?: vscode.Uri): Segmenter {
    const config = vscode.workspace.getConfiguration('speechDraft', scope);
    const userDictionary = this.userDictionary(config, scope);
    const idleMinutes = Math.max(1, config.get<number>('segmenterIdleMinutes', 5));
    const signature = `${userDictionary}|${idleMinutes}`;
    if (!this.segmenter || signature !== this.signature) {
      void this.segmenter?.dispose();
      const { workerPath, dictDir } = bundledSegmenterPaths(this.extensionPath);
      this.segmenter = createSegmenter({
        workerPath,
        dictDir,
        userDicts: userDictionary ? [userDictionary] : [],
        idleMs: idleMinutes * 60_000,
        log: (m) => this.log.info(`[segmenter] ${m}`),
      });
      this.signature = signature;
    }
    return this.segmenter;
  }

  /** Words of a draft's current version, or undefined when segmentation is unavailable. */
  wordsFor(doc: vscode.TextDocument, model: DraftModel): Promise<WordData | undefined> {
    const key = doc.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === doc.version) return hit.words;
    const request = segmentationRequest(model);
    const missing = [...new Set(request.texts.filter((t) => !this.known.has(t)))];
    const words = (missing.length ? this.getSegmenter(doc.uri).cut(missing) : Promise.resolve([]))
      .then(
        (results) => {
          missing.forEach((t, i) => this.remember(t, results[i] ?? []));
          return wordData(request, request.texts.map((t) => this.known.get(t) ?? []));
        },
        (err: unknown) => {
          this.unavailable(err);
          return undefined;
        },
      );
    this.cache.set(key, { version: doc.version, words });
    return words;
  }

  private remember(text: string, words: string[]): void {
    // Bounded: the oldest entries go first (Map keeps insertion order).
    if (this.known.size >= WordService.MAX_KNOWN) this.known.delete(this.known.keys().next().value as string);
    this.known.set(text, words);
  }

  private static readonly MAX_KNOWN = 50_000;

  /** What the status command shows (and the integration tests read). */
  status(): { created: boolean; loaded: boolean; pid: number | undefined; starts: number; nodejiebaInHost: boolean } {
    const s = this.segmenter?.stats();
    return {
      created: this.segmenter !== undefined,
      loaded: s?.loaded ?? false,
      pid: s?.pid,
      starts: s?.starts ?? 0,
      // The extension host itself never loads the addon: it lives in the child process.
      nodejiebaInHost: Object.keys(require.cache).some((k) => k.includes(`${path.sep}nodejieba${path.sep}`)),
    };
  }

  /**
   * The user dictionary to load, '' for none. A path the workspace's settings cannot vouch for (one
   * leading out of the workspace folder) is refused with a warning, once, and segmentation goes on
   * with the dictionaries that ship with the extension (src/segment/user-dictionary.ts).
   */
  private userDictionary(config: vscode.WorkspaceConfiguration, scope?: vscode.Uri): string {
    const value = config.get<string>('userDictionary', '');
    if (!value) return '';
    const set = config.inspect<string>('userDictionary');
    const fromWorkspace = [set?.workspaceFolderValue, set?.workspaceValue, set?.workspaceFolderLanguageValue, set?.workspaceLanguageValue].some((v) => v !== undefined);
    const folder = ((scope && vscode.workspace.getWorkspaceFolder(scope)) ?? vscode.workspace.workspaceFolders?.[0])?.uri.fsPath;
    const choice = chooseUserDictionary({ value, fromWorkspace, folder });
    if (!('refused' in choice)) return choice.path ?? '';
    const text = isChinese() ? choice.refused.zh : choice.refused.en;
    this.log.warn(text);
    if (!this.refused.has(text)) {
      this.refused.add(text);
      void vscode.window.showWarningMessage(vscode.l10n.t('Speech Draft: the user dictionary was not loaded: {0}', text));
    }
    return '';
  }

  private readonly refused = new Set<string>();

  private unavailable(err: unknown): void {
    const text =
      err instanceof SegmenterUnavailableError
        ? isChinese()
          ? err.reasonZh
          : err.reason
        : String((err as Error)?.message ?? err);
    this.log.warn(`word segmentation unavailable: ${text}`);
    if (this.reported) return;
    this.reported = true;
    void vscode.window.showWarningMessage(vscode.l10n.t('Speech Draft: word-level checks are off because word segmentation is unavailable: {0}', text));
  }

  private async reset(): Promise<void> {
    const old = this.segmenter;
    this.segmenter = undefined;
    this.cache.clear();
    this.known.clear();
    this.reported = false;
    await old?.dispose();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    void this.segmenter?.dispose();
  }
}
