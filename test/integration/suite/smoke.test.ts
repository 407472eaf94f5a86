import * as assert from 'assert';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, openDoc, waitFor } from './util';

suite('smoke', () => {
  teardown(closeAllEditors);

  test('opening a draft activates the extension', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    const editor = await openDoc('speech.txt');
    assert.strictEqual(editor.document.languageId, 'plaintext');
    await waitFor(() => ext.isActive, (active) => active, 10_000);
  });
});
