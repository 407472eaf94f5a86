/**
 * User-visible messages of the core and the CLI, in English and Simplified Chinese. The extension's
 * own strings live in package.nls*.json and l10n bundles; these are the ones the core produces.
 */

import { escapeControls } from './escape';

export type Locale = 'en' | 'zh-cn';

const MESSAGES = {
  usage: {
    en: `Usage: speech-draft <command> [options]

Commands:
  check [PATH|GLOB|-]...                       check the numbering of drafts and report problems
  outline FILE [--format text|json|markdown]   show the heading hierarchy of a draft ("-" reads stdin)
  stats FILE [--format text|json] [--rate N] [--keywords N]
                                               length and speaking time of a text and of each section

check takes files, directories (their .txt, .md and .markdown files, skipping node_modules and
dot-folders), globs (quote them: "drafts/**/*.md"; .txt, .md and .markdown files) or "-" for stdin.
Only drafts are checked (at least two 一、/（一） headings), as in the editor; files named on the
command line that are not drafts are reported as skipped.

Options of check:
  --fix                     apply the mechanical fixes (markers, numbers, punctuation width) in
                            place, then report what is left (hints are fixed only with --hints);
                            it changes only what was reported and never applies a suggestion
                            (a change of words, listed in json/sarif output); with "-", print
                            the fixed text on stdout
  --format text|json|sarif  text (default): FILE:LINE:COLUMN: SEVERITY RULE MESSAGE and a summary;
                            json: [{"file", "problems": [...]}]; sarif: SARIF 2.1.0
  --config FILE             use this configuration instead of the nearest .speechdraftrc.json or
                            .speechdraftrc from each file's folder upwards
  --hints                   also report hints (left out by default, as in VS Code's Problems panel)
  --all                     check every file, drafts or not
  --stdin-filename NAME     the name of the text read from "-" (NAME.md is read as Markdown)

Exit codes: 0 no problem at error severity, 1 problems at error severity, 2 usage, I/O or
configuration errors.

Options of stats:
  --format text|json        text (default): totals, then a table of the sections; json: {"file",
                            "title", "rate", "totals", "sections": [...]}
  --rate N                  characters spoken a minute (default 200; above 0, at most 2000)
  --keywords N              also the N (1-50) top keywords (TF-IDF) of the text and of each section
                            (top-level sections and their direct children); needs word segmentation
                            (nodejieba), else a note on stderr and the stats without keywords

Options:
  --lang en|zh-cn   language of messages (default: from LC_ALL / LANG)
  -h, --help        show this help
  -v, --version     show the version

Examples:
  speech-draft check 讲话稿.txt
  speech-draft check drafts/ "reports/**/*.md"
  speech-draft check --fix drafts/
  speech-draft check . --format sarif > speech-draft.sarif
  cat draft.md | speech-draft check - --stdin-filename draft.md --fix > fixed.md
  speech-draft outline 讲话稿.txt --format json
  speech-draft stats 讲话稿.txt --rate 150
  speech-draft stats 讲话稿.txt --keywords 10`,
    'zh-cn': `用法：speech-draft <命令> [选项]

命令：
  check [路径|通配符|-]...                     检查讲稿的序号并报告问题
  outline 文件 [--format text|json|markdown]   显示讲稿的标题层次（“-”表示从标准输入读取）
  stats 文件 [--format text|json] [--rate N] [--keywords N]
                                               统计全文和各部分的字数及讲话时长

check 可以接受文件、文件夹（检查其中的 .txt、.md 和 .markdown 文件，跳过 node_modules 和以“.”开头的
文件夹）、通配符（请加引号，如 "drafts/**/*.md"；只取 .txt、.md 和 .markdown 文件）或“-”（标准输入）。
与编辑器中一样，只检查讲稿（至少有两个“一、”或“（一）”级标题）；命令行上直接写出的文件如果不是讲稿，
会提示已跳过。

check 的选项：
  --fix                     直接在文件中应用机械性修正（序号形式、编号、标点宽度），再报告其余问题
                            （“提示”级问题只在加 --hints 时修正）；只改动所报告的问题，从不应用
                            “建议”（改动字词的修改，列在 json/sarif 输出中）；对“-”则把修正后的
                            文本输出到标准输出
  --format text|json|sarif  text（默认）：文件:行:列: 严重级别 规则 说明，最后一行为汇总；
                            json：[{"file", "problems": [...]}]；sarif：SARIF 2.1.0
  --config 文件             使用指定的配置文件，不再从各文件所在文件夹向上查找最近的
                            .speechdraftrc.json 或 .speechdraftrc
  --hints                   同时报告“提示”级问题（默认不报告，与 VS Code 的“问题”面板一致）
  --all                     检查所有文件，不论是否为讲稿
  --stdin-filename 名称     从“-”读取的文本的文件名（名称以 .md 结尾时按 Markdown 解析）

退出码：0 没有“错误”级问题；1 有“错误”级问题；2 用法、读写或配置错误。

stats 的选项：
  --format text|json        text（默认）：先列合计，再列各部分的表格；json：{"file", "title", "rate",
                            "totals", "sections": [...]}
  --rate N                  每分钟讲的字数（默认 200；大于 0，不超过 2000）
  --keywords N              同时列出全文和各部分（一级部分及其直属下级）的前 N 个关键词（TF-IDF，
                            N 为 1-50）；需要分词（nodejieba），不可用时在标准错误输出中说明，照常输出统计

选项：
  --lang en|zh-cn   提示信息的语言（默认取自 LC_ALL / LANG）
  -h, --help        显示本帮助
  -v, --version     显示版本号

示例：
  speech-draft check 讲话稿.txt
  speech-draft check drafts/ "reports/**/*.md"
  speech-draft check --fix drafts/
  speech-draft check . --format sarif > speech-draft.sarif
  cat draft.md | speech-draft check - --stdin-filename draft.md --fix > fixed.md
  speech-draft outline 讲话稿.txt --format json
  speech-draft stats 讲话稿.txt --rate 150
  speech-draft stats 讲话稿.txt --keywords 10`,
  },
  unknownCommand: { en: 'unknown command "{0}"', 'zh-cn': '未知命令“{0}”' },
  unknownOption: { en: 'unknown option "{0}"', 'zh-cn': '未知选项“{0}”' },
  missingValue: { en: 'option {0} needs a value', 'zh-cn': '选项 {0} 需要一个值' },
  badFormat: { en: 'unsupported format "{0}" (use {1})', 'zh-cn': '不支持的格式“{0}”（可用：{1}）' },
  needOneFile: { en: '{0} takes exactly one FILE (or "-" for stdin)', 'zh-cn': '{0} 只接受一个文件（或用“-”读取标准输入）' },
  badRate: {
    en: 'invalid --rate "{0}": give the characters spoken a minute, a number above 0 and at most {1}',
    'zh-cn': '--rate 的值“{0}”无效：应为每分钟讲的字数，大于 0 且不超过 {1}',
  },
  statsTotals: { en: '{0} chars ({1} with punctuation) · {2} ({3} chars a minute)', 'zh-cn': '{0} 字（含标点 {1}）· {2}（每分钟 {3} 字）' },
  statsKeywords: { en: 'Keywords: {0}', 'zh-cn': '关键词：{0}' },
  keywordSeparator: { en: ', ', 'zh-cn': '、' },
  keywordsNone: { en: '(none)', 'zh-cn': '（无）' },
  keywordsTruncated: { en: ' (from the first {0} characters)', 'zh-cn': '（取自前 {0} 个字符）' },
  wordsUnavailable: {
    en: 'word segmentation is unavailable: {0}; word-level checks (repeated-word, parallel-headings) skipped',
    'zh-cn': '分词功能不可用：{0}；已跳过词语级检查（repeated-word、parallel-headings）',
  },
  keywordsUnavailable: {
    en: 'word segmentation is unavailable: {0}; keywords skipped',
    'zh-cn': '分词功能不可用：{0}；已跳过关键词',
  },
  badKeywords: {
    en: 'invalid --keywords "{0}": give the number of keywords, a whole number from {1} to {2}',
    'zh-cn': '--keywords 的值“{0}”无效：应为关键词个数，{1} 到 {2} 之间的整数',
  },
  statsColumnSection: { en: 'Section', 'zh-cn': '章节' },
  statsColumnLines: { en: 'Lines', 'zh-cn': '行' },
  statsColumnChars: { en: 'Chars', 'zh-cn': '字数' },
  statsColumnMinutes: { en: 'Min', 'zh-cn': '分钟' },
  cannotRead: { en: 'cannot read {0}: {1}', 'zh-cn': '无法读取 {0}：{1}' },
  notFound: { en: 'no such file', 'zh-cn': '文件不存在' },
  isDirectory: { en: 'is a directory', 'zh-cn': '这是一个文件夹' },
  noPermission: { en: 'permission denied', 'zh-cn': '没有读取权限' },
  binary: { en: 'looks like a binary file (it contains NUL bytes)', 'zh-cn': '看起来是二进制文件（含有 NUL 字节）' },
  tooLarge: { en: 'is larger than {0} MiB', 'zh-cn': '大于 {0} MiB' },
  undecodable: { en: 'is neither UTF-8 nor GB18030 text', 'zh-cn': '既不是 UTF-8 也不是 GB18030 编码的文本' },
  notRegularFile: {
    en: 'is not a regular file (a device, FIFO or socket)',
    'zh-cn': '不是普通文件（而是设备、管道或套接字）',
  },
  invalidBom: {
    en: 'starts with the {0} byte order mark but is not valid {0} text',
    'zh-cn': '以 {0} 的字节顺序标记（BOM）开头，但不是有效的 {0} 文本',
  },
  utf16Ambiguous: {
    en: 'looks like UTF-16 without a byte order mark, but both byte orders read as text; save it as UTF-8 or as UTF-16 with a BOM',
    'zh-cn': '看起来是不带字节顺序标记（BOM）的 UTF-16 文本，但无法确定字节顺序；请另存为 UTF-8 或带 BOM 的 UTF-16',
  },
  utf16Invalid: {
    en: 'looks like {0} without a byte order mark, but is not valid {0} text',
    'zh-cn': '看起来是不带字节顺序标记（BOM）的 {0} 文本，但不是有效的 {0} 文本',
  },
  utf32NoBom: {
    en: 'looks like {0} without a byte order mark: UTF-32 is not supported without a BOM; save it as UTF-8',
    'zh-cn': '看起来是不带字节顺序标记（BOM）的 {0} 文本：不支持不带 BOM 的 UTF-32，请另存为 UTF-8',
  },
  readOnly: { en: 'the file is read-only', 'zh-cn': '文件为只读' },
  changedOnDisk: {
    en: 'it changed on disk after it was read; nothing was written (run --fix again)',
    'zh-cn': '读取之后文件在磁盘上被改动，未写入任何内容（请重新运行 --fix）',
  },
  notFixing: { en: 'not fixing {0}: {1}', 'zh-cn': '未修正 {0}：{1}' },
  chars: { en: '{0} chars', 'zh-cn': '{0}字' },
  noHeadings: { en: '(no headings found)', 'zh-cn': '（未识别到标题）' },
  optionNotForCommand: { en: 'option {0} does not apply to {1}', 'zh-cn': '选项 {0} 不适用于 {1} 命令' },
  needInput: {
    en: 'check needs at least one FILE, DIRECTORY, GLOB or "-" for stdin',
    'zh-cn': 'check 至少需要一个文件、文件夹、通配符或“-”（标准输入）',
  },
  noFileInDirectory: { en: 'no .txt, .md or .markdown file in {0}', 'zh-cn': '{0} 中没有 .txt、.md 或 .markdown 文件' },
  noFileMatches: { en: 'no .txt, .md or .markdown file matches {0}', 'zh-cn': '没有与 {0} 匹配的 .txt、.md 或 .markdown 文件' },
  notADraft: {
    en: 'skipped {0}: not a draft (fewer than two 一、/（一） headings); --all checks it anyway',
    'zh-cn': '已跳过 {0}：不是讲稿（“一、”或“（一）”级标题少于两个）；加 --all 可照样检查',
  },
  noDraftFound: {
    en: 'no draft among {0} (a draft has at least two 一、/（一） headings); --all checks every file',
    'zh-cn': '{0}中没有讲稿（讲稿至少有两个“一、”或“（一）”级标题）；加 --all 可检查所有文件',
  },
  configInvalid: { en: 'invalid configuration {0}: {1}', 'zh-cn': '配置文件 {0} 有误：{1}' },
  configUnreadable: { en: 'cannot read configuration {0}: {1}', 'zh-cn': '无法读取配置文件 {0}：{1}' },
  listSeparator: { en: '; ', 'zh-cn': '；' },
  cannotWrite: { en: 'cannot write {0}: {1}', 'zh-cn': '无法写入 {0}：{1}' },
  roundTrip: {
    en: 'not fixing {0}: its {1} bytes would not be written back exactly as they were read',
    'zh-cn': '未修正 {0}：该文件的 {1} 编码无法按原样写回',
  },
  summary: { en: '{0} ({1}) in {2}', 'zh-cn': '{2}中共有 {0}（{1}）' },
  fixedSummary: { en: 'fixed {0} in {1}', 'zh-cn': '已修正 {1}中的 {0}' },
  fixDescription: { en: 'Fix (safe to apply in bulk)', 'zh-cn': '修正（可批量应用）' },
  countSeparator: { en: ', ', 'zh-cn': '、' },
  problemOne: { en: '{0} problem', 'zh-cn': '{0} 个问题' },
  problemMany: { en: '{0} problems', 'zh-cn': '{0} 个问题' },
  errorOne: { en: '{0} error', 'zh-cn': '{0} 个错误' },
  errorMany: { en: '{0} errors', 'zh-cn': '{0} 个错误' },
  warningOne: { en: '{0} warning', 'zh-cn': '{0} 个警告' },
  warningMany: { en: '{0} warnings', 'zh-cn': '{0} 个警告' },
  infoOne: { en: '{0} info', 'zh-cn': '{0} 条信息' },
  infoMany: { en: '{0} info', 'zh-cn': '{0} 条信息' },
  hintOne: { en: '{0} hint', 'zh-cn': '{0} 条提示' },
  hintMany: { en: '{0} hints', 'zh-cn': '{0} 条提示' },
  headingOne: { en: '{0} heading', 'zh-cn': '{0} 个标题' },
  headingMany: { en: '{0} headings', 'zh-cn': '{0} 个标题' },
  paragraphOne: { en: '{0} paragraph', 'zh-cn': '{0} 段' },
  paragraphMany: { en: '{0} paragraphs', 'zh-cn': '{0} 段' },
  fileOne: { en: '{0} file', 'zh-cn': '{0} 个文件' },
  fileMany: { en: '{0} files', 'zh-cn': '{0} 个文件' },
} satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof MESSAGES;

/** Formats message `key` in `locale`, replacing {0}, {1} … with `args`. */
export function message(locale: Locale, key: MessageKey, ...args: (string | number)[]): string {
  const template: string = MESSAGES[key][locale];
  // The arguments come from outside (file names, configuration keys, text of the document): control
  // characters in them are shown as visible escapes, so a message is one line a terminal never acts on.
  return template.replace(/\{(\d+)\}/g, (_, i: string) => escapeControls(String(args[Number(i)] ?? '')));
}

export type CountedNoun = 'problem' | 'error' | 'warning' | 'info' | 'hint' | 'file' | 'heading' | 'paragraph';

/** "1 problem" / "3 problems" / "3 个问题". */
export function counted(locale: Locale, n: number, noun: CountedNoun): string {
  return message(locale, `${noun}${n === 1 ? 'One' : 'Many'}` as MessageKey, n);
}

/** Every message key, for the test that keeps both languages complete. */
export function messageKeys(): MessageKey[] {
  return Object.keys(MESSAGES) as MessageKey[];
}

export function messageTemplate(key: MessageKey, locale: Locale): string {
  return MESSAGES[key][locale];
}

/** The locale from --lang, LC_ALL, LC_MESSAGES or LANG (zh_CN.UTF-8, zh-Hans … → zh-cn). */
export function resolveLocale(explicit: string | undefined, env: Record<string, string | undefined>): Locale {
  const raw = explicit || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(raw) ? 'zh-cn' : 'en';
}
