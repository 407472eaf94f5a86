// The grammars of test/grammar/grammars.json (the draft grammar, the Markdown injection and the
// vendored Markdown grammar) in a vscode-textmate registry, as VS Code loads them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
export const tm = require('vscode-textmate');
const onig = require('vscode-oniguruma');

export function createRegistry() {
  const config = JSON.parse(fs.readFileSync(path.join(here, 'grammars.json'), 'utf8'));
  const grammars = new Map();
  const injections = new Map();
  for (const g of config.contributes.grammars) {
    grammars.set(g.scopeName, path.join(here, g.path));
    for (const target of g.injectTo ?? []) injections.set(target, [...(injections.get(target) ?? []), g.scopeName]);
  }
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  return new tm.Registry({
    onigLib: onig.loadWASM(wasm).then(() => ({
      createOnigScanner: (p) => new onig.OnigScanner(p),
      createOnigString: (s) => new onig.OnigString(s),
    })),
    // Grammars Markdown embeds (source.js, source.yaml …) are not needed here: null leaves them out.
    loadGrammar: async (scopeName) => {
      const p = grammars.get(scopeName);
      return p ? tm.parseRawGrammar(fs.readFileSync(p, 'utf8'), p) : null;
    },
    getInjections: (scopeName) => injections.get(scopeName),
  });
}

/** Tokenizes `lines` (strings) with the grammar of `scopeName`: one token array a line. */
export function tokenizeLines(grammar, lines) {
  let stack = tm.INITIAL;
  return lines.map((line) => {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return r.tokens;
  });
}
