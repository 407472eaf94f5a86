/**
 * Configuration shared by the editor and the CLI: `.speechdraftrc.json` (JSON with comments), found
 * from a file's folder upwards, and the VS Code setting `speechDraft.rules` of the same shape.
 *
 *   { "rules": { "heading-sequence": "error", "heading-hierarchy": { "skippedLevel": "off" },
 *                "enumeration-marker": "off" } }
 *
 * A rule's value is a severity, "off", true/false, or an object with "severity" and options.
 */
import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import { RULES, ruleById } from './rules/registry';
import { type LocalizedText, type Severity, SEVERITIES } from './rules/types';

export const CONFIG_FILE_NAMES = ['.speechdraftrc.json', '.speechdraftrc'] as const;

export type RuleSetting = Severity | 'off' | boolean | ({ severity?: Severity | 'off' } & Record<string, unknown>);

export interface SpeechDraftConfig {
  $schema?: string;
  rules?: Record<string, RuleSetting>;
}

export interface ResolvedRule {
  severity: Severity | 'off';
  options: Record<string, unknown>;
}

/** Every rule with its effective severity and options. */
export type ResolvedConfig = ReadonlyMap<string, ResolvedRule>;

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: LocalizedText[],
  ) {
    super(`${file}: ${problems.map((p) => p.en).join('; ')}`);
  }
}

function t(en: string, zh: string): LocalizedText {
  return { en, 'zh-cn': zh };
}

/** Checks a parsed configuration; returns its problems (empty when valid). */
export function validateConfig(value: unknown): LocalizedText[] {
  const out: LocalizedText[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [t('the configuration must be a JSON object', '配置必须是一个 JSON 对象')];
  }
  for (const key of Object.keys(value)) {
    if (key !== 'rules' && key !== '$schema') out.push(t(`unknown key "${key}" (expected "rules")`, `未知的键“${key}”（应为“rules”）`));
  }
  const schema = (value as SpeechDraftConfig).$schema;
  if (schema !== undefined && typeof schema !== 'string') out.push(t('"$schema" must be a string', '“$schema”必须是字符串'));
  const rules = (value as SpeechDraftConfig).rules;
  if (rules === undefined) return out;
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) {
    out.push(t('"rules" must be an object', '“rules”必须是一个对象'));
    return out;
  }
  const severityList = [...SEVERITIES, 'off'].join(', ');
  for (const [id, setting] of Object.entries(rules)) {
    const rule = ruleById(id);
    if (!rule) {
      out.push(t(`unknown rule "${id}" (known: ${RULES.map((r) => r.id).join(', ')})`, `未知规则“${id}”（已有规则：${RULES.map((r) => r.id).join('、')}）`));
      continue;
    }
    if (typeof setting === 'boolean') continue;
    if (typeof setting === 'string') {
      if (!(SEVERITIES as readonly string[]).includes(setting) && setting !== 'off') {
        out.push(t(`rules.${id}: "${setting}" is not one of ${severityList}`, `rules.${id}：“${setting}”不是 ${severityList} 之一`));
      }
      continue;
    }
    if (typeof setting !== 'object' || setting === null || Array.isArray(setting)) {
      out.push(t(`rules.${id} must be a severity, "off", true/false or an object`, `rules.${id} 必须是严重级别、"off"、true/false 或对象`));
      continue;
    }
    for (const [key, v] of Object.entries(setting)) {
      if (key === 'severity') {
        if (typeof v !== 'string' || (!(SEVERITIES as readonly string[]).includes(v) && v !== 'off')) {
          out.push(t(`rules.${id}.severity must be one of ${severityList}`, `rules.${id}.severity 必须是 ${severityList} 之一`));
        }
        continue;
      }
      const spec = rule.options[key];
      if (!spec) {
        const known = Object.keys(rule.options);
        out.push(t(
          `rules.${id}: unknown option "${key}"${known.length ? ` (options: severity, ${known.join(', ')})` : ' (only "severity")'}`,
          `rules.${id}：未知选项“${key}”${known.length ? `（可用选项：severity、${known.join('、')}）` : '（只有“severity”）'}`,
        ));
        continue;
      }
      const bad = (en: string, zh: string) => out.push(t(`rules.${id}.${key} ${en}`, `rules.${id}.${key} ${zh}`));
      if (spec.type === 'string') {
        if (typeof v !== 'string') bad('must be a string', '必须是字符串');
        else if (spec.enum && !spec.enum.includes(v)) bad(`must be one of ${spec.enum.join(', ')}`, `必须是 ${spec.enum.join('、')} 之一`);
      } else if (spec.type === 'number') {
        if (typeof v !== 'number' || !Number.isFinite(v)) bad('must be a number', '必须是数字');
        else if (spec.minimum !== undefined && v < spec.minimum) bad(`must be at least ${spec.minimum}`, `不能小于 ${spec.minimum}`);
      } else if (spec.type === 'boolean') {
        if (typeof v !== 'boolean') bad('must be true or false', '必须是 true 或 false');
      } else if (spec.type === 'number[]') {
        if (!Array.isArray(v) || v.some((x) => typeof x !== 'number')) bad('must be a list of numbers', '必须是数字列表');
      }
    }
  }
  return out;
}

/** jsonc-parser's error codes in words. */
const PARSE_ERRORS: Record<string, [string, string]> = {
  InvalidSymbol: ['unexpected character', '意外的字符'],
  InvalidNumberFormat: ['invalid number', '数字格式不对'],
  PropertyNameExpected: ['a property name (in double quotes) is expected', '此处应为属性名（用双引号括起）'],
  ValueExpected: ['a value is expected', '此处应为一个值'],
  ColonExpected: ['":" is expected', '此处应为“:”'],
  CommaExpected: ['"," is expected', '此处应为“,”'],
  CloseBraceExpected: ['"}" is expected (an object is not closed)', '此处应为“}”（对象没有闭合）'],
  CloseBracketExpected: ['"]" is expected (a list is not closed)', '此处应为“]”（列表没有闭合）'],
  EndOfFileExpected: ['unexpected text after the end', '结尾之后还有多余内容'],
  InvalidCommentToken: ['invalid comment', '注释格式不对'],
  UnexpectedEndOfComment: ['a comment is not closed', '注释没有闭合'],
  UnexpectedEndOfString: ['a string is not closed', '字符串没有闭合'],
  UnexpectedEndOfNumber: ['a number is cut off', '数字不完整'],
  InvalidUnicode: ['invalid \\u escape', '\\u 转义不对'],
  InvalidEscapeCharacter: ['invalid escape', '转义字符不对'],
  InvalidCharacter: ['invalid character in a string', '字符串中有非法字符'],
};

/** Parses a configuration file's text (JSON with comments and trailing commas). Throws ConfigError. */
export function parseConfig(text: string, file: string): SpeechDraftConfig {
  const errors: ParseError[] = [];
  const value = parse(text.replace(/^\uFEFF/, ''), errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const e = errors[0];
    const before = text.slice(0, e.offset);
    const line = before.split(/\r\n|\r|\n/).length;
    const column = e.offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) ;
    const [en, zh] = PARSE_ERRORS[printParseErrorCode(e.error)] ?? [printParseErrorCode(e.error), printParseErrorCode(e.error)];
    throw new ConfigError(file, [t(`invalid JSON at line ${line}, column ${column}: ${en}`, `第 ${line} 行第 ${column} 列不是有效的 JSON：${zh}`)]);
  }
  const problems = validateConfig(value);
  if (problems.length > 0) throw new ConfigError(file, problems);
  return value as SpeechDraftConfig;
}

/** Merges layers (later ones win, rule by rule and option by option) over the rules' defaults. */
export function resolveConfig(...layers: (SpeechDraftConfig | undefined)[]): ResolvedConfig {
  const out = new Map<string, ResolvedRule>();
  for (const rule of RULES) {
    const options: Record<string, unknown> = {};
    for (const [k, spec] of Object.entries(rule.options)) options[k] = spec.default;
    let severity: Severity | 'off' = rule.defaultSeverity;
    for (const layer of layers) {
      const s = layer?.rules?.[rule.id];
      if (s === undefined) continue;
      if (s === false || s === 'off') severity = 'off';
      else if (s === true) severity = severity === 'off' ? rule.defaultSeverity : severity;
      else if (typeof s === 'string') severity = s;
      else {
        if (s.severity !== undefined) severity = s.severity;
        else if (severity === 'off') severity = rule.defaultSeverity;
        for (const [k, v] of Object.entries(s)) if (k !== 'severity' && k in rule.options) options[k] = v;
      }
    }
    out.set(rule.id, { severity, options });
  }
  return out;
}

/**
 * Finds the configuration file that applies to a file in `dir`: the nearest CONFIG_FILE_NAMES from
 * `dir` upwards. `exists` is injected so that the CLI (node:fs) and the editor (workspace.fs) share it.
 */
export async function findConfigFile(
  dir: string,
  exists: (path: string) => Promise<boolean>,
  join: (dir: string, name: string) => string,
  parent: (dir: string) => string,
): Promise<string | undefined> {
  let current = dir;
  for (let depth = 0; depth < 64; depth++) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(current, name);
      if (await exists(candidate)) return candidate;
    }
    const up = parent(current);
    if (up === current) return undefined;
    current = up;
  }
  return undefined;
}
