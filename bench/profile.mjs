// Where Speech Draft's parse + lint spends its time: samples the CPU (node:inspector, the same
// profiler as `node --cpu-prof`) while parse+lint runs repeatedly on a generated draft, maps the
// samples back to src/ through the bundle's source map, and prints self and total time by function.
//
//   node bench/profile.mjs [--size 1m | --file F] [--md] [--parse-only] [--seconds 4] [--top 30] [--root DIR]
//
// The raw profile is written to bench/.out/profile-<size>.cpuprofile (open it in Chrome DevTools or
// VS Code); its positions are in bench/.out/core-prof.cjs.
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { SourceMap } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { OUT_DIR, ROOT, loadCore } from './build.mjs';
import { generateDraft, parseSize } from './generate.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const sizeName = opt('file', undefined) ? opt('file').split('/').pop().replace(/\.[^.]*$/, '') : opt('size', '1m');
const markdown = argv.includes('--md');
const parseOnly = argv.includes('--parse-only');
const seconds = Number(opt('seconds', '4'));
const top = Number(opt('top', '30'));

const bundle = join(OUT_DIR, 'core-prof.cjs');
const rootArg = opt('root', undefined);
const { parseDraft, lint } = await loadCore({ outfile: bundle, sourcemap: true, ...(rootArg ? { root: rootArg } : {}) });
const map = new SourceMap(JSON.parse(readFileSync(`${bundle}.map`, 'utf8')));
const bundleUrl = pathToFileURL(bundle).href;

// --file F profiles on a file of your own (a crafted input, say) instead of a generated draft.
const fileArg = opt('file', undefined);
const draft = fileArg ? undefined : generateDraft(parseSize(sizeName));
const text = fileArg ? readFileSync(fileArg, 'utf8') : markdown ? draft.md : draft.txt;
const work = parseOnly ? () => parseDraft(text, { markdown }) : () => lint(parseDraft(text, { markdown }));

// Warm up, then profile.
for (let n = 0, end = performance.now() + 1000; performance.now() < end || n < 1; n++) work();
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 50 });
await session.post('Profiler.start');
let runs = 0;
const t0 = performance.now();
while (performance.now() - t0 < seconds * 1000) {
  work();
  runs++;
}
const wall = performance.now() - t0;
const { profile } = await session.post('Profiler.stop');
session.disconnect();
const out = join(OUT_DIR, `profile-${sizeName}${markdown ? '-md' : ''}.cpuprofile`);
writeFileSync(out, JSON.stringify(profile));

// Sample counts per node, then self and total per function.
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfSamples = new Map();
for (const id of profile.samples) selfSamples.set(id, (selfSamples.get(id) ?? 0) + 1);
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

function where(cf) {
  if (cf.url === bundleUrl) {
    const e = map.findEntry(cf.lineNumber, cf.columnNumber);
    if (e && e.originalSource) {
      const src = e.originalSource.startsWith('file:') ? fileURLToPath(e.originalSource) : join(OUT_DIR, e.originalSource);
      return `${relative(rootArg ?? ROOT, src)}:${e.originalLine + 1}`;
    }
    return `core-prof.cjs:${cf.lineNumber + 1}`;
  }
  if (!cf.url) return '(native)';
  return cf.url.replace(/^file:\/\//, '').replace(ROOT + '/', '');
}
const keyOf = (n) => {
  const cf = n.callFrame;
  const name = cf.functionName || '(anonymous)';
  if (!cf.url && name.startsWith('(')) return name; // (garbage collector), (program), (idle)
  return `${where(cf)} ${name}`;
};
const self = new Map();
const total = new Map();
let all = 0;
for (const [id, count] of selfSamples) {
  const n = byId.get(id);
  if (n.callFrame.functionName === '(idle)') continue;
  all += count;
  const k = keyOf(n);
  self.set(k, (self.get(k) ?? 0) + count);
  // Total: every distinct function on the stack gets the sample once.
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const kk = keyOf(byId.get(cur));
    if (seen.has(kk)) continue;
    seen.add(kk);
    total.set(kk, (total.get(kk) ?? 0) + count);
  }
}
const pct = (c) => `${((100 * c) / all).toFixed(1)}%`.padStart(6);
const ms = wall / runs;
console.log(`${runs} runs of ${parseOnly ? 'parse' : 'parse+lint'} on the ${sizeName} draft (${markdown ? '.md' : '.txt'}, ${(Buffer.byteLength(text) / 1048576).toFixed(2)} MB): ${ms.toFixed(2)} ms a run under the profiler; ${all} samples`);
console.log(`\nSelf time (where the CPU is), top ${top}:`);
for (const [k, c] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(c)}  ${k}`);
console.log(`\nTotal time (with callees), functions of src/ over 2%:`);
for (const [k, c] of [...total].sort((a, b) => b[1] - a[1])) {
  if (c / all < 0.02 || !k.startsWith('src/')) continue;
  console.log(`${pct(c)}  ${k}`);
}
// Hot lines: V8's per-line ticks, mapped to src/. Code that V8 inlined into a caller shows here
// under its own source line (the function lists above charge it to the caller).
const lineTicks = new Map();
let lineAll = 0;
for (const n of profile.nodes) {
  for (const t of n.positionTicks ?? []) {
    const e = n.callFrame.url === bundleUrl ? map.findEntry(t.line - 1, 0) : undefined;
    if (!e || !e.originalSource) continue;
    const src = e.originalSource.startsWith('file:') ? fileURLToPath(e.originalSource) : join(OUT_DIR, e.originalSource);
    const k = `${relative(rootArg ?? ROOT, src)}:${e.originalLine + 1}`;
    lineTicks.set(k, (lineTicks.get(k) ?? 0) + t.ticks);
    lineAll += t.ticks;
  }
}
const sources = new Map();
const lineText = (k) => {
  const i = k.lastIndexOf(':');
  const f = join(rootArg ?? ROOT, k.slice(0, i));
  if (!sources.has(f)) sources.set(f, readFileSync(f, 'utf8').split('\n'));
  return (sources.get(f)[Number(k.slice(i + 1)) - 1] ?? '').trim().slice(0, 90);
};
console.log(`\nHot lines (share of the samples in src/), top ${Math.min(top, 25)}:`);
for (const [k, c] of [...lineTicks].sort((a, b) => b[1] - a[1]).slice(0, Math.min(top, 25))) {
  console.log(`${((100 * c) / lineAll).toFixed(1).padStart(5)}%  ${k.padEnd(38)} ${lineText(k)}`);
}

// Self time by source file.
const byFile = new Map();
for (const [k, c] of self) {
  const f = k.startsWith('src/') || k.startsWith('node_modules/') ? k.slice(0, k.indexOf(':')) : k.startsWith('(') ? k : 'node internals / builtins';
  byFile.set(f, (byFile.get(f) ?? 0) + c);
}
console.log('\nSelf time by file:');
for (const [f, c] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${pct(c)}  ${f}`);
console.log(`\nProfile: ${relative(ROOT, out)}`);
