/**
 * Entry of the integration suite, loaded by VS Code's extension host with the `run(): Promise<void>`
 * contract of @vscode/test-electron (the code-server host uses the same contract; see run.mjs).
 *
 * Mocha UI: TDD. Test files are `*.test.ts` under this folder and import `suite`, `test`, `setup`,
 * `teardown`, `suiteSetup`, `suiteTeardown` from 'mocha'. esbuild bundles them into this file
 * through the glob-style `require` below; mocha itself stays external. A test file added after the
 * last `npm run build` fails the run with "Module not found in bundle": rebuild.
 *
 * The runner is shared with the installed-package suite (runner.ts).
 *
 * Environment (set by test/integration/run.mjs):
 * - SPEECH_DRAFT_TEST_GREP: only run tests whose full title matches this regular expression.
 * - SPEECH_DRAFT_TEST_RESULTS: file that receives {"passed": N, "failed": M}.
 * - SPEECH_DRAFT_TEST_COLOR=1: colored spec output.
 * - SPEECH_DRAFT_TEST_CONSOLE_TAG: prefix for the lines of mocha's report (see tagReporterOutput).
 */
import * as path from 'path';
import { runMocha } from './runner';

/** Where the sources of this suite are, seen from the bundle at dist/test/suite/index.js. */
const SOURCE_DIR = path.resolve(__dirname, '../../../test/integration/suite');

export function run(): Promise<void> {
  return runMocha({
    sourceDir: SOURCE_DIR,
    bundleDir: path.resolve(__dirname, '../..'),
    load: (name) => require(`./${name}.test.ts`),
  });
}
