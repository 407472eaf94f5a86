#!/usr/bin/env node
// The grammar suite (syntaxes/): three checks, each counted in .test-results/grammar.json
// ({"passed": N, "failed": M}); exits non-zero when one failed.
//
//   1. The committed grammars are what syntaxes/build-grammars.mjs generates (1 test).
//   2. vscode-tmgrammar-test on test/grammar/**/*.test.{txt,md} with the grammars of
//      test/grammar/grammars.json (draft grammar, Markdown injection, vendored Markdown grammar):
//      one test per asserted source line, counted from its XUnit report.
//   3. test/grammar/agreement.mjs: grammar and parser (src/core) agree on markers, enumerations and
//      titles over the fixtures and generated lines (one test per corpus file and generated set).
//
//   node test/grammar/run.mjs
//
// vscode-tmgrammar-test warns "grammar not found" for every language Markdown's fenced code
// blocks embed (source.js …); they are not needed and those lines are left out of the output.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const results = path.join(root, '.test-results');
const require = createRequire(import.meta.url);

let passed = 0;
let failed = 0;

function run(argv, { filterStderr = false } = {}) {
  const r = spawnSync(process.execPath, argv, {
    cwd: root,
    stdio: ['ignore', 'inherit', filterStderr ? 'pipe' : 'inherit'],
    encoding: 'utf8',
  });
  if (filterStderr && r.stderr) {
    const lines = r.stderr.split('\n').filter((l) => l && !/^grammar not found for "/.test(l));
    if (lines.length) process.stderr.write(`${lines.join('\n')}\n`);
  }
  return r.status ?? 1;
}

fs.mkdirSync(results, { recursive: true });

// 1. Generated grammars up to date.
console.log('grammar: generated JSON up to date?');
if (run([path.join(root, 'syntaxes', 'build-grammars.mjs'), '--check']) === 0) passed++;
else failed++;

// 2. vscode-tmgrammar-test.
console.log('grammar: vscode-tmgrammar-test');
const pkgDir = path.dirname(require.resolve('vscode-tmgrammar-test/package.json'));
const bin = path.join(pkgDir, JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).bin['vscode-tmgrammar-test']);
const xunit = path.join(results, 'grammar-xunit');
fs.rmSync(xunit, { recursive: true, force: true });
const code = run(
  [bin, '--config', path.relative(root, path.join(here, 'grammars.json')), '--xunit-report', xunit, 'test/grammar/**/*.test.{txt,md}'],
  { filterStderr: true },
);
let cases = 0;
let failedCases = 0;
if (fs.existsSync(xunit)) {
  for (const f of fs.readdirSync(xunit)) {
    const xml = fs.readFileSync(path.join(xunit, f), 'utf8');
    for (const m of xml.matchAll(/<testcase\b[^>]*?(?:\/>|>([\s\S]*?)<\/testcase>)/g)) {
      cases++;
      if (/<(failure|error)\b/.test(m[1] ?? '')) failedCases++;
    }
  }
}
// A failure outside the test cases (the tool itself, no test file found): one failed test.
if (code !== 0 && failedCases === 0) failedCases = 1;
console.log(`grammar: vscode-tmgrammar-test: ${cases - Math.min(failedCases, cases)} of ${cases} asserted lines pass`);
passed += Math.max(0, cases - failedCases);
failed += failedCases;

// 3. Grammar and parser agree.
console.log('grammar: agreement with src/core');
const agreementJson = path.join(results, 'grammar-agreement.json');
fs.rmSync(agreementJson, { force: true });
const agreementCode = run([path.join(here, 'agreement.mjs'), '--json', agreementJson]);
let agreement;
try {
  agreement = JSON.parse(fs.readFileSync(agreementJson, 'utf8'));
} catch {
  agreement = { passed: 0, failed: 1 };
}
if (agreementCode !== 0 && agreement.failed === 0) agreement.failed = 1;
passed += agreement.passed;
failed += agreement.failed;

fs.writeFileSync(path.join(results, 'grammar.json'), JSON.stringify({ passed, failed }));
console.log(`grammar suite: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
