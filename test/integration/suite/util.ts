/**
 * Helpers for integration tests. Waiting is event-driven: conditions are re-evaluated when VS Code
 * reports a change (diagnostics, documents, editors, extensions), with a bounded polling fallback
 * for state that has no event. Tests never sleep for a fixed time.
 */
import * as util from 'util';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'speech-draft.speech-draft';

/** The URI of a path relative to the first workspace folder (test/integration/workspace). */
export function workspaceUri(relPath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration tests need a workspace folder open');
  return vscode.Uri.joinPath(folder.uri, ...relPath.split('/'));
}

/** Opens a workspace file in an editor and makes it the active one. */
export async function openDoc(relPath: string, options?: vscode.TextDocumentShowOptions): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(relPath));
  return vscode.window.showTextDocument(doc, options);
}

/**
 * Closes every editor, reverting unsaved changes first, so that no test leaves a modified or
 * dirty workspace file behind (a dirty file's close would otherwise wait on a save prompt).
 */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty) continue;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Events after which a condition is worth checking again. */
function changeEvents(): vscode.Event<unknown>[] {
  return [
    vscode.languages.onDidChangeDiagnostics,
    vscode.workspace.onDidChangeTextDocument,
    vscode.workspace.onDidOpenTextDocument,
    vscode.workspace.onDidChangeConfiguration,
    vscode.window.onDidChangeActiveTextEditor,
    vscode.window.onDidChangeVisibleTextEditors,
    vscode.window.onDidChangeTextEditorSelection,
    vscode.extensions.onDidChange,
  ];
}

/**
 * Resolves once `check` returns without throwing, with its value. `check` runs now, after each
 * change event and at a backing-off poll (50 ms up to 500 ms). On timeout, rejects with the
 * message (and assertion diff) of the last error of `check`.
 */
export function eventually<T>(check: () => T | Thenable<T>, timeoutMs = 5000): Promise<T> {
  // Created now so that its stack shows the test that waited, not a timer.
  const failure = new Error();
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    let running = false;
    let rerun = false;
    let lastError: unknown = new Error('condition never evaluated');
    let pollMs = 50;
    let pollTimer: NodeJS.Timeout | undefined;
    let subscriptions: vscode.Disposable[] = [];

    const settle = (complete: () => void) => {
      settled = true;
      clearTimeout(pollTimer);
      clearTimeout(deadline);
      for (const d of subscriptions) d.dispose();
      complete();
    };
    // One evaluation at a time; events during an evaluation schedule exactly one more.
    const attempt = async (): Promise<void> => {
      if (settled) return;
      if (running) {
        rerun = true;
        return;
      }
      running = true;
      try {
        const value = await check();
        if (!settled) settle(() => resolve(value));
      } catch (err) {
        lastError = err;
      } finally {
        running = false;
      }
      if (rerun) {
        rerun = false;
        return attempt();
      }
    };
    const poll = () => {
      pollTimer = setTimeout(() => {
        pollMs = Math.min(pollMs * 2, 500);
        poll();
        void attempt();
      }, pollMs);
    };
    const deadline = setTimeout(() => {
      settle(() => {
        const detail = lastError instanceof Error ? lastError.message : util.inspect(lastError);
        failure.message = `not true within ${timeoutMs} ms: ${detail}`;
        // An assertion's actual/expected let mocha show its diff.
        if (lastError instanceof Error && 'expected' in lastError) {
          Object.assign(failure, { actual: (lastError as { actual?: unknown }).actual, expected: lastError.expected });
        }
        reject(failure);
      });
    }, timeoutMs);

    subscriptions = changeEvents().map((event) => event(() => void attempt()));
    poll();
    void attempt();
  });
}

/**
 * Resolves with the first value of `fn` that satisfies `predicate`, re-evaluated as in
 * `eventually`. The timeout error shows the last value.
 */
export function waitFor<T>(
  fn: () => T | Thenable<T>,
  predicate: (value: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  return eventually(async () => {
    const value = await fn();
    if (!predicate(value)) throw new Error(`last value: ${util.inspect(value, { depth: 4 })}`);
    return value;
  }, timeoutMs);
}
