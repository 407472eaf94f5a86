/**
 * Writing aids in a real VS Code: next-number completion and the structure commands, each one
 * undo step that keeps the numbering right.
 */
import * as assert from 'assert';
import { suite, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, waitFor, workspaceUri } from './util';

const tempFiles: vscode.Uri[] = [];
async function openCopy(name: string, content?: string, source = 'structure/three.txt'): Promise<vscode.TextEditor> {
  const target = workspaceUri(`structure/tmp-${name}`);
  const bytes = content !== undefined ? new TextEncoder().encode(content) : await vscode.workspace.fs.readFile(workspaceUri(source));
  await vscode.workspace.fs.writeFile(target, bytes);
  tempFiles.push(target);
  const editor = await vscode.window.showTextDocument(target);
  // The commands are enabled once the extension has seen the draft.
  await waitFor(() => vscode.extensions.getExtension('speech-draft.speech-draft')?.isActive, (a) => a === true);
  return editor;
}

async function runAt(editor: vscode.TextEditor, line: number, command: string): Promise<string[]> {
  editor.selection = new vscode.Selection(line, 0, line, 0);
  const version = editor.document.version;
  await vscode.commands.executeCommand(command);
  await waitFor(() => editor.document.version, (v) => v > version);
  return editor.document.getText().split('\n');
}

/**
 * The extension's diagnostics of the document once it has linted the text a command left: the
 * next diagnostics change after the edit (the linter drops results of older versions, so the
 * change is of the edited text).
 */
async function diagnosticsAfter(editor: vscode.TextEditor, line: number, command: string): Promise<{ lines: string[]; diagnostics: vscode.Diagnostic[] }> {
  const uri = editor.document.uri.toString();
  let changed = false;
  const lines = await runAt(editor, line, command);
  const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
    if (e.uris.some((u) => u.toString() === uri)) changed = true;
  });
  try {
    await waitFor(() => changed, (c) => c, 10_000);
  } finally {
    subscription.dispose();
  }
  const diagnostics = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'Speech Draft');
  return { lines, diagnostics };
}

const ruleOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

async function undoTo(editor: vscode.TextEditor, original: string): Promise<void> {
  await vscode.commands.executeCommand('undo');
  assert.strictEqual(editor.document.getText(), original, 'one undo restores the original');
}

suite('writing aids', () => {
  teardown(closeAllEditors);
  suiteTeardown(async () => {
    for (const f of tempFiles) await vscode.workspace.fs.delete(f).then(undefined, () => undefined);
  });

  test('completion on a new line after （二） offers （三） first', async () => {
    const editor = await openCopy('complete.txt');
    const doc = editor.document;
    await editor.edit((b) => b.insert(new vscode.Position(4, 0), '（\n'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(4, 1), '（');
    const ours = list.items.filter((i) => i.kind === vscode.CompletionItemKind.EnumMember).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.deepStrictEqual(ours.map((i) => i.label), ['（三）', '1.', '二、']);
    assert.strictEqual(ours[0].preselect, true);
  });

  test('completion offers 二是 after 一是…。', async () => {
    const editor = await openCopy('enum.txt', '讲话稿\n一、甲\n我们要：一是加强领导。\n二、乙\n');
    const doc = editor.document;
    const pos = new vscode.Position(2, doc.lineAt(2).text.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
    assert.ok(list.items.some((i) => i.label === '二是' && i.kind === vscode.CompletionItemKind.EnumMember), list.items.map((i) => i.label).join(' '));
  });

  test('Insert Next Heading puts the next number after the section and renumbers', async () => {
    const editor = await openCopy('insert.txt');
    const original = editor.document.getText();
    const lines = await runAt(editor, 2, 'speechDraft.insertNextHeading');
    assert.deepStrictEqual(lines.slice(2, 5), ['（一）甲。正文甲', '（二）', '（三）乙。正文乙']);
    assert.deepStrictEqual([editor.selection.active.line, editor.selection.active.character], [3, 3]);
    await undoTo(editor, original);
  });

  test('Insert Sub-heading adds the next child', async () => {
    const editor = await openCopy('sub.txt');
    const original = editor.document.getText();
    const lines = await runAt(editor, 5, 'speechDraft.insertSubheading');
    assert.deepStrictEqual(lines.slice(6, 10), ['1.丙一。正文', '2.丙二。正文', '3.', '（二）丁。正文丁']);
    await undoTo(editor, original);
  });

  test('Promote Heading and Demote Heading change the marker and renumber both runs', async () => {
    const editor = await openCopy('level.txt');
    const original = editor.document.getText();
    let lines = await runAt(editor, 3, 'speechDraft.promoteHeading');
    assert.deepStrictEqual(lines.slice(1, 5), ['一、第一部分', '（一）甲。正文甲', '二、乙。正文乙', '三、第二部分']);
    assert.strictEqual(lines[9], '四、第三部分');
    await undoTo(editor, original);
    lines = await runAt(editor, 4, 'speechDraft.demoteHeading');
    // With its sub-tree: （一）（二） under it become 1. 2., and their 1. 2. become （1）（2）.
    assert.deepStrictEqual(lines.slice(3, 10), ['（二）乙。正文乙', '（三）第二部分', '1.丙。正文丙', '（1）丙一。正文', '（2）丙二。正文', '2.丁。正文丁', '二、第三部分']);
    await undoTo(editor, original);
  });

  test('Promote Heading on a heading with children moves its sub-tree and leaves no problem', async function () {
    this.timeout(30_000);
    const editor = await openCopy('tree.txt', undefined, 'structure/tree.txt');
    const original = editor.document.getText();
    // The draft has one problem, a half-width comma, and no numbering problem.
    await waitFor(() => vscode.languages.getDiagnostics(editor.document.uri).map(ruleOf), (rules) => rules.join() === 'punctuation-width');
    const { lines, diagnostics } = await diagnosticsAfter(editor, 5, 'speechDraft.promoteHeading');
    assert.deepStrictEqual(lines.slice(3, 13), [
      '一、总体要求',
      '（一）指导思想。坚持稳中求进工作总基调。',
      '二、主要目标',
      '（一）近期目标。年内完成各项重点任务。',
      '（二）远期目标。三年内形成长效机制。',
      '（三）基本原则。坚持问题导向。',
      '三、重点任务',
      '（一）抓好项目建设。全年实施重点项目120个。',
      '（二）优化营商环境。深化“放管服”改革。',
      '四、保障措施',
    ]);
    assert.deepStrictEqual(diagnostics.map(ruleOf), ['punctuation-width'], diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`).join('\n'));
    await undoTo(editor, original);
  });

  test('Move Section Up on the last section keeps the closing at the end', async function () {
    this.timeout(30_000);
    const editor = await openCopy('closing.txt', undefined, 'structure/tree.txt');
    const original = editor.document.getText();
    const { lines, diagnostics } = await diagnosticsAfter(editor, 12, 'speechDraft.moveSectionUp');
    assert.deepStrictEqual(lines.slice(9, 17), [
      '二、保障措施',
      '加强组织领导，压实工作责任。',
      '三、重点任务',
      '（一）抓好项目建设。全年实施重点项目120个。',
      '（二）优化营商环境。深化“放管服”改革。',
      '',
      '同志们，让我们团结奋斗，确保完成全年目标任务！',
      '谢谢大家！',
    ]);
    assert.strictEqual(editor.selection.active.line, 9, 'the cursor follows the section');
    assert.deepStrictEqual(diagnostics.map(ruleOf), ['punctuation-width']);
    // The closing is in no section: the Outline's last section ends before it.
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    const sections = symbols[0].children;
    assert.strictEqual(sections[sections.length - 1].range.end.line, 13);
    await undoTo(editor, original);
  });

  test('Move Section Up/Down moves the middle section of three with its children and renumbers', async () => {
    const editor = await openCopy('move.txt');
    const original = editor.document.getText();
    let lines = await runAt(editor, 4, 'speechDraft.moveSectionUp');
    assert.deepStrictEqual(lines.slice(1, 7), ['一、第二部分', '（一）丙。正文丙', '1.丙一。正文', '2.丙二。正文', '（二）丁。正文丁', '二、第一部分']);
    assert.strictEqual(editor.selection.active.line, 1);
    await undoTo(editor, original);
    lines = await runAt(editor, 4, 'speechDraft.moveSectionDown');
    assert.deepStrictEqual(lines.slice(4, 7), ['二、第三部分', '（一）戊。正文戊', '三、第二部分']);
    await undoTo(editor, original);
  });

  test('the structure commands are in the palette under Speech Draft', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['insertNextHeading', 'insertSubheading', 'promoteHeading', 'demoteHeading', 'moveSectionUp', 'moveSectionDown', 'useDraftLanguage']) {
      assert.ok(commands.includes(`speechDraft.${c}`), c);
    }
  });

  test('Use Draft Language switches a .txt draft to the speech-draft language, and its outline stays', async () => {
    const editor = await openCopy('lang.txt');
    await vscode.commands.executeCommand('speechDraft.useDraftLanguage');
    const doc = await waitFor(
      () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === editor.document.uri.toString()),
      (d) => d?.languageId === 'speech-draft',
    );
    const symbols = await waitFor(
      () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc!.uri),
      (s) => (s?.length ?? 0) > 0,
    );
    assert.strictEqual(symbols[0].children.length, 3);
  });
});

suite('snippets', () => {
  teardown(closeAllEditors);

  for (const language of ['plaintext', 'markdown', 'speech-draft']) {
    test(`the draft snippets are listed for ${language}`, async () => {
      const doc = await vscode.workspace.openTextDocument({ language, content: 'jianggao' });
      await vscode.window.showTextDocument(doc);
      const list = await waitFor(
        () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(0, 8)),
        (l) => l.items.some((i) => i.kind === vscode.CompletionItemKind.Snippet),
      );
      const snippet = list.items.find((i) => i.kind === vscode.CompletionItemKind.Snippet && (typeof i.label === 'string' ? i.label : i.label.label) === 'jianggao');
      assert.ok(snippet, list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).join(' '));
      const body = (snippet.insertText as vscode.SnippetString).value;
      assert.match(body, /同志们：/);
      assert.match(body, /谢谢大家！/);
    });
  }
});
