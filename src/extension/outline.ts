/**
 * Outline view, breadcrumbs and sticky scroll (one DocumentSymbolProvider), and folding per section.
 */
import * as vscode from 'vscode';
import { formatCount, headingLabel } from '../core/outline';
import type { DraftModel, Section } from '../core/parser';
import { minutesFor, speakingTime } from '../core/stats';
import type { DraftStore } from './drafts';
import { speakingRate } from './statusbar';

/** `1,234 chars · 6 min` / `1,234字 · 6分钟`; under a minute `40 s` / `40秒`. */
function charsDetail(n: number, rate: number): string {
  const time = speakingTime(minutesFor(n, rate));
  const value = formatCount(time.value);
  return time.unit === 'min' ? vscode.l10n.t('{0} chars · {1} min', formatCount(n), value) : vscode.l10n.t('{0} chars · {1} s', formatCount(n), value);
}

function lineEnd(doc: vscode.TextDocument, line: number): vscode.Position {
  return doc.lineAt(Math.min(line, doc.lineCount - 1)).range.end;
}

function sectionSymbol(doc: vscode.TextDocument, s: Section, withMarker: boolean, rate: number): vscode.DocumentSymbol {
  const h = s.heading;
  const name = (withMarker ? headingLabel({ marker: h.marker.text, title: h.title }) : h.title) || h.marker.text;
  const range = new vscode.Range(h.line, 0, s.endLine, lineEnd(doc, s.endLine).character);
  const selStart = h.marker.text ? h.marker.start : h.titleStart;
  const selection = new vscode.Range(h.line, selStart, h.line, Math.max(h.titleEnd, h.marker.end));
  const symbol = new vscode.DocumentSymbol(name, charsDetail(s.chars, rate), vscode.SymbolKind.String, range, selection);
  symbol.children = s.children.map((c) => sectionSymbol(doc, c, withMarker, rate));
  return symbol;
}

/** Symbols of a draft: the title as the root when there is one, then sections nested by level. */
export function draftSymbols(doc: vscode.TextDocument, model: DraftModel, withMarker: boolean, rate: number): vscode.DocumentSymbol[] {
  const sections = model.sections.map((s) => sectionSymbol(doc, s, withMarker, rate));
  const t = model.title;
  if (!t) return sections;
  const last = doc.lineCount - 1;
  const root = new vscode.DocumentSymbol(
    t.text,
    charsDetail(model.chars, rate),
    vscode.SymbolKind.File,
    new vscode.Range(t.line, 0, last, doc.lineAt(last).range.end.character),
    new vscode.Range(t.line, t.start, t.line, t.end),
  );
  root.children = sections;
  return [root];
}

export class DraftSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly store: DraftStore) {}

  provideDocumentSymbols(doc: vscode.TextDocument): vscode.DocumentSymbol[] | undefined {
    const model = this.store.draft(doc);
    if (!model) return undefined;
    const withMarker = vscode.workspace.getConfiguration('speechDraft', doc.uri).get<boolean>('outline.showMarkers', true);
    return draftSymbols(doc, model, withMarker, speakingRate(doc.uri));
  }
}

export class DraftFoldingProvider implements vscode.FoldingRangeProvider {
  readonly onDidChangeFoldingRanges: vscode.Event<void>;

  constructor(private readonly store: DraftStore) {
    this.onDidChangeFoldingRanges = store.onDidChangeDrafts;
  }

  /** Undefined (not []) for a non-draft, so that VS Code keeps its indentation-based folding. */
  provideFoldingRanges(doc: vscode.TextDocument): vscode.FoldingRange[] | undefined {
    const model = this.store.draft(doc);
    if (!model) return undefined;
    const out: vscode.FoldingRange[] = [];
    const walk = (sections: Section[]) => {
      for (const s of sections) {
        if (s.endLine > s.heading.line) out.push(new vscode.FoldingRange(s.heading.line, s.endLine, vscode.FoldingRangeKind.Region));
        walk(s.children);
      }
    };
    walk(model.sections);
    return out;
  }
}
