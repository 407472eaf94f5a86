/**
 * The mocha runner shared by the integration suite (suite/index.ts) and the installed-package suite
 * (installed/index.ts): each entry lists its own test modules and requires them (the glob-style
 * `require` must sit in the entry so that esbuild bundles that folder's tests), this runs them.
 * Environment: see suite/index.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';
import { mapStackTraces } from './sourcemaps';

/** Test modules under `dir` (paths relative to it, without the .test.ts suffix), sorted. */
export function testModules(dir: string, prefix = ''): string[] {
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

/**
 * Runs the test modules of `sourceDir` (loaded with `load`) under mocha; `bundleDir` holds the
 * bundles whose stack traces are source-mapped.
 */
export function runMocha(options: { sourceDir: string; bundleDir: string; load: (name: string) => void }): Promise<void> {
  mapStackTraces(options.bundleDir);
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

  // What mocha.loadFiles() does for each file, for modules bundled into the entry.
  mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
  for (const name of testModules(options.sourceDir)) options.load(name);
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
