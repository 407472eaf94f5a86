/**
 * Speech Draft: Show Keywords in a real VS Code, with the real segmenter (dist/segmenter.js and
 * nodejieba): the active draft's keywords and each section's open in a read-only Markdown report
 * (a virtual document), which is never linted and never asks to be saved.
 */
import * as assert from 'assert';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, openDoc, waitFor } from './util';

const COMMAND = 'speechDraft.showKeywords';

async function activeExtension(): Promise<void> {
  await waitFor(() => vscode.extensions.getExtension(EXTENSION_ID)?.isActive, (a) => a === true, 10_000);
}

suite('keywords', () => {
  teardown(closeAllEditors);

  test('Show Keywords opens a Markdown document with the draft’s and each section’s keywords', async function () {
    this.timeout(60_000);
    const editor = await openDoc('seed-speech.txt');
    await activeExtension();
    assert.ok((await vscode.commands.getCommands(true)).includes(COMMAND), `${COMMAND} is registered`);
    const report = await vscode.commands.executeCommand<vscode.TextDocument | undefined>(COMMAND);
    assert.ok(report, 'the command returns the document it opened');
    assert.strictEqual(report.languageId, 'markdown');
    assert.strictEqual(report.uri.scheme, 'speech-draft-report');
    assert.ok(!report.isUntitled);
    assert.ok(!report.isDirty, 'the report has nothing to save');
    assert.strictEqual(vscode.window.activeTextEditor?.document, report, 'the report is shown');
    assert.notStrictEqual(report, editor.document);
    const text = report.getText();
    const lines = text.split('\n');
    assert.match(lines[0], /^# (Keywords: |关键词：)市教育局局长在理论学习中心组会上的研讨发言材料$/);
    // The whole draft's keywords: the seed is about 产教融合 and 思政课.
    const whole = lines.find((l) => /^\*\*(Whole draft|全文)\*\*: /.test(l));
    assert.ok(whole, text);
    assert.match(whole, /(产教融合|思政课) \(\d+(\.\d{1,3})?\)/);
    // Two top-level sections as ##, the four (一)…(四) of the second as ###, each with keywords.
    const headings = lines.filter((l) => /^#{2,3} /.test(l));
    assert.strictEqual(headings.length, 6, text);
    assert.ok(headings[0].startsWith('## 一、学悟大会精神'), headings[0]);
    assert.ok(headings[2].startsWith('### (一)推动学前教育'), headings[2]);
    for (const h of headings) {
      const list = lines[lines.indexOf(h) + 2];
      assert.match(list, /^\S+ \(\d+(\.\d{1,3})?\)/, `keywords under ${h}`);
    }
    // The report's `## 一、` headings are not a draft's: once a draft opened after it has its
    // diagnostics (the linter handles documents in the order they open), the report has none.
    const later = await openDoc('numbering/mistakes.txt');
    await waitFor(() => vscode.languages.getDiagnostics(later.document.uri).length, (n) => n > 0, 10_000);
    assert.deepStrictEqual(vscode.languages.getDiagnostics(report.uri), []);
    assert.ok(!report.isDirty);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', report.uri);
    assert.ok(!(symbols ?? []).some((s) => s.detail.includes('字') || /chars/.test(s.detail)), 'no draft outline for the report');
  });

  test('Show Keywords on a file that is not a draft opens nothing', async () => {
    await openDoc('readme.txt');
    await activeExtension();
    // A report of an earlier test may still be among the documents (closed editors' documents
    // go later): count the documents, not the reports.
    const before = vscode.workspace.textDocuments.length;
    const report = await vscode.commands.executeCommand<vscode.TextDocument | undefined>(COMMAND);
    assert.strictEqual(report, undefined);
    assert.strictEqual(vscode.workspace.textDocuments.filter((d) => d.isUntitled && d.languageId === 'markdown').length, 0);
    assert.ok(vscode.workspace.textDocuments.length <= before);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.scheme, 'file', 'no report is shown');
  });
});
