/**
 * The .vsix as a user gets it: installed with `--install-extension` into a fresh extensions folder
 * (SPEECH_DRAFT_HOST_EXTENSIONS_DIR), with a workspace run.mjs creates from examples/seed-speech.txt
 * (seed-speech.txt, words/repeated.txt, draft.speech.txt). Nothing here may come from the repository.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { suite, suiteSetup, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, openDoc, waitFor } from '../suite/util';

interface Status {
  loaded: boolean;
  pid: number | undefined;
  nodejiebaInHost: boolean;
}

const label = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

function installed(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed`);
  return ext;
}

suite('installed package', () => {
  suiteSetup(async () => {
    await installed().activate();
  });
  teardown(closeAllEditors);

  test('the extension runs from the extensions folder, not from the repository', () => {
    const ext = installed();
    const extensionsDir = process.env.SPEECH_DRAFT_HOST_EXTENSIONS_DIR;
    assert.ok(extensionsDir, 'SPEECH_DRAFT_HOST_EXTENSIONS_DIR is not set (run through run.mjs --installed)');
    assert.strictEqual(path.dirname(ext.extensionPath), extensionsDir);
    assert.match(path.basename(ext.extensionPath), /^speech-draft\.speech-draft-\d+\.\d+\.\d+/);
    const repo = process.env.SPEECH_DRAFT_TEST_REPO;
    if (repo) assert.ok(!ext.extensionPath.startsWith(repo + path.sep), `${ext.extensionPath} is inside the repository`);
    // The package carries the bundle, not sources, tests or source maps.
    assert.ok(fs.existsSync(path.join(ext.extensionPath, 'dist', 'extension.js')));
    for (const absent of ['src', 'test', 'bench', 'dist/test', 'dist/extension.js.map', 'tsconfig.json']) {
      assert.ok(!fs.existsSync(path.join(ext.extensionPath, absent)), `${absent} is in the package`);
    }
  });

  test('outline: the seed speech shows its title, 一、 and 二、, and (一)–(四) under 二、', async () => {
    const editor = await openDoc('seed-speech.txt');
    const symbols = await waitFor(
      async () =>
        ((await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', editor.document.uri)) ?? []).filter(
          (s): s is vscode.DocumentSymbol => 'children' in s,
        ),
      (s) => s.length > 0,
      10_000,
    );
    assert.strictEqual(symbols.length, 1);
    assert.strictEqual(symbols[0].name, '市教育局局长在理论学习中心组会上的研讨发言材料');
    const top = symbols[0].children;
    assert.deepStrictEqual(top.map((s) => s.name.slice(0, 2)), ['一、', '二、']);
    assert.deepStrictEqual(top[1].children.map((s) => s.name.slice(0, 3)), ['(一)', '(二)', '(三)', '(四)']);
  });

  test('diagnostics: heading-marker on the half-width (一) of the seed', async () => {
    const editor = await openDoc('seed-speech.txt');
    const diags = await waitFor(
      () => vscode.languages.getDiagnostics(editor.document.uri).filter((d) => (d.code as { value: string } | undefined)?.value === 'heading-marker'),
      (d) => d.length > 0,
      10_000,
    );
    const first = diags.sort((a, b) => a.range.start.line - b.range.start.line)[0];
    assert.strictEqual(first.range.start.line, 8);
    assert.strictEqual(editor.document.getText(first.range).slice(0, 3), '(一)');
    assert.strictEqual(first.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(first.message, /（一）/);
    // The rule page the diagnostic links to ships in the package.
    const href = (first.code as { target: vscode.Uri }).target;
    assert.ok(href.path.endsWith('/docs/rules/heading-marker.md'), href.toString());
    assert.ok(fs.existsSync(path.join(installed().extensionPath, 'docs', 'rules', 'heading-marker.md')));
  });

  test('word level: nodejieba and its dictionaries load from the package (repeated-word hint)', async () => {
    const editor = await openDoc('words/repeated.txt');
    const diags = await waitFor(
      () => vscode.languages.getDiagnostics(editor.document.uri).filter((d) => (d.code as { value: string } | undefined)?.value === 'repeated-word'),
      (d) => d.length > 0,
      30_000,
    );
    assert.strictEqual(diags[0].range.start.line, 2);
    assert.match(diags[0].message, /"会议" is used 3 times in one sentence/);
    assert.strictEqual(diags[0].severity, vscode.DiagnosticSeverity.Hint);
    const s = await vscode.commands.executeCommand<Status>('speechDraft.segmenterStatus');
    assert.strictEqual(s.loaded, true);
    assert.ok(s.pid && s.pid !== process.pid, `the segmenter runs in its own process (${s.pid})`);
    assert.strictEqual(s.nodejiebaInHost, false);
    const jieba = path.join(installed().extensionPath, 'node_modules', 'nodejieba');
    assert.ok(fs.existsSync(path.join(jieba, 'build', 'Release', 'nodejieba.node')));
  });

  test('snippets: jianggao is offered in a speech draft', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'speech-draft', content: 'jianggao' });
    await vscode.window.showTextDocument(doc);
    const list = await waitFor(
      () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(0, 8)),
      (l) => l.items.some((i) => i.kind === vscode.CompletionItemKind.Snippet && label(i) === 'jianggao'),
      10_000,
    );
    const snippet = list.items.find((i) => i.kind === vscode.CompletionItemKind.Snippet && label(i) === 'jianggao')!;
    assert.match((snippet.insertText as vscode.SnippetString).value, /同志们：/);
  });

  test('grammar: .speech.txt opens as speech-draft and the grammar ships with its contribution', async () => {
    const editor = await openDoc('draft.speech.txt');
    assert.strictEqual(editor.document.languageId, 'speech-draft');
    const ext = installed();
    const grammars = (ext.packageJSON as { contributes: { grammars: { language?: string; scopeName: string; path: string }[] } }).contributes.grammars;
    const main = grammars.find((g) => g.language === 'speech-draft');
    assert.ok(main, 'no grammar contributed for speech-draft');
    assert.strictEqual(main.scopeName, 'text.speech-draft');
    const injection = grammars.find((g) => g.scopeName === 'speech-draft.markdown.injection');
    assert.ok(injection, 'no markdown injection grammar contributed');
    for (const g of [main, injection]) {
      const file = path.join(ext.extensionPath, g.path);
      assert.ok(fs.existsSync(file), `${g.path} is missing from the package`);
      assert.strictEqual((JSON.parse(fs.readFileSync(file, 'utf8')) as { scopeName: string }).scopeName, g.scopeName);
    }
  });
});
