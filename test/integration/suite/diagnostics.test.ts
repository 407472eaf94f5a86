/**
 * Numbering problems in the Problems panel, quick fixes, fix-all, fix-on-save and Renumber
 * Headings, in a real VS Code. Everything waits on diagnostics/document events, never on sleeps.
 */
import * as assert from 'assert';
import { suite, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, openDoc, waitFor, workspaceUri } from './util';

/** [line, column, rule, severity] of Speech Draft's diagnostics, 1-based like the Problems panel. */
function summary(uri: vscode.Uri): [number, number, string, string][] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'Speech Draft')
    .map((d) => [d.range.start.line + 1, d.range.start.character + 1, String((d.code as { value: string }).value), vscode.DiagnosticSeverity[d.severity]]);
}

const MISTAKES: [number, number, string, string][] = [
  [4, 24, 'enumeration-sequence', 'Warning'],
  [5, 1, 'heading-marker', 'Warning'],
  [8, 1, 'heading-sequence', 'Error'],
  [9, 1, 'heading-sequence', 'Error'],
  [9, 7, 'heading-punctuation', 'Warning'],
];

const tempFiles: vscode.Uri[] = [];
async function tempCopy(from: string, name: string): Promise<vscode.Uri> {
  const target = workspaceUri(`numbering/tmp-${name}`);
  await vscode.workspace.fs.writeFile(target, await vscode.workspace.fs.readFile(workspaceUri(from)));
  tempFiles.push(target);
  return target;
}

async function setConfig(section: string, key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Global);
}

suite('numbering checks', () => {
  teardown(closeAllEditors);
  suiteTeardown(async () => {
    await setConfig('speechDraft', 'run', undefined);
    await setConfig('speechDraft', 'rules', undefined);
    await setConfig('editor', 'codeActionsOnSave', undefined);
    for (const f of tempFiles) await vscode.workspace.fs.delete(f).then(undefined, () => undefined);
  });

  test('a draft opened with mistakes shows them in the Problems panel', async () => {
    const editor = await openDoc('numbering/mistakes.txt');
    const got = await waitFor(() => summary(editor.document.uri), (s) => s.length === MISTAKES.length, 10_000);
    assert.deepStrictEqual(got, MISTAKES);
    const seq = vscode.languages.getDiagnostics(editor.document.uri).find((d) => d.range.start.line === 7)!;
    assert.strictEqual(seq.source, 'Speech Draft');
    assert.match(seq.message, /Duplicate heading number "（一）": expected "（二）"/);
    const code = seq.code as { value: string; target: vscode.Uri };
    assert.ok(code.target.path.endsWith('/docs/rules/heading-sequence.md'), code.target.toString());
    assert.deepStrictEqual(summary(workspaceUri('numbering/clean.txt')), []);
  });

  test('typing a mistake makes a problem appear, and fixing it makes it go', async () => {
    const editor = await vscode.window.showTextDocument(await tempCopy('numbering/clean.txt', 'typing.txt'));
    const doc = editor.document;
    await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount, 0), '四、保障措施\n'));
    const got = await waitFor(() => summary(doc.uri), (s) => s.length > 0);
    assert.deepStrictEqual(got, [[7, 1, 'heading-sequence', 'Error']]);
    await editor.edit((b) => b.replace(new vscode.Range(6, 0, 6, 1), '三'));
    await waitFor(() => summary(doc.uri), (s) => s.length === 0);
  });

  test('a quick fix applies, and one undo restores the text', async () => {
    const editor = await vscode.window.showTextDocument(await tempCopy('numbering/mistakes.txt', 'quickfix.txt'));
    const doc = editor.document;
    const original = doc.getText();
    await waitFor(() => summary(doc.uri), (s) => s.length === MISTAKES.length, 10_000);
    const range = new vscode.Range(7, 0, 7, 3);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Fix this heading-sequence problem'), titles.join(' | '));
    assert.ok(titles.includes('Fix all Speech Draft problems'), titles.join(' | '));
    const fix = actions.find((a) => a.title === 'Fix this heading-sequence problem')!;
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.strictEqual(doc.lineAt(7).text, '（二）推动高中多样化发展。正文。');
    assert.strictEqual(doc.getText().replace('（二）推动高中', '（一）推动高中'), original, 'nothing else changed');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), original);
  });

  test('Fix All Problems fixes everything fixable in one undo step', async () => {
    const editor = await vscode.window.showTextDocument(await tempCopy('numbering/mistakes.txt', 'fixall.txt'));
    const doc = editor.document;
    const original = doc.getText();
    await waitFor(() => summary(doc.uri), (s) => s.length === MISTAKES.length, 10_000);
    await vscode.commands.executeCommand('speechDraft.fixAll');
    assert.deepStrictEqual(doc.getText().split('\n').slice(3, 9), [
      '（一）提高政治站位。我们要做到：一是加强领导；二是强化督导。',
      '（二）压实工作责任。各级各部门要把责任扛在肩上。',
      '二、重点任务',
      '（一）推进义务教育优质均衡。正文。',
      '（二）推动高中多样化发展。正文。',
      '三、保障措施',
    ]);
    await waitFor(() => summary(doc.uri), (s) => s.length === 0);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), original);
  });

  test('fix on save (editor.codeActionsOnSave: source.fixAll.speechDraft) rewrites the file once', async () => {
    await setConfig('editor', 'codeActionsOnSave', { 'source.fixAll.speechDraft': 'explicit' });
    const uri = await tempCopy('numbering/mistakes.txt', 'save.txt');
    const editor = await vscode.window.showTextDocument(uri);
    await waitFor(() => summary(uri), (s) => s.length === MISTAKES.length, 10_000);
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), ''));
    await editor.edit((b) => b.insert(editor.document.lineAt(1).range.end, ' '));
    await vscode.commands.executeCommand('workbench.action.files.save');
    await waitFor(() => editor.document.isDirty, (dirty) => !dirty);
    const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.match(saved, /\n（二）压实工作责任/);
    assert.match(saved, /\n三、保障措施\n/);
    await waitFor(() => summary(uri), (s) => s.length === 0);
    await vscode.commands.executeCommand('undo');
    assert.match(editor.document.getText(), /\n\(二\)压实工作责任/, 'the save fixes are one undo step');
    await setConfig('editor', 'codeActionsOnSave', undefined);
  });

  test('Renumber Headings makes every level consistent, leaving other problems alone', async () => {
    const editor = await vscode.window.showTextDocument(await tempCopy('numbering/mistakes.txt', 'renumber.txt'));
    const doc = editor.document;
    await waitFor(() => summary(doc.uri), (s) => s.length === MISTAKES.length, 10_000);
    await vscode.commands.executeCommand('speechDraft.renumberHeadings');
    const got = await waitFor(() => summary(doc.uri), (s) => s.length === 2);
    assert.deepStrictEqual(got, [[4, 24, 'enumeration-sequence', 'Warning'], [9, 7, 'heading-punctuation', 'Warning']]);
    assert.strictEqual(doc.lineAt(4).text.slice(0, 3), '（二）');
    assert.strictEqual(doc.lineAt(8).text, '三、保障措施。');
  });

  test('speechDraft.run onSave: typing does not check, saving does', async () => {
    await setConfig('speechDraft', 'run', 'onSave');
    const uri = await tempCopy('numbering/clean.txt', 'onsave.txt');
    const editor = await vscode.window.showTextDocument(uri);
    await waitFor(() => summary(uri), (s) => s.length === 0);
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '四、保障措施\n'));
    // The edit is in the document; the problem only comes with the save.
    await editor.document.save();
    const got = await waitFor(() => summary(uri), (s) => s.length > 0);
    assert.deepStrictEqual(got, [[7, 1, 'heading-sequence', 'Error']]);
    await setConfig('speechDraft', 'run', undefined);
  });

  test('a draft that stops being a draft loses its diagnostics', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '一、甲\n二、乙\n四、丁\n' });
    await vscode.window.showTextDocument(doc);
    await waitFor(() => summary(doc.uri), (s) => s.length === 1);
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((b) => b.delete(new vscode.Range(0, 0, 2, 0)));
    await waitFor(() => summary(doc.uri), (s) => s.length === 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('.speechdraftrc.json next to a draft sets the rules; the speechDraft.rules setting too', async () => {
    const uri = workspaceUri('numbering/configured/draft.txt');
    await openDoc('numbering/configured/draft.txt');
    // heading-marker is off there, and heading-sequence is a warning.
    assert.deepStrictEqual(await waitFor(() => summary(uri), (s) => s.length > 0, 10_000), [[3, 1, 'heading-sequence', 'Warning']]);
    await setConfig('speechDraft', 'rules', { 'heading-punctuation': 'off', 'enumeration-sequence': 'off' });
    const mistakes = workspaceUri('numbering/mistakes.txt');
    await openDoc('numbering/mistakes.txt');
    const got = await waitFor(() => summary(mistakes), (s) => s.length === 3);
    assert.deepStrictEqual(got.map(([, , rule]) => rule), ['heading-marker', 'heading-sequence', 'heading-sequence']);
  });

  test('a broken .speechdraftrc.json is reported and the checks go on with the defaults', async () => {
    const uri = workspaceUri('numbering/broken/draft.txt');
    await openDoc('numbering/broken/draft.txt');
    assert.deepStrictEqual(await waitFor(() => summary(uri), (s) => s.length > 0, 10_000), [[2, 1, 'heading-marker', 'Warning']]);
  });
});
