/**
 * Word segmentation in a real VS Code: nodejieba never loads in the extension host (it lives in a
 * child process started on the first word-level check), and word-level problems appear once it
 * has loaded.
 */
import * as assert from 'assert';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, openDoc, waitFor } from './util';

interface Status {
  created: boolean;
  loaded: boolean;
  pid: number | undefined;
  starts: number;
  nodejiebaInHost: boolean;
}

const status = () => vscode.commands.executeCommand<Status>('speechDraft.segmenterStatus');

suite('word segmentation', () => {
  teardown(closeAllEditors);

  test('activation does not load nodejieba into the extension host', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await ext.activate();
    const s = await status();
    assert.strictEqual(s.nodejiebaInHost, false);
  });

  test('a word-level problem appears once the segmenter has loaded, from a child process', async () => {
    const editor = await openDoc('words/repeated.txt');
    const diag = await waitFor(
      () => vscode.languages.getDiagnostics(editor.document.uri).filter((d) => (d.code as { value: string })?.value === 'repeated-word'),
      (d) => d.length > 0,
      30_000,
    );
    assert.strictEqual(diag[0].range.start.line, 2);
    assert.match(diag[0].message, /"会议" is used 3 times in one sentence/);
    assert.strictEqual(diag[0].severity, vscode.DiagnosticSeverity.Hint);
    const s = await status();
    assert.strictEqual(s.loaded, true);
    assert.ok(s.pid && s.pid !== process.pid, `the segmenter runs in its own process (${s.pid})`);
    assert.strictEqual(s.nodejiebaInHost, false);
  });
});
