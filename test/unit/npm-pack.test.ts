/**
 * The CLI as npm ships it: `npm pack`, install the tarball into an empty folder, run
 * `speech-draft check` and `outline` from there. Slow (a build and an install from the registry or
 * the npm cache), so it runs only with SPEECH_DRAFT_PACK_TEST=1:
 *
 *   SPEECH_DRAFT_PACK_TEST=1 npx vitest run test/unit/npm-pack.test.ts
 *
 * The install omits optional dependencies (`--omit=optional`): nodejieba is optional, and the
 * numbering checks and the outline must work where it cannot be built.
 * SPEECH_DRAFT_PACK_TEST=full also installs with the optional dependencies (builds or downloads
 * nodejieba) and checks that word segmentation works from the installed package.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SEED } from './helpers';

const MODE = process.env.SPEECH_DRAFT_PACK_TEST;
const MINUTES = 60_000;

/** What the tarball holds: exactly these files (package/ prefix stripped). */
const EXPECTED = [
  'CHANGELOG.md',
  'LICENSE',
  'README.md',
  'bin/speech-draft.js',
  'dict/official.dict.utf8',
  'dict/stopwords.txt',
  'dist/cli.js',
  'dist/segmenter.js',
  'package.json',
];

const BAD_DRAFT = ['关于做好明年工作的几点意见', '', '一、提高站位', '正文。', '', '二、狠抓落实', '正文。', '', '四、强化保障', '正文。', ''].join('\n');

function run(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C', LANG: 'C', npm_config_update_notifier: 'false' } });
  console.log(`npm-pack: ${cmd} ${args.join(' ')}: exit ${r.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (r.error) throw r.error;
  return r;
}

function ok(r: SpawnSyncReturns<string>): string {
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe.skipIf(!MODE || MODE === '0')('npm pack: the CLI package', () => {
  let work: string;
  let tarball: string;
  let files: string[];

  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-pack-'));
    // `npm pack` runs the `prepare` script, which builds dist/.
    const out = ok(run('npm', ['pack', '--json', '--pack-destination', work], ROOT));
    const info = JSON.parse(out.slice(out.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(work, info[0].filename);
    files = info[0].files.map((f) => f.path).sort();
    fs.writeFileSync(path.join(work, 'bad.txt'), BAD_DRAFT);
  }, 5 * MINUTES);

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('holds the CLI, its dictionaries and the docs, and no sources, tests or benchmarks', () => {
    expect(files).toEqual(EXPECTED);
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    expect(manifest.dependencies?.nodejieba, 'nodejieba belongs in optionalDependencies').toBeUndefined();
    expect(manifest.optionalDependencies?.nodejieba).toBeDefined();
  });

  function installInto(name: string, extra: string[]): string {
    const dir = path.join(work, name);
    fs.mkdirSync(dir);
    ok(run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...extra, tarball], dir));
    return dir;
  }

  function checksNumbering(dir: string): void {
    const check = run('npx', ['--no-install', 'speech-draft', 'check', path.join(work, 'bad.txt')], dir);
    expect(check.status, check.stderr).toBe(1);
    expect(check.stdout).toMatch(/bad\.txt:9:1: error heading-sequence /);

    const outline = ok(run('npx', ['--no-install', 'speech-draft', 'outline', SEED], dir));
    expect(outline.split('\n')[0]).toBe('市教育局局长在理论学习中心组会上的研讨发言材料');
    // The last section ends before the web copy's cut (lines 13–15).
    expect(outline).toMatch(/^ {2}二、学悟大会精神.*\[7-12\]/m);
    expect(outline).toMatch(/^ {4}\(四\)大力发展职业教育 {2}\[12\]/m);
  }

  it('works installed without optional dependencies (no nodejieba)', () => {
    const dir = installInto('no-optional', ['--omit=optional']);
    expect(fs.existsSync(path.join(dir, 'node_modules/nodejieba'))).toBe(false);
    checksNumbering(dir);
    // The word-level checks say once that segmentation is unavailable; the rest goes on.
    const hints = run('npx', ['--no-install', 'speech-draft', 'check', '--hints', path.join(work, 'bad.txt')], dir);
    expect(hints.status, hints.stderr).toBe(1);
    expect(hints.stdout).toMatch(/heading-sequence/);
    expect(hints.stderr).toMatch(/nodejieba|segment/i);
  }, 5 * MINUTES);

  it.runIf(MODE === 'full')('works installed with nodejieba, word segmentation included', () => {
    const dir = installInto('full', []);
    checksNumbering(dir);
    const stats = ok(run('npx', ['--no-install', 'speech-draft', 'stats', '--keywords', '5', SEED], dir));
    expect(stats).toMatch(/^Keywords: .*学前教育/m); // a word of the official dictionary, segmented by nodejieba
  }, 15 * MINUTES);
});
