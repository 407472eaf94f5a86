/**
 * Hostile file names, document text and configuration files, through the in-memory CLI: what a
 * user sees on the terminal (no raw control character ever reaches it, one problem is one line)
 * and how a bad configuration is reported (one line, exit 2).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeControls, safeJsonStringify } from '../../src/core/escape';
import { MemFs, runCli } from './cli-harness';
import { ROOT } from './helpers';

const ESC = '\u001b';
const BEL = '\u0007';
/** Cursor up one line, erase the line; then set the window title. */
const ERASE = `${ESC}[1A${ESC}[2K`;
const TITLE = `${ESC}]0;pwned${BEL}`;
/** Everything a terminal could act on: C0 but tab, DEL, C1, U+2028/9, bidi controls. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** A draft whose headings carry escape sequences; the second heading ends with "：" (quoted in the message). */
const HOSTILE_DRAFT = `一、总体要求${ERASE}\n\n正文。\n\n三、重点任务${TITLE}：\n\n正文，内容。\n`;
const HOSTILE_NAME = `esc${TITLE}name.txt`;
const NEWLINE_NAME = 'new\nline.txt';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { problemMatchers: { name: string; pattern: { regexp: string } }[] };
};
const MATCHER = new RegExp(pkg.contributes.problemMatchers.find((m) => m.name === 'speech-draft')!.pattern.regexp);

const outLines = (s: string) => s.split('\n').filter((l) => l !== '');

describe('escapeControls', () => {
  it('shows ESC as \\e, newline as \\n and other controls as \\u{hex}; tab and ordinary text unchanged', () => {
    expect(escapeControls(`a${ERASE}b`)).toBe('a\\e[1A\\e[2Kb');
    expect(escapeControls(TITLE)).toBe('\\e]0;pwned\\u{7}');
    expect(escapeControls('x\ny\r\u0000\u007f\u009b\u2028\u2029\u202e\u2066\u2069')).toBe('x\\ny\\r\\u{0}\\u{7f}\\u{9b}\\u{2028}\\u{2029}\\u{202e}\\u{2066}\\u{2069}');
    expect(escapeControls('一、总体要求\t“引号”…C:\\dir\\a.txt')).toBe('一、总体要求\t“引号”…C:\\dir\\a.txt');
  });

  it('JSON output stays valid and keeps its value, with no raw control character', () => {
    const value = { s: `a\u007f\u0085\u2028\u202e${ESC}b` };
    const text = safeJsonStringify(value, 2);
    expect(text).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('control characters in the text output', () => {
  const files = { [HOSTILE_NAME]: HOSTILE_DRAFT, [NEWLINE_NAME]: HOSTILE_DRAFT };

  it('check: a file name and a quoted heading with ESC[1A ESC[2K / ESC]0;… BEL are printed escaped', async () => {
    const r = await runCli(['check', HOSTILE_NAME], { files });
    expect(r.code).toBe(1);
    expect(r.out).not.toMatch(RAW_CONTROL);
    expect(r.err).not.toMatch(RAW_CONTROL);
    expect(outLines(r.out)).toEqual([
      'esc\\e]0;pwned\\u{7}name.txt:5:1: error heading-sequence Heading number skips from "一、" to "三、": expected "二、"',
      'esc\\e]0;pwned\\u{7}name.txt:5:17: warning heading-punctuation Heading "三、重点任务\\e]0;pwned\\u{7}" ends with "：": a heading takes no ending punctuation',
    ]);
  });

  it('check: a file name with a newline stays on one line, and the problem matcher still reads every line', async () => {
    const r = await runCli(['check', '.', '--hints'], { files });
    const lines = outLines(r.out);
    expect(lines.length).toBe(4);
    for (const l of lines) expect(l).toMatch(MATCHER);
    expect(lines.map((l) => MATCHER.exec(l)![1])).toEqual(['esc\\e]0;pwned\\u{7}name.txt', 'esc\\e]0;pwned\\u{7}name.txt', 'new\\nline.txt', 'new\\nline.txt']);
  });

  it('check: messages on stderr that name the file are escaped and one line', async () => {
    const r = await runCli(['check', `gone${ESC}[2J\nx.txt:1:1: error heading-sequence fake.txt`], { files });
    expect(r.code).toBe(2);
    expect(r.err).toBe('speech-draft: cannot read gone\\e[2J\\nx.txt:1:1: error heading-sequence fake.txt: no such file\n');
  });

  it('check --format json and sarif: the same names and texts, as JSON escapes', async () => {
    for (const format of ['json', 'sarif']) {
      const r = await runCli(['check', HOSTILE_NAME, '--format', format], { files });
      expect(r.out).not.toMatch(RAW_CONTROL);
      expect(r.out).toContain(format === 'json' ? 'esc\\u001b]0;pwned\\u0007name.txt' : 'esc%1B%5D0%3Bpwned%07name.txt');
      JSON.parse(r.out);
    }
  });

  it('outline (text, markdown, json): headings escaped', async () => {
    const text = await runCli(['outline', HOSTILE_NAME], { files });
    expect(text.code).toBe(0);
    expect(text.out).toBe('一、总体要求\\e[1A\\e[2K  [1-3] 11 chars\n三、重点任务\\e]0;pwned\\u{7}  [5-7] 15 chars\n');
    const md = await runCli(['outline', HOSTILE_NAME, '--format', 'markdown'], { files });
    expect(md.out).toBe('- 一、总体要求\\e[1A\\e[2K (11 chars)\n- 三、重点任务\\e]0;pwned\\u{7} (15 chars)\n');
    const json = await runCli(['outline', NEWLINE_NAME, '--format', 'json'], { files });
    expect(json.out).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(json.out).sections[0].title).toBe(`总体要求${ERASE}`);
  });

  it('stats (text and json): title and section labels escaped', async () => {
    const r = await runCli(['stats', HOSTILE_NAME], { files });
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(RAW_CONTROL);
    expect(r.out).toContain('一、总体要求\\e[1A\\e[2K');
    expect(r.out).toContain('三、重点任务\\e]0;pwned\\u{7}  5-7');
    const json = await runCli(['stats', HOSTILE_NAME, '--format', 'json'], { files });
    expect(json.out).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(json.out).file).toBe(HOSTILE_NAME);
  });

  it('a title line with a bidi override is escaped too', async () => {
    const draft = '关于\u202e告报\u202c的说明\n\n一、甲\n\n正文。\n\n二、乙\n\n正文。\n';
    const r = await runCli(['outline', 'a.txt'], { files: { 'a.txt': draft } });
    expect(r.out.split('\n')[0]).toBe('关于\\u{202e}告报\\u{202c}的说明');
  });
});

describe('hostile configuration files', () => {
  const DRAFT = '一、总体要求\n\n正文。\n\n三、重点任务\n\n正文。\n';
  const run = (config: string, argv: string[] = ['--config', 'rc.json']) =>
    runCli(['check', 'd.txt', ...argv], { files: { 'd.txt': DRAFT, 'rc.json': config, '.speechdraftrc.json': config } });

  it.each([
    ['{"rules":{"__proto__":{"heading-sequence":"fatal"}}}', 'line 1, column 11: "__proto__" is not allowed as a key (in rules)'],
    ['{"rules":{"__proto__":{"heading-sequence":"off"}}}', 'line 1, column 11: "__proto__" is not allowed as a key (in rules)'],
    ['{"__proto__":{"heading-sequence":"off"}}', 'line 1, column 2: "__proto__" is not allowed as a key'],
    ['{"rules":{"constructor":"off"}}', 'line 1, column 11: "constructor" is not allowed as a key (in rules)'],
    ['{"rules":{"heading-sequence":{"prototype":1}}}', 'line 1, column 31: "prototype" is not allowed as a key (in rules.heading-sequence)'],
    ['{"rules":{"heading-sequence":"fatal"}}', 'rules.heading-sequence: "fatal" is not one of error, warning, info, hint, off'],
    ['{"rules":{"heading-sequence":{"severity":"fatal"}}}', 'rules.heading-sequence.severity must be one of error, warning, info, hint, off'],
    [`{"rules":${'['.repeat(5000)}${']'.repeat(5000)}}`, 'line 1, column 13: nested deeper than a configuration can be (at most 4 levels)'],
  ])('%s: one line naming the problem, exit 2, nothing checked', async (config, why) => {
    for (const argv of [['--config', 'rc.json'], []]) {
      const r = await run(config, argv);
      const shown = argv.length ? 'rc.json' : '.speechdraftrc.json';
      expect(r.err).toBe(`speech-draft: invalid configuration ${shown}: ${why}\n`);
      expect(r.out).toBe('');
      expect(r.code).toBe(2);
    }
  });

  it('the rule that a "__proto__" entry tried to turn off still runs with a valid configuration', async () => {
    const r = await run('{"rules":{"heading-marker":"warning"}}');
    expect(r.out).toContain('error heading-sequence');
    expect(r.code).toBe(1);
  });

  it('a .speechdraftrc.json found by the upward search that is a directory or a symbolic-link loop is reported as with --config', async () => {
    const memfs = new MemFs({ 'a/d.txt': DRAFT, 'a/.speechdraftrc.json/inside.txt': 'x', 'b/d.txt': DRAFT });
    memfs.link('/proj/b/.speechdraftrc.json', '/proj/b/.speechdraftrc.json');
    const dir = await runCli(['check', 'a/d.txt'], { fs: memfs });
    expect(dir.err).toBe('speech-draft: cannot read configuration a/.speechdraftrc.json: is a directory\n');
    expect(dir.code).toBe(2);
    const viaConfig = await runCli(['check', 'a/d.txt', '--config', 'a/.speechdraftrc.json'], { fs: memfs });
    expect(viaConfig.err).toBe('speech-draft: cannot read configuration a/.speechdraftrc.json: is a directory\n');
    const loop = await runCli(['check', 'b/d.txt'], { fs: memfs });
    expect(loop.err).toMatch(/^speech-draft: cannot read configuration b\/\.speechdraftrc\.json: .*ELOOP.*\n$/);
    expect(loop.code).toBe(2);
    expect(loop.out).toBe('');
  });
});
