// The offline VS Code host (docs: VSCODE-TESTS.md), shared by test/integration/run.mjs and
// scripts/screenshot.mjs: code-server installed by scripts/install-vscode-host.sh serves the
// workbench, Debian's chromium driven by playwright-core renders it. The extension under
// development (and the test suite) reach the workbench through the page address's `payload`.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const CODE_SERVER_VERSION = '4.96.4';
const cacheRoot = process.env.SPEECH_DRAFT_CACHE || path.join(os.homedir(), '.cache', 'speech-draft');
const installDir = path.join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`);
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--disable-crash-reporter',
];

/** User settings of every host: a quiet, deterministic workbench. */
const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  // The test workspace lives inside the repo's git work tree; scanning it is only noise.
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
};

/** The host cannot run on this machine; the message says what to do. */
export class HostUnavailableError extends Error {}

/**
 * Installs a .vsix into `extensionsDir` the way a user would (`code-server --install-extension`),
 * before the server starts. Throws with code-server's output when it fails.
 */
function installVsix({ vsix, extensionsDir, userDataDir, env, tmp }) {
  const r = spawnSync(
    process.execPath,
    [
      path.join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
      '--install-extension', path.resolve(vsix),
    ],
    { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 },
  );
  if (r.status !== 0 || !/successfully installed/.test(r.stdout)) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new Error(`code-server --install-extension ${vsix} failed (${r.error?.message ?? `exit ${r.status}`}):\n${r.stdout}${r.stderr}`);
  }
}

/** Why the code-server host cannot run here, or undefined when it can. */
export function codeServerUnavailableReason() {
  if (!fs.existsSync(path.join(installDir, '.install-complete'))) {
    return `code-server ${CODE_SERVER_VERSION} is not installed in ${installDir}: run scripts/install-vscode-host.sh`;
  }
  if (!fs.existsSync(CHROMIUM)) return `${CHROMIUM} is missing: run scripts/install-vscode-host.sh`;
  return undefined;
}

// Running servers (process group → temp dir), cleaned up synchronously if this process exits
// without stop(), e.g. on Ctrl+C.
const liveServers = new Map();
process.on('exit', () => {
  for (const [pgid, dir] of liveServers) {
    killGroup(pgid, 'SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  }
});

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Starts code-server on a free port of 127.0.0.1 with fresh user-data, extensions and XDG
 * directories. `env` is added to the server's environment, which its extension hosts inherit;
 * `locale` sets the display language (see installStubLanguagePack). Resolves when /healthz
 * answers; `stop()` kills the server's whole process group.
 */
export async function startCodeServer({ env = {}, locale, verbose = false, installExtensions = [] } = {}) {
  const reason = codeServerUnavailableReason();
  if (reason) throw new HostUnavailableError(reason);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-host-'));
  const dirs = Object.fromEntries(
    ['user-data', 'extensions', 'config', 'data', 'cache'].map((name) => [name, path.join(tmp, name)]),
  );
  fs.mkdirSync(path.join(dirs['user-data'], 'User'), { recursive: true });
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dirs['user-data'], 'User', 'settings.json'),
    JSON.stringify(BASE_SETTINGS, null, 2),
  );

  if (locale) installStubLanguagePack({ extensionsDir: dirs.extensions, userDataDir: dirs['user-data'], locale });
  const xdgEnv = { XDG_CONFIG_HOME: dirs.config, XDG_DATA_HOME: dirs.data, XDG_CACHE_HOME: dirs.cache };
  for (const vsix of installExtensions) {
    installVsix({ vsix, extensionsDir: dirs.extensions, userDataDir: dirs['user-data'], env: xdgEnv, tmp });
  }

  const args = [
    path.join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    '--auth', 'none',
    // Port 0: the kernel picks a free port, which the server prints (parsed below).
    '--bind-addr', '127.0.0.1:0',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', dirs['user-data'],
    '--extensions-dir', dirs.extensions,
    ...(locale ? ['--locale', locale] : []),
  ];
  // detached: the server calls setsid() and leads its own process group, so killing the group
  // also ends the extension hosts, pty host and file watchers it forks.
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...xdgEnv,
      // Where installed extensions live: tests of an installed .vsix check its copy is from here.
      SPEECH_DRAFT_HOST_EXTENSIONS_DIR: dirs.extensions,
      ...env,
    },
  });
  liveServers.set(child.pid, tmp);
  let output = '';
  let exited = false;
  const exitedPromise = new Promise((resolve) => child.once('exit', resolve)).then(() => {
    exited = true;
  });
  const port = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      if (verbose) process.stderr.write(chunk);
      const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (m) resolve(Number(m[1]));
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    exitedPromise.then(() => reject(new Error(`code-server exited during startup:\n${output}`)));
  });

  const stop = async () => {
    if (!exited) {
      killGroup(child.pid, 'SIGTERM');
      await Promise.race([exitedPromise, delay(3000)]);
    }
    // Whatever is left: members that outlive the leader, or a leader that ignored SIGTERM.
    killGroup(child.pid, 'SIGKILL');
    liveServers.delete(child.pid);
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    const p = await withTimeout(port, 30_000, 'code-server did not print its address');
    await waitForHealthz(`http://127.0.0.1:${p}/healthz`, 30_000, () => exited);
    const origin = `http://127.0.0.1:${p}`;
    return {
      origin,
      /** Temp dir of this server's state, removed by stop(): also for the browser's. */
      stateDir: tmp,
      /** The URI under which the workbench (and the extension host) sees a local path. */
      remoteUri: (absPath) => `vscode-remote://127.0.0.1:${p}${absPath}`,
      /** The workbench address for `folder`, with `payload` entries ([key, value] pairs). */
      workbenchUrl: (folder, payload = []) =>
        `${origin}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * VS Code switches its display language (vscode.env.language, which selects extensions'
 * package.nls.<locale>.json and l10n bundles) only to a language whose pack is installed and
 * listed in the user-data dir's languagepacks.json. The real packs come from the Marketplace; this
 * stub translates nothing, so the workbench stays English while extensions see `locale`.
 */
function installStubLanguagePack({ extensionsDir, userDataDir, locale }) {
  const id = `speech-draft-test.language-pack-${locale}`;
  const dir = path.join(extensionsDir, `${id}-0.0.1`);
  const translations = path.join(dir, 'translations', 'main.i18n.json');
  fs.mkdirSync(path.dirname(translations), { recursive: true });
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({
      name: `language-pack-${locale}`,
      publisher: 'speech-draft-test',
      version: '0.0.1',
      engines: { vscode: '*' },
      contributes: {
        localizations: [
          { languageId: locale, languageName: locale, translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] },
        ],
      },
    }),
  );
  fs.writeFileSync(
    path.join(userDataDir, 'languagepacks.json'),
    JSON.stringify({
      [locale]: {
        hash: 'stub',
        label: locale,
        extensions: [{ extensionIdentifier: { id }, version: '0.0.1' }],
        translations: { vscode: translations },
      },
    }),
  );
}

async function waitForHealthz(url, timeoutMs, hasExited) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error('code-server exited before /healthz answered');
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await delay(100);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/**
 * Debian's chromium through playwright-core (never a downloaded browser). Its XDG directories go
 * to `stateDir` (the server's temp dir), so nothing is written under ~.
 */
export async function launchBrowser(stateDir) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    env: {
      ...process.env,
      XDG_CONFIG_HOME: path.join(stateDir, 'browser-config'),
      XDG_CACHE_HOME: path.join(stateDir, 'browser-cache'),
    },
  });
}

/**
 * Opens the workbench in a 1400x900 page. Console messages of the page (which include the
 * extension host's console, hence mocha's output) go to `onConsole` as formatted text, in order.
 * `onExit` receives the code the workbench passes to `window.codeAutomationExit` when the
 * extension tests finish.
 */
export async function openWorkbench(browser, url, { onConsole, onExit } = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  if (onConsole) {
    let queue = Promise.resolve();
    page.on('console', (msg) => {
      const text = formatConsoleMessage(msg);
      queue = queue.then(async () => onConsole(await text));
    });
    page.on('pageerror', (err) => {
      queue = queue.then(() => onConsole(`[page error] ${err.stack || err}`));
    });
  }
  if (onExit) await page.exposeFunction('codeAutomationExit', (code) => onExit(Number(code)));
  await page.goto(url);
  return page;
}

/**
 * A console message as a terminal would print it. The workbench's logger prints
 * ['%c INFO', 'color: #33f', message, ...messageArgs]: a styled level, then a message with its own
 * format arguments. util.format drops '%c' and its CSS argument.
 */
async function formatConsoleMessage(msg) {
  const args = await Promise.all(msg.args().map((arg) => arg.jsonValue().catch(() => String(arg))));
  if (!args.length) return msg.text();
  if (typeof args[0] === 'string' && /^(%c[^%]*)+$/.test(args[0])) {
    const styles = args[0].split('%c').length - 1;
    return `${util.format(...args.slice(0, 1 + styles))} ${util.format(...args.slice(1 + styles))}`;
  }
  return util.format(...args);
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} (after ${ms / 1000} s)`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
