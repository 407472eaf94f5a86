/**
 * The command-line interface, markdownlint-cli2 style: `main(params)` receives argv, the file
 * system and output streams and returns an exit code; bin/speech-draft.js is a thin wrapper.
 * Exit codes: 0 success, 1 problems at error severity (check), 2 usage, I/O or config errors.
 */
import { escapeControlsKeepingLines, safeJsonStringify } from '../core/escape';
import { type Locale, message, resolveLocale } from '../core/messages';
import { outlineJson, outlineMarkdown, outlineText } from '../core/outline';
import { parseDraft } from '../core/parser';
import { checkCommandOptions, oneOf, type ParsedArgs, parseArgs, UsageError } from './args';
import { checkCommand } from './check';
import { type CliParams, EXIT_ERROR, EXIT_OK, isMarkdownPath, readInput } from './io';
import { nodeParams } from './node';
import { statsCommand } from './stats';

export { type CliParams, type DirEntry, EXIT_ERROR, EXIT_OK, EXIT_PROBLEMS, type FileStat } from './io';

async function outlineCommand(p: CliParams, locale: Locale, args: ParsedArgs): Promise<number> {
  checkCommandOptions(locale, args, 'outline');
  if (args.positional.length !== 1) throw new UsageError(message(locale, 'needOneFile', 'outline'));
  const format = oneOf(locale, args.options.get('--format'), ['text', 'json', 'markdown'], 'text');
  const file = args.positional[0];
  const input = await readInput(p, locale, file);
  if (input === undefined) return EXIT_ERROR;
  const model = parseDraft(input.decoded.text, { markdown: isMarkdownPath(file) });
  const outline = outlineJson(file, model);
  const chars = (n: string) => message(locale, 'chars', n);
  if (format === 'json') p.stdout(safeJsonStringify(outline, 2) + '\n');
  else if (format === 'markdown') p.stdout(outlineMarkdown(outline, chars) + '\n');
  else {
    p.stdout(outlineText(outline, chars) + '\n');
    if (outline.sections.length === 0) p.stdout(message(locale, 'noHeadings') + '\n');
  }
  return EXIT_OK;
}

export async function main(p: CliParams): Promise<number> {
  const langIndex = p.argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const langArg = langIndex < 0 ? undefined : p.argv[langIndex].includes('=') ? p.argv[langIndex].split('=')[1] : p.argv[langIndex + 1];
  const locale = resolveLocale(langArg, p.env);
  try {
    const args = parseArgs(p.argv, locale);
    if (args.options.has('--version') || args.options.has('-v')) {
      p.stdout(`${p.version ?? 'unknown'}\n`);
      return EXIT_OK;
    }
    if (args.options.has('--help') || args.options.has('-h') || args.command === undefined || args.command === 'help') {
      const out = args.command === undefined && !args.options.has('--help') && !args.options.has('-h') ? p.stderr : p.stdout;
      out(message(locale, 'usage') + '\n');
      return out === p.stdout ? EXIT_OK : EXIT_ERROR;
    }
    switch (args.command) {
      case 'outline':
        return await outlineCommand(p, locale, args);
      case 'check':
        return await checkCommand(p, locale, args);
      case 'stats':
        return await statsCommand(p, locale, args);
      default:
        throw new UsageError(message(locale, 'unknownCommand', args.command));
    }
  } catch (err) {
    if (err instanceof UsageError) {
      p.stderr(`speech-draft: ${err.message}\n\n${message(locale, 'usage')}\n`);
      return EXIT_ERROR;
    }
    p.stderr(`speech-draft: ${escapeControlsKeepingLines((err as Error)?.stack ?? String(err))}\n`);
    return EXIT_ERROR;
  }
}

/** Entry point of bin/speech-draft.js. */
export function runFromProcess(): void {
  // `speech-draft check … | head` closes the pipe early: stop quietly with the exit code so far.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    throw err;
  });
  main(nodeParams()).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`speech-draft: ${String(err)}\n`);
      process.exitCode = EXIT_ERROR;
    },
  );
}
