/**
 * Speech Draft: Show Keywords (`speechDraft.showKeywords`): the top TF-IDF keywords of the active
 * draft and of its sections (src/core/keywords.ts), in a new untitled Markdown document beside it.
 * The segmenter is the extension's one shared instance (src/extension/words.ts), received as a
 * function: this module never starts or disposes one.
 */
import * as vscode from 'vscode';
import { DEFAULT_KEYWORDS, type DraftKeywords, keywordTexts, keywordsMarkdown, rankKeywords } from '../core/keywords';
import { formatCount, headingLabel } from '../core/outline';
import type { DraftModel } from '../core/parser';
import { type Segmenter, SegmenterRequestError, SegmenterUnavailableError } from '../segment/client';
import type { DraftStore } from './drafts';

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
 * The command: keywords of the active draft in an untitled Markdown document beside it. Returns
 * that document (undefined when there is no draft, on cancellation or on failure).
 */
export async function showKeywords(getSegmenter: () => Segmenter, store: DraftStore): Promise<vscode.TextDocument | undefined> {
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
  const report = await vscode.workspace.openTextDocument({ language: 'markdown', content: keywordsReport(doc, model, keywords) });
  await vscode.window.showTextDocument(report, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  return report;
}

/** Registers `speechDraft.showKeywords`; the segmenter comes from the extension's shared WordService. */
export function registerKeywords(getSegmenter: () => Segmenter, store: DraftStore): vscode.Disposable[] {
  return [vscode.commands.registerCommand(SHOW_KEYWORDS_COMMAND, () => showKeywords(getSegmenter, store))];
}
