// Bundles the core (src/core, no vscode) with esbuild into bench/.out/core.cjs, the way the
// extension and the CLI are bundled (esbuild.mjs), and loads it.
import * as esbuild from 'esbuild';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const ROOT = dirname(BENCH_DIR);
export const OUT_DIR = join(BENCH_DIR, '.out');
export const CORE_BUNDLE = join(OUT_DIR, 'core.cjs');

/**
 * Builds bench/.out/core.cjs (or `outfile`) from the current sources and returns its exports.
 * `sourcemap: true` writes a .map next to it (the profiler maps samples back to src/ with it);
 * `root` is the tree whose src/core is built (default: this repository).
 */
export async function loadCore({ outfile = CORE_BUNDLE, sourcemap = false, root = ROOT } = {}) {
  mkdirSync(OUT_DIR, { recursive: true });
  await esbuild.build({
    stdin: {
      contents: [
        "export { parseDraft } from './src/core/parser';",
        "export { lint, lintText } from './src/core/lint';",
      ].join('\n'),
      resolveDir: root,
      sourcefile: 'bench-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // jsonc-parser's UMD build requires its modules dynamically; its ESM build bundles cleanly.
    mainFields: ['module', 'main'],
    outfile,
    sourcemap,
    logLevel: 'warning',
  });
  const require = createRequire(import.meta.url);
  delete require.cache[outfile];
  return require(outfile);
}
