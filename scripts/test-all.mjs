#!/usr/bin/env node
// `npm test`: type-check, build, then every suite (vitest unit tests, the integration suite inside a
// real VS Code, the grammar suite of syntaxes/), and one closing line for all of them together:
// `N passed, N failed`. The `installed` suite packages the .vsix (scripts/package.mjs) and runs
// test/integration/installed/ against it, installed into VS Code (run.mjs --installed).
// Options: --unit, --integration, --grammar, --installed run only the suites named (they combine);
// --grammar alone skips the type-check and the build, which the grammar suite does not need.
// --no-installed skips the installed suite (quick local runs).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, '.test-results');
// The npm-pack check (the CLI as an npm package, installed without nodejieba) is part of the suite;
// SPEECH_DRAFT_PACK_TEST=0 skips it, =full also installs nodejieba (slow: a native build).
process.env.SPEECH_DRAFT_PACK_TEST ??= '1';
const args = new Set(process.argv.slice(2));
const selected = ['unit', 'integration', 'grammar', 'installed'].filter((name) => args.has(`--${name}`));
const wants = (name) => (selected.length === 0 || selected.includes(name)) && !args.has(`--no-${name}`);

function run(cmd, argv) {
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', env: process.env });
  return r.status ?? 1;
}

function readCounts(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

fs.mkdirSync(results, { recursive: true });
for (const f of ['unit.json', 'integration.json', 'grammar.json', 'installed.json']) fs.rmSync(path.join(results, f), { force: true });

const suites = [];
let failedSteps = 0;

if (wants('unit') || wants('integration') || wants('installed')) {
  if (run('npx', ['--no-install', 'tsc', '--noEmit', '-p', '.']) !== 0) {
    console.error('test: type-check failed');
    failedSteps++;
  }
  if (run('node', ['esbuild.mjs']) !== 0) {
    console.error('test: build failed');
    process.exit(1);
  }
}

if (wants('unit')) {
  const code = run('npx', ['--no-install', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(results, 'unit.json')}`]);
  const json = readCounts(path.join(results, 'unit.json'));
  const counts = json ? { passed: json.numPassedTests, failed: json.numFailedTests } : { passed: 0, failed: 1 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1; // vitest failed outside a test (e.g. a syntax error)
  suites.push(['unit', counts]);
}
if (wants('integration')) {
  const code = run('node', ['test/integration/run.mjs']);
  const counts = readCounts(path.join(results, 'integration.json')) ?? { passed: 0, failed: 1 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  suites.push(['integration', counts]);
}
if (wants('grammar')) {
  // Generated JSON up to date, vscode-tmgrammar-test (one test per asserted line), grammar/parser agreement.
  const code = run('node', ['test/grammar/run.mjs']);
  const counts = readCounts(path.join(results, 'grammar.json')) ?? { passed: 0, failed: 1 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  suites.push(['grammar', counts]);
}

if (wants('installed')) {
  // The .vsix of this machine's platform, built from the same sources, installed into a fresh
  // VS Code; a packaging failure counts as a failed suite.
  const vsixDir = path.join(results, 'vsix');
  fs.rmSync(vsixDir, { recursive: true, force: true });
  let counts = { passed: 0, failed: 1 };
  if (run('node', ['scripts/package.mjs', '--out', vsixDir]) !== 0) {
    console.error('test: packaging the .vsix failed');
  } else {
    const vsix = fs.readdirSync(vsixDir).find((f) => f.endsWith('.vsix'));
    const code = run('node', ['test/integration/run.mjs', '--installed', path.join(vsixDir, vsix)]);
    counts = readCounts(path.join(results, 'installed.json')) ?? counts;
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
  }
  suites.push(['installed', counts]);
}

let passed = 0;
let failed = failedSteps;
console.log('');
for (const [name, c] of suites) {
  console.log(`${name}: ${c.passed} passed, ${c.failed} failed`);
  passed += c.passed;
  failed += c.failed;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
