#!/usr/bin/env node
// Regenerates the golden files of the draft corpus (test/fixtures/drafts/*.outline, *.problems,
// *.fix) from the current code: runs test/unit/golden.test.ts with UPDATE_GOLDENS=1, which writes
// what the code says instead of comparing it. The invariant checks of that test still run and may
// fail; the goldens are written either way. Review `git diff test/fixtures/drafts` before committing.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const r = spawnSync('npx', ['vitest', 'run', 'test/unit/golden.test.ts', '-t', 'golden'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, UPDATE_GOLDENS: '1' },
});
process.exit(r.status ?? 1);
