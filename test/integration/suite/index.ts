/**
 * Entry of the integration suite, loaded by VS Code's extension host with the `run(): Promise<void>`
 * contract of @vscode/test-electron (the code-server host uses the same contract; see run.mjs).
 *
 * Mocha UI: TDD. Test files are `*.test.ts` under this folder and import `suite`, `test`, `setup`,
 * `teardown`, `suiteSetup`, `suiteTeardown` from 'mocha'. esbuild bundles them into this file
 * through the glob-style `require` below; mocha itself stays external. A test file added after the
 * last `npm run build` fails the run with "Module not found in bundle": rebuild.
 *
 * Environment (set by test/integration/run.mjs):
 * - SPEECH_DRAFT_TEST_GREP: only run tests whose full title matches this regular expression.
 * - SPEECH_DRAFT_TEST_RESULTS: file that receives {"passed": N, "failed": M}.
 * - SPEECH_DRAFT_TEST_COLOR=1: colored spec output.
 * - SPEECH_DRAFT_TEST_CONSOLE_TAG: prefix for the lines of mocha's report (see tagReporterOutput).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';
import { mapStackTraces } from './sourcemaps';

/** Where the sources of this suite are, seen from the bundle at dist/test/suite/index.js. */
const SOURCE_DIR = path.resolve(__dirname, '../../../test/integration/suite');

/** Test modules (paths relative to this folder, without the .test.ts suffix), sorted. */
function testModules(dir = SOURCE_DIR, prefix = ''): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      if (entry.isDirectory()) return testModules(path.join(dir, entry.name), `${prefix}${entry.name}/`);
      return entry.name.endsWith('.test.ts') ? [prefix + entry.name.slice(0, -'.test.ts'.length)] : [];
    })
    .sort();
}

/**
 * The code-server host receives the extension host's console in the page console, mixed with the
 * workbench's own log (all as '%c INFO'-style messages). A tag on each line of mocha's report lets
 * run.mjs print it cleanly. (The extension host's console methods cannot be wrapped: VS Code
 * defines them as getters that ignore assignment.)
 */
function tagReporterOutput(tag: string): void {
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(tag + util.format(...args));
}

export function run(): Promise<void> {
  mapStackTraces(path.resolve(__dirname, '../..'));
  const tag = process.env.SPEECH_DRAFT_TEST_CONSOLE_TAG;
  if (tag) tagReporterOutput(tag);
  const grep = process.env.SPEECH_DRAFT_TEST_GREP;
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    color: process.env.SPEECH_DRAFT_TEST_COLOR === '1',
    timeout: 20_000,
    forbidOnly: Boolean(process.env.CI),
    ...(grep ? { grep: new RegExp(grep) } : {}),
  });

  // What mocha.loadFiles() does for each file, for modules bundled into this file.
  mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
  for (const name of testModules()) {
    require(`./${name}.test.ts`);
  }
  mocha.suite.emit('post-require', globalThis, 'bundle', mocha);

  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, failures: failed = 0 } = runner.stats ?? {};
      const resultsFile = process.env.SPEECH_DRAFT_TEST_RESULTS;
      if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify({ passed: passes, failed }));
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
