/**
 * A draft past `speechDraft.maxTypingCheckSize` is checked on open and save only, and the writer is
 * told so once; past four times the limit it gets no outline either. The limit is set low here, so
 * that a small draft stands in for a huge one. In a real VS Code, waiting on events.
 */
import * as assert from 'assert';
import { suite, suiteSetup, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, waitFor, workspaceUri } from './util';

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const cn = (n: number) => (n < 10 ? CN[n] : (n >= 20 ? CN[Math.floor(n / 10)] : '') + '十' + CN[n % 10]);

/** A correct draft of 2,731 characters: 一、 with （一）–（四十）, 二、 with （一）–（三十）. */
function longDraft(): string {
  const lines = ['关于做好2025年民生工作的讲话', '', '一、总体要求'];
  for (let i = 1; i <= 40; i++) lines.push(`（${cn(i)}）推进第${i}项重点工作。各级各部门要认真落实各项部署，确保工作取得实效。`);
  lines.push('二、重点任务');
  for (let i = 1; i <= 30; i++) lines.push(`（${cn(i)}）抓好第${i}项民生实事。有关部门要加强协调配合，按时保质完成任务。`);
  return lines.join('\n') + '\n';
}

const tempFiles: vscode.Uri[] = [];
async function tempDraft(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(`numbering/tmp-${name}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  tempFiles.push(uri);
  return uri;
}

async function setConfig(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('speechDraft').update(key, value, vscode.ConfigurationTarget.Global);
}

function rules(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'Speech Draft' && d.severity !== vscode.DiagnosticSeverity.Hint)
    .map((d) => String((d.code as { value: string }).value));
}

async function symbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  const result = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
  return (result ?? []).filter((s): s is vscode.DocumentSymbol => 'children' in s);
}

/** The information messages shown while the suite runs (the extension shares this API object). */
const shown: string[] = [];
let restore: (() => void) | undefined;

suite('large drafts', () => {
  suiteSetup(async () => {
    // The web workbench saves after a delay by default, which would check the edits on save.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    const original = vscode.window.showInformationMessage;
    const record = (message: string, ...rest: unknown[]) => {
      shown.push(message);
      return (original as (...a: unknown[]) => Thenable<unknown>).call(vscode.window, message, ...rest);
    };
    (vscode.window as { showInformationMessage: unknown }).showInformationMessage = record;
    restore = () => {
      (vscode.window as { showInformationMessage: unknown }).showInformationMessage = original;
    };
  });
  teardown(closeAllEditors);
  suiteTeardown(async () => {
    restore?.();
    await setConfig('maxTypingCheckSize', undefined);
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
    for (const f of tempFiles) await vscode.workspace.fs.delete(f).then(undefined, () => undefined);
  });

  test('past speechDraft.maxTypingCheckSize a draft is checked on save, not as you type, and says so once', async () => {
    await setConfig('maxTypingCheckSize', 2000);
    const large = await tempDraft('large.txt', longDraft());
    const small = await tempDraft('large-sentinel.txt', '一、甲\n二、乙\n');
    const editor = await vscode.window.showTextDocument(large);
    const note = (m: string) => m.includes('tmp-large.txt') && /is large \(2,731 characters\)|较大（2,731 字符）/.test(m);
    await waitFor(() => shown.filter(note).length, (n) => n === 1, 10_000);
    // The outline still works below four times the limit.
    await waitFor(() => symbols(large), (s) => s.length > 0 && s[0].children.length === 2);

    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '四、保障措施\n'));
    // The same mistake typed into a small draft is checked within the throttle; twice over, so
    // that any check the large draft's edit had started would have published by now.
    const other = await vscode.window.showTextDocument(small, { preview: false });
    await other.edit((b) => b.insert(new vscode.Position(other.document.lineCount, 0), '四、丁\n'));
    await waitFor(() => rules(small), (r) => r.length === 1);
    await other.edit((b) => b.insert(new vscode.Position(other.document.lineCount, 0), '六、己\n'));
    await waitFor(() => rules(small), (r) => r.length === 2);
    assert.deepStrictEqual(rules(large), [], 'no check while typing in the large draft');

    await editor.document.save();
    assert.deepStrictEqual(await waitFor(() => rules(large), (r) => r.length > 0, 10_000), ['heading-sequence']);
    assert.strictEqual(shown.filter(note).length, 1, 'told once, not again on save');
    await vscode.window.showTextDocument(small);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('past four times the limit there is no outline, and the draft is still checked on open', async () => {
    await setConfig('maxTypingCheckSize', 500);
    const text = longDraft().replace('（三）', '（四）');
    const huge = await tempDraft('huge.txt', text);
    await vscode.window.showTextDocument(huge);
    const note = (m: string) => m.includes('tmp-huge.txt') && /is very large|很大/.test(m);
    await waitFor(() => shown.filter(note).length, (n) => n === 1, 10_000);
    assert.deepStrictEqual(await waitFor(() => rules(huge), (r) => r.length > 0, 10_000), ['heading-sequence']);
    assert.deepStrictEqual(await symbols(huge), []);
  });
});
