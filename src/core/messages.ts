/**
 * User-visible messages of the core and the CLI, in English and Simplified Chinese. The extension's
 * own strings live in package.nls*.json and l10n bundles; these are the ones the core produces.
 */

export type Locale = 'en' | 'zh-cn';

const MESSAGES = {
  usage: {
    en: `Usage: speech-draft <command> [options]

Commands:
  outline FILE [--format text|json|markdown]   show the heading hierarchy of a draft ("-" reads stdin)

Options:
  --lang en|zh-cn   language of messages (default: from LC_ALL / LANG)
  -h, --help        show this help
  -v, --version     show the version`,
    'zh-cn': `用法：speech-draft <命令> [选项]

命令：
  outline 文件 [--format text|json|markdown]   显示讲稿的标题层次（“-”表示从标准输入读取）

选项：
  --lang en|zh-cn   提示信息的语言（默认取自 LC_ALL / LANG）
  -h, --help        显示本帮助
  -v, --version     显示版本号`,
  },
  unknownCommand: { en: 'unknown command "{0}"', 'zh-cn': '未知命令“{0}”' },
  unknownOption: { en: 'unknown option "{0}"', 'zh-cn': '未知选项“{0}”' },
  missingValue: { en: 'option {0} needs a value', 'zh-cn': '选项 {0} 需要一个值' },
  badFormat: { en: 'unsupported format "{0}" (use {1})', 'zh-cn': '不支持的格式“{0}”（可用：{1}）' },
  needOneFile: { en: 'outline takes exactly one FILE (or "-" for stdin)', 'zh-cn': 'outline 只接受一个文件（或用“-”读取标准输入）' },
  cannotRead: { en: 'cannot read {0}: {1}', 'zh-cn': '无法读取 {0}：{1}' },
  notFound: { en: 'no such file', 'zh-cn': '文件不存在' },
  isDirectory: { en: 'is a directory', 'zh-cn': '这是一个文件夹' },
  noPermission: { en: 'permission denied', 'zh-cn': '没有读取权限' },
  binary: { en: 'looks like a binary file (it contains NUL bytes)', 'zh-cn': '看起来是二进制文件（含有 NUL 字节）' },
  tooLarge: { en: 'is larger than {0} MiB', 'zh-cn': '大于 {0} MiB' },
  undecodable: { en: 'is neither UTF-8 nor GB18030 text', 'zh-cn': '既不是 UTF-8 也不是 GB18030 编码的文本' },
  chars: { en: '{0} chars', 'zh-cn': '{0}字' },
  noHeadings: { en: '(no headings found)', 'zh-cn': '（未识别到标题）' },
} satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof MESSAGES;

/** Formats message `key` in `locale`, replacing {0}, {1} … with `args`. */
export function message(locale: Locale, key: MessageKey, ...args: (string | number)[]): string {
  const template: string = MESSAGES[key][locale];
  return template.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
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
