/**
 * A static ReDoS check of every regular expression in `src/`: a regex that can backtrack
 * polynomially or exponentially on some input fails this test, with the attack string recheck
 * found, so that a new one cannot come back.
 *
 * How the regexes are found: the TypeScript sources are parsed with the compiler and its type
 * checker; every regex literal is taken as written, and every `new RegExp(...)` / `RegExp(...)`
 * must have a pattern (and flags) that evaluates to a constant: string literals, templates and `+`
 * over `const` declarations, followed through imports by the type checker. A pattern built from
 * anything else fails the test (build it from constants, or scan by hand). This reads the patterns
 * as the source states them, whether the module exports them or not.
 *
 * How they are checked: recheck's automaton checker, which is exact, on each alternative of a
 * top-level alternation (`A|B`, or `^(?:A|B)$`) separately: at each start the engine tries the
 * alternatives one after the other, so the whole is linear when each one is, and the pieces are
 * far smaller for the automaton (a whole alternation with \s, \b and CJK classes can time out).
 * The automaton does not model look-around; for those, recheck's fuzzer decides. A piece still
 * `unknown` must be listed in `UNKNOWN_ALLOWED` with the reason it is safe.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkSync, type Diagnostics } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');

interface FoundRegex {
  file: string;
  line: number;
  source?: string;
  flags?: string;
}

/** `file:source` → why the regex is safe although recheck cannot decide. */
const UNKNOWN_ALLOWED: Record<string, string> = {};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop()!;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (/\.(?:ts|mts|cts)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
    }
  }
  return out.sort();
}

/** The regexes of `files`, with their patterns evaluated where they are built from constants. */
function findRegexes(files: string[], host?: ts.CompilerHost): FoundRegex[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    noEmit: true,
    skipLibCheck: true,
    noLib: true,
    types: [],
  };
  const program = ts.createProgram(files, options, host);
  const checker = program.getTypeChecker();
  const evaluate = (node: ts.Expression, seen: Set<ts.Node>): string | undefined => {
    if (ts.isStringLiteralLike(node)) return node.text;
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return evaluate(node.expression, seen);
    if (ts.isTemplateExpression(node)) {
      let s = node.head.text;
      for (const span of node.templateSpans) {
        const v = evaluate(span.expression, seen);
        if (v === undefined) return undefined;
        s += v + span.literal.text;
      }
      return s;
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const a = evaluate(node.left, seen);
      const b = evaluate(node.right, seen);
      return a === undefined || b === undefined ? undefined : a + b;
    }
    if (ts.isIdentifier(node)) {
      let symbol = checker.getSymbolAtLocation(node);
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
      const decl = symbol?.valueDeclaration;
      if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return undefined;
      if (!(ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const) || seen.has(decl)) return undefined;
      seen.add(decl);
      const v = evaluate(decl.initializer, seen);
      seen.delete(decl);
      return v;
    }
    return undefined;
  };
  const found: FoundRegex[] = [];
  const wanted = new Set(files.map((f) => path.resolve(f)));
  for (const sf of program.getSourceFiles()) {
    if (!wanted.has(path.resolve(sf.fileName))) continue;
    const file = path.relative(ROOT, sf.fileName);
    const lineOf = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
    const visit = (n: ts.Node): void => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = n.getText(sf);
        const slash = text.lastIndexOf('/');
        found.push({ file, line: lineOf(n), source: text.slice(1, slash), flags: text.slice(slash + 1) });
      } else if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && ts.isIdentifier(n.expression) && n.expression.text === 'RegExp') {
        const [pattern, flags] = n.arguments ?? [];
        found.push({
          file,
          line: lineOf(n),
          source: pattern ? evaluate(pattern, new Set()) : undefined,
          flags: flags ? evaluate(flags, new Set()) : '',
        });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return found;
}

/**
 * One scan of a pattern's source outside classes and escapes: its top-level `|`-separated parts, and
 * whether its parentheses balance without one closing before it opened (so that `(?:` + s + `)` is
 * one group).
 */
function topLevel(s: string): { parts: string[]; whole: boolean } {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  let whole = true;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') {
      if (--depth < 0) whole = false;
    } else if (c === '|' && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return { parts, whole: whole && depth === 0 };
}

/** The alternatives of a top-level `A|B|…` (also inside a whole-pattern `^(?:…)` / `^(?:…)$`). */
function alternatives(source: string): string[] {
  const top = topLevel(source).parts;
  if (top.length > 1) return top;
  const wrapped = /^\^\(\?:([^]*)\)(\$?)$/.exec(source);
  if (wrapped) {
    const { parts: inner, whole } = topLevel(wrapped[1]);
    // Only when the group really spans the whole pattern (its closing paren is the last one).
    const balanced = inner.every((p) => topLevel(`(${p})`).parts.length === 1);
    if (inner.length > 1 && balanced && whole) {
      return inner.map((p) => `^(?:${p})${wrapped[2]}`);
    }
  }
  return [source];
}

function check(source: string, flags: string): Diagnostics {
  const exact = checkSync(source, flags, { checker: 'automaton', timeout: 5000 });
  if (exact.status !== 'unknown') return exact;
  // Look-around and back-references are beyond the automaton: fuzz, with a fixed seed.
  return checkSync(source, flags, { checker: 'fuzz', timeout: 5000, randomSeed: 1 });
}

interface Verdict {
  status: 'safe' | 'vulnerable' | 'unknown';
  detail: string;
}

function verdict(source: string, flags: string): Verdict {
  let unknown: string | undefined;
  for (const piece of alternatives(source)) {
    const d = check(piece, flags);
    if (d.status === 'vulnerable') {
      return { status: 'vulnerable', detail: `${d.complexity.summary} in /${piece}/; attack: ${d.attack.pattern}` };
    }
    if (d.status === 'unknown') unknown ??= `/${piece}/: ${JSON.stringify(d.error)}`;
  }
  return unknown ? { status: 'unknown', detail: unknown } : { status: 'safe', detail: '' };
}

describe('ReDoS: every regex in src/', () => {
  const files = sourceFiles(path.join(ROOT, 'src'));
  const regexes = findRegexes(files);

  it('finds the regexes and can read every pattern', () => {
    expect(regexes.length).toBeGreaterThan(100);
    const unresolved = regexes.filter((r) => r.source === undefined || r.flags === undefined).map((r) => `${r.file}:${r.line}`);
    expect(unresolved, 'new RegExp(...) whose pattern is not built from constants').toEqual([]);
  });

  it('finds no regex that backtracks super-linearly', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const r of regexes) {
      if (r.source === undefined || r.flags === undefined) continue;
      const key = `/${r.source}/${r.flags}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const v = verdict(r.source, r.flags);
      if (v.status === 'vulnerable') problems.push(`${r.file}:${r.line} ${key}: ${v.detail}`);
      else if (v.status === 'unknown' && !UNKNOWN_ALLOWED[`${r.file}:${r.source}`]) {
        problems.push(`${r.file}:${r.line} ${key}: recheck cannot decide (${v.detail}); make it decidable or explain it in UNKNOWN_ALLOWED`);
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);
});

describe('ReDoS check: self-test', () => {
  /** Runs the extractor over an in-memory module, as it runs over `src/`. */
  function regexesOf(code: string): FoundRegex[] {
    const file = path.join(ROOT, 'src', '__redos_selftest__.ts');
    const host = ts.createCompilerHost({});
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, lang, ...rest) =>
      path.resolve(name) === file ? ts.createSourceFile(name, code, lang, true) : getSourceFile(name, lang, ...rest);
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (name) => path.resolve(name) === file || fileExists(name);
    return findRegexes([file], host);
  }

  it('flags a newly added (a+)+ literal, with its attack string', () => {
    const [r] = regexesOf('export const BAD = /^(a+)+$/;');
    expect(r.source).toBe('^(a+)+$');
    const v = verdict(r.source!, r.flags!);
    expect(v.status).toBe('vulnerable');
    expect(v.detail).toMatch(/exponential/);
    expect(v.detail).toMatch(/attack: .*a/);
  });

  it('flags a quadratic trailing-space strip and an unanchored e-mail pattern', () => {
    expect(verdict('[ \\t]+$', '').status).toBe('vulnerable');
    expect(verdict('[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+', 'g').status).toBe('vulnerable');
  });

  it('evaluates new RegExp over constants, through templates and concatenation', () => {
    const found = regexesOf([
      "const CN = '[一二三]';",
      "const WORD = CN + '+';",
      'export const A = new RegExp(`^(${WORD})+$`, "u");',
      'export const B = RegExp(CN);',
      'export function c(x: string) { return new RegExp(x); }',
    ].join('\n'));
    expect(found.map((r) => [r.source, r.flags])).toEqual([
      ['^([一二三]+)+$', 'u'],
      ['[一二三]', ''],
      [undefined, ''],
    ]);
    expect(verdict(found[0].source!, 'u').status).toBe('vulnerable');
  });

  it('splits a top-level alternation, also inside ^(?:…)$, and nothing else', () => {
    expect(alternatives('a|b(c|d)|[|]')).toEqual(['a', 'b(c|d)', '[|]']);
    expect(alternatives('^(?:a$|b)$')).toEqual(['^(?:a$)$', '^(?:b)$']);
    expect(alternatives('^(?:a)(b|c)')).toEqual(['^(?:a)(b|c)']);
    expect(alternatives('^(?:a|b)c')).toEqual(['^(?:a|b)c']);
    expect(alternatives('\\|x')).toEqual(['\\|x']);
  });
});
