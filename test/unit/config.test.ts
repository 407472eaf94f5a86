import { describe, expect, it } from 'vitest';
import { ConfigError, findConfigFile, parseConfig, resolveConfig } from '../../src/core/config';
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
