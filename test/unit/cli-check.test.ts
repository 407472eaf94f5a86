import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/rules/registry';
import { type FileContent, loadFixtures, MemFs, runCli } from './cli-harness';

/** test/fixtures/cli/ under /proj, plus a node_modules folder (git ignores that name on disk). */
function fixtures(extra: Record<string, FileContent> = {}): Record<string, FileContent> {
  return {
    ...loadFixtures(),
    '/proj/drafts/node_modules/pkg/readme.md': '# pkg\n## 一、甲\n## 三、乙\n',
    ...extra,
  };
}

const check = (argv: string[], opts: { files?: Record<string, FileContent>; env?: Record<string, string>; stdin?: string | Uint8Array; homepage?: string; fs?: MemFs; cwd?: string } = {}) =>
  runCli(['check', ...argv], { files: opts.fs ? undefined : (opts.files ?? fixtures()), ...opts });

const lines = (s: string) => s.split('\n').filter((l) => l !== '');

/** The problemMatchers contribution proposed for package.json: every text line must match it. */
const PROBLEM_MATCHER = /^(.+?):(\d+):(\d+): (error|warning|info|hint) ([a-z][a-z0-9-]*) (.*)$/;

const ERRORS_TXT = [
  'drafts/errors.txt:4:1: warning heading-marker Heading marker "(一)" should be "（一）" (half-width bracket in Chinese text)',
  'drafts/errors.txt:5:1: warning heading-marker Heading marker "(二)" should be "（二）" (half-width bracket in Chinese text)',
  'drafts/errors.txt:6:1: error heading-sequence Heading number skips from "一、" to "三、": expected "二、"',
  'drafts/errors.txt:8:1: error heading-sequence Heading number skips from "（一）" to "（三）": expected "（二）"',
  'drafts/errors.txt:9:7: warning heading-punctuation Heading "四、抓好落实" ends with "：": a heading takes no ending punctuation',
];

describe('speech-draft check: text format', () => {
  it('prints one line per problem, sorted by position, and a summary on stderr; exit 1 on errors', async () => {
    const r = await check(['drafts/errors.txt']);
    expect(lines(r.out)).toEqual(ERRORS_TXT);
    expect(r.err).toBe('5 problems (2 errors, 3 warnings) in 1 file\n');
    expect(r.code).toBe(1);
  });

  it('matches the speech-draft problem matcher line by line', async () => {
    const r = await check(['drafts', '--hints']);
    const matched = lines(r.out).map((l) => PROBLEM_MATCHER.exec(l));
    expect(matched.every(Boolean)).toBe(true);
    expect(matched[0]!.slice(1)).toEqual(['drafts/errors.txt', '4', '1', 'warning', 'heading-marker', 'Heading marker "(一)" should be "（一）" (half-width bracket in Chinese text)']);
  });

  it('speaks Chinese under a Chinese locale or --lang zh-cn (severity and rule stay machine-readable)', async () => {
    const zh = await check(['drafts/errors.txt'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(lines(zh.out)[2]).toBe('drafts/errors.txt:6:1: error heading-sequence 标题序号不连续：“一、”之后应为“二、”，实为“三、”');
    expect(zh.err).toBe('1 个文件中共有 5 个问题（2 个错误、3 个警告）\n');
    const lang = await check(['drafts/errors.txt', '--lang', 'zh-cn']);
    expect(lang.out).toBe(zh.out);
    expect(lang.err).toBe(zh.err);
  });

  it('prints nothing and exits 0 for a clean draft; exit 0 when only warnings are left', async () => {
    const clean = await check(['drafts/clean.md']);
    expect(clean).toMatchObject({ code: 0, out: '', err: '' });
    const seed = await check(['seed.txt'], { files: { 'seed.txt': loadFixtures('fix')['/proj/sloppy.txt'] } });
    expect(seed.code).toBe(1); // 三、 after 一、 is an error
    const warnings = await check(['a.txt'], { files: { 'a.txt': '讲话\n一、甲\n(一)乙\n二、丙\n' } });
    expect(warnings.code).toBe(0);
    expect(warnings.err).toBe('1 problem (0 errors, 1 warning) in 1 file\n');
  });

  it('counts columns in UTF-16 code units, 1-based, as VS Code does', async () => {
    const r = await check(['a.txt'], { files: { 'a.txt': '讲话\n一、总体要求\n正文。\n二、抓𠮷落实：\n正文。\n' } });
    // 二、抓 (3) + 𠮷 (a surrogate pair: 2) + 落实 (2): the colon is at UTF-16 offset 7.
    expect(r.out).toMatch(/^a\.txt:4:8: warning heading-punctuation /);
  });

  it('leaves hints out unless --hints, and counts them in the summary', async () => {
    const hidden = await check(['drafts/sub/hints.txt']);
    expect(hidden).toMatchObject({ code: 0, out: '', err: '' });
    const shown = await check(['drafts/sub/hints.txt', '--hints']);
    expect(lines(shown.out)).toEqual([
      'drafts/sub/hints.txt:4:1: hint heading-hierarchy Level skipped: "1." directly under "一、" (the next level down is "（一）"; GB/T 9704 recommends the order, short texts often skip)',
      'drafts/sub/hints.txt:7:1: hint heading-hierarchy Level skipped: "1." directly under "二、" (the next level down is "（一）"; GB/T 9704 recommends the order, short texts often skip)',
    ]);
    expect(shown.err).toBe('2 problems (0 errors, 0 warnings, 2 hints) in 1 file\n');
    expect(shown.code).toBe(0);
  });
});

describe('speech-draft check: inputs', () => {
  it('walks a directory in sorted order, skipping non-drafts, dot-folders and node_modules', async () => {
    const r = await check(['drafts', '--format', 'json']);
    const json = JSON.parse(r.out) as { file: string; problems: unknown[] }[];
    expect(json.map((f) => [f.file, f.problems.length])).toEqual([
      ['drafts/clean.md', 0],
      ['drafts/errors.txt', 5],
      ['drafts/sub/hints.txt', 0],
    ]);
    expect(r.err).toBe(''); // notes.txt was found, not named: skipped silently
    expect(r.code).toBe(1);
  });

  it('keeps the order given and checks a file named twice once', async () => {
    const r = await check(['drafts/sub/hints.txt', 'drafts/errors.txt', 'drafts/', './drafts/errors.txt', '--format', 'json']);
    expect(JSON.parse(r.out).map((f: { file: string }) => f.file)).toEqual(['drafts/sub/hints.txt', 'drafts/errors.txt', 'drafts/clean.md']);
  });

  it('checks a file reached through a symbolic link once, and does not loop on a link to a parent folder', async () => {
    const memfs = new MemFs(fixtures());
    memfs.link('/proj/drafts/link.txt', '/proj/drafts/errors.txt');
    memfs.link('/proj/drafts/sub/up', '..');
    memfs.link('/proj/drafts/dangling.txt', '/proj/nowhere.txt');
    const dir = await check(['drafts', '--format', 'json'], { fs: memfs });
    expect(JSON.parse(dir.out).map((f: { file: string }) => f.file)).toEqual(['drafts/clean.md', 'drafts/errors.txt', 'drafts/sub/hints.txt']);
    expect(dir.err).toBe('');
    const glob = await check(['drafts/**/*.txt', '--format', 'json'], { fs: memfs });
    expect(JSON.parse(glob.out).map((f: { file: string }) => f.file)).toEqual(['drafts/errors.txt', 'drafts/sub/hints.txt']);
    const named = await check(['drafts/link.txt', 'drafts/errors.txt', '--format', 'json'], { fs: memfs });
    expect(JSON.parse(named.out).map((f: { file: string }) => f.file)).toEqual(['drafts/link.txt']);
  });

  it('reports in the order of the inputs', async () => {
    const r = await check(['nothing.txt', 'x/*.md', 'empty', 'drafts/errors.txt'], { files: fixtures({ 'empty/a.json': '{}' }) });
    expect(lines(r.err).slice(0, 3)).toEqual([
      'speech-draft: cannot read nothing.txt: no such file',
      'speech-draft: no .txt, .md or .markdown file matches x/*.md',
      'speech-draft: no .txt, .md or .markdown file in empty',
    ]);
    expect(r.code).toBe(2);
  });

  it('prints paths as given: absolute stays absolute, a trailing slash is normalized', async () => {
    const abs = await check(['/proj/drafts/errors.txt']);
    expect(lines(abs.out)[0]).toMatch(/^\/proj\/drafts\/errors\.txt:4:1: /);
    const dir = await check(['drafts/sub/', '--hints']);
    expect(lines(dir.out)[0]).toMatch(/^drafts\/sub\/hints\.txt:4:1: /);
    const up = await check(['../drafts/errors.txt'], { cwd: '/proj/configs' });
    expect(lines(up.out)[0]).toMatch(/^\.\.\/drafts\/errors\.txt:4:1: /);
  });

  it('expands globs relative to cwd (sorted; only .txt, .md and .markdown; no dot-folders)', async () => {
    const r = await check(['drafts/**/*.txt', '--format', 'json', '--all']);
    expect(JSON.parse(r.out).map((f: { file: string }) => f.file)).toEqual(['drafts/errors.txt', 'drafts/notes.txt', 'drafts/sub/hints.txt']);
    const md = await check(['**/*.md', '--format', 'json']);
    expect(JSON.parse(md.out).map((f: { file: string }) => f.file)).toEqual(['drafts/clean.md']); // not node_modules, not README.md (no draft)
    const abs = await check(['/proj/drafts/*.md', '--format', 'json']);
    expect(JSON.parse(abs.out).map((f: { file: string }) => f.file)).toEqual(['/proj/drafts/clean.md']);
  });

  it('exits 2 when a glob or a directory matches nothing, after checking the rest', async () => {
    const glob = await check(['drafts/*.docx', 'drafts/errors.txt']);
    expect(glob.err).toContain('speech-draft: no .txt, .md or .markdown file matches drafts/*.docx\n');
    expect(lines(glob.out)).toEqual(ERRORS_TXT);
    expect(glob.code).toBe(2);
    const dir = await check(['empty'], { files: { 'empty/data.json': '{}' } });
    expect(dir.err).toBe('speech-draft: no .txt, .md or .markdown file in empty\n');
    expect(dir.code).toBe(2);
    const zh = await check(['empty'], { files: { 'empty/data.json': '{}' }, env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.err).toBe('speech-draft: empty 中没有 .txt、.md 或 .markdown 文件\n');
  });

  it('says when a file named on the command line is skipped as a non-draft; --all checks it', async () => {
    const r = await check(['drafts/notes.txt', 'drafts/errors.txt']);
    expect(r.err).toContain('speech-draft: skipped drafts/notes.txt: not a draft (fewer than two 一、/（一） headings); --all checks it anyway\n');
    expect(lines(r.out)).toEqual(ERRORS_TXT);
    const all = await check(['drafts/notes.txt', '--all', '--format', 'json']);
    expect(JSON.parse(all.out)).toEqual([{ file: 'drafts/notes.txt', problems: [] }]);
    expect(all.err).toBe('');
    expect(all.code).toBe(0);
  });

  it('says so when a directory holds no draft at all', async () => {
    const r = await check(['notes'], { files: { 'notes/a.txt': 'shopping list', 'notes/b.md': '# Title\n\ntext' } });
    expect(r.err).toBe('speech-draft: no draft among 2 files (a draft has at least two 一、/（一） headings); --all checks every file\n');
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
  });

  it('reports unreadable files clearly, checks the others, and exits 2', async () => {
    const denied = Object.assign(new Error('EACCES'), { code: 'EACCES' });
    const r = await check(['missing.txt', 'locked.txt', 'bin.txt', 'drafts/errors.txt'], {
      files: fixtures({ 'locked.txt': denied, 'bin.txt': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]) }),
    });
    expect(lines(r.err).slice(0, 3)).toEqual([
      'speech-draft: cannot read missing.txt: no such file',
      'speech-draft: cannot read locked.txt: permission denied',
      'speech-draft: cannot read bin.txt: looks like a binary file (it contains NUL bytes)',
    ]);
    expect(lines(r.out)).toEqual(ERRORS_TXT);
    expect(r.code).toBe(2);
  });

  it('reads stdin with "-" (named <stdin>), as Markdown with --stdin-filename NAME.md', async () => {
    const r = await check(['-'], { stdin: '讲话\n一、甲\n(一)乙\n二、丙\n' });
    expect(r.out).toBe('<stdin>:3:1: warning heading-marker Heading marker "(一)" should be "（一）" (half-width bracket in Chinese text)\n');
    const json = await check(['-', '--format', 'json'], { stdin: '讲话\n一、甲\n二、丙\n' });
    expect(JSON.parse(json.out)).toEqual([{ file: '-', problems: [] }]);
    const md = '# 讲话\n\n## 一、甲\n\n## 三、乙\n';
    const asText = await check(['-'], { stdin: md });
    expect(asText.err).toBe('speech-draft: skipped <stdin>: not a draft (fewer than two 一、/（一） headings); --all checks it anyway\n');
    const asMarkdown = await check(['-', '--stdin-filename', 'notes/draft.md'], { stdin: md });
    expect(asMarkdown.out).toMatch(/^notes\/draft\.md:5:4: error heading-sequence /);
    expect(asMarkdown.code).toBe(1);
  });
});

describe('speech-draft check: JSON and SARIF', () => {
  it('prints the JSON contract: one entry per checked file, 1-based positions, fixable', async () => {
    const r = await check(['drafts/errors.txt', 'drafts/clean.md', '--format', 'json']);
    const json = JSON.parse(r.out);
    expect(json[1]).toEqual({ file: 'drafts/clean.md', problems: [] });
    expect(json[0].file).toBe('drafts/errors.txt');
    expect(json[0].problems[2]).toEqual({
      rule: 'heading-sequence',
      severity: 'error',
      message: 'Heading number skips from "一、" to "三、": expected "二、"',
      line: 6,
      column: 1,
      endLine: 6,
      endColumn: 3,
      fixable: true,
      // One break, one problem: the later heading its fix renumbers is a related place.
      related: [{ line: 9, column: 1, endLine: 9, endColumn: 3, message: '"四、" becomes "三、" with the fix at line 6' }],
    });
    expect(json[0].problems.map((p: { line: number; column: number }) => `${p.line}:${p.column}`)).toEqual(['4:1', '5:1', '6:1', '8:1', '9:7']);
    expect(Object.keys(json[0].problems[0])).toEqual(['rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'fixable']);
    expect(r.err).toBe(''); // no text summary in machine formats
    expect(r.code).toBe(1);
  });

  it('lists suggestions (never applied by --fix) with their edits, 1-based', async () => {
    const stdin = '讲话\n一、甲\n回顾发展的的历程。\n二、乙\n';
    const json = JSON.parse((await check(['-', '--format', 'json'], { stdin })).out);
    const p = json[0].problems.find((x: { rule: string }) => x.rule === 'repeated-char');
    expect(p).toMatchObject({ line: 3, column: 5, fixable: false });
    expect(p.suggestions).toEqual([{ title: 'Delete the second "的"', edits: [{ line: 3, column: 6, endLine: 3, endColumn: 7, text: '' }] }]);
    const fixed = await check(['-', '--fix'], { stdin });
    expect(new TextDecoder().decode(fixed.outBytes)).toBe(stdin);
    const sarif = JSON.parse((await check(['-', '--format', 'sarif'], { stdin })).out);
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'repeated-char');
    expect(result.fixes).toEqual([{
      description: { text: 'Delete the second "的"' },
      artifactChanges: [{ artifactLocation: { uri: expect.any(String) }, replacements: [{ deletedRegion: { startLine: 3, startColumn: 6, endLine: 3, endColumn: 7 }, insertedContent: { text: '' } }] }],
      properties: { suggestion: true },
    }]);
  });

  it('prints SARIF 2.1.0 with the rule registry and UTF-16 regions', async () => {
    const r = await check(['drafts/errors.txt', 'drafts/clean.md', '--format', 'sarif'], { homepage: 'https://example.org/speech-draft' });
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.out);
    expect(sarif.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    const run = sarif.runs[0];
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.tool.driver).toMatchObject({ name: 'speech-draft', version: '9.9.9', informationUri: 'https://example.org/speech-draft' });
    expect(run.tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(RULES.map((x) => x.id));
    expect(run.tool.driver.rules[0]).toMatchObject({
      id: 'heading-sequence',
      shortDescription: { text: RULES[0].description.en },
      helpUri: 'docs/rules/heading-sequence.md',
      defaultConfiguration: { level: 'error' },
    });
    expect(run.results).toHaveLength(5);
    const third = run.results[2];
    expect(third).toMatchObject({
      ruleId: 'heading-sequence',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'Heading number skips from "一、" to "三、": expected "二、"' },
    });
    expect(third.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'drafts/errors.txt' },
      region: { startLine: 6, startColumn: 1, endLine: 6, endColumn: 3 },
    });
    expect(run.results.map((x: { level: string }) => x.level)).toEqual(['warning', 'warning', 'error', 'error', 'warning']);
    expect(run.invocations).toEqual([{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  });

  it('maps info and hint to SARIF "note", percent-encodes URIs and records read errors', async () => {
    const r = await check(['讲话 稿/a.txt', 'nope.txt', '--format', 'sarif', '--hints', '--config', 'rc.json'], {
      files: { '讲话 稿/a.txt': '讲话\n一、甲\n1.乙\n（一）丙\n二、丁\n(一)戊\n', 'rc.json': '{"rules": {"heading-marker": "info"}}' },
    });
    const run = JSON.parse(r.out).runs[0];
    expect(run.results.map((x: { ruleId: string; level: string }) => `${x.ruleId}:${x.level}`)).toEqual([
      'heading-hierarchy:note', // a hint
      'heading-hierarchy:warning',
      'heading-marker:note', // info
    ]);
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('%E8%AE%B2%E8%AF%9D%20%E7%A8%BF/a.txt');
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications).toEqual([{ level: 'error', message: { text: 'cannot read nope.txt: no such file' } }]);
    expect(r.code).toBe(2);
  });
});

describe('speech-draft check: configuration', () => {
  const severities = async (argv: string[], files = fixtures()) => {
    const r = await check([...argv, '--format', 'json'], { files });
    return { r, bySeverity: Object.fromEntries((JSON.parse(r.out || '[]') as { file: string; problems: { rule: string; severity: string }[] }[]).map((f) => [f.file, f.problems.map((p) => `${p.rule}:${p.severity}`)])) };
  };

  it('uses the nearest .speechdraftrc.json / .speechdraftrc from the file’s folder upwards', async () => {
    const { r, bySeverity } = await severities(['configs/a.txt', 'configs/inner/b.txt', 'configs/inner/deeper/c.txt']);
    expect(bySeverity).toEqual({
      'configs/a.txt': ['heading-marker:error', 'heading-marker:error'],
      'configs/inner/b.txt': [],
      'configs/inner/deeper/c.txt': [],
    });
    expect(r.code).toBe(1);
  });

  it('falls back to the defaults without a configuration file', async () => {
    const files = fixtures();
    const { bySeverity } = await severities(['/elsewhere/a.txt'], { ...files, '/elsewhere/a.txt': files['/proj/configs/a.txt'] });
    expect(bySeverity['/elsewhere/a.txt']).toEqual(['heading-marker:warning', 'heading-marker:warning']);
  });

  it('--config FILE overrides the lookup', async () => {
    const { r, bySeverity } = await severities(['configs/a.txt', 'configs/inner/b.txt', '--config', 'configs/override.json']);
    expect(bySeverity['configs/a.txt']).toEqual(['heading-marker:info', 'heading-marker:info']);
    expect(bySeverity['configs/inner/b.txt']).toEqual(['heading-marker:info', 'heading-marker:info']);
    expect(r.code).toBe(0);
  });

  it('reads each configuration file once, however many files it governs', async () => {
    const memfs = new MemFs(fixtures());
    const reads: string[] = [];
    const readFile = memfs.params.readFile;
    memfs.params.readFile = async (p: string) => {
      reads.push(p);
      return readFile(p);
    };
    memfs.set('/proj/configs/inner/deeper/c2.txt', memfs.get('/proj/configs/inner/deeper/c.txt'));
    await check(['configs'], { fs: memfs });
    expect(reads.filter((p) => p.endsWith('.speechdraftrc')).length).toBe(1);
    expect(reads.filter((p) => p.endsWith('.speechdraftrc.json')).length).toBe(3); // configs/, broken/, invalid/
  });

  it('reports a broken configuration once, naming the file and the problem; exit 2, other files still checked', async () => {
    const files = fixtures({ '/proj/configs/broken/d2.txt': fixtures()['/proj/configs/broken/d.txt'] });
    const r = await check(['configs/broken/d.txt', 'configs/broken/d2.txt', 'configs/a.txt'], { files });
    expect(r.err.split('\n')[0]).toBe('speech-draft: invalid configuration configs/broken/.speechdraftrc.json: invalid JSON at line 4, column 1: "}" is expected (an object is not closed)');
    expect(r.err.match(/invalid configuration/g)).toHaveLength(1);
    expect(r.err).not.toMatch(/\bat \w+ \(|Error:/); // no stack trace
    expect(lines(r.out).map((l) => l.split(':')[0])).toEqual(['configs/a.txt', 'configs/a.txt']);
    expect(r.code).toBe(2);
  });

  it('explains an invalid configuration in English and in Chinese', async () => {
    const en = await check(['configs/invalid/e.txt']);
    expect(en.err).toBe(
      `speech-draft: invalid configuration configs/invalid/.speechdraftrc.json: unknown rule "heading-numbers" (known: ${RULES.map((r) => r.id).join(', ')}); rules.heading-marker: "loud" is not one of error, warning, info, hint, off\n`,
    );
    expect(en.code).toBe(2);
    const zh = await check(['configs/invalid/e.txt'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.err).toBe(
      `speech-draft: 配置文件 configs/invalid/.speechdraftrc.json 有误：未知规则“heading-numbers”（已有规则：${RULES.map((r) => r.id).join('、')}）；rules.heading-marker：“loud”不是 error, warning, info, hint, off 之一\n`,
    );
    const zhBroken = await check(['configs/broken/d.txt', '--lang', 'zh-cn']);
    expect(zhBroken.err).toBe('speech-draft: 配置文件 configs/broken/.speechdraftrc.json 有误：第 4 行第 1 列不是有效的 JSON：此处应为“}”（对象没有闭合）\n');
  });

  it('stops before checking anything when --config is missing or broken', async () => {
    const missing = await check(['drafts/errors.txt', '--config', 'nope.json']);
    expect(missing).toMatchObject({ code: 2, out: '', err: 'speech-draft: cannot read configuration nope.json: no such file\n' });
    const broken = await check(['drafts/errors.txt', '--config', 'configs/broken/.speechdraftrc.json', '--lang', 'zh-cn']);
    expect(broken.out).toBe('');
    expect(broken.err).toBe('speech-draft: 配置文件 configs/broken/.speechdraftrc.json 有误：第 4 行第 1 列不是有效的 JSON：此处应为“}”（对象没有闭合）\n');
    expect(broken.code).toBe(2);
  });
});

describe('speech-draft check: usage', () => {
  it.each([
    [['check'], 'check needs at least one FILE, DIRECTORY, GLOB or "-" for stdin'],
    [['check', 'a.txt', '--format', 'xml'], 'unsupported format "xml" (use text|json|sarif)'],
    [['check', 'a.txt', '--config'], 'option --config needs a value'],
    [['check', 'a.txt', '--fix=yes'], 'unknown option "--fix=yes"'],
    [['outline', 'a.txt', '--fix'], 'option --fix does not apply to outline'],
    [['check', 'a.txt', '--format', 'markdown'], 'unsupported format "markdown"'],
  ])('exits 2 with usage for %j', async (argv, msg) => {
    const r = await runCli(argv, { files: { 'a.txt': '一、甲\n二、乙' } });
    expect(r.code).toBe(2);
    expect(r.err).toContain(`speech-draft: ${msg}`);
    expect(r.err).toContain('Usage: speech-draft');
  });

  it('documents check in the help, in both languages', async () => {
    const en = await runCli(['--help']);
    expect(en.out).toContain('check [PATH|GLOB|-]...');
    expect(en.out).toContain('--hints                   also report hints (left out by default, as in VS Code\'s Problems panel)');
    expect(en.out).toContain('speech-draft check --fix drafts/');
    expect(en.out).toContain('outline FILE [--format text|json|markdown]');
    const zh = await runCli(['--help', '--lang', 'zh-cn']);
    expect(zh.out).toContain('check [路径|通配符|-]...');
    expect(zh.out).toContain('默认不报告，与 VS Code 的“问题”面板一致');
  });
});
