/**
 * Next-number completion: at the start of a line, a marker opener (（ ( a numeral, a digit) is
 * completed with the markers that may follow there — the next sibling first — in the document's
 * form; after 一是……。 in a paragraph, 二是 is offered.
 */
import * as vscode from 'vscode';
import { nextEnumeration, nextMarkers } from '../core/complete';
import type { DraftStore } from './drafts';

/** The start of a line, then what may have been typed of a marker. */
const LINE_START = /^([ \t\u3000]*(?:>[ \t]?)*(?:#{1,6}[ \t]+)?(?:\*\*)?)([（(]?[一二三四五六七八九十]{0,3}|[0-9０-９]{0,2}|[\u2460-\u2473]?)$/;
/** After a sentence boundary, what may have been typed of an enumeration item. */
const AFTER_BOUNDARY = /[。；：，,;:！？]([一二三四五六七八九十]{0,2}[是要抓]?|第[一二三四五六七八九十]{0,2}|其[一二三四五六七八九十]?)$/;

export class NextNumberCompletion implements vscode.CompletionItemProvider {
  static readonly triggerCharacters = ['（', '(', '。', '；'];

  constructor(private readonly store: DraftStore) {}

  provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position): vscode.CompletionItem[] | undefined {
    const model = this.store.draft(doc);
    if (!model) return undefined;
    const before = doc.lineAt(pos.line).text.slice(0, pos.character);
    const start = LINE_START.exec(before);
    if (start) {
      const typed = start[2];
      const range = new vscode.Range(pos.line, pos.character - typed.length, pos.line, pos.character);
      return nextMarkers(model, pos.line).map((s, i) => {
        const item = new vscode.CompletionItem(s.marker, vscode.CompletionItemKind.EnumMember);
        item.detail =
          s.relation === 'sibling'
            ? vscode.l10n.t('next heading (level {0})', s.level)
            : s.relation === 'child'
              ? vscode.l10n.t('sub-heading (level {0})', s.level)
              : vscode.l10n.t('next heading of a higher level (level {0})', s.level);
        item.range = range;
        item.insertText = s.marker;
        // Whatever was typed of the marker (（, (, 三, 3) matches.
        item.filterText = typed + s.marker;
        item.sortText = String(i).padStart(2, '0');
        item.preselect = i === 0;
        return item;
      });
    }
    const boundary = AFTER_BOUNDARY.exec(before);
    if (boundary) {
      const next = nextEnumeration(model, pos.line, pos.character - boundary[1].length);
      if (!next) return undefined;
      const typed = boundary[1];
      const item = new vscode.CompletionItem(next, vscode.CompletionItemKind.EnumMember);
      item.detail = vscode.l10n.t('next item of the enumeration');
      item.range = new vscode.Range(pos.line, pos.character - typed.length, pos.line, pos.character);
      item.filterText = typed + next;
      item.sortText = '00';
      item.preselect = true;
      return [item];
    }
    return undefined;
  }
}
