import { describe, expect, it } from 'vitest';
import { ConfigError, findConfigFile, MAX_CONFIG_DEPTH, parseConfig, resolveConfig, validateConfig } from '../../src/core/config';
import { lintText } from '../../src/core/lint';

function errorsOf(text: string): { en: string[]; zh: string[] } {
  try {
    parseConfig(text, '.speechdraftrc.json');
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    const problems = (e as ConfigError).problems;
    return { en: problems.map((p) => p.en), zh: problems.map((p) => p['zh-cn']) };
  }
  return { en: [], zh: [] };
}

describe('.speechdraftrc.json', () => {
  it('accepts JSON with comments and trailing commas', () => {
    const config = parseConfig('{\n  // house style\n  "rules": { "heading-marker": { "brackets": "dominant", }, "enumeration-marker": "off", },\n}', 'x');
    expect(config.rules).toEqual({ 'heading-marker': { brackets: 'dominant' }, 'enumeration-marker': 'off' });
  });

  it.each([
    ['{"rules": {"heading-sequnce": "error"}}', 'unknown rule "heading-sequnce"', '未知规则“heading-sequnce”'],
    ['{"rules": {"heading-sequence": "fatal"}}', 'rules.heading-sequence: "fatal" is not one of error, warning, info, hint, off', '不是'],
    ['{"rules": {"heading-sequence": {"convention": "sometimes"}}}', 'rules.heading-sequence.convention must be one of auto, restart, continuous', '必须是'],
    ['{"rules": {"heading-sequence": {"lists": "yes"}}}', 'rules.heading-sequence.lists must be true or false', '必须是 true 或 false'],
    ['{"rules": {"heading-punctuation": {"strict": true}}}', 'rules.heading-punctuation: unknown option "strict" (only "severity")', '未知选项'],
    ['{"rule": {}}', 'unknown key "rule"', '未知的键'],
    ['[]', 'must be a JSON object', 'JSON 对象'],
    ['{"$schema": 5}', '"$schema" must be a string', '必须是字符串'],
    ['{"rules": {"heading-sequence": "error"}', 'line 1, column 40: "}" is expected', '此处应为“}”'],
    ['{"rules": {', 'invalid JSON at line 1', '不是有效的 JSON'],
  ])('rejects %s with a clear message in both languages', (text, en, zh) => {
    const e = errorsOf(text);
    expect(e.en.join('\n')).toContain(en);
    expect(e.zh.join('\n')).toContain(zh);
  });
});

describe('resolveConfig', () => {
  it('starts from the rules’ defaults', () => {
    const c = resolveConfig();
    expect(c.get('heading-sequence')).toEqual({ severity: 'error', options: { convention: 'auto', lists: true } });
    expect(c.get('heading-hierarchy')).toEqual({ severity: 'warning', options: { skippedLevel: 'hint' } });
  });

  it('layers settings, then the file, rule by rule and option by option', () => {
    const settings = { rules: { 'heading-sequence': { severity: 'warning' as const, convention: 'restart' }, 'heading-marker': 'off' as const } };
    const file = { rules: { 'heading-sequence': { lists: false }, 'heading-marker': true } };
    const c = resolveConfig(settings, file);
    expect(c.get('heading-sequence')).toEqual({ severity: 'warning', options: { convention: 'restart', lists: false } });
    expect(c.get('heading-marker')?.severity).toBe('warning');
  });

  it('turns rules off', () => {
    const text = '一、甲\n二、乙\n(一)丙\n四、丁';
    expect(new Set(lintText(text).map((p) => p.rule))).toEqual(new Set(['heading-sequence', 'heading-marker']));
    const off = resolveConfig({ rules: { 'heading-marker': false, 'heading-sequence': 'off' } });
    expect(lintText(text, { config: off })).toEqual([]);
  });
});

describe('hostile configurations', () => {
  it.each([
    ['{"rules": {"__proto__": {"heading-sequence": "fatal"}}}', '"__proto__" is not allowed as a key (in rules)', '不允许使用“__proto__”作为键（位于 rules）'],
    ['{"__proto__": {"heading-sequence": "off"}}', 'line 1, column 2: "__proto__" is not allowed as a key', '第 1 行第 2 列：不允许使用“__proto__”作为键'],
    ['{"rules": {"constructor": "off"}}', '"constructor" is not allowed as a key (in rules)', '“constructor”'],
    ['{"rules": {"heading-sequence": {"constructor": 1}}}', '"constructor" is not allowed as a key (in rules.heading-sequence)', '“constructor”'],
    ['{\n  // a comment with "__proto__": in it is fine\n  "rules": {"heading-sequence": "error", "prototype": "off"}\n}', 'line 3, column 42: "prototype" is not allowed as a key (in rules)', '第 3 行第 42 列'],
    [`{"rules":${'['.repeat(5000)}${']'.repeat(5000)}}`, 'line 1, column 13: nested deeper than a configuration can be (at most 4 levels)', '嵌套层数超过'],
    [`{"rules":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`, 'nested deeper than a configuration can be', '最多 4 层'],
  ])('rejects %s with one message in both languages, no stack overflow', (text, en, zh) => {
    const e = errorsOf(text);
    expect(e.en).toHaveLength(1);
    expect(e.en[0]).toContain(en);
    expect(e.zh[0]).toContain(zh);
  });

  it('a string value "__proto__" and the deepest valid nesting are accepted', () => {
    expect(errorsOf('{"$schema": "__proto__", "rules": {"heading-marker": {"severity": "warning"}}}').en).toEqual([]);
    // {"rules": {rule: {option: [ ... ]}}} is as deep as the schema goes.
    const deepest = parseConfig('{"rules": {"heading-sequence": {"severity": "info"}}}', 'x');
    expect(MAX_CONFIG_DEPTH).toBe(4);
    expect(deepest.rules?.['heading-sequence']).toEqual({ severity: 'info' });
  });

  it('parsed maps have no prototype: nothing inherited can be read as a rule or an option', () => {
    const config = parseConfig('{"rules": {"heading-sequence": {"lists": false}}}', 'x');
    expect(Object.getPrototypeOf(config)).toBe(null);
    expect(Object.getPrototypeOf(config.rules)).toBe(null);
    expect(Object.getPrototypeOf(config.rules!['heading-sequence'])).toBe(null);
    expect(Object.getPrototypeOf(resolveConfig(config).get('heading-sequence')!.options)).toBe(null);
  });

  it('a setting object (parsed elsewhere) with "__proto__" as an own key or as its prototype is refused', () => {
    const own = JSON.parse('{"rules": {"__proto__": {"heading-sequence": "off"}}}') as unknown;
    expect(validateConfig(own).map((p) => p.en)).toEqual(['"__proto__" is not allowed as a key (in rules)']);
    const inherited = { rules: Object.create({ 'heading-sequence': 'off' }) as Record<string, unknown> };
    expect(validateConfig(inherited).map((p) => p.en)).toEqual(['"__proto__" is not allowed as a key (in rules)']);
  });

  it('resolveConfig reads own properties only and ignores a severity it does not know', () => {
    const inherited = { rules: Object.create({ 'heading-sequence': 'off' }) as Record<string, never> };
    expect(resolveConfig(inherited).get('heading-sequence')?.severity).toBe('error');
    const fatal = { rules: { 'heading-sequence': 'fatal', 'heading-marker': { severity: 'fatal' } } } as never;
    expect(resolveConfig(fatal).get('heading-sequence')?.severity).toBe('error');
    expect(resolveConfig(fatal).get('heading-marker')?.severity).toBe('warning');
    const constructorOption = { rules: { 'heading-sequence': { constructor: 'x' } } } as never;
    expect(Object.keys(resolveConfig(constructorOption).get('heading-sequence')!.options)).toEqual(['convention', 'lists']);
  });
});

describe('findConfigFile', () => {
  const files = new Set(['/work/.speechdraftrc.json', '/work/a/b/.speechdraftrc']);
  const exists = async (p: string) => files.has(p);
  const join = (d: string, n: string) => (d === '/' ? `/${n}` : `${d}/${n}`);
  const parent = (d: string) => (d === '/' ? '/' : d.slice(0, d.lastIndexOf('/')) || '/');

  it('finds the nearest file from the folder upwards', async () => {
    expect(await findConfigFile('/work/a/b/c', exists, join, parent)).toBe('/work/a/b/.speechdraftrc');
    expect(await findConfigFile('/work/a', exists, join, parent)).toBe('/work/.speechdraftrc.json');
    expect(await findConfigFile('/other', exists, join, parent)).toBeUndefined();
  });
});
