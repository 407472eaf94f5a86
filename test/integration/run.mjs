// Runs the integration suite (dist/test/suite/index.js, built by `npm run build`) inside a real
// VS Code with this repo as the extension under development and test/integration/workspace open.
//
//   node test/integration/run.mjs [--grep PATTERN] [--screenshot-on-failure] [--locale zh-cn]
//   node test/integration/run.mjs --installed FILE.vsix [--grep PATTERN]
//
//   --installed FILE.vsix    the installed-package suite (dist/test/installed/index.js) instead:
//                            code-server only; FILE.vsix (scripts/package.mjs) is installed with
//                            `--install-extension` into the fresh extensions dir and the repo is NOT
//                            the extension under development (VS Code runs tests only with one, so
//                            an empty folder stands in). The workspace is a temp folder made from
//                            examples/seed-speech.txt. Results go to .test-results/installed.json.
//   --grep PATTERN           only tests whose full title matches (a regular expression)
//   --screenshot-on-failure  keep the workbench as .test-results/failure.png (code-server host)
//   --locale L               vscode.env.language in the extension host (code-server host; see
//                            installStubLanguagePack in host.mjs)
//
// Environment:
//   SPEECH_DRAFT_TEST_HOST=auto|electron|code-server  (default auto)
//     electron:    @vscode/test-electron (downloads VS Code into .vscode-test/), under xvfb-run
//                  when there is no DISPLAY.
//     code-server: the offline host of scripts/install-vscode-host.sh (see host.mjs).
//     auto:        electron when a VS Code is in .vscode-test/ or can be downloaded and a display
//                  is available, else code-server.
//   SPEECH_DRAFT_TEST_TIMEOUT=SECONDS   overall timeout of the run (default 600)
//   SPEECH_DRAFT_TEST_SCREENSHOT=1      same as --screenshot-on-failure
//   SPEECH_DRAFT_HOST_VERBOSE=1         also print code-server's own log
//
// Writes .test-results/integration.json (installed.json with --installed) ({"passed": N, "failed": M}) and exits non-zero when a
// test failed, no test ran, or the host failed.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  HostUnavailableError,
  codeServerUnavailableReason,
  launchBrowser,
  openWorkbench,
  repoRoot,
  startCodeServer,
} from './host.mjs';

const integrationSuite = path.join(repoRoot, 'dist', 'test', 'suite', 'index.js');
const installedSuite = path.join(repoRoot, 'dist', 'test', 'installed', 'index.js');
const integrationWorkspace = path.join(repoRoot, 'test', 'integration', 'workspace');
const resultsDir = path.join(repoRoot, '.test-results');
const vscodeTestCache = path.join(repoRoot, '.vscode-test');

const log = (msg) => console.log(`[${suiteName}] ${msg}`);

const { values: options } = parseArgs({
  options: {
    grep: { type: 'string' },
    locale: { type: 'string' },
    'screenshot-on-failure': { type: 'boolean', default: process.env.SPEECH_DRAFT_TEST_SCREENSHOT === '1' },
    installed: { type: 'string' },
  },
});
const installedVsix = options.installed && path.resolve(options.installed);
const suiteName = installedVsix ? 'installed' : 'integration';
const suiteEntry = installedVsix ? installedSuite : integrationSuite;
/** Set by prepareInstalledWorkspace in --installed mode. */
let workspace = integrationWorkspace;
const timeoutMs = Number(process.env.SPEECH_DRAFT_TEST_TIMEOUT || 600) * 1000;
const requestedHost = process.env.SPEECH_DRAFT_TEST_HOST || 'auto';

/** Marks mocha's lines in the page console (see tagReporterOutput in suite/index.ts). */
const CONSOLE_TAG = '<<ext-host>> ';
/** Read by test/integration/suite/index.ts inside the extension host. */
const rawResults = path.join(os.tmpdir(), `speech-draft-${suiteName}-${process.pid}.json`);
const suiteEnv = {
  SPEECH_DRAFT_TEST_REPO: repoRoot,
  SPEECH_DRAFT_TEST_RESULTS: rawResults,
  SPEECH_DRAFT_TEST_COLOR: process.stdout.isTTY ? '1' : '0',
  ...(options.grep ? { SPEECH_DRAFT_TEST_GREP: options.grep } : {}),
};

async function main() {
  if (!['auto', 'electron', 'code-server'].includes(requestedHost)) {
    throw new HostUnavailableError(`SPEECH_DRAFT_TEST_HOST must be auto, electron or code-server, not "${requestedHost}"`);
  }
  for (const file of [suiteEntry, path.join(repoRoot, 'dist', 'extension.js')]) {
    if (!fs.existsSync(file)) throw new HostUnavailableError(`${path.relative(repoRoot, file)} is missing: run npm run build`);
  }
  if (installedVsix) {
    if (!fs.existsSync(installedVsix)) throw new HostUnavailableError(`${options.installed} is missing: run node scripts/package.mjs`);
    if (requestedHost === 'electron') throw new HostUnavailableError('--installed runs on the code-server host only');
    fs.rmSync(rawResults, { force: true });
    return report(await runCodeServer());
  }
  const executable = requestedHost === 'code-server' ? undefined : await findElectron(requestedHost === 'electron');
  // The run under xvfb-run reports and writes the results itself.
  if (executable && !process.env.DISPLAY) return runUnderXvfb();
  fs.rmSync(rawResults, { force: true });
  return report(executable ? await runElectron(executable) : await runCodeServer());
}

/**
 * The VS Code executable for the electron host, or undefined (auto mode only) when it cannot run
 * here. Offline the version lookup fails at once (ENOTFOUND), so the fallback costs little.
 */
async function findElectron(required) {
  const fail = (reason) => {
    if (required) throw new HostUnavailableError(`electron host: ${reason}`);
    log(`electron host unavailable (${reason}); falling back to code-server`);
    return undefined;
  };
  if (!process.env.DISPLAY && !hasCommand('xvfb-run')) return fail('no DISPLAY and no xvfb-run');
  const { downloadAndUnzipVSCode } = await import('@vscode/test-electron');
  try {
    return await downloadAndUnzipVSCode({
      cachePath: vscodeTestCache,
      extensionDevelopmentPath: repoRoot,
      timeout: 10_000,
      reporter: downloadReporter(),
    });
  } catch (err) {
    return fail(`no VS Code in .vscode-test/ and the download failed: ${err.message ?? err}`);
  }
}

/** test-electron's download progress as plain log lines (its default is a terminal spinner). */
function downloadReporter() {
  let downloading = false;
  return {
    report(r) {
      if (r.stage === 'foundMatchingInstall') log(`VS Code in ${path.relative(repoRoot, r.downloadedPath)}`);
      else if (r.stage === 'downloading' && !downloading) {
        downloading = true;
        log(`downloading ${r.url} (${Math.round(r.totalBytes / 2 ** 20)} MB)`);
      } else if (r.stage === 'retrying') log(`download failed (${r.error.message}); attempt ${r.attempt + 1} of ${r.totalAttempts}`);
      else if (r.stage === 'newInstallComplete') log(`VS Code downloaded to ${path.relative(repoRoot, r.downloadedPath)}`);
    },
    // Failures reach findElectron as the rejection.
    error() {},
  };
}

/** Runs this script again, with the electron host, under a virtual display. */
async function runUnderXvfb() {
  log('host: electron, under xvfb-run');
  const child = spawn('xvfb-run', ['-a', process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, SPEECH_DRAFT_TEST_HOST: 'electron' },
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
}

async function runElectron(executable) {
  log(`host: electron (${executable})`);
  const { runTests } = await import('@vscode/test-electron');
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-electron-'));
  try {
    return await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suiteEntry,
      extensionTestsEnv: suiteEnv,
      launchArgs: [workspace, '--user-data-dir', userData, '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } catch (err) {
    // runTests rejects when VS Code exits non-zero, which includes failing tests.
    log(`electron host: ${err.message ?? err}`);
    return 1;
  } finally {
    fs.rmSync(userData, { recursive: true, force: true });
  }
}

/**
 * --installed: a temp folder holding the workspace (the seed speech, a small draft with a repeated
 * word, a .speech.txt file) and an empty folder that stands in for the extension under development.
 */
function prepareInstalledWorkspace() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-installed-'));
  const ws = path.join(tmp, 'workspace');
  fs.mkdirSync(path.join(ws, 'words'), { recursive: true });
  fs.copyFileSync(path.join(repoRoot, 'examples', 'seed-speech.txt'), path.join(ws, 'seed-speech.txt'));
  fs.copyFileSync(path.join(integrationWorkspace, 'words', 'repeated.txt'), path.join(ws, 'words', 'repeated.txt'));
  fs.writeFileSync(path.join(ws, 'draft.speech.txt'), '关于工作的讲话\n一、总体要求\n正文。\n二、重点任务\n正文。\n');
  const noExtension = path.join(tmp, 'no-extension-under-development');
  fs.mkdirSync(noExtension);
  return { tmp, ws, noExtension };
}

async function runCodeServer() {
  const reason = codeServerUnavailableReason();
  if (reason) throw new HostUnavailableError(reason);
  log(installedVsix ? `host: code-server, installed package ${path.relative(repoRoot, installedVsix)}` : 'host: code-server');
  const verbose = process.env.SPEECH_DRAFT_HOST_VERBOSE === '1';
  let server;
  let browser;
  let timer;
  let installed;
  try {
    let developmentPath = repoRoot;
    if (installedVsix) {
      installed = prepareInstalledWorkspace();
      workspace = installed.ws;
      developmentPath = installed.noExtension;
    }
    server = await startCodeServer({
      env: { ...suiteEnv, SPEECH_DRAFT_TEST_CONSOLE_TAG: CONSOLE_TAG },
      locale: options.locale,
      verbose,
      installExtensions: installedVsix ? [installedVsix] : [],
    });
    browser = await launchBrowser(server.stateDir);
    const url = server.workbenchUrl(workspace, [
      ['extensionDevelopmentPath', server.remoteUri(developmentPath)],
      ['extensionTestsPath', server.remoteUri(suiteEntry)],
    ]);
    let exitCode;
    const finished = new Promise((resolve) => {
      exitCode = resolve;
      timer = setTimeout(() => {
        log(`timed out after ${timeoutMs / 1000} s`);
        resolve(1);
      }, timeoutMs);
    });
    const page = await openWorkbench(browser, url, {
      onConsole: (text) => {
        const i = text.indexOf(CONSOLE_TAG);
        if (i >= 0) console.log(text.slice(i + CONSOLE_TAG.length));
        else if (verbose || !isWorkbenchNoise(text)) console.log(text);
      },
      onExit: exitCode,
    });
    page.on('crash', () => {
      log('the workbench page crashed');
      exitCode(1);
    });
    const code = await finished;
    if (code !== 0 && options['screenshot-on-failure']) await saveScreenshot(page);
    return code;
  } finally {
    clearTimeout(timer);
    await browser?.close().catch(() => {});
    await server?.stop();
    if (installed) fs.rmSync(installed.tmp, { recursive: true, force: true });
  }
}

/**
 * Page console messages every run has: the workbench's start-up log and what fails offline (the
 * extension gallery, the missing vsda module). Anything else, e.g. a test's or the extension's own
 * console output, is printed. SPEECH_DRAFT_HOST_VERBOSE=1 prints these too.
 */
function isWorkbenchNoise(text) {
  return (
    /^ INFO (Resolv|Creating a socket|Updating additional builtin|\[Service Worker\])|open-vsx\.org|^Failed to load resource|same-origin iframe|allow-scripts and allow-same-origin|File not modified since/.test(text) ||
    // The workbench logging the suite's rejection for failed tests, which mocha has reported.
    /^(  ERR )?Error: \d+ integration test\(s\) failed/.test(text)
  );
}

async function saveScreenshot(page) {
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, 'failure.png');
  try {
    await page.screenshot({ path: file });
    log(`screenshot of the workbench: ${path.relative(repoRoot, file)}`);
  } catch (err) {
    log(`could not take a screenshot: ${err.message ?? err}`);
  }
}

/** Writes .test-results/SUITE.json (integration or installed), prints the summary and returns the exit code. */
function report(hostCode) {
  let results;
  try {
    results = JSON.parse(fs.readFileSync(rawResults, 'utf8'));
    fs.rmSync(rawResults, { force: true });
  } catch {
    // The suite crashed or never ran: count that as a failure.
    log('the suite did not report results (it crashed or never ran)');
    results = { passed: 0, failed: 1 };
  }
  const { passed, failed } = results;
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, `${suiteName}.json`), `${JSON.stringify({ passed, failed })}\n`);
  console.log(`${suiteName}: ${passed} passed, ${failed} failed`);
  if (passed + failed === 0) log('no test ran (check --grep)');
  return hostCode === 0 && failed === 0 && passed > 0 ? 0 : 1;
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

// Ctrl+C / kill: exit through process.exit so host.mjs kills the server's process group.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

main().then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof HostUnavailableError) console.error(`[integration] ${err.message}`);
    else console.error(err);
    process.exit(report(1));
  },
);
