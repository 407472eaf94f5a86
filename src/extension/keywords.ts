/**
 * Speech Draft: Show Keywords (`speechDraft.showKeywords`): the top TF-IDF keywords of the active
 * draft and of its sections (src/core/keywords.ts), in a read-only Markdown document beside it.
 * The report is a virtual document of its own scheme (REPORT_SCHEME): it is not a file, so it is
 * never dirty and never asks to be saved, and DraftStore never takes it for a draft (its `## 一、`
 * headings would otherwise be linted like a speech). The segmenter is the extension's one shared
 * instance (src/extension/words.ts), received as a function: this module never starts or disposes one.
 */
import * as vscode from 'vscode';
import { DEFAULT_KEYWORDS, type DraftKeywords, keywordTexts, keywordsMarkdown, rankKeywords } from '../core/keywords';
import { formatCount, headingLabel } from '../core/outline';
import type { DraftModel } from '../core/parser';
import { type Segmenter, SegmenterRequestError, SegmenterUnavailableError } from '../segment/client';
import { type DraftStore, REPORT_SCHEME } from './drafts';

export const SHOW_KEYWORDS_COMMAND = 'speechDraft.showKeywords';

function chinese(): boolean {
  return /^zh/i.test(vscode.env.language);
}

class Cancelled extends Error {}

/** The reason of a segmentation failure in the display language. */
function reasonOf(err: unknown): string {
  if (err instanceof SegmenterUnavailableError) return chinese() ? err.reasonZh : err.reason;
  if (err instanceof SegmenterRequestError) {
    if (chinese()) return err.messageZh;
    const suffix = ` / ${err.messageZh}`;
    return err.message.endsWith(suffix) ? err.message.slice(0, -suffix.length) : err.message;
  }
  return String((err as Error | undefined)?.message ?? err);
}

/** The keywords of a parsed draft, with a cancellable progress notification while they are found. */
async function findKeywords(getSegmenter: () => Segmenter, model: DraftModel): Promise<DraftKeywords | undefined> {
  const texts = keywordTexts(model);
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Speech Draft: finding keywords…'), cancellable: true },
    async (_progress, token) => {
      const segmenter = getSegmenter();
      try {
        return await rankKeywords(texts, DEFAULT_KEYWORDS, async (text, n) => {
          if (token.isCancellationRequested) throw new Cancelled();
          return segmenter.extract(text, n);
        });
      } catch (err) {
        if (err instanceof Cancelled || token.isCancellationRequested) return undefined;
        throw err;
      }
    },
  );
}

/** The Markdown report of a draft's keywords. */
export function keywordsReport(doc: vscode.TextDocument, model: DraftModel, keywords: DraftKeywords): string {
  const name = model.title?.text ?? (doc.isUntitled ? doc.uri.path : doc.uri.path.split('/').pop() ?? doc.uri.path);
  return keywordsMarkdown(model, keywords, {
    heading: vscode.l10n.t('Keywords: {0}', name),
    intro: vscode.l10n.t(
      'The top {0} keywords by TF-IDF (stop words left out) of the whole draft and of its sections and their direct subsections, with their weights.',
      DEFAULT_KEYWORDS,
    ),
    document: vscode.l10n.t('Whole draft'),
    none: vscode.l10n.t('(none)'),
    truncated: (n) => vscode.l10n.t('(from the first {0} characters)', n),
    separator: chinese() ? '、' : ', ',
    formatCount,
    headingLabel: (s) => headingLabel({ marker: s.heading.marker.text, title: s.heading.title }),
  });
}

/**
 * The texts of the open reports, by URI. A report's text lives as long as its document: VS Code
 * asks again only for a document it reopens (then the report says to run the command again).
 */
export class ReportProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [
    this.changed,
    vscode.workspace.onDidCloseTextDocument((d) => {
      if (d.uri.scheme === REPORT_SCHEME) this.texts.delete(d.uri.toString());
    }),
  ];

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? vscode.l10n.t('This report is no longer available: run Speech Draft: Show Keywords again.');
  }

  /** Sets a report's text; an open report shows the new text. */
  set(uri: vscode.Uri, text: string): void {
    const key = uri.toString();
    const was = this.texts.get(key);
    this.texts.set(key, text);
    if (was !== undefined && was !== text) this.changed.fire(uri);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.texts.clear();
  }
}

/** One report per draft: `speech-draft-report:/Keywords · speech.txt.md?<the draft's URI>`. */
function reportUri(doc: vscode.TextDocument): vscode.Uri {
  const base = doc.uri.path.split('/').pop() || doc.uri.path;
  return vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${vscode.l10n.t('Keywords')} · ${base}.md`, query: doc.uri.toString() });
}

/**
 * The command: keywords of the active draft in a read-only Markdown document beside it. Returns
 * that document (undefined when there is no draft, on cancellation or on failure).
 */
export async function showKeywords(getSegmenter: () => Segmenter, store: DraftStore, reports: ReportProvider): Promise<vscode.TextDocument | undefined> {
  const editor = vscode.window.activeTextEditor;
  const doc = editor?.document;
  const model = doc ? store.draft(doc) : undefined;
  if (!doc || !model) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Speech Draft: open a speech draft to show its keywords.'));
    return undefined;
  }
  let keywords: DraftKeywords | undefined;
  try {
    keywords = await findKeywords(getSegmenter, model);
  } catch (err) {
    const text =
      err instanceof SegmenterUnavailableError
        ? vscode.l10n.t('Speech Draft: word segmentation is unavailable, so no keywords can be shown: {0}', reasonOf(err))
        : vscode.l10n.t('Speech Draft: cannot find the keywords: {0}', reasonOf(err));
    void vscode.window.showErrorMessage(text);
    return undefined;
  }
  if (!keywords) return undefined;
  const uri = reportUri(doc);
  const text = keywordsReport(doc, model, keywords);
  reports.set(uri, text);
  let report = await vscode.workspace.openTextDocument(uri);
  if (report.languageId !== 'markdown') report = await vscode.languages.setTextDocumentLanguage(report, 'markdown');
  // A report already open takes the new text asynchronously, after the change event.
  if (report.getText() !== text) {
    await new Promise<void>((resolve) => {
      const done = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === report && report.getText() === text) {
          done.dispose();
          resolve();
        }
      });
      setTimeout(() => {
        done.dispose();
        resolve();
      }, 2000);
    });
  }
  await vscode.window.showTextDocument(report, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  return report;
}

/** Registers `speechDraft.showKeywords` and its reports; the segmenter comes from the extension's shared WordService. */
export function registerKeywords(getSegmenter: () => Segmenter, store: DraftStore): vscode.Disposable[] {
  const reports = new ReportProvider();
  return [
    reports,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports),
    vscode.commands.registerCommand(SHOW_KEYWORDS_COMMAND, () => showKeywords(getSegmenter, store, reports)),
  ];
}
