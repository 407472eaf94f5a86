// `npm run bench`: parse + check speed of Speech Draft on generated drafts from 10 KB to 10 MB, side
// by side with markdownlint (MD029, its ordered-list rule, as the nearest peer check; and its
// default config for reference) on the same content as Markdown, and with a floor (split into
// lines plus one regex test per line). Prints ms and MB/s, the ratios, linearity and memory, and
// PASS/FAIL against the targets. Exits 0 unless --check is given and a target is missed.
//
//   node bench/run.mjs [--check] [--quick] [--sizes 10k,100k,1m,10m] [--json FILE]
//                      [--mdl-10m run|once|skip] [--root CHECKOUT] [--compare CHECKOUT]
//
// MB = 2^20 bytes of UTF-8 input. Each cell is the median of N runs, N adaptive (at least a
// second of work and --min-runs, at most --max-time per cell); the subjects of one size run
// interleaved (Speech Draft and the floors, then markdownlint's two), so that load from other
// processes hits them alike. --root builds the core from another checkout; --compare adds that
// checkout's Speech Draft rows next to this one's.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { lint as markdownlint } from 'markdownlint/sync';
import { CORE_BUNDLE, OUT_DIR, ROOT, loadCore } from './build.mjs';
import { generateDraft, parseSize } from './generate.mjs';

const MB = 1024 * 1024;
const TARGETS = { vsMarkdownlint: 20, vsFloor: 3, linearity: 1.5 };

// ---- Arguments ---------------------------------------------------------------------------------

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const opt = (name, dflt) => {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return dflt;
  return argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
};

if (flag('memory-child')) {
  await memoryChild(opt('file'));
  process.exit(0);
}
if (flag('hostile-child')) {
  const { hostileChild } = await import('./hostile.mjs');
  hostileChild({
    bundle: opt('bundle'), op: opt('op'), ordinary: opt('ordinary'), crafted: opt('crafted'), markdown: flag('markdown'),
    minTime: Number(opt('min-time')), maxTime: Number(opt('max-time')), minRuns: Number(opt('min-runs')),
  });
  process.exit(0);
}

const CHECK = flag('check');
const QUICK = flag('quick');
const SIZES = opt('sizes', '10k,100k,1m,10m').split(',').map((s) => s.trim());
const MDL_10M = opt('mdl-10m', 'run'); // run: adaptive, capped by --max-time; once; skip
const MIN_TIME = Number(opt('min-time', QUICK ? 300 : 1000)); // ms of work per cell
const MAX_TIME = Number(opt('max-time', QUICK ? 3000 : 6000)); // ms cap per cell
const MIN_RUNS = Number(opt('min-runs', QUICK ? 3 : 5));
const JSON_OUT = opt('json', undefined);
const SRC_ROOT = opt('root', undefined); // another checkout (with node_modules), to compare

// ---- Measuring ---------------------------------------------------------------------------------

/** gc() when available: --expose-gc, or turned on here (V8 allows it at run time). */
const gc = (() => {
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc');
  } catch {
    return () => {};
  }
})();

let sink = 0;
const keep = (v) => {
  sink = (sink + (Array.isArray(v) ? v.length : typeof v === 'number' ? v : 1)) | 0;
};

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Measures subjects on one input, interleaved (round-robin) so that a change in machine load hits
 * all of them alike. Each subject runs until it has MIN_RUNS runs and MIN_TIME ms of work, or
 * MAX_TIME ms; a round runs each unfinished subject for ~50 ms (at least once). Returns, per
 * subject, the median, the minimum and the number of runs.
 */
function measureAll(subjects) {
  const cells = subjects.map((s) => ({ s, times: [], total: 0, batch: 1, done: false }));
  // One full gc before, not between rounds: forced full gcs age V8's bytecode and flush it, which
  // would make the subjects with much code (markdownlint) re-compile over and over.
  gc();
  while (cells.some((c) => !c.done)) {
    for (const c of cells) {
      if (c.done) continue;
      for (let k = 0; k < c.batch; k++) {
        const t0 = performance.now();
        keep(c.s.run());
        const dt = performance.now() - t0;
        c.times.push(dt);
        c.total += dt;
      }
      const mean = c.total / c.times.length;
      c.batch = Math.max(1, Math.min(500, Math.round(50 / Math.max(mean, 0.001))));
      c.done = c.s.once || c.total >= MAX_TIME || (c.times.length >= MIN_RUNS && c.total >= MIN_TIME) || c.times.length >= 5000;
    }
  }
  return cells.map((c) => ({ ms: median(c.times), min: Math.min(...c.times), runs: c.times.length }));
}

function warmUp(fn, ms = QUICK ? 150 : 400) {
  const end = performance.now() + ms;
  let n = 0;
  while (performance.now() < end || n < 3) {
    keep(fn());
    n++;
  }
}

// ---- The subjects --------------------------------------------------------------------------------

/** The floor: split into lines, one regex test per line. */
const FLOOR_RE = /^[\u3000 \t]*[（(]?[一二三四五六七八九十\d]+[）)、.．]/;
function floor(text) {
  const lines = text.split(/\r\n|\r|\n/);
  let n = 0;
  for (let i = 0; i < lines.length; i++) if (FLOOR_RE.test(lines[i])) n++;
  return n;
}

/**
 * A second reference, not a target: the floor plus one regex scan of every line for inline
 * enumerations (一是, 第一，, 首先…), i.e. reading every character once, which any check of
 * enumerations (and any character count) must do and the floor does not.
 */
const SCAN_RE = /[一二三四五六七八九十]{1,3}[是要抓]|其[一二三四五六七八九十]{1,3}|第[一二三四五六七八九十]{1,3}[，,、：:]|首先|其次|再次|最后/g;
function floorScan(text) {
  const lines = text.split(/\r\n|\r|\n/);
  let n = 0;
  for (let i = 0; i < lines.length; i++) {
    if (FLOOR_RE.test(lines[i])) n++;
    SCAN_RE.lastIndex = 0;
    while (SCAN_RE.exec(lines[i]) !== null) n++;
  }
  return n;
}

const MDL_PEER = { default: false, MD029: true };
const mdlRun = (md, config) => markdownlint({ strings: { draft: md }, config }).draft;

// ---- Formatting ----------------------------------------------------------------------------------

const fmtMs = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3));
const fmtRate = (r) => (r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2));
const fmtBytes = (b) => (b >= MB ? `${(b / MB).toFixed(2)} MB` : `${(b / 1024).toFixed(1)} KB`);
const pad = (s, n, right = false) => (right ? String(s).padEnd(n) : String(s).padStart(n));

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => pad(c, widths[i], i === 0)).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// ---- Memory (a child process, so the benchmark's own allocations don't count) -------------------

async function memoryChild(file) {
  const { createRequire } = await import('node:module');
  const core = createRequire(import.meta.url)(CORE_BUNDLE);
  const gcc = globalThis.gc;
  const text = readFileSync(file, 'utf8');
  gcc();
  const before = process.memoryUsage();
  const rssBefore = process.resourceUsage().maxRSS * 1024;
  const t0 = performance.now();
  const model = core.parseDraft(text);
  const parseMs = performance.now() - t0;
  const afterParseNoGc = process.memoryUsage();
  gcc();
  const afterParse = process.memoryUsage();
  const problems = core.lint(model);
  gcc();
  const afterLint = process.memoryUsage();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({
    textChars: text.length,
    lines: model.lines.length,
    headings: model.headings.length,
    problems: problems.length,
    parseMs,
    heapBefore: before.heapUsed,
    heapAfterParseNoGc: afterParseNoGc.heapUsed,
    heapModel: afterParse.heapUsed - before.heapUsed,
    heapAfterLint: afterLint.heapUsed - before.heapUsed,
    rssBefore,
    peakRss,
  }));
}

function memoryOf(file) {
  const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--memory-child', '--file', file], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) return { error: (r.stderr || '').trim().split('\n').slice(-3).join(' ') };
  return JSON.parse(r.stdout);
}

// ---- Main ------------------------------------------------------------------------------------------

const started = performance.now();
const gitRev = (() => {
  const r = spawnSync('git', ['describe', '--always', '--dirty'], { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : 'unknown';
})();
const busy = () => {
  const load = loadavg()[0];
  return load > cpus().length * 0.5 ? `load average ${load.toFixed(2)} on ${cpus().length} cores: other processes compete for the CPU, and long runs (markdownlint) suffer most; rerun on an idle machine for figures to quote` : '';
};
console.log(`Speech Draft benchmark — node ${process.version}, ${cpus()[0]?.model?.trim() ?? 'cpu'} ×${cpus().length}, ${gitRev}, load average ${loadavg()[0].toFixed(2)}`);

// --hostile: only the crafted inputs (bench/hostile.mjs), each against an ordinary draft of its size.
if (flag('hostile')) {
  const { hostileSection } = await import('./hostile.mjs');
  const compare = opt('compare', undefined);
  const checkouts = [{ name: SRC_ROOT ? SRC_ROOT : 'this tree', root: SRC_ROOT ?? ROOT }];
  if (compare) checkouts.push({ name: compare, root: compare });
  const { verdicts, results } = await hostileSection({
    runMjs: fileURLToPath(import.meta.url),
    checkouts,
    timeoutMs: Number(opt('timeout', QUICK ? 10 : 30)) * 1000,
    quick: QUICK,
  });
  console.log('\nTargets (this tree):');
  for (const v of verdicts) console.log(`  ${v.pass ? 'PASS' : 'FAIL'}  ${v.name}: ${v.value}`);
  if (busy()) console.log(`\nNote: ${busy()}.`);
  console.log(`\n${verdicts.filter((v) => v.pass).length}/${verdicts.length} targets met; ${((performance.now() - started) / 1000).toFixed(0)} s.${CHECK ? '' : ' (measurement only: exit 0; --check fails on a missed target)'}`);
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ node: process.version, rev: gitRev, hostile: results, verdicts }, null, 2));
  process.exit(CHECK && verdicts.some((v) => !v.pass) ? 1 : 0);
}

const core = await loadCore(SRC_ROOT ? { root: SRC_ROOT } : {});
if (SRC_ROOT) console.log(`(core built from ${SRC_ROOT})`);
const { parseDraft, lint } = core;

const SUBJECTS = [
  { key: 'parse', label: 'speech-draft parse (.txt)', input: 'txt', fn: (d) => parseDraft(d.txt) },
  { key: 'check', label: 'speech-draft parse+lint (.txt)', input: 'txt', fn: (d) => lint(parseDraft(d.txt)) },
  { key: 'checkMd', label: 'speech-draft parse+lint (.md)', input: 'md', fn: (d) => lint(parseDraft(d.md, { markdown: true })) },
  { key: 'mdl029', label: 'markdownlint MD029 only (.md)', input: 'md', fn: (d) => mdlRun(d.md, MDL_PEER), mdl: true },
  { key: 'mdlDefault', label: 'markdownlint default (.md)', input: 'md', fn: (d) => mdlRun(d.md, undefined), mdl: true },
  { key: 'floor', label: 'floor: split + 1 regex/line (.txt)', input: 'txt', fn: (d) => floor(d.txt) },
  { key: 'floorScan', label: 'ref: floor + enumeration scan (.txt)', input: 'txt', fn: (d) => floorScan(d.txt) },
];

// --compare DIR: the same speech-draft subjects built from another checkout, measured interleaved.
const COMPARE = opt('compare', undefined);
if (COMPARE) {
  const other = await loadCore({ root: COMPARE, outfile: join(OUT_DIR, 'core-compare.cjs') });
  SUBJECTS.splice(3, 0,
    { key: 'parseB', label: `parse (.txt) [${COMPARE}]`, input: 'txt', fn: (d) => other.parseDraft(d.txt) },
    { key: 'checkB', label: `parse+lint (.txt) [${COMPARE}]`, input: 'txt', fn: (d) => other.lint(other.parseDraft(d.txt)) },
    { key: 'checkMdB', label: `parse+lint (.md) [${COMPARE}]`, input: 'md', fn: (d) => other.lint(other.parseDraft(d.md, { markdown: true })) },
  );
}

// Drafts, generated deterministically; also written to bench/.out/drafts for inspection.
const draftsDir = join(OUT_DIR, 'drafts');
mkdirSync(draftsDir, { recursive: true });
const drafts = SIZES.map((s) => {
  const { txt, md } = generateDraft(parseSize(s));
  const file = join(draftsDir, `draft-${s}.txt`);
  writeFileSync(file, txt);
  writeFileSync(join(draftsDir, `draft-${s}.md`), md);
  return { name: s, txt, md, file, bytes: { txt: Buffer.byteLength(txt), md: Buffer.byteLength(md) } };
});

// What the checks find, so the reader sees the drafts have work in them.
for (const d of drafts) {
  const m = parseDraft(d.txt);
  const p = lint(m);
  const mdl = mdlRun(d.md, MDL_PEER);
  d.facts = { lines: m.lines.length, headings: m.headings.length, listItems: m.listItems.length, enumerations: m.enumerations.length, problems: p.length, md029: mdl.length };
}

// Warm up every subject on a mid-size draft (JIT), then measure size by size.
const warm = drafts.find((d) => d.bytes.txt >= 50 * 1024 && d.bytes.txt <= 2 * MB) ?? drafts[0];
for (const s of SUBJECTS) warmUp(() => s.fn(warm));

const results = {}; // results[size][key] = { ms, min, runs, mbps } | { skipped }
for (const d of drafts) {
  results[d.name] = {};
  const big = d.bytes.txt > 5 * MB;
  const todo = [];
  for (const s of SUBJECTS) {
    if (s.mdl && big && MDL_10M === 'skip') results[d.name][s.key] = { skipped: true };
    else todo.push({ key: s.key, input: s.input, mdl: s.mdl, run: () => s.fn(d), once: s.mdl && big && MDL_10M === 'once' });
  }
  const t0 = performance.now();
  // Two phases: markdownlint allocates far more than the others, and its garbage would be
  // collected during (and charged to) whatever runs next.
  for (const phase of [todo.filter((t) => !t.mdl), todo.filter((t) => t.mdl)]) {
    const rs = measureAll(phase);
    phase.forEach((t, i) => {
      const r = rs[i];
      r.mbps = d.bytes[t.input] / MB / (r.ms / 1000);
      results[d.name][t.key] = r;
    });
  }
  process.stderr.write(`  ${d.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s (${todo.map((t) => `${t.key} ${results[d.name][t.key].runs}`).join(', ')} runs)\n`);
}

// ---- Report ------------------------------------------------------------------------------------------

console.log('\nDrafts (generated, seed 2024; bench/.out/drafts/):');
console.log(table(
  ['size', '.txt', '.md', 'lines', 'headings', 'list items', 'enumerations', 'problems', 'MD029 errors'],
  drafts.map((d) => [d.name, fmtBytes(d.bytes.txt), fmtBytes(d.bytes.md), d.facts.lines, d.facts.headings, d.facts.listItems, d.facts.enumerations, d.facts.problems, d.facts.md029]),
));

console.log('\nTime (median ms) and throughput (MB/s of the input):');
console.log(table(
  ['', ...drafts.map((d) => d.name)],
  SUBJECTS.map((s) => [
    s.label,
    ...drafts.map((d) => {
      const r = results[d.name][s.key];
      return r.skipped ? 'skipped' : `${fmtMs(r.ms)} ms ${pad(fmtRate(r.mbps), 5)} MB/s${r.runs === 1 ? ' (1 run)' : ''}`;
    }),
  ]),
));

const ratio = (d, a, b, by = 'speed') => {
  const x = results[d.name][a];
  const y = results[d.name][b];
  if (!x || !y || x.skipped || y.skipped) return undefined;
  return by === 'speed' ? x.mbps / y.mbps : x.ms / y.ms;
};
const fx = (v, digits = 1) => (v === undefined ? '—' : `${v.toFixed(digits)}×`);

console.log('\nRatios:');
console.log(table(
  ['', ...drafts.map((d) => d.name)],
  [
    ['speed: sd parse+lint .md / markdownlint MD029', ...drafts.map((d) => fx(ratio(d, 'checkMd', 'mdl029')))],
    ['speed: sd parse+lint .txt / markdownlint MD029', ...drafts.map((d) => fx(ratio(d, 'check', 'mdl029')))],
    ['speed: sd parse+lint .md / markdownlint default', ...drafts.map((d) => fx(ratio(d, 'checkMd', 'mdlDefault')))],
    ['time: sd parse+lint .txt / floor', ...drafts.map((d) => fx(ratio(d, 'check', 'floor', 'time'), 2))],
    ['time: sd parse .txt / floor', ...drafts.map((d) => fx(ratio(d, 'parse', 'floor', 'time'), 2))],
    ['time: sd parse+lint .txt / floor + enumeration scan', ...drafts.map((d) => fx(ratio(d, 'check', 'floorScan', 'time'), 2))],
  ],
));

const at = (name) => drafts.find((d) => d.name === name);
const d1 = at('1m');
const d10 = at('10m');
const perMB = (d, key) => {
  const r = results[d.name][key];
  return r && !r.skipped ? r.ms / (d.bytes[SUBJECTS.find((s) => s.key === key).input] / MB) : undefined;
};
let linearity;
if (d1 && d10) {
  console.log('\nLinearity (ms per MB, 10 MB vs 1 MB):');
  const rows = SUBJECTS.map((s) => {
    const a = perMB(d1, s.key);
    const b = perMB(d10, s.key);
    return [s.label, a === undefined ? '—' : a.toFixed(1), b === undefined ? '—' : b.toFixed(1), a && b ? fx(b / a, 2) : '—'];
  });
  console.log(table(['', '1m ms/MB', '10m ms/MB', '10m/1m'], rows));
  linearity = perMB(d10, 'check') / perMB(d1, 'check');
}

let memory;
const memDraft = d10 ?? drafts[drafts.length - 1];
if (memDraft) {
  memory = memoryOf(memDraft.file);
  console.log(`\nMemory, ${memDraft.name} .txt (${fmtBytes(memDraft.bytes.txt)}, read as the CLI does; child process with --expose-gc):`);
  if (memory.error) console.log(`  failed: ${memory.error}`);
  else {
    const mb = (b) => `${(b / MB).toFixed(1)} MB`;
    console.log(`  text string in heap ≈ ${mb(memory.textChars * 2)} (${memory.textChars.toLocaleString('en')} UTF-16 units), ${memory.lines.toLocaleString('en')} lines`);
    console.log(`  heap retained by the model after parse (after gc): ${mb(memory.heapModel)}; after lint too: ${mb(memory.heapAfterLint)}`);
    console.log(`  heap used right after parse, before gc: ${mb(memory.heapAfterParseNoGc - memory.heapBefore)} above the text`);
    console.log(`  peak RSS of the process: ${mb(memory.peakRss)} (${mb(memory.rssBefore)} before parsing)`);
  }
}

// ---- Targets -----------------------------------------------------------------------------------------

const verdicts = [];
if (d1) {
  const vsMdl = ratio(d1, 'checkMd', 'mdl029');
  verdicts.push({
    name: `1 MB: speech-draft parse+lint ≥ ${TARGETS.vsMarkdownlint}× markdownlint (MD029 only) speed, same .md`,
    value: vsMdl === undefined ? '—' : `${vsMdl.toFixed(1)}×`,
    pass: vsMdl !== undefined && vsMdl >= TARGETS.vsMarkdownlint,
  });
  const vsFloor = ratio(d1, 'check', 'floor', 'time');
  verdicts.push({
    name: `1 MB: speech-draft parse+lint time ≤ ${TARGETS.vsFloor}× the floor's, same .txt`,
    value: `${vsFloor.toFixed(2)}×`,
    pass: vsFloor <= TARGETS.vsFloor,
  });
}
if (linearity !== undefined) {
  verdicts.push({
    name: `linearity: parse+lint ms/MB at 10 MB ≤ ${TARGETS.linearity}× that at 1 MB`,
    value: `${linearity.toFixed(2)}×`,
    pass: linearity <= TARGETS.linearity,
  });
}
console.log('\nTargets:');
for (const v of verdicts) console.log(`  ${v.pass ? 'PASS' : 'FAIL'}  ${v.name}: ${v.value}`);
if (verdicts.length === 0) console.log('  (need the 1m and 10m sizes)');
const secs = ((performance.now() - started) / 1000).toFixed(0);
if (busy()) console.log(`\nNote: ${busy()}.`);
console.log(`\n${verdicts.filter((v) => v.pass).length}/${verdicts.length} targets met; ${secs} s.${CHECK ? '' : ' (measurement only: exit 0; --check fails on a missed target)'}`);

if (JSON_OUT) {
  writeFileSync(JSON_OUT, JSON.stringify({ node: process.version, rev: gitRev, sizes: drafts.map((d) => ({ name: d.name, bytes: d.bytes, facts: d.facts })), results, linearity, memory, verdicts }, null, 2));
}
if (sink === 0.5) console.log(''); // keep the results alive
process.exitCode = CHECK && verdicts.some((v) => !v.pass) ? 1 : 0;
