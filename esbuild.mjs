// Bundles the extension, the CLI and the integration-test suite with esbuild.
// Type-checking is separate (`npm run typecheck`), as in microsoft/vscode-extension-samples.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // nodejieba is a native addon that assigns globals: never bundle it (ARCHITECTURE.md).
  external: ['vscode', 'nodejieba', 'mocha'],
  // jsonc-parser's UMD build requires its modules dynamically; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
};

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js' },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' },
  { ...common, entryPoints: ['src/segment/worker.ts'], outfile: 'dist/segmenter.js' }, // nodejieba child process
  // Integration suite: loaded by VS Code's extension host through the run() contract.
  { ...common, entryPoints: ['test/integration/suite/index.ts'], outfile: 'dist/test/suite/index.js' },
  // Installed-package suite: run against the .vsix installed into VS Code (run.mjs --installed).
  { ...common, entryPoints: ['test/integration/installed/index.ts'], outfile: 'dist/test/installed/index.js' },
];

if (watch) {
  for (const b of builds) {
    const ctx = await esbuild.context(b);
    await ctx.watch();
  }
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
