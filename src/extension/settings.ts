/**
 * Rule configuration for a document: defaults < the `speechDraft.rules` setting < the nearest
 * `.speechdraftrc.json` (from the file's folder upwards). Config files are cached and watched; a
 * broken one is reported once (a notification and the Output channel) and then ignored, so the
 * checks go on with the other layers.
 */
import * as vscode from 'vscode';
import { ConfigError, CONFIG_FILE_NAMES, findConfigFile, parseConfig, type ResolvedConfig, resolveConfig, type SpeechDraftConfig, validateConfig } from '../core/config';

/** `unreadable`: the file could not be read at all (a directory, a symbolic-link loop, no permission). */
type Cached = { config?: SpeechDraftConfig; error?: ConfigError; unreadable?: boolean };

export class RuleSettings implements vscode.Disposable {
  private readonly files = new Map<string, Promise<Cached>>();
  private readonly reported = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires when a config file or the `speechDraft.rules` setting changes. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{${CONFIG_FILE_NAMES.join(',')}}`);
    const invalidate = () => {
      this.files.clear();
      this.changed.fire();
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(invalidate),
      watcher.onDidChange(invalidate),
      watcher.onDidDelete(invalidate),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('speechDraft.rules')) this.changed.fire();
      }),
      this.changed,
    );
  }

  /** The resolved rule configuration for a document. */
  async forDocument(doc: vscode.TextDocument): Promise<ResolvedConfig> {
    const setting = this.settingLayer(doc);
    const file = doc.uri.scheme === 'untitled' ? undefined : await this.fileLayer(doc.uri);
    return resolveConfig(setting, file);
  }

  private settingLayer(doc: vscode.TextDocument): SpeechDraftConfig | undefined {
    const rules = vscode.workspace.getConfiguration('speechDraft', doc.uri).get<unknown>('rules');
    if (rules === undefined || rules === null || (typeof rules === 'object' && Object.keys(rules).length === 0)) return undefined;
    const problems = validateConfig({ rules });
    if (problems.length > 0) {
      this.reportOnce('setting:' + JSON.stringify(rules), vscode.l10n.t('Speech Draft: the setting speechDraft.rules is invalid and was ignored: {0}', this.text(problems)));
      return undefined;
    }
    return { rules: rules as SpeechDraftConfig['rules'] };
  }

  private async fileLayer(uri: vscode.Uri): Promise<SpeechDraftConfig | undefined> {
    const dir = vscode.Uri.joinPath(uri, '..');
    const path = await findConfigFile(
      dir.toString(),
      // Anything of that name but a missing one counts: a directory or a symbolic-link loop named
      // .speechdraftrc.json is reported when it is read, never passed over for the defaults.
      async (p) => {
        try {
          await vscode.workspace.fs.stat(vscode.Uri.parse(p));
          return true;
        } catch (err) {
          const code = err instanceof vscode.FileSystemError ? err.code : undefined;
          return code !== 'FileNotFound' && code !== 'FileNotADirectory';
        }
      },
      (d, name) => vscode.Uri.joinPath(vscode.Uri.parse(d), name).toString(),
      (d) => vscode.Uri.joinPath(vscode.Uri.parse(d), '..').toString(),
    );
    if (!path) return undefined;
    let pending = this.files.get(path);
    if (!pending) {
      pending = this.load(vscode.Uri.parse(path));
      this.files.set(path, pending);
    }
    const cached = await pending;
    if (cached.error) {
      const e = cached.error;
      const shown = vscode.workspace.asRelativePath(vscode.Uri.parse(path));
      const text = cached.unreadable
        ? vscode.l10n.t('Speech Draft: {0} cannot be read and was ignored: {1}', shown, this.text(e.problems))
        : vscode.l10n.t('Speech Draft: {0} is invalid and was ignored: {1}', shown, this.text(e.problems));
      this.reportOnce(`file:${path}:${e.message}`, text, vscode.Uri.parse(path));
    }
    return cached.config;
  }

  private async load(uri: vscode.Uri): Promise<Cached> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (err) {
      const why = String((err as Error)?.message ?? err);
      return { error: new ConfigError(uri.fsPath, [{ en: why, 'zh-cn': why }]), unreadable: true };
    }
    try {
      return { config: parseConfig(new TextDecoder().decode(bytes), uri.fsPath) };
    } catch (err) {
      if (err instanceof ConfigError) return { error: err };
      return { error: new ConfigError(uri.fsPath, [{ en: String((err as Error)?.message ?? err), 'zh-cn': String((err as Error)?.message ?? err) }]) };
    }
  }

  private text(problems: { en: string; 'zh-cn': string }[]): string {
    const zh = vscode.env.language.toLowerCase().startsWith('zh');
    return problems.map((p) => (zh ? p['zh-cn'] : p.en)).join('; ');
  }

  /** One notification per distinct problem; every problem also goes to the Output channel. */
  private reportOnce(key: string, message: string, file?: vscode.Uri): void {
    this.log.warn(message);
    if (this.reported.has(key)) return;
    this.reported.add(key);
    const open = vscode.l10n.t('Open File');
    void vscode.window.showWarningMessage(message, ...(file ? [open] : [])).then((choice) => {
      if (choice === open && file) void vscode.window.showTextDocument(file);
    });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
