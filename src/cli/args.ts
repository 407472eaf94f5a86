/**
 * Command-line parsing: `speech-draft <command> [args] [options]`, options before or after the
 * arguments, `--name value` or `--name=value`, `--` ends the options. Each command accepts only its
 * own options, so a misplaced one (`outline --fix`) is a usage error rather than silently ignored.
 */
import { type Locale, message } from '../core/messages';

/** A mistake on the command line: reported with the usage text, exit code 2. */
export class UsageError extends Error {}

export interface ParsedArgs {
  command?: string;
  positional: string[];
  options: Map<string, string | true>;
}

const VALUE_OPTIONS = new Set(['--format', '--lang', '--config', '--stdin-filename', '--rate', '--keywords']);
const FLAG_OPTIONS = new Set(['--help', '-h', '--version', '-v', '--fix', '--hints', '--all']);

const GLOBAL_OPTIONS = ['--lang', '--help', '-h', '--version', '-v'];

/** The options each command accepts besides the global ones. */
export const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  outline: ['--format'],
  check: ['--format', '--config', '--stdin-filename', '--fix', '--hints', '--all'],
  stats: ['--format', '--rate', '--keywords'],
};

export function parseArgs(argv: readonly string[], locale: Locale): ParsedArgs {
  const out: ParsedArgs = { positional: [], options: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      for (let j = i + 1; j < argv.length; j++) out.positional.push(argv[j]);
      break;
    }
    if (a.startsWith('-') && a !== '-') {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (VALUE_OPTIONS.has(name)) {
        const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined) throw new UsageError(message(locale, 'missingValue', name));
        out.options.set(name, value);
      } else if (FLAG_OPTIONS.has(name) && eq < 0) {
        out.options.set(name, true);
      } else {
        throw new UsageError(message(locale, 'unknownOption', a));
      }
      continue;
    }
    if (out.command === undefined) out.command = a;
    else out.positional.push(a);
  }
  return out;
}

/** Throws a UsageError for an option the command does not take. */
export function checkCommandOptions(locale: Locale, args: ParsedArgs, command: string): void {
  const allowed = new Set([...GLOBAL_OPTIONS, ...(COMMAND_OPTIONS[command] ?? [])]);
  for (const name of args.options.keys()) {
    if (!allowed.has(name)) throw new UsageError(message(locale, 'optionNotForCommand', name, command));
  }
}

/** The value of a choice option, `fallback` when absent; a UsageError for anything else. */
export function oneOf<T extends string>(locale: Locale, value: string | true | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (value === true || !(allowed as readonly string[]).includes(value)) {
    throw new UsageError(message(locale, 'badFormat', String(value), allowed.join('|')));
  }
  return value as T;
}

/** The value of a string option (e.g. --config FILE), undefined when absent. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === 'string' ? v : undefined;
}
