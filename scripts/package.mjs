#!/usr/bin/env node
// `npm run package`: builds the platform-specific .vsix with @vscode/vsce and prints its size and
// file list.
//
//   node scripts/package.mjs [--target linux-x64] [--out DIR] [--dev-build]
//
//   --target T   vsce target (default: this machine's, e.g. linux-x64). nodejieba is a native
//                addon, so a package only works on the platform whose nodejieba.node it carries:
//                it must be built on (or with node_modules installed for) that platform.
//   --out DIR    where the .vsix goes (default dist/); the file is speech-draft-T-VERSION.vsix
//   --dev-build  package the current dist/ as is (skip the production build)
//
// Steps: a production build (esbuild.mjs --production: minified, no source maps), `vsce package`
// with .vscodeignore as an allow-list (bundled dist/*.js, nodejieba's index.js + native binary + the
// three dictionaries the segmenter loads, grammars, snippets, l10n, schemas, rule docs), then the
// development build again so dist/ keeps its source maps for the tests. The package refuses to
// build when nodejieba.node is missing or is not for the target platform.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const log = (msg) => console.log(`[package] ${msg}`);

const { values: options } = parseArgs({
  options: {
    target: { type: 'string', default: defaultTarget() },
    out: { type: 'string', default: path.join(root, 'dist') },
    'dev-build': { type: 'boolean', default: false },
  },
});

function defaultTarget() {
  const arch = { x64: 'x64', arm64: 'arm64', arm: 'armhf' }[process.arch] ?? process.arch;
  return `${process.platform}-${arch}`;
}

function run(cmd, argv) {
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    console.error(`[package] ${cmd} ${argv.join(' ')} failed`);
    process.exit(1);
  }
}

/** The target's platform and arch must match this machine's nodejieba.node (it is what ships). */
function checkNativeBinary(target) {
  const binary = path.join(root, 'node_modules', 'nodejieba', 'build', 'Release', 'nodejieba.node');
  if (!fs.existsSync(binary)) {
    console.error(`[package] ${path.relative(root, binary)} is missing: run npm ci (with install scripts allowed)`);
    process.exit(1);
  }
  if (target !== defaultTarget()) {
    console.error(`[package] target ${target} differs from this machine (${defaultTarget()}); nodejieba.node is built for this machine, so package on a ${target} machine`);
    process.exit(1);
  }
}

const target = options.target;
checkNativeBinary(target);
const outDir = path.resolve(options.out);
fs.mkdirSync(outDir, { recursive: true });
const vsix = path.join(outDir, `${pkg.name}-${target}-${pkg.version}.vsix`);
fs.rmSync(vsix, { force: true });

const started = Date.now();
if (!options['dev-build']) run('node', ['esbuild.mjs', '--production']);
try {
  // Dependency detection stays on (with --no-dependencies vsce skips node_modules altogether, so
  //   nodejieba could not ship); .vscodeignore, an allow-list, keeps only nodejieba's files.
  // --allow-missing-repository: package.json has no repository field (vsce would ask for one).
  // --no-rewrite-relative-links: README's image links stay relative to the installed folder.
  run('npx', [
    '--no-install', 'vsce', 'package',
    '--target', target,
    '--out', vsix,
    '--allow-missing-repository',
    '--no-rewrite-relative-links',
  ]);
} finally {
  if (!options['dev-build']) run('node', ['esbuild.mjs']);
}

const listing = spawnSync('unzip', ['-l', vsix], { encoding: 'utf8' });
if (listing.status === 0) console.log(listing.stdout.trimEnd());
else log('unzip is missing: no file list');
const bytes = fs.statSync(vsix).size;
log(`${path.relative(root, vsix)}: ${(bytes / 2 ** 20).toFixed(2)} MB (${bytes} bytes), target ${target}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
