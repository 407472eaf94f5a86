// `npm run bench -- --hostile`: the crafted inputs that made 0.1 slow, crash or swell (a long line
// of one letter, a heading padded with spaces, Markdown `](` over and over, a line of 中, that is
// all fixes, 150,000 and 1,000,000 headings), each measured next to an ordinary generated draft of
// the same size, by the same code, in the same child process, interleaved. The figure that counts
// is the ratio crafted/ordinary: linear code keeps it within a small constant whatever the input;
// a quadratic path makes it grow with the size. The 1,000,000-heading check and an ordinary draft
// just under the 64 MiB read limit run through the real CLI in a fresh process each, whose peak
// RSS is held against the memory ceiling the README states.
//
// Every cell runs in a child with a timeout, so that code that hangs on an input (the old code
// under --compare) shows as "> N s" instead of stopping the benchmark.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { OUT_DIR, ROOT } from './build.mjs';
import { ordinaryDraft } from './generate.mjs';

const MB = 1024 * 1024;
/**
 * The memory ceiling (README, "Limits"): peak RSS of `check` on a file of B bytes is at most
 * CEILING_BASE + CEILING_PER_BYTE × B (the text is held as bytes, as a string and as lines; the model
 * and the problems add a bounded amount per line).
 */
export const CEILING_BASE = 128 * MB;
export const CEILING_PER_BYTE = 12;
export const ceilingFor = (bytes) => CEILING_BASE + CEILING_PER_BYTE * bytes;

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** `n` headings 一、…十、 over and over (each run of ten is a new part in all but name). */
function headings(n) {
  const lines = new Array(n);
  for (let i = 0; i < n; i++) lines[i] = `${CN[i % 10]}、标题标题`;
  return lines.join('\n') + '\n';
}

/**
 * The crafted inputs, each at its full size (`make(1)`) and at a quarter of it (`make(0.25)`): the
 * ratio to an ordinary draft must stay within `bound`, and must not grow from the quarter to the
 * full size (linear code keeps it level; a quadratic path multiplies it by four). `ops`: `check`
 * (parse + lint), `fix` (fixText to a fixed point), `stats` (the CLI's stats text), `outline` (the
 * outline text), `cli` (the real `check --all` in a fresh process: time and peak RSS).
 *
 * `bound`: 5× for text that has no more structure than prose; 25× for the dense ones, whose every
 * few bytes are a heading or a problem (the ordinary draft of the same size has a heading every
 * ~700 bytes and a problem every ~2 KB): each is an object the checks build, compare and report, a
 * microsecond or so apiece, where the ordinary draft's bytes go by at ~100 MB/s. For those rows the
 * growth is the sharper test.
 */
const n = (x, scale) => Math.round(x * scale);
export const CASES = [
  { key: 'long-line', what: 'one line of 100,000 × "a" (no @)', ext: 'txt', ops: ['check'], bound: 5, make: (k) => 'a'.repeat(n(100_000, k)) + '\n' },
  { key: 'spaces', what: '一、标题 + 64,000 spaces + x', ext: 'txt', ops: ['check'], bound: 5, make: (k) => '一、标题' + ' '.repeat(n(64_000, k)) + 'x\n' },
  { key: 'md-links', what: 'Markdown: "](" × 32,000', ext: 'md', ops: ['check'], bound: 5, make: (k) => ']('.repeat(n(32_000, k)) + '\n' },
  { key: 'commas', what: 'one line of "中," × 50,000', ext: 'txt', ops: ['check', 'fix'], bound: 25, make: (k) => '中,'.repeat(n(50_000, k)) + '\n' },
  { key: 'headings-150k', what: '150,000 headings (一、…十、 repeated)', ext: 'txt', ops: ['stats', 'outline'], bound: 25, make: (k) => headings(n(150_000, k)) },
  { key: 'headings-1m', what: '1,000,000 headings (一、…十、 repeated)', ext: 'txt', ops: ['cli'], bound: 25, make: (k) => headings(n(1_000_000, k)) },
];
/** A ratio at the full size at most this many times the ratio at a quarter of it: linear. */
export const GROWTH_LIMIT = 2;

const OP_LABEL = { check: 'parse+lint', fix: 'fixText', stats: 'stats text', outline: 'outline text', cli: 'CLI check --all' };

// ---- The child: one op on the ordinary and the crafted input, interleaved ------------------------

const ENTRY = [
  "export { parseDraft } from './src/core/parser';",
  "export { lint, fixText } from './src/core/lint';",
  "export { draftStats } from './src/core/stats';",
  "export { outlineJson, outlineText } from './src/core/outline';",
  "export { statsText } from './src/cli/stats';",
].join('\n');

async function buildBundle(root, outfile) {
  await esbuild.build({
    stdin: { contents: ENTRY, resolveDir: root, sourcefile: 'bench-hostile-entry.ts', loader: 'ts' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    mainFields: ['module', 'main'],
    external: ['vscode', 'nodejieba'],
    outfile,
    logLevel: 'error',
  });
}

function opFn(core, op, markdown) {
  switch (op) {
    case 'check': return (text) => core.lint(core.parseDraft(text, { markdown })).length;
    case 'fix': return (text) => core.fixText(text, { markdown }).applied;
    case 'stats': return (text) => core.statsText(core.draftStats(core.parseDraft(text, { markdown })), 'en').length;
    case 'outline': return (text) => core.outlineText(core.outlineJson('draft', core.parseDraft(text, { markdown })), (n) => n).length;
    default: throw new Error(`unknown op ${op}`);
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * In the child: the ordinary draft first, warmed up and measured to `minRuns` runs and `minTime` ms
 * (so that its figure is never one cold run), then one run of the crafted input (each reported at
 * once, so that a timeout still leaves the ordinary figure), then, unless that run was slow, both
 * interleaved until the crafted one has its runs too. Prints one JSON object a line.
 */
export function hostileChild({ bundle, op, ordinary, crafted, markdown, minTime, maxTime, minRuns }) {
  const core = createRequire(import.meta.url)(bundle);
  const fn = opFn(core, op, markdown);
  const subjects = [
    { name: 'ordinary', text: readFileSync(ordinary, 'utf8'), times: [] },
    { name: 'crafted', text: readFileSync(crafted, 'utf8'), times: [] },
  ];
  const [ord, cra] = subjects;
  const once = (s) => {
    const t0 = performance.now();
    fn(s.text);
    s.times.push(performance.now() - t0);
  };
  const total = (s) => s.times.reduce((a, b) => a + b, 0);
  const wants = (s) => (s.times.length < minRuns || total(s) < minTime) && total(s) < maxTime;
  for (let i = 0, end = performance.now() + Math.min(minTime, 300); i < 3 || performance.now() < end; i++) fn(ord.text);
  while (wants(ord)) once(ord);
  process.stdout.write(JSON.stringify({ first: 'ordinary', ms: median(ord.times) }) + '\n');
  once(cra);
  process.stdout.write(JSON.stringify({ first: 'crafted', ms: cra.times[0] }) + '\n');
  // A crafted input that takes more than a few seconds once is not repeated: its one run is the figure.
  if (cra.times[0] <= maxTime / 2) {
    while (wants(cra)) {
      once(cra);
      once(ord);
    }
  }
  process.stdout.write(JSON.stringify({
    done: true,
    ordinary: { ms: median(ord.times), runs: ord.times.length },
    crafted: { ms: median(cra.times), runs: cra.times.length },
    peakRss: process.resourceUsage().maxRSS * 1024,
  }) + '\n');
}

// ---- The parent ----------------------------------------------------------------------------------

function runCell({ runMjs, bundle, op, ordinary, crafted, markdown, timeoutMs, quick }) {
  const args = [
    '--expose-gc', runMjs, '--hostile-child', '--bundle', bundle, '--op', op, '--ordinary', ordinary, '--crafted', crafted,
    '--min-time', String(quick ? 300 : 1000), '--max-time', String(quick ? 2000 : 5000), '--min-runs', String(quick ? 3 : 5),
    ...(markdown ? ['--markdown'] : []),
  ];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 20, killSignal: 'SIGKILL' });
  const lines = (r.stdout || '').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const done = lines.find((l) => l.done);
  if (done) return done;
  const first = (name) => lines.find((l) => l.first === name);
  const timedOut = r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGKILL';
  const fail = timedOut ? { timeout: timeoutMs } : { error: (r.stderr || `exit ${r.status}`).trim().split('\n').filter(Boolean).slice(0, 2).join(' ') };
  return {
    ordinary: first('ordinary') ? { ms: first('ordinary').ms, runs: 1 } : fail,
    crafted: first('crafted') ? { ms: first('crafted').ms, runs: 1 } : fail,
  };
}

/** The real CLI in a fresh process: wall time and peak RSS (reported by an exit hook). */
function runCli({ bin, file, timeoutMs, hook }) {
  const rssFile = join(OUT_DIR, `rss-${process.pid}.json`);
  rmSync(rssFile, { force: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--require', hook, bin, 'check', '--all', file], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    env: { ...process.env, SPEECH_DRAFT_BENCH_RSS: rssFile, LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' },
  });
  const ms = performance.now() - t0;
  if (r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGKILL') return { timeout: timeoutMs };
  if (r.status !== 0 && r.status !== 1) return { error: `exit ${r.status ?? r.signal}: ${(r.stderr || '').trim().split('\n')[0] ?? ''}` };
  let peakRss;
  try {
    peakRss = JSON.parse(readFileSync(rssFile, 'utf8')).maxRss;
  } catch {
    /* no report: the process died before its exit handlers */
  }
  rmSync(rssFile, { force: true });
  return { ms, peakRss };
}

/**
 * Ordinary and crafted alternately, `runs` times each (a fresh process every time); medians, less
 * `startup` (the time the CLI takes on a two-line draft: node and the bundle loading, the same for
 * any input, which would otherwise flatten the ratio of the smaller files).
 */
function cliCell({ bin, ordinary, crafted, timeoutMs, hook, runs, startup = 0 }) {
  const acc = { ordinary: [], crafted: [] };
  const fail = {};
  for (let i = 0; i < runs; i++) {
    for (const [name, file] of [['ordinary', ordinary], ['crafted', crafted]]) {
      if (fail[name]) continue;
      const r = runCli({ bin, file, timeoutMs, hook });
      if (r.timeout || r.error) fail[name] = r;
      else acc[name].push(r);
    }
  }
  const sum = (name) => fail[name] ?? {
    ms: Math.max(1, median(acc[name].map((r) => r.ms)) - startup),
    peakRss: acc[name].every((r) => r.peakRss) ? median(acc[name].map((r) => r.peakRss)) : undefined,
    runs: acc[name].length,
  };
  return { ordinary: sum('ordinary'), crafted: sum('crafted') };
}

const fmtMs = (c) => (c.skipped && !c.timeout ? '—' : c.timeout ? `> ${(c.timeout / 1000).toFixed(0)} s${c.skipped ? ' (at ¼)' : ''}` : c.error ? 'error' : c.ms >= 1000 ? `${(c.ms / 1000).toFixed(2)} s` : `${c.ms.toFixed(c.ms >= 10 ? 0 : 1)} ms`);
const fmtMb = (b) => (b === undefined ? '—' : `${(b / MB).toFixed(0)} MB`);
const ratioOf = (cell) => (cell.crafted.ms !== undefined && cell.ordinary.ms !== undefined ? cell.crafted.ms / cell.ordinary.ms : undefined);

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i <= 1 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * Runs the section. `checkouts`: [{ name, root }] (this tree first, then --compare). Returns the
 * verdicts (of this tree only) and the figures, for --json and --check.
 */
export async function hostileSection({ runMjs, checkouts, timeoutMs, quick, log = console.log }) {
  const dir = join(OUT_DIR, 'hostile');
  mkdirSync(dir, { recursive: true });
  const hook = join(OUT_DIR, 'rss-hook.cjs');
  writeFileSync(hook, [
    '// Written by bench/hostile.mjs: reports the peak RSS of the process when it exits.',
    "process.on('exit', () => { require('fs').writeFileSync(process.env.SPEECH_DRAFT_BENCH_RSS, JSON.stringify({ maxRss: process.resourceUsage().maxRSS * 1024 })); });",
    '',
  ].join('\n'));

  // The inputs at full and at quarter size, and an ordinary draft of the same size (and kind) for each.
  const files = {};
  for (const c of CASES) {
    files[c.key] = {};
    for (const [tag, scale] of [['full', 1], ['quarter', 0.25]]) {
      const text = c.make(scale);
      const bytes = Buffer.byteLength(text);
      const crafted = join(dir, `${c.key}${tag === 'full' ? '' : '-quarter'}.${c.ext}`);
      const ordinary = join(dir, `${c.key}${tag === 'full' ? '' : '-quarter'}-ordinary.${c.ext}`);
      writeFileSync(crafted, text);
      writeFileSync(ordinary, ordinaryDraft(bytes, { markdown: c.ext === 'md' }));
      files[c.key][tag] = { crafted, ordinary, bytes };
    }
  }
  // The memory ceiling on an ordinary draft just under the CLI's 64 MiB read limit.
  const big = join(dir, 'ordinary-64m.txt');
  const bigBytes = 64 * MB - 64 * 1024;
  writeFileSync(big, ordinaryDraft(bigBytes));

  // Per checkout: the core bundle and the CLI.
  for (const [i, co] of checkouts.entries()) {
    co.bundle = join(OUT_DIR, `hostile-core-${i}.cjs`);
    await buildBundle(co.root, co.bundle);
    if (co.root === ROOT) {
      // This tree's CLI from its current sources (dist/ is ignored by git).
      const b = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
      if (b.status !== 0) throw new Error(`node esbuild.mjs failed: ${b.stderr}`);
    }
    // Another checkout's CLI as it was built there (never rebuilt: it is not ours to change).
    co.bin = join(co.root, 'bin', 'speech-draft.js');
    const tiny = join(dir, 'startup.txt');
    writeFileSync(tiny, '一、甲\n二、乙\n');
    const starts = [0, 1, 2].map(() => runCli({ bin: co.bin, file: tiny, timeoutMs, hook }).ms ?? 0);
    co.startup = median(starts);
  }

  const rows = [];
  const results = [];
  const measure = (c, op, co, f) => {
    const t0 = performance.now();
    const cell = op === 'cli'
      ? cliCell({ bin: co.bin, ordinary: f.ordinary, crafted: f.crafted, timeoutMs: timeoutMs * 2, hook, runs: quick ? 1 : 3, startup: co.startup })
      : runCell({ runMjs, bundle: co.bundle, op, ordinary: f.ordinary, crafted: f.crafted, markdown: c.ext === 'md', timeoutMs, quick });
    process.stderr.write(`  ${c.key} ${op} ${(f.bytes / 1024).toFixed(0)} KB [${co.name}]: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    return cell;
  };
  const fmtRatio = (cell, ratio) => (ratio !== undefined ? `${ratio.toFixed(2)}×` : cell.crafted.timeout && cell.ordinary.ms ? `> ${(cell.crafted.timeout / cell.ordinary.ms).toFixed(0)}×` : '—');
  for (const c of CASES) {
    const { full: f, quarter: q } = files[c.key];
    for (const op of c.ops) {
      for (const co of checkouts) {
        const small = measure(c, op, co, q);
        // A quarter that timed out: the full size would too (its ordinary draft is not measured).
        const cell = small.crafted.timeout ? { crafted: { ...small.crafted, skipped: true }, ordinary: { skipped: true } } : measure(c, op, co, f);
        const ratio = ratioOf(cell);
        const ratioQ = ratioOf(small);
        const growth = ratio !== undefined && ratioQ !== undefined ? ratio / ratioQ : undefined;
        const pass = ratio !== undefined && ratio <= c.bound && growth !== undefined && growth <= GROWTH_LIMIT;
        const memory = op === 'cli' ? `${fmtMb(cell.crafted.peakRss)} / ${fmtMb(cell.ordinary.peakRss)}` : '';
        results.push({ case: c.key, op, checkout: co.name, bytes: f.bytes, bound: c.bound, ...cell, ratio, quarter: { bytes: q.bytes, ...small, ratio: ratioQ }, growth, pass });
        rows.push([
          `${c.key} ${OP_LABEL[op]}`,
          co.name,
          `${(f.bytes / 1024).toFixed(0)} KB`,
          fmtMs(cell.crafted),
          fmtMs(cell.ordinary),
          fmtRatio(cell, ratio),
          fmtRatio(small, ratioQ),
          growth === undefined ? '—' : `${growth.toFixed(2)}×`,
          memory,
          `≤ ${c.bound}×`,
          ratio === undefined && !cell.crafted.timeout ? 'FAIL (error)' : pass ? 'PASS' : 'FAIL',
        ]);
      }
    }
  }

  // The ceiling: the 1,000,000 headings (from the rows above) and the ordinary 64 MiB draft.
  const ceilingRows = [];
  const verdicts = [];
  for (const co of checkouts) {
    const h = results.find((r) => r.case === 'headings-1m' && r.checkout === co.name);
    const b = runCli({ bin: co.bin, file: big, timeoutMs: timeoutMs * 2, hook });
    for (const [label, bytes, cell] of [['headings-1m', files['headings-1m'].full.bytes, h?.crafted], ['ordinary 64 MiB', bigBytes, b]]) {
      const limit = ceilingFor(bytes);
      const ok = cell && cell.peakRss !== undefined && cell.peakRss <= limit;
      ceilingRows.push([label, co.name, `${(bytes / MB).toFixed(1)} MB`, cell ? fmtMs(cell) : '—', fmtMb(cell?.peakRss), fmtMb(limit), cell?.peakRss ? `${(cell.peakRss / bytes).toFixed(1)}×` : '—', ok ? 'PASS' : 'FAIL']);
      if (co === checkouts[0]) verdicts.push({ name: `memory ceiling, ${label}: peak RSS ≤ ${CEILING_BASE / MB} MB + ${CEILING_PER_BYTE} × ${(bytes / MB).toFixed(1)} MB`, value: fmtMb(cell?.peakRss), pass: ok });
      results.push({ case: `ceiling ${label}`, checkout: co.name, bytes, ...cell, limit, pass: ok });
    }
  }

  log(`\nHostile inputs (bench/.out/hostile/): time of each crafted input and of an ordinary generated draft of the same size, measured side by side (same child process, interleaved; "cli" rows: the real CLI, a fresh process a run, RSS = peak of the process), at full size and at a quarter of it. Target: the ratio within the bound, and growing at most ${GROWTH_LIMIT}× from the quarter to the full size (linear: about 1×; quadratic: about 4×). A cell is stopped after ${timeoutMs / 1000} s (CLI runs ${(2 * timeoutMs) / 1000} s). CLI times are less its start-up (${checkouts.map((co) => `${co.name}: ${co.startup.toFixed(0)} ms`).join(', ')}).`);
  log(table(['input / operation', 'code', 'size', 'crafted', 'ordinary', 'ratio', 'ratio at ¼', 'growth', 'RSS crafted / ordinary', 'bound', 'target'], rows));
  for (const r of results.filter((x) => x.op)) {
    for (const [which, c] of [['crafted', r.crafted], ['ordinary', r.ordinary], ['crafted at ¼', r.quarter.crafted]]) {
      if (c?.error) log(`  error: ${r.case} ${OP_LABEL[r.op]} [${r.checkout}], ${which}: ${c.error}`);
    }
  }
  log(`\nMemory ceiling (README, Limits): peak RSS of check --all ≤ ${CEILING_BASE / MB} MB + ${CEILING_PER_BYTE} × the file's size.`);
  log(table(['input', 'code', 'size', 'time', 'peak RSS', 'ceiling', 'RSS / size', 'target'], ceilingRows));

  const rowVerdicts = results.filter((x) => x.checkout === checkouts[0].name && x.op).map((r) => ({
    name: `${r.case} ${OP_LABEL[r.op]}: crafted ≤ ${r.bound}× an ordinary draft of ${(r.bytes / 1024).toFixed(0)} KB, growth ≤ ${GROWTH_LIMIT}× from a quarter of the size`,
    value: r.ratio === undefined ? fmtMs(r.crafted) : `${r.ratio.toFixed(2)}×, growth ${r.growth === undefined ? '—' : `${r.growth.toFixed(2)}×`}`,
    pass: r.pass,
  }));
  return { verdicts: [...rowVerdicts, ...verdicts], results };
}
