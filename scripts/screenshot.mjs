// Screenshot of FILE in a real VS Code (the code-server host of the integration tests, see
// test/integration/host.mjs) with this repo's extension (dist/, `npm run build`) loaded.
//
//   node scripts/screenshot.mjs FILE OUT.png [--outline] [--problems] [--locale zh-cn] [--folder DIR]
//
//   --outline    expand the Explorer's Outline section (the file tree is collapsed to make room)
//   --problems   open the Problems panel
//   --palette T  open the command palette with ">T" typed (to see the commands it lists)
//   --settings Q open the Settings editor searched for Q
//   --locale L   VS Code display language as seen by extensions (vscode.env.language); the
//                workbench's own strings stay English without a language pack
//   --folder D   workspace folder to open (default: the directory of FILE)
//
// The window is 1400x900. Needs scripts/install-vscode-host.sh.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  HostUnavailableError,
  launchBrowser,
  openWorkbench,
  repoRoot,
  startCodeServer,
} from '../test/integration/host.mjs';

const USAGE = 'usage: node scripts/screenshot.mjs FILE OUT.png [--outline] [--problems] [--palette TEXT] [--settings QUERY] [--locale zh-cn] [--folder DIR]';

async function main() {
  const { values: options, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      outline: { type: 'boolean', default: false },
      problems: { type: 'boolean', default: false },
      palette: { type: 'string' },
      settings: { type: 'string' },
      locale: { type: 'string' },
      folder: { type: 'string' },
    },
  });
  if (positionals.length !== 2) throw new HostUnavailableError(USAGE);
  const file = path.resolve(positionals[0]);
  const out = path.resolve(positionals[1]);
  const folder = path.resolve(options.folder ?? path.dirname(file));
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) throw new HostUnavailableError(`no such file: ${file}`);
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'extension.js'))) {
    throw new HostUnavailableError('dist/extension.js is missing: run npm run build');
  }

  const server = await startCodeServer({ locale: options.locale });
  let browser;
  try {
    browser = await launchBrowser(server.stateDir);
    const page = await openWorkbench(
      browser,
      server.workbenchUrl(folder, [
        ['extensionDevelopmentPath', server.remoteUri(repoRoot)],
        ['openFile', server.remoteUri(file)],
      ]),
    );
    await waitForEditor(page, path.basename(file));
    if (options.outline) await revealOutline(page);
    if (options.problems) await revealProblems(page);
    // Back to the editor, so that no view shows a focus border.
    await page.locator('.editor-instance .monaco-editor textarea').first().focus();
    if (options.palette !== undefined) await openPalette(page, options.palette);
    if (options.settings !== undefined) await openSettings(page, options.settings);
    await settle(page);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    console.log(`screenshot: ${out}`);
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
  }
}

/** The editor of `name` is the active tab and has rendered its text. */
async function waitForEditor(page, name) {
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 60_000 });
  await page.locator('.editor-instance .monaco-editor .view-lines .view-line').first().waitFor();
}

/** Opens the command palette (F1) and types `text` after the `>`, to show the commands it lists. */
async function openPalette(page, text) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor();
  await input.fill(`>${text}`);
  await page.locator('.quick-input-widget .monaco-list-row').first().waitFor();
}

/** Opens the Settings editor (Ctrl+,) searched for `query`, to show the settings it lists. */
async function openSettings(page, query) {
  await page.keyboard.press('Control+Comma');
  const search = page.locator('.settings-editor .suggest-input-container textarea, .settings-editor .search-container textarea').first();
  await search.waitFor();
  await search.fill(query);
  await page.locator('.settings-editor .setting-item-contents').first().waitFor();
}

/** Expands the Explorer's Outline section, collapses the file tree, waits for outline rows. */
async function revealOutline(page) {
  // By aria-label: the folder's own section would match the title "Outline" if the folder were
  // named outline.
  const outline = page.locator('.sidebar .pane-header[aria-label="Outline Section"]');
  await outline.waitFor();
  if ((await outline.getAttribute('aria-expanded')) !== 'true') await outline.click();
  // Collapse the folder's section (the first pane of the Explorer) to give the outline room.
  const folderSection = page.locator('.sidebar .pane-header').first();
  if ((await folderSection.getAttribute('aria-label')) !== 'Outline Section' && (await folderSection.getAttribute('aria-expanded')) === 'true') {
    await folderSection.click();
  }
  const rows = page.locator('.sidebar .outline-pane .monaco-list-row');
  try {
    await rows.first().waitFor({ timeout: 15_000 });
  } catch {
    console.warn('warning: the Outline view shows no symbols');
  }
}

/** Opens the Problems panel (Ctrl+Shift+M) and waits for it to render. */
async function revealProblems(page) {
  await page.locator('.editor-instance .monaco-editor textarea').first().focus();
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.panel .markers-panel').waitFor({ state: 'visible' });
  try {
    await page.locator('.panel .markers-panel .monaco-list-row').first().waitFor({ timeout: 15_000 });
  } catch {
    console.warn('warning: the Problems panel shows no problems');
  }
}

/**
 * Waits until the page has not changed its DOM tree or text for 500 ms (at most 10 s); attribute
 * changes are ignored so that the blinking cursor does not count.
 */
async function settle(page) {
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        let timer = setTimeout(finish, 500);
        const cap = setTimeout(finish, 10_000);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(finish, 500);
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        function finish() {
          observer.disconnect();
          clearTimeout(timer);
          clearTimeout(cap);
          document.fonts.ready.then(resolve);
        }
      }),
  );
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof HostUnavailableError ? err.message : err);
    process.exit(1);
  },
);
