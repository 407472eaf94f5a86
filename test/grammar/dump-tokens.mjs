#!/usr/bin/env node
// Prints the TextMate tokens of a file with the grammars of test/grammar/grammars.json (the draft
// grammar, the Markdown injection and the vendored Markdown grammar), as VS Code would make them.
//
//   node test/grammar/dump-tokens.mjs examples/seed-speech.txt --lines 12
//   node test/grammar/dump-tokens.mjs draft.md --scope text.html.markdown
//   node test/grammar/dump-tokens.mjs draft.txt --theme path/to/dark_plus.json   (adds colours)
//
// --scope defaults to text.html.markdown for .md files and text.speech-draft otherwise. Tokens
// whose only scope is the grammar's root are left out unless --all.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRegistry, tm } from './registry.mjs';

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const maxLines = Number(flag('--lines') ?? Infinity);
const themeFile = flag('--theme');
let rootScope = flag('--scope');
const all = args.includes('--all');
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: dump-tokens.mjs <file> [--lines N] [--scope S] [--theme theme.json] [--all]');
  process.exit(2);
}
rootScope ??= /\.(md|markdown)$/i.test(file) ? 'text.html.markdown' : 'text.speech-draft';

/** VS Code theme JSON (with `include`) → vscode-textmate raw theme. */
function loadTheme(f) {
  const j = JSON.parse(fs.readFileSync(f, 'utf8').replace(/^\s*\/\/.*$/gm, '').replace(/,(\s*[}\]])/g, '$1'));
  const inherited = j.include ? loadTheme(path.join(path.dirname(f), j.include)) : [];
  return [...inherited, ...(j.tokenColors ?? [])];
}

const registry = createRegistry();
if (themeFile) registry.setTheme({ settings: [{ settings: { foreground: '#D4D4D4' } }, ...loadTheme(themeFile)] });
const colorMap = themeFile ? registry.getColorMap() : [];

const grammar = await registry.loadGrammar(rootScope);
const lines = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).slice(0, maxLines);
let stack = tm.INITIAL;
lines.forEach((line, n) => {
  const r = grammar.tokenizeLine(line, stack);
  const colours = themeFile ? grammar.tokenizeLine2(line, stack).tokens : null;
  stack = r.ruleStack;
  const out = [];
  for (const t of r.tokens) {
    const text = line.slice(t.startIndex, t.endIndex);
    const scopes = t.scopes.slice(1);
    if (!all && (scopes.length === 0 || text.length === 0)) continue;
    let colour = '';
    if (colours) {
      // tokenizeLine2: pairs of (start offset, metadata); foreground is bits 15-23.
      let meta = 0;
      for (let i = 0; i < colours.length; i += 2) if (colours[i] <= t.startIndex) meta = colours[i + 1];
      const fg = colorMap[(meta >>> 15) & 0x1ff];
      const fs_ = (meta >>> 11) & 0xf;
      colour = ` ${fg}${fs_ & 2 ? ' bold' : ''}${fs_ & 1 ? ' italic' : ''}${fs_ & 4 ? ' underline' : ''}`;
    }
    const shown = text.length > 24 ? `${text.slice(0, 22)}…` : text;
    out.push(`  ${String(t.startIndex).padStart(3)}-${String(t.endIndex).padEnd(3)} ${JSON.stringify(shown)}${colour}  ${scopes.join(' ')}`);
  }
  const head = line.length > 60 ? `${line.slice(0, 58)}…` : line;
  console.log(`${n + 1}: ${head}`);
  for (const o of out) console.log(o);
});
