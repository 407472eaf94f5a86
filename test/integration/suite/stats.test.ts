/**
 * Speaking time in the Outline: each symbol's detail carries the section's length and the minutes
 * it takes at `speechDraft.speakingRate`. (The status bar item cannot be read through the API.)
 */
import * as assert from 'assert';
import { suite, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, openDoc, waitFor } from './util';

async function symbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  const result = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined>(
    'vscode.executeDocumentSymbolProvider',
    uri,
  );
  return (result ?? []).filter((s): s is vscode.DocumentSymbol => 'children' in s);
}

/** The details of the title and of every section, depth first. */
function details(list: vscode.DocumentSymbol[]): string[] {
  return list.flatMap((s) => [s.detail, ...details(s.children)]);
}

async function setRate(value: number | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('speechDraft').update('speakingRate', value, vscode.ConfigurationTarget.Global);
}

suite('stats', () => {
  teardown(closeAllEditors);
  suiteTeardown(() => setRate(undefined));

  test('the Outline detail gives each section its length and speaking time at 200 a minute', async () => {
    const editor = await openDoc('seed-speech.txt');
    const got = await waitFor(() => symbols(editor.document.uri), (s) => s.length > 0, 10_000);
    assert.deepStrictEqual(details(got), [
      '2,323 chars · 12 min',
      '711 chars · 4 min',
      '1,340 chars · 7 min',
      '310 chars · 2 min',
      '324 chars · 2 min',
      '281 chars · 1 min',
      '306 chars · 2 min',
    ]);
  });

  test('speechDraft.speakingRate changes the minutes', async () => {
    const editor = await openDoc('seed-speech.txt');
    const uri = editor.document.uri;
    await waitFor(() => symbols(uri), (s) => s.length > 0, 10_000);
    await setRate(100);
    const slow = await waitFor(() => symbols(uri), (s) => s[0]?.detail === '2,323 chars · 23 min', 10_000);
    assert.deepStrictEqual(details(slow).slice(1, 3), ['711 chars · 7 min', '1,340 chars · 13 min']);
    // Values outside the setting's bounds (60–600) are held to them: 10,000 reads as 600 a minute.
    await setRate(10_000);
    const fast = await waitFor(() => symbols(uri), (s) => s[0]?.detail === '2,323 chars · 4 min', 10_000);
    assert.strictEqual(details(fast)[3], '310 chars · 31 s');
    await setRate(undefined);
    await waitFor(() => symbols(uri), (s) => s[0]?.detail === '2,323 chars · 12 min', 10_000);
  });
});
