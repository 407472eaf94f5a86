/**
 * Configuration shared by the editor and the CLI: `.speechdraftrc.json` (JSON with comments), found
 * from a file's folder upwards, and the VS Code setting `speechDraft.rules` of the same shape.
 *
 *   { "rules": { "heading-sequence": "error", "heading-hierarchy": { "skippedLevel": "off" },
 *                "enumeration-marker": "off" } }
 *
 * A rule's value is a severity, "off", true/false, or an object with "severity" and options.
 */
import { createScanner, type ParseError, parse, printParseErrorCode } from 'jsonc-parser';
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

/**
 * Keys that name the machinery of JavaScript objects rather than data: `__proto__` assigned by a
 * JSON parser replaces an object's prototype (so `{"rules": {"__proto__": {"heading-sequence": "off"}}}`
 * would turn a rule off without any key showing), and `constructor`/`prototype` are found on every
 * plain object. None is a rule or an option, so they are refused wherever they appear.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The deepest nesting a valid configuration has: the file's object, `rules`, a rule's object, a
 * list option (`{"rules": {"r": {"o": [1]}}}`). Anything deeper is refused before it is parsed, so
 * that a file of thousands of `[` gives the usual one-line message, not a stack overflow.
 */
export const MAX_CONFIG_DEPTH = 4;

/** `"__proto__" is not allowed as a key (in rules)`; `where` is empty at the top or when unknown. */
function forbiddenKey(where: string, key: string): LocalizedText {
  return t(`"${key}" is not allowed as a key${where ? ` (in ${where})` : ''}`, `不允许使用“${key}”作为键${where ? `（位于 ${where}）` : ''}`);
}

/** Checks a parsed configuration; returns its problems (empty when valid). */
export function validateConfig(value: unknown): LocalizedText[] {
  const out: LocalizedText[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [t('the configuration must be a JSON object', '配置必须是一个 JSON 对象')];
  }
  // A parsed value whose prototype is not Object's (or null) was built with `__proto__` (only
  // possible for a value that did not come through parseConfig, e.g. a setting).
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== null && proto !== Object.prototype) return [forbiddenKey('', '__proto__')];
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return [forbiddenKey('', key)];
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
  const rulesProto = Object.getPrototypeOf(rules) as unknown;
  if (rulesProto !== null && rulesProto !== Object.prototype) return [forbiddenKey('rules', '__proto__')];
  const severityList = [...SEVERITIES, 'off'].join(', ');
  for (const [id, setting] of Object.entries(rules)) {
    if (FORBIDDEN_KEYS.has(id)) {
      out.push(forbiddenKey('rules', id));
      continue;
    }
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
    const settingProto = Object.getPrototypeOf(setting) as unknown;
    if (settingProto !== null && settingProto !== Object.prototype) {
      out.push(forbiddenKey(`rules.${id}`, '__proto__'));
      continue;
    }
    for (const [key, v] of Object.entries(setting)) {
      if (FORBIDDEN_KEYS.has(key)) {
        out.push(forbiddenKey(`rules.${id}`, key));
        continue;
      }
      if (key === 'severity') {
        if (typeof v !== 'string' || (!(SEVERITIES as readonly string[]).includes(v) && v !== 'off')) {
          out.push(t(`rules.${id}.severity must be one of ${severityList}`, `rules.${id}.severity 必须是 ${severityList} 之一`));
        }
        continue;
      }
      const spec = Object.hasOwn(rule.options, key) ? rule.options[key] : undefined;
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

/** 1-based line and column of an offset (CRLF, CR and LF all end a line). */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length;
  const column = offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line, column };
}

// Token kinds of jsonc-parser's scanner (its SyntaxKind is a const enum, which esbuild cannot inline
// across packages).
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const COMMA = 5;
const STRING = 10;
const EOF = 17;

/**
 * One pass over the tokens, before anything is parsed: refuses nesting deeper than
 * MAX_CONFIG_DEPTH (jsonc-parser's parse recurses once per level and would overflow the stack on a
 * few thousand) and the FORBIDDEN_KEYS as property names (parse would assign `__proto__` as the
 * prototype, where no later check sees it). Linear in the text; syntax errors are left to parse.
 */
function scanConfig(text: string): { problem: LocalizedText; offset: number } | undefined {
  const scanner = createScanner(text, true);
  const stack: number[] = [];
  /** The last key read in each open object, to say where a forbidden key is. */
  const keys: string[] = [];
  let expectKey = false;
  for (let kind = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
    const offset = scanner.getTokenOffset();
    if (kind === OPEN_BRACE || kind === OPEN_BRACKET) {
      if (stack.length >= MAX_CONFIG_DEPTH) {
        return {
          problem: t(`nested deeper than a configuration can be (at most ${MAX_CONFIG_DEPTH} levels)`, `嵌套层数超过配置允许的范围（最多 ${MAX_CONFIG_DEPTH} 层）`),
          offset,
        };
      }
      stack.push(kind);
      keys.push('[]');
      expectKey = kind === OPEN_BRACE;
    } else if (kind === CLOSE_BRACE || kind === CLOSE_BRACKET) {
      stack.pop();
      keys.pop();
      expectKey = false;
    } else if (kind === COMMA) {
      expectKey = stack[stack.length - 1] === OPEN_BRACE;
    } else if (kind === STRING && expectKey) {
      const key = scanner.getTokenValue();
      if (FORBIDDEN_KEYS.has(key)) return { problem: forbiddenKey(keys.slice(0, -1).join('.'), key), offset };
      keys[keys.length - 1] = key;
      expectKey = false;
    } else {
      expectKey = false;
    }
  }
  return undefined;
}

/** A copy whose objects have no prototype: no lookup in it can reach Object.prototype. */
function withoutPrototypes(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null || depth > MAX_CONFIG_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v) => withoutPrototypes(v, depth + 1));
  const out = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(value)) out[k] = withoutPrototypes(v, depth + 1);
  return out;
}

/** Parses a configuration file's text (JSON with comments and trailing commas). Throws ConfigError. */
export function parseConfig(text: string, file: string): SpeechDraftConfig {
  const body = text.replace(/^\uFEFF/, '');
  const scanned = scanConfig(body);
  if (scanned) {
    const { line, column } = position(body, scanned.offset);
    const { en, 'zh-cn': zh } = scanned.problem;
    throw new ConfigError(file, [t(`line ${line}, column ${column}: ${en}`, `第 ${line} 行第 ${column} 列：${zh}`)]);
  }
  const errors: ParseError[] = [];
  const value = parse(body, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const e = errors[0];
    const { line, column } = position(body, e.offset);
    const [en, zh] = PARSE_ERRORS[printParseErrorCode(e.error)] ?? [printParseErrorCode(e.error), printParseErrorCode(e.error)];
    throw new ConfigError(file, [t(`invalid JSON at line ${line}, column ${column}: ${en}`, `第 ${line} 行第 ${column} 列不是有效的 JSON：${zh}`)]);
  }
  const problems = validateConfig(value);
  if (problems.length > 0) throw new ConfigError(file, problems);
  return withoutPrototypes(value) as SpeechDraftConfig;
}

function isSeverity(s: unknown): s is Severity | 'off' {
  return s === 'off' || (SEVERITIES as readonly unknown[]).includes(s);
}

/** Merges layers (later ones win, rule by rule and option by option) over the rules' defaults. */
export function resolveConfig(...layers: (SpeechDraftConfig | undefined)[]): ResolvedConfig {
  const out = new Map<string, ResolvedRule>();
  for (const rule of RULES) {
    const options = Object.create(null) as Record<string, unknown>;
    for (const [k, spec] of Object.entries(rule.options)) options[k] = spec.default;
    let severity: Severity | 'off' = rule.defaultSeverity;
    for (const layer of layers) {
      // Own properties only, and only the values validateConfig accepts: nothing inherited through
      // a prototype, no severity that no output could count.
      const rules = layer?.rules;
      const s = rules && Object.hasOwn(rules, rule.id) ? rules[rule.id] : undefined;
      if (s === undefined || s === null) continue;
      if (s === false || s === 'off') severity = 'off';
      else if (s === true) severity = severity === 'off' ? rule.defaultSeverity : severity;
      else if (typeof s === 'string') severity = isSeverity(s) ? s : severity;
      else if (typeof s === 'object') {
        const own = Object.hasOwn(s, 'severity') ? s.severity : undefined;
        if (own !== undefined && isSeverity(own)) severity = own;
        else if (severity === 'off') severity = rule.defaultSeverity;
        for (const [k, v] of Object.entries(s)) if (k !== 'severity' && Object.hasOwn(rule.options, k)) options[k] = v;
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
