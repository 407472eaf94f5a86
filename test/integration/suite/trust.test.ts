/**
 * Safe to leave on: fix on save never changes the writer's words, suggestions are offered one at a
 * time and never applied in bulk, and a correct compilation of two speeches gets no error. In a
 * real VS Code, waiting on events.
 */
import * as assert from 'assert';
import { suite, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, openDoc, waitFor, workspaceUri } from './util';

const tempFiles: vscode.Uri[] = [];

async function setConfig(section: string, key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Global);
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Speech Draft');
}

function ruleOf(d: vscode.Diagnostic): string {
  return String((d.code as { value: string }).value);
}

const DRAFT = [
  '在全市民生工作会议上的讲话',
  '',
  '一、总体要求',
  '',
  '二、重点任务',
  '',
  '',
  '三、保障措施',
  '',
].join('\n');

/** A new draft in the workspace with fix on save on, open in an editor. */
async function draftWithFixOnSave(name: string): Promise<{ uri: vscode.Uri; editor: vscode.TextEditor }> {
  await setConfig('editor', 'codeActionsOnSave', { 'source.fixAll.speechDraft': 'explicit' });
  const uri = workspaceUri(`trust/tmp-${name}.txt`);
  tempFiles.push(uri);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(DRAFT));
  return { uri, editor: await vscode.window.showTextDocument(uri) };
}

async function save(editor: vscode.TextEditor): Promise<string> {
  await vscode.commands.executeCommand('workbench.action.files.save');
  await waitFor(() => editor.document.isDirty, (dirty) => !dirty);
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(editor.document.uri));
}

suite('trust: fixes never change words', () => {
  teardown(closeAllEditors);
  suiteTeardown(async () => {
    await setConfig('editor', 'codeActionsOnSave', undefined);
    for (const f of tempFiles) await vscode.workspace.fs.delete(f).then(undefined, () => undefined);
  });

  test('typing reduplication and 目的的 with fix on save changes nothing', async () => {
    const { uri, editor } = await draftWithFixOnSave('typed');
    const typed = '要多办实实在在的好事，以解决问题为目的的调研，把方方面面的工作做得清清楚楚。';
    // Typed on the empty line under 二、, as a writer would, and a placeholder on the next line:
    // its warning (which has no fix) shows when the draft has been checked.
    await editor.edit((b) => b.insert(new vscode.Position(5, 0), typed));
    await editor.edit((b) => b.insert(new vscode.Position(6, 0), '（此处待补充）'));
    const saved = await save(editor);
    assert.strictEqual(saved.split('\n')[5], typed);
    // Nothing about these words is reported either: only the placeholder.
    const after = await waitFor(() => ours(uri), (l) => l.some((d) => ruleOf(d) === 'placeholder'));
    assert.deepStrictEqual(after.map((d) => `${d.range.start.line + 1} ${ruleOf(d)}`), ['7 placeholder']);
  });

  test('a doubled 的 is offered as a suggestion to apply by hand, and fix on save leaves it', async () => {
    const { uri, editor } = await draftWithFixOnSave('typo');
    await editor.edit((b) => b.insert(new vscode.Position(5, 0), '回顾全市发展的的历程,我们深受鼓舞。'));
    const problems = await waitFor(() => ours(uri), (l) => l.some((d) => ruleOf(d) === 'repeated-char') && l.some((d) => ruleOf(d) === 'punctuation-width'));
    const typo = problems.find((d) => ruleOf(d) === 'repeated-char')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, typo.range);
    const suggestion = actions.find((a) => a.title === 'Delete the second "的"');
    assert.ok(suggestion, `no action for the doubled 的: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(!suggestion.isPreferred, 'a suggestion is never the preferred fix');
    // Fix All (offered with the comma's fix) is built from fixes only: it leaves the 的的.
    const fixAll = actions.find((a) => a.title === 'Fix all Speech Draft problems');
    assert.ok(fixAll?.edit, `Fix All offered: ${actions.map((a) => a.title).join(' | ')}`);
    const fixAllText = fixAll.edit.get(uri).map((e) => e.newText).join('');
    assert.match(fixAllText, /的的历程，/);
    const line = (await save(editor)).split('\n')[5];
    // The mechanical fix (the comma) ran on save; the words stayed as typed.
    assert.strictEqual(line, '回顾全市发展的的历程，我们深受鼓舞。');
    // Applied by hand, the suggestion deletes one 的 in one undo step.
    await vscode.workspace.applyEdit(suggestion.edit!);
    assert.strictEqual(editor.document.lineAt(5).text, '回顾全市发展的历程，我们深受鼓舞。');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.lineAt(5).text, '回顾全市发展的的历程，我们深受鼓舞。');
  });

  test('a file holding two speeches, correctly numbered, gets no error', async () => {
    const editor = await openDoc('trust/two-speeches.txt');
    const uri = editor.document.uri;
    // The file was copied from a web page with one half-width comma: its warning shows the draft was checked.
    await waitFor(() => ours(uri), (l) => l.some((d) => ruleOf(d) === 'punctuation-width'), 10_000);
    const symbols = await waitFor(
      () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri),
      (s) => (s?.length ?? 0) > 0,
    );
    const errors = ours(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepStrictEqual(errors.map((d) => `${d.range.start.line + 1} ${ruleOf(d)} ${d.message}`), []);
    assert.ok(symbols.length > 0);
  });
});
