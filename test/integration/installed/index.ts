/**
 * Entry of the installed-package suite (dist/test/installed/index.js): run by
 * `node test/integration/run.mjs --installed FILE.vsix`, in a VS Code where the .vsix was installed
 * with `--install-extension` and the repository is NOT the extension under development. Its tests
 * (`*.test.ts` in this folder) check that the packaged copy works on its own: the bundle, the native
 * nodejieba binary and its dictionaries, the snippets and the grammar all come from the package.
 * Same mocha runner and environment as the integration suite (../suite/runner.ts).
 */
import * as path from 'path';
import { runMocha } from '../suite/runner';

/** Where the sources of this suite are, seen from the bundle at dist/test/installed/index.js. */
const SOURCE_DIR = path.resolve(__dirname, '../../../test/integration/installed');

export function run(): Promise<void> {
  return runMocha({
    sourceDir: SOURCE_DIR,
    bundleDir: path.resolve(__dirname, '../..'),
    load: (name) => require(`./${name}.test.ts`),
  });
}
