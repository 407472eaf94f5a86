/**
 * The Outline view, breadcrumbs and sticky scroll all come from the DocumentSymbolProvider; these
 * tests ask VS Code itself (vscode.executeDocumentSymbolProvider) for what it would show, and fold
 * sections in a real editor.
 */
import * as assert from 'assert';
import { suite, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, openDoc, waitFor, workspaceUri } from './util';

type Tree = [string, string, Tree[]?];

async function symbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  const result = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined>(
    'vscode.executeDocumentSymbolProvider',
    uri,
  );
  return (result ?? []).filter((s): s is vscode.DocumentSymbol => 'children' in s);
}

/** [name, detail, children] — the shape the Outline view shows. */
function tree(list: vscode.DocumentSymbol[]): Tree[] {
  return list.map((s) => (s.children.length ? [s.name, s.detail, tree(s.children)] : [s.name, s.detail]));
}

async function setConfig(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('speechDraft').update(key, value, vscode.ConfigurationTarget.Global);
}

suite('outline', () => {
  teardown(closeAllEditors);
  suiteTeardown(async () => {
    for (const key of ['enable', 'include', 'outline.showMarkers']) await setConfig(key, undefined);
  });

  test('the seed speech shows its title, 一、 and 二、, and (一)–(四) under 二、', async () => {
    const editor = await openDoc('seed-speech.txt');
    const got = await waitFor(() => symbols(editor.document.uri), (s) => s.length > 0, 10_000);
    assert.deepStrictEqual(tree(got), [
      ['市教育局局长在理论学习中心组会上的研讨发言材料', '2,323 chars · 12 min', [
        ['一、学悟大会精神、唱响“忠诚之歌”,以“忘我奋斗”书写许报国、矢志不渝的“答卷”', '711 chars · 4 min'],
        ['二、学悟大会精神、唱响“担当之歌”,以“斗争豪情”书写奋战一线、无惧无畏的“答卷”', '1,340 chars · 7 min', [
          ['(一)推动学前教育普及普惠安全优质发展', '310 chars · 2 min'],
          ['(二)推进义务教育优质均衡发展和城乡一体化', '324 chars · 2 min'],
          ['(三)推动高中阶段学校多样化发展', '281 chars · 1 min'],
          ['(四)大力发展职业教育', '306 chars · 2 min'],
        ]],
      ]],
    ]);
    const [root] = got;
    const [one, two] = root.children;
    // Ranges: a section runs to the line before the next heading of its level or higher, and the
    // last one to the web copy's cut (`......`, 预览结束…), which is no part of it.
    assert.deepStrictEqual([one.range.start.line, one.range.end.line], [3, 5]);
    assert.deepStrictEqual([two.range.start.line, two.range.end.line], [6, 11]);
    const first = two.children[0];
    assert.deepStrictEqual([first.selectionRange.start.line, first.selectionRange.start.character], [8, 0]);
    // The run-in heading's selection ends with its title, before the body text.
    assert.strictEqual(editor.document.getText(first.selectionRange), '(一)推动学前教育普及普惠安全优质发展');
  });

  test('folding a section hides its body and its sub-sections', async () => {
    const editor = await openDoc('seed-speech.txt');
    await waitFor(() => symbols(editor.document.uri), (s) => s.length > 0, 10_000);
    editor.selection = new vscode.Selection(6, 0, 6, 0);
    await vscode.commands.executeCommand('editor.fold', { selectionLines: [6], levels: 1 });
    // Line 7 (二、) stays visible; lines 8–12 (its body and (一)–(四)) fold away; the cut after
    // them (lines 13–15) is no part of the section and stays.
    const hidden = (ranges: number[][], line: number) => !ranges.some(([a, b]) => a <= line && line <= b);
    const visible = await waitFor(
      () => editor.visibleRanges.map((r) => [r.start.line, r.end.line]),
      (ranges) => hidden(ranges, 7),
    );
    assert.ok(!hidden(visible, 6), 'the heading line stays visible');
    for (let line = 7; line <= 11; line++) assert.ok(hidden(visible, line), `line ${line + 1} is folded`);
    for (let line = 12; line <= 14; line++) assert.ok(!hidden(visible, line), `line ${line + 1} stays visible`);
  });

  test('a Markdown draft gets a labelled tree beside the Markdown outline', async () => {
    const editor = await openDoc('report.md');
    const got = await waitFor(() => symbols(editor.document.uri), (s) => s.some((x) => x.name.includes('2025年工作要点') && x.kind === vscode.SymbolKind.File), 10_000);
    const ours = got.find((x) => x.kind === vscode.SymbolKind.File)!;
    assert.deepStrictEqual(
      tree(ours.children).map(([name, , children]) => [name, (children ?? []).map(([n, , c]) => [n, (c ?? []).map(([m]) => m)])]),
      [
        // The 1. 2. lines are whole sentences, one after the other with no body: a list, not sub-headings.
        ['一、推进教育数字化', [['（一）建设智慧教育平台', []], ['（二）提升教师数字素养', []]]],
        ['二、深化教育评价改革', [['（一）改进学校评价', []], ['（二）改进学生评价', []]]],
      ],
    );
  });

  test('a file that is not a draft gets no symbols, and keeps indentation folding', async () => {
    const editor = await openDoc('readme.txt');
    assert.deepStrictEqual(await symbols(editor.document.uri), []);
    const oneHeading = await openDoc('one-heading.txt');
    assert.deepStrictEqual(await symbols(oneHeading.document.uri), []);
    // Speech Draft must not take folding away from ordinary text files.
    const notes = await openDoc('notes-indented.txt');
    await vscode.commands.executeCommand('editor.fold', { selectionLines: [1], levels: 1 });
    const visible = await waitFor(
      () => notes.visibleRanges.map((r) => [r.start.line, r.end.line]),
      (ranges) => !ranges.some(([a, b]) => a <= 2 && 2 <= b),
    );
    assert.ok(visible.some(([a, b]) => a <= 4 && 4 <= b), 'the next paragraph stays visible');
  });

  test('speechDraft.enable and speechDraft.include decide what is a draft', async () => {
    const uri = workspaceUri('one-heading.txt');
    await openDoc('one-heading.txt');
    await setConfig('include', ['**/one-heading.txt']);
    const included = await waitFor(() => symbols(uri), (s) => s.length > 0);
    assert.deepStrictEqual(tree(included), [['关于做好2025年防汛工作的通知', '51 chars · 15 s', [['一、高度重视', '32 chars · 10 s']]]]);
    await setConfig('include', undefined);
    await waitFor(() => symbols(uri), (s) => s.length === 0);
    await setConfig('enable', 'always');
    await waitFor(() => symbols(uri), (s) => s.length > 0);
    await setConfig('enable', 'never');
    const seed = workspaceUri('seed-speech.txt');
    await openDoc('seed-speech.txt');
    await waitFor(() => symbols(seed), (s) => s.length === 0);
    await setConfig('enable', undefined);
    await waitFor(() => symbols(seed), (s) => s.length > 0);
  });

  test('speechDraft.outline.showMarkers off shows titles alone', async () => {
    const editor = await openDoc('seed-speech.txt');
    await setConfig('outline.showMarkers', false);
    const got = await waitFor(() => symbols(editor.document.uri), (s) => s[0]?.children[1]?.children[0]?.name === '推动学前教育普及普惠安全优质发展');
    assert.strictEqual(got[0].children[0].name, '学悟大会精神、唱响“忠诚之歌”,以“忘我奋斗”书写许报国、矢志不渝的“答卷”');
    await setConfig('outline.showMarkers', undefined);
  });

  test('the outline follows edits as the writer types', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '讲话稿\n一、总体要求\n（一）提高认识。正文。\n' });
    const editor = await vscode.window.showTextDocument(doc);
    await waitFor(() => symbols(doc.uri), (s) => s.length > 0);
    // 一、 and （一） already make it a draft (two headings at level 1–2).
    await editor.edit((b) => b.insert(new vscode.Position(3, 0), '二、重点任务\n（一）抓好落实。正文。\n'));
    const got = await waitFor(() => symbols(doc.uri), (s) => s[0]?.children.length === 2);
    assert.deepStrictEqual(tree(got)[0][2]!.map(([name, , children]) => [name, (children ?? []).map(([n]) => n)]), [
      ['一、总体要求', ['（一）提高认识']],
      ['二、重点任务', ['（一）抓好落实']],
    ]);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
