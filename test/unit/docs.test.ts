/**
 * The rule documentation (docs/rules/*.md) and the configuration schema
 * (schemas/speechdraftrc.schema.json) against the rule registry: a rule or an option added without
 * docs or schema fails here, and so does an example in the docs that the rules no longer agree with.
 *
 * Examples in the docs are fenced blocks whose info string says what they are:
 *   ```text incorrect [option=value …]   reported by the page's rule (and by no other rule)
 *   ```text fixed [option=value …]       what fixText makes of the `incorrect` block just before it
 *   ```text correct [option=value …]     no problem at all
 * (```markdown … parses the example as Markdown). An `incorrect` block with no `fixed` block after it
 * documents a problem that is not fixed: fixText must leave it as it is. The options apply to the
 * page's rule.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFIG_FILE_NAMES, resolveConfig, validateConfig } from '../../src/core/config';
import { fixText, lint, lintText } from '../../src/core/lint';
import { parseDraft } from '../../src/core/parser';
import { segmentationRequest, wordData, type WordData } from '../../src/core/words';
import type { Segmenter } from '../../src/segment/client';

import { RULES, ruleById } from '../../src/core/rules/registry';
import { type OptionSpec, SEVERITIES } from '../../src/core/rules/types';
import { ROOT, testSegmenter } from './helpers';

let segmenter: Promise<Segmenter> | undefined;
async function wordsFor(text: string, markdown: boolean): Promise<WordData> {
  const seg = await (segmenter ??= testSegmenter('docs'));
  const req = segmentationRequest(parseDraft(text, { markdown }));
  return wordData(req, await seg.cut(req.texts));
}
afterAll(async () => {
  if (segmenter) await (await segmenter).dispose();
});

const DOCS = path.join(ROOT, 'docs/rules');
const SCHEMA_FILE = path.join(ROOT, 'schemas/speechdraftrc.schema.json');
const LEVELS = [...SEVERITIES, 'off'];
const ZH_HEADING = '# 中文说明';

const read = (f: string) => fs.readFileSync(f, 'utf8');
const docPath = (id: string) => path.join(DOCS, `${id}.md`);

// ---------------------------------------------------------------------------------------------
// Markdown code blocks

interface Block {
  lang: string;
  meta: string[];
  body: string;
  /** 1-based line of the opening fence. */
  line: number;
}

function codeBlocks(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,}|~{3,})\s*(.*)$/.exec(lines[i]);
    if (!open) continue;
    const fence = open[1];
    const [lang = '', ...meta] = open[2].trim().split(/\s+/).filter(Boolean);
    const body: string[] = [];
    let j = i + 1;
    const closes = (l: string) => l.trimEnd().startsWith(fence) && /^(`+|~+)$/.test(l.trimEnd()) && l[0] === fence[0];
    while (j < lines.length && !closes(lines[j])) {
      body.push(lines[j]);
      j++;
    }
    out.push({ lang, meta, body: body.length ? body.join('\n') + '\n' : '', line: i + 1 });
    i = j;
  }
  return out;
}

type Kind = 'incorrect' | 'correct' | 'fixed';

interface Example extends Block {
  kind: Kind;
  options: Record<string, unknown>;
  markdown: boolean;
}

function examples(markdown: string): Example[] {
  const out: Example[] = [];
  for (const b of codeBlocks(markdown)) {
    const kind = b.meta.find((m): m is Kind => m === 'incorrect' || m === 'correct' || m === 'fixed');
    if (!kind) continue;
    const options: Record<string, unknown> = {};
    for (const m of b.meta) {
      const eq = m.indexOf('=');
      if (eq < 0) continue;
      const raw = m.slice(eq + 1);
      options[m.slice(0, eq)] = raw === 'true' ? true : raw === 'false' ? false : /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
    }
    out.push({ ...b, kind, options, markdown: b.lang === 'markdown' || b.lang === 'md' });
  }
  return out;
}

/** The English part and the Chinese part of a page. */
function halves(text: string): [string, string] {
  const at = text.indexOf(`\n${ZH_HEADING}\n`);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at)];
}

// ---------------------------------------------------------------------------------------------
// A small validator for the part of JSON Schema (draft-07) that the config schema uses. It throws
// on any other keyword, so that the schema cannot come to rely on something this test ignores.

type Schema = Record<string, unknown>;
const ANNOTATIONS = new Set([
  '$schema', '$id', '$comment', 'title', 'description', 'markdownDescription', 'default', 'examples',
  'enumDescriptions', 'markdownEnumDescriptions', 'defaultSnippets', 'allowComments', 'allowTrailingCommas',
  'definitions', 'deprecationMessage',
]);
const ASSERTIONS = new Set(['type', 'enum', 'properties', 'additionalProperties', 'oneOf', 'anyOf', 'items', 'minimum', '$ref']);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function conforms(root: Schema, schema: Schema, value: unknown): boolean {
  for (const key of Object.keys(schema)) {
    if (!ANNOTATIONS.has(key) && !ASSERTIONS.has(key)) throw new Error(`the test's schema check does not know the keyword "${key}"`);
  }
  if (typeof schema.$ref === 'string') {
    const m = /^#\/definitions\/(.+)$/.exec(schema.$ref);
    if (!m) throw new Error(`unsupported $ref ${schema.$ref}`);
    return conforms(root, (root.definitions as Record<string, Schema>)[m[1]], value);
  }
  const t = typeOf(value);
  if (schema.type !== undefined) {
    const types = ([] as string[]).concat(schema.type as string | string[]);
    if (!types.some((x) => x === t || (x === 'number' && t === 'integer'))) return false;
  }
  if (schema.enum && !(schema.enum as unknown[]).some((e) => JSON.stringify(e) === JSON.stringify(value))) return false;
  if (schema.minimum !== undefined && (t === 'number' || t === 'integer') && (value as number) < (schema.minimum as number)) return false;
  if (t === 'object') {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const [k, v] of Object.entries(obj)) {
      if (k in props) {
        if (!conforms(root, props[k], v)) return false;
      } else if (schema.additionalProperties === false) return false;
      else if (typeof schema.additionalProperties === 'object' && !conforms(root, schema.additionalProperties as Schema, v)) return false;
    }
  }
  if (t === 'array' && schema.items && !(value as unknown[]).every((v) => conforms(root, schema.items as Schema, v))) return false;
  if (schema.oneOf && (schema.oneOf as Schema[]).filter((s) => conforms(root, s, value)).length !== 1) return false;
  if (schema.anyOf && !(schema.anyOf as Schema[]).some((s) => conforms(root, s, value))) return false;
  return true;
}

/** The schema an option of the registry must have in the config schema. */
function expectedOptionSchema(spec: OptionSpec): Schema {
  const s: Schema = {};
  if (spec.type === 'number[]') {
    s.type = 'array';
    s.items = { type: 'number' };
  } else s.type = spec.type;
  if (spec.enum) s.enum = [...spec.enum];
  if (spec.minimum !== undefined) s.minimum = spec.minimum;
  s.default = spec.default;
  return s;
}

const pick = (s: Schema, keys: string[]) => Object.fromEntries(keys.filter((k) => k in s).map((k) => [k, s[k]]));

/** A value of the wrong type for an option. */
function wrongValue(spec: OptionSpec): unknown {
  return spec.type === 'string' ? 1 : 'x';
}

// ---------------------------------------------------------------------------------------------

describe('rule docs (docs/rules)', () => {
  it('every rule has a page, and every page is a rule (or the index)', () => {
    const pages = fs.readdirSync(DOCS).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.slice(0, -3)).sort();
    expect(pages).toEqual(RULES.map((r) => r.id).sort());
  });

  describe.each(RULES.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    const file = docPath(id);
    const text = fs.existsSync(file) ? read(file) : '';
    const [en, zh] = halves(text);

    it('has an English part and a Chinese part, each naming the rule, its default severity, fixability, suggestions and options', () => {
      expect(text, `${file} is missing`).not.toBe('');
      expect(zh, `no "${ZH_HEADING}" section`).not.toBe('');
      for (const part of [en, zh]) {
        expect(part).toContain(id);
        expect(part).toContain(`\`${rule.defaultSeverity}\``);
        for (const name of Object.keys(rule.options)) expect(part, `option ${name}`).toContain(`\`${name}\``);
      }
      expect(en).toMatch(new RegExp(`^\\| Default severity \\| \`${rule.defaultSeverity}\``, 'm'));
      expect(en).toMatch(new RegExp(`^\\| Fixable \\| ${rule.fixable ? 'yes' : 'no'}\\b`, 'm'));
      expect(zh).toMatch(new RegExp(`^\\| 默认严重级别 \\| \`${rule.defaultSeverity}\``, 'm'));
      expect(zh).toMatch(new RegExp(`^\\| 可自动修复 \\| ${rule.fixable ? '是' : '否'}`, 'm'));
      // Whether its changes of words are suggestions, applied one at a time and never in bulk.
      expect(en).toMatch(new RegExp(`^\\| Suggestions \\| ${rule.hasSuggestions ? 'yes' : 'no'}\\b`, 'm'));
      expect(zh).toMatch(new RegExp(`^\\| 建议 \\| ${rule.hasSuggestions ? '有' : '无'}`, 'm'));
    });

    it('documents every option with its type, default and values in both options tables', () => {
      for (const part of [en, zh]) {
        for (const [name, spec] of Object.entries(rule.options)) {
          const row = part.split('\n').find((l) => l.startsWith(`| \`${name}\` |`));
          expect(row, `options table row for ${name}`).toBeDefined();
          expect(row).toContain(`\`${JSON.stringify(spec.default)}\``);
          for (const v of spec.enum ?? []) expect(row).toContain(`"${v}"`);
        }
      }
    });

    it('shows at least one incorrect and one correct example, the same in English and in Chinese', () => {
      const a = examples(en).map((e) => [e.kind, e.lang, e.meta.join(' '), e.body]);
      const b = examples(zh).map((e) => [e.kind, e.lang, e.meta.join(' '), e.body]);
      expect(a.some(([k]) => k === 'incorrect')).toBe(true);
      expect(a.some(([k]) => k === 'correct')).toBe(true);
      expect(b).toEqual(a);
    });

    const all = examples(text);
    const cases = all.map((e, i) => [`line ${e.line}: ${e.kind}${e.meta.length > 1 ? ` (${e.meta.join(' ')})` : ''}`, e, all[i + 1]] as const);
    it.each(cases)('example at %s is what the rule does', async (_name, ex, next) => {
      const setting = { rules: { [id]: ex.options } };
      expect(validateConfig(setting)).toEqual([]);
      const options = { markdown: ex.markdown, config: resolveConfig(setting) };
      // Word-level rules get their words from the real segmenter (nodejieba in its child process).
      const problems = ruleById(id)?.needsWords ? lint(parseDraft(ex.body, { markdown: ex.markdown }), options.config, await wordsFor(ex.body, ex.markdown)) : lintText(ex.body, options);
      const show = () => problems.map((p) => `${p.line + 1}:${p.column + 1} ${p.rule} ${p.message.en}`).join('\n');
      if (ex.kind === 'correct') {
        expect(problems, show()).toEqual([]);
        return;
      }
      if (ex.kind === 'fixed') {
        expect(problems.filter((p) => p.rule === id), show()).toEqual([]);
        return;
      }
      expect(problems.length, 'the example is reported').toBeGreaterThan(0);
      expect(problems.filter((p) => p.rule !== id), `only ${id} reports it:\n${show()}`).toEqual([]);
      const fixed = fixText(ex.body, options).text;
      if (next?.kind === 'fixed') {
        expect(next.meta.join(' ')).toBe(ex.meta.join(' ').replace('incorrect', 'fixed'));
        expect(fixed).toBe(next.body);
      } else {
        expect(problems.filter((p) => p.fix), 'an incorrect example with no fixed block has no fix').toEqual([]);
        expect(fixed).toBe(ex.body);
      }
    });

    it('has no "fixed" example without the "incorrect" one before it', () => {
      all.forEach((e, i) => {
        if (e.kind === 'fixed') expect(all[i - 1]?.kind, `fixed block at line ${e.line}`).toBe('incorrect');
      });
    });
  });

  it('every JSON block in the rule docs is a valid configuration', () => {
    for (const f of fs.readdirSync(DOCS).filter((x) => x.endsWith('.md'))) {
      for (const b of codeBlocks(read(path.join(DOCS, f)))) {
        if (!['json', 'jsonc'].includes(b.lang) || b.meta.includes('invalid')) continue;
        const errors: ParseError[] = [];
        const value = parseJsonc(b.body, errors, { allowTrailingComma: true }) as Record<string, unknown>;
        expect(errors, `${f}:${b.line}`).toEqual([]);
        // A VS Code settings.json excerpt: its speechDraft.rules is a `rules` object.
        const config = b.meta.includes('settings') ? { rules: value['speechDraft.rules'] } : value;
        if (b.meta.includes('settings')) expect(config.rules, `${f}:${b.line}`).toBeDefined();
        expect(validateConfig(config).map((p) => p.en), `${f}:${b.line}`).toEqual([]);
      }
    }
  });

  it('the index lists every rule, in English and in Chinese, with its severity and fixability', () => {
    const [en, zh] = halves(read(path.join(DOCS, 'README.md')));
    expect(zh).not.toBe('');
    for (const rule of RULES) {
      const rowEn = en.split('\n').find((l) => l.startsWith('|') && l.includes(`](${rule.id}.md)`));
      const rowZh = zh.split('\n').find((l) => l.startsWith('|') && l.includes(`](${rule.id}.md)`));
      expect(rowEn, `English index row for ${rule.id}`).toBeDefined();
      expect(rowZh, `Chinese index row for ${rule.id}`).toBeDefined();
      expect(rowEn).toContain(`\`${rule.defaultSeverity}\``);
      expect(rowZh).toContain(`\`${rule.defaultSeverity}\``);
      expect(rowEn).toMatch(new RegExp(`\\| ${rule.fixable ? 'yes' : 'no'} \\|`));
      expect(rowZh).toMatch(new RegExp(`\\| ${rule.fixable ? '是' : '否'} \\|`));
    }
    const linked = [...en.matchAll(/\]\(([a-z-]+)\.md\)/g)].map((m) => m[1]);
    for (const id of linked) expect(RULES.map((r) => r.id)).toContain(id);
  });

  it('the index names the configuration files and every severity', () => {
    const text = read(path.join(DOCS, 'README.md'));
    for (const name of CONFIG_FILE_NAMES) expect(text).toContain(name);
    // "When a folder has both, .speechdraftrc.json is used."
    expect(CONFIG_FILE_NAMES[0]).toBe('.speechdraftrc.json');
    for (const s of LEVELS) expect(text).toContain(`"${s}"`);
    expect(text).toContain('speechDraft.rules');
  });

  it("the index's precedence example is what resolveConfig does", () => {
    const setting = { rules: { 'heading-hierarchy': { skippedLevel: 'off' } } };
    const file = { rules: { 'heading-hierarchy': 'error' as const } };
    expect(resolveConfig(setting, file).get('heading-hierarchy')).toEqual({ severity: 'error', options: { skippedLevel: 'off' } });
    // An object without "severity" turns a rule that a lower layer turned off back on; true keeps the severity.
    expect(resolveConfig({ rules: { 'heading-sequence': 'off' } }, { rules: { 'heading-sequence': { lists: false } } }).get('heading-sequence')?.severity).toBe('error');
    expect(resolveConfig({ rules: { 'heading-sequence': 'info' } }, { rules: { 'heading-sequence': true } }).get('heading-sequence')?.severity).toBe('info');
  });
});

describe('configuration schema (schemas/speechdraftrc.schema.json)', () => {
  const schema = JSON.parse(read(SCHEMA_FILE)) as Schema;
  const props = schema.properties as Record<string, Schema>;
  const rulesSchema = props.rules;
  const ruleSchemas = rulesSchema.properties as Record<string, Schema>;

  it('is a draft-07 schema for an object of "$schema" and "rules" only', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.type).toBe('object');
    expect(Object.keys(props).sort()).toEqual(['$schema', 'rules']);
    expect(schema.additionalProperties).toBe(false);
    expect(rulesSchema.type).toBe('object');
    expect(rulesSchema.additionalProperties).toBe(false);
    // The file is JSON with comments and trailing commas; VS Code reads these two from the schema.
    expect(schema.allowComments).toBe(true);
    expect(schema.allowTrailingCommas).toBe(true);
  });

  it('has exactly the rules of the registry', () => {
    expect(Object.keys(ruleSchemas)).toEqual(RULES.map((r) => r.id));
  });

  describe.each(RULES.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    const s = ruleSchemas[id] ?? {};
    const branches = (s.oneOf ?? []) as Schema[];
    const byType = (t: string) => branches.find((b) => b.type === t) ?? {};

    it('takes a severity, "off", true/false or an object, and defaults to the default severity', () => {
      expect(s.default).toBe(rule.defaultSeverity);
      expect(typeof s.description).toBe('string');
      expect(typeof s.markdownDescription).toBe('string');
      expect(branches.map((b) => b.type).sort()).toEqual(['boolean', 'object', 'string']);
      expect(byType('string').enum).toEqual(LEVELS);
      const obj = byType('object');
      expect(obj.additionalProperties).toBe(false);
      const objProps = obj.properties as Record<string, Schema>;
      expect(Object.keys(objProps)).toEqual(['severity', ...Object.keys(rule.options)]);
      expect(objProps.severity.type).toBe('string');
      expect(objProps.severity.enum).toEqual(LEVELS);
    });

    it.each(Object.entries(rule.options).map(([name, spec]) => [name, spec] as const))('option %s matches the registry', (name, spec) => {
      const o = ((byType('object').properties ?? {}) as Record<string, Schema>)[name] ?? {};
      expect(pick(o, ['type', 'items', 'enum', 'minimum', 'default'])).toEqual(expectedOptionSchema(spec));
      expect(typeof o.description).toBe('string');
      expect(typeof o.markdownDescription).toBe('string');
      if (o.enumDescriptions) expect((o.enumDescriptions as unknown[]).length).toBe(spec.enum?.length);
      if (o.markdownEnumDescriptions) expect((o.markdownEnumDescriptions as unknown[]).length).toBe(spec.enum?.length);
    });
  });

  /** Configurations to validate both ways: hand-picked ones and, per rule, every kind of value. */
  function sampleConfigs(): unknown[] {
    const out: unknown[] = [
      {},
      { $schema: './schemas/speechdraftrc.schema.json' },
      { rules: {} },
      { rules: { 'heading-sequence': 'error', 'heading-hierarchy': { skippedLevel: 'off' }, 'enumeration-marker': 'off' } },
      { rules: { 'no-such-rule': 'error' } },
      { rules: [] },
      { rules: null },
      { rules: 'error' },
      { rule: {} },
      { rules: {}, extends: 'x' },
      [],
      null,
      'rules',
    ];
    for (const rule of RULES) {
      const at = (v: unknown) => ({ rules: { [rule.id]: v } });
      for (const s of [...LEVELS, 'warn', 'Error', '']) out.push(at(s), at({ severity: s }));
      out.push(at(true), at(false), at(null), at(1), at([]), at({}), at({ severity: true }), at({ unknownOption: 1 }));
      for (const [name, spec] of Object.entries(rule.options)) {
        out.push(at({ [name]: spec.default }), at({ severity: 'info', [name]: spec.default }), at({ [name]: wrongValue(spec) }), at({ [name]: null }));
        for (const v of spec.enum ?? []) out.push(at({ [name]: v }));
        if (spec.enum) out.push(at({ [name]: 'not-a-value' }));
        if (spec.minimum !== undefined) out.push(at({ [name]: spec.minimum }), at({ [name]: spec.minimum - 1 }));
        if (spec.type === 'number[]') out.push(at({ [name]: [1, 2] }), at({ [name]: [1, 'x'] }));
      }
    }
    return out;
  }

  it.each(sampleConfigs().map((c) => [JSON.stringify(c), c]))('agrees with validateConfig on %s', (_name, config) => {
    const valid = validateConfig(config).length === 0;
    expect(conforms(schema, schema, config)).toBe(valid);
  });

  it('is the schema that the package contributes for the configuration files, when it does', () => {
    const pkg = JSON.parse(read(path.join(ROOT, 'package.json'))) as { contributes?: { jsonValidation?: { fileMatch: string | string[]; url: string }[] } };
    const entries = pkg.contributes?.jsonValidation?.filter((e) => e.url.replace(/^\.\//, '') === 'schemas/speechdraftrc.schema.json') ?? [];
    if (!pkg.contributes?.jsonValidation) return; // not contributed yet
    const matched = entries.flatMap((e) => ([] as string[]).concat(e.fileMatch));
    for (const name of CONFIG_FILE_NAMES) expect(matched).toContain(name);
  });
});
