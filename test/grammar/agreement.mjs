#!/usr/bin/env node
// Does the grammar colour the same heading markers as the parser recognises? For every line of the
// corpus (the .txt and .md fixtures, examples/, and a few thousand generated lines that combine
// every marker form and body trap of DOMAIN.md §1 with heading and body text) it compares what
// src/core/markers.ts matchMarker() finds at the line's content start (after indentation, and in
// Markdown after `>`, `#` and `**`, by src/core/markdown.ts) with the grammar's tokens: same level,
// same marker span, and a wrong form (a deviation) exactly where the grammar marks one
// `invalid.deprecated`.
//
//   node test/grammar/agreement.mjs            prints disagreements (40; --all: every one); exit 1 when there are any
//   node test/grammar/agreement.mjs --json F   also writes {"passed": n, "failed": n} to F
//
// It also compares the enumerations (src/core/enumerations.ts through parseDraft) and, for the
// parser's headings, where the title starts and ends (run-in: up to 。！？; standalone: the line).
// Known, deliberate differences are skipped: Markdown list items `1. ` (list syntax to Markdown's
// grammar, a heading to the parser only when the structure says so), Markdown titles with inline
// syntax (the grammar's title stops there), enumerations in inline code and in the title line.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { createRegistry, tokenizeLines } from './registry.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const esbuild = require('esbuild');

// The parser's own code, bundled on the fly (it is TypeScript).
const outfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-grammar-')), 'core.mjs');
await esbuild.build({
  stdin: {
    contents:
      "export { matchMarker } from './src/core/markers';\n" +
      "export { plainTextContexts, markdownContexts } from './src/core/markdown';\n" +
      "export { parseDraft } from './src/core/parser';\n",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile,
  logLevel: 'silent',
});
const core = await import(pathToFileURL(outfile).href);
fs.rmSync(path.dirname(outfile), { recursive: true, force: true });

// ---------------------------------------------------------------------------------------------
// The corpus.

function filesUnder(dir, exts) {
  const out = [];
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p, exts));
    else if (exts.some((x) => e.name.endsWith(x))) out.push(p);
  }
  return out.sort();
}

/** Deterministic lines that combine marker forms, traps and texts. */
function generatedLines() {
  const indents = ['', '　　', '  ', '\t'];
  const heads = [
    '一、', '一.', '一．', '一，', '一,', '一 ', '一:', '一：', '十一、', '二十、', '九十九、', '一百、', '一百零一、', '两、', '零、',
    '（一）', '(一)', '（一)', '(一）', '（一）、', '（一）.', '（一），', '（十二）', '（两）', '（ 一）',
    '1.', '1、', '1．', '１.', '1，', '1,', '1 ', '12.', '100.', '101.', '0.', '01.', '1２.', '2.5', '2024', '10:30', '3 ', '1、2、',
    '（1）', '(1)', '（1)', '(1）', '（1）、', '1）', '1)', '（１）', '（101）', '（1）班',
    '①', '①、', '①.', '⑳', '㉑', '⑴', '⒈', '⑴ ',
    '第一部分', '第1章', '第二篇', '第一百部分', '附件1', '附件', '附件：', '附表二', '附录', '名词解释', '名词解释：',
    '一是', '一方面', '统一是', '第一次', '第一，', '第一、', '首先，', '其一，', '（此处', 'XX', '',
  ];
  const texts = [
    '总体要求', '推动学前教育发展。学前教育是开端。', '加强领导：一是建立机制；二是压实责任。', '倍的增长', '个方面', '年工作', '班', '“稳中求进”工作总基调',
    '《意见》要求', 'abc', ' 总体要求', '　总体要求', '', '5万元', '**总体要求**', '——总结', '？', '。', '2', '、3', '.5倍', '(2024年)要求',
    '，一是加强；二是提高。', '统一是', '唯一是', '，一是一，二是二', '一抓到底', '，第一书记', '，第一时间', '，首先要', '，最后一公里', '，其次是',
    '，第二、要', '。其一，', '；三要', '：一抓', 'XX大', '。首先，再次，最后，',
  ];
  const out = [];
  let seed = 12345;
  const rand = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (const h of heads) for (const t of texts) out.push(h + t);
  for (let i = 0; i < 3000; i++) out.push(indents[rand(indents.length)] + heads[rand(heads.length)] + texts[rand(texts.length)]);
  return out;
}

// ---------------------------------------------------------------------------------------------

const LEVEL_OF = { part: 0, 'level-1': 1, 'level-2': 2, 'level-3': 3, 'level-4': 4, 'level-5': 5 };

/** The heading the grammar coloured on a line: level, marker span, whether it marked a deviation. */
function grammarHeading(tokens) {
  let level;
  let start = -1;
  let end = -1;
  let deviation = false;
  for (const t of tokens) {
    const meta = t.scopes.find((s) => s.startsWith('meta.heading.') && s.endsWith('.speech-draft'));
    if (!meta) continue;
    level ??= LEVEL_OF[meta.slice('meta.heading.'.length, -'.speech-draft'.length)];
    if (t.scopes.some((s) => /\.marker\.(part|level-\d)\.speech-draft$/.test(s))) {
      if (start < 0) start = t.startIndex;
      end = t.endIndex;
      if (t.scopes.some((s) => s.startsWith('invalid.deprecated.'))) deviation = true;
    }
  }
  return level === undefined ? undefined : { level, start, end, deviation };
}

function describe(h) {
  return h ? `level ${h.level} [${h.start},${h.end})${h.deviation ? ' deviation' : ''}` : 'none';
}

const registry = createRegistry();
const draftGrammar = await registry.loadGrammar('text.speech-draft');
const markdownGrammar = await registry.loadGrammar('text.html.markdown');

let passed = 0;
let failed = 0;
let disagreements = 0;
const problems = new Map();

/** Enumeration markers the grammar coloured on a line, as "start-end" strings. */
function grammarEnumerations(tokens) {
  const spans = [];
  for (const t of tokens) {
    if (!t.scopes.includes('keyword.control.enumeration.speech-draft')) continue;
    const last = spans[spans.length - 1];
    if (last && last[1] === t.startIndex) last[1] = t.endIndex;
    else spans.push([t.startIndex, t.endIndex]);
  }
  return spans.map(([a, b]) => `${a}-${b}`).join(' ');
}

/** The title span the grammar coloured on a line, and the end of its terminator (。！？ or ：). */
function grammarTitle(tokens) {
  let start = -1;
  let end = -1;
  let termEnd = -1;
  for (const t of tokens) {
    if (t.scopes.some((s) => /\.title\.(part|level-\d)\.speech-draft$/.test(s))) {
      if (start < 0) start = t.startIndex;
      end = t.endIndex;
    } else if (t.scopes.includes('punctuation.terminator.heading.speech-draft')) termEnd = t.endIndex;
  }
  return { start, end, termEnd };
}

/** Compares one set of lines; returns the number of lines that disagree. */
function compare(label, lines, markdown) {
  const contexts = markdown ? core.markdownContexts(lines) : core.plainTextContexts(lines);
  const tokens = tokenizeLines(markdown ? markdownGrammar : draftGrammar, lines);
  const model = core.parseDraft(lines.join('\n'), { markdown });
  let bad = 0;
  lines.forEach((line, i) => {
    const ctx = contexts[i];
    // Markdown list items (`1. `, `1) `): list syntax to Markdown's grammar.
    if (markdown && /^ {0,3}(?:>[ \t]?)*[0-9]+[.)][ \t]/.test(line)) return;
    const m = ctx.kind === 'text' ? core.matchMarker(line, ctx.contentStart) : undefined;
    const want = m ? { level: m.level, start: m.start, end: m.end, deviation: m.deviations.length > 0 } : undefined;
    const got = grammarHeading(tokens[i]);
    // The document title line is not scanned for enumerations by the parser.
    // Nor does it know Markdown's inline code, which the injection leaves alone.
    const inCode = (at) => tokens[i].some((t) => t.startIndex <= at && at < t.endIndex && t.scopes.some((s) => s.startsWith('markup.inline.raw')));
    const wantEnum =
      model.title && model.title.line === i
        ? ''
        : model.enumerations
            .filter((e) => e.line === i && !(markdown && inCode(e.start)))
            .map((e) => `${e.start}-${e.end}`)
            .join(' ');
    const gotEnum = model.title && model.title.line === i ? '' : grammarEnumerations(tokens[i]);
    if (wantEnum !== gotEnum) {
      bad++;
      const key = `enum ${markdown ? 'md' : 'txt'} ${line}`;
      if (!problems.has(key)) {
        problems.set(key, `${label}:${i + 1}: ${JSON.stringify(line.slice(0, 60))}\n    parser enumerations: ${wantEnum || 'none'}\n    grammar enumerations: ${gotEnum || 'none'}`);
      }
    } else if (
      describe(want) === describe(got) &&
      got &&
      model.headings.some((h) => h.line === i && !(markdown && /[*_`[\]<>\\]/.test(line.slice(h.titleStart, h.titleEnd))))
    ) {
      // The title: where it starts and ends (a standalone title's trailing 。 is the terminator).
      // In Markdown the grammar's title stops at inline syntax (**, `, [ …), which Markdown's
      // grammar colours instead; those titles are not compared.
      const h = model.headings.find((x) => x.line === i);
      const g = grammarTitle(tokens[i]);
      const trimmed = line.slice(0, h.titleEnd).replace(/(?:\*\*|__)+$/, '').length;
      const ok =
        h.titleEnd === h.titleStart ||
        (g.start === h.titleStart && (g.end === h.titleEnd || g.end === trimmed || g.termEnd === h.titleEnd || (g.termEnd >= 0 && line.slice(g.end, h.titleEnd).trim() === '')));
      if (!ok) {
        bad++;
        const key = `title ${markdown ? 'md' : 'txt'} ${line}`;
        if (!problems.has(key)) {
          problems.set(key, `${label}:${i + 1}: ${JSON.stringify(line.slice(0, 60))}\n    parser title: [${h.titleStart},${h.titleEnd}) ${h.runIn ? 'run-in' : 'standalone'}\n    grammar title: [${g.start},${g.end}) terminator to ${g.termEnd}`);
        }
      }
    } else if (describe(want) !== describe(got)) {
      bad++;
      const key = `${markdown ? 'md' : 'txt'} ${line}`;
      if (!problems.has(key)) {
        problems.set(key, `${label}${lines.length > 1 ? `:${i + 1}` : ''}: ${JSON.stringify(line.slice(0, 40))}\n    parser: ${describe(want)}\n    grammar: ${describe(got)}`);
      }
    }
  });
  return bad;
}

function count(bad) {
  disagreements += bad;
  if (bad === 0) passed++;
  else failed++;
}

const corpus = [
  ...filesUnder(path.join(root, 'test/fixtures'), ['.txt', '.md']),
  ...filesUnder(path.join(root, 'examples'), ['.txt', '.md']),
];
let lineCount = 0;
for (const file of corpus) {
  const lines = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  lineCount += lines.length;
  count(compare(path.relative(root, file), lines, file.endsWith('.md')));
}
// Each generated line alone, as a draft and as a Markdown paragraph (so that one line's Markdown
// block, e.g. an unclosed fence, cannot hide the next); each set is one case.
const generated = generatedLines();
for (const [label, markdown] of [['generated.txt', false], ['generated.md', true]]) {
  let bad = 0;
  // A first line that reads as the document's title, so the generated line is body or heading.
  const prefixes = markdown ? ['', '> ', '## ', '**', '> **', '### **', '#### ', '> > ', '__', '###### '] : [''];
  generated.forEach((line, i) => {
    bad += compare(label, ['讲话稿', prefixes[i % prefixes.length] + line], markdown);
  });
  count(bad);
}

const limit = process.argv.includes('--all') ? Infinity : 40;
[...problems.values()].slice(0, limit).forEach((p) => console.log(p));
if (problems.size > limit) console.log(`… and ${problems.size - limit} more distinct lines (--all shows them)`);
console.log(
  `agreement: ${lineCount} lines in ${corpus.length} files and ${generated.length} generated lines (as draft and as Markdown): ` +
    (disagreements === 0 ? 'grammar and parser agree on every line' : `${disagreements} lines disagree (${problems.size} distinct)`),
);
const jsonAt = process.argv.indexOf('--json');
if (jsonAt > 0) fs.writeFileSync(process.argv[jsonAt + 1], JSON.stringify({ passed, failed }));
process.exit(disagreements === 0 ? 0 : 1);
