/**
 * The command-line interface, markdownlint-cli2 style: `main(params)` receives argv, the file
 * system and output streams and returns an exit code; bin/speech-draft.js is a thin wrapper.
 * Exit codes: 0 success, 1 problems at error severity (check), 2 usage, I/O or config errors.
 */
import * as fs from 'node:fs';
import { DecodeError, decodeBytes, MAX_FILE_BYTES } from '../core/encoding';
import { type Locale, type MessageKey, message, resolveLocale } from '../core/messages';
import { outlineJson, outlineMarkdown, outlineText } from '../core/outline';
import { parseDraft } from '../core/parser';

export interface CliParams {
  argv: string[];
  readFile: (path: string) => Promise<Uint8Array>;
  readStdin: () => Promise<Uint8Array>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  version?: string;
}

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_ERROR = 2;

class UsageError extends Error {}

interface Parsed {
  command?: string;
  positional: string[];
  options: Map<string, string | true>;
}

const VALUE_OPTIONS = new Set(['--format', '--lang', '--config', '--rate']);
const FLAG_OPTIONS = new Set(['--help', '-h', '--version', '-v']);

function parseArgs(argv: string[], locale: Locale): Parsed {
  const out: Parsed = { positional: [], options: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('-') && a !== '-') {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(0, eq) : a;
      if (VALUE_OPTIONS.has(name)) {
        const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined) throw new UsageError(message(locale, 'missingValue', name));
        out.options.set(name, value);
      } else if (FLAG_OPTIONS.has(name)) {
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

function errorKey(err: unknown): [MessageKey, ...(string | number)[]] | undefined {
  if (err instanceof DecodeError) {
    if (err.reason === 'binary') return ['binary'];
    if (err.reason === 'too-large') return ['tooLarge', MAX_FILE_BYTES / 1024 / 1024];
    return ['undecodable'];
  }
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return ['notFound'];
  if (code === 'EISDIR') return ['isDirectory'];
  if (code === 'EACCES' || code === 'EPERM') return ['noPermission'];
  return undefined;
}

/** Reads and decodes one input; on failure writes a clear message and returns undefined. */
async function readText(p: CliParams, locale: Locale, file: string): Promise<string | undefined> {
  try {
    const bytes = file === '-' ? await p.readStdin() : await p.readFile(file);
    return decodeBytes(bytes).text;
  } catch (err) {
    const key = errorKey(err);
    const reason = key ? message(locale, ...key) : String((err as Error)?.message ?? err);
    p.stderr(`speech-draft: ${message(locale, 'cannotRead', file === '-' ? '<stdin>' : file, reason)}\n`);
    return undefined;
  }
}

function isMarkdownPath(file: string): boolean {
  return /\.(md|markdown|mdx)$/i.test(file);
}

function oneOf(locale: Locale, value: string | true | undefined, allowed: string[], fallback: string): string {
  if (value === undefined) return fallback;
  if (value === true || !allowed.includes(value)) {
    throw new UsageError(message(locale, 'badFormat', String(value), allowed.join('|')));
  }
  return value;
}

async function outlineCommand(p: CliParams, locale: Locale, args: Parsed): Promise<number> {
  if (args.positional.length !== 1) throw new UsageError(message(locale, 'needOneFile'));
  const format = oneOf(locale, args.options.get('--format'), ['text', 'json', 'markdown'], 'text');
  const file = args.positional[0];
  const text = await readText(p, locale, file);
  if (text === undefined) return EXIT_ERROR;
  const model = parseDraft(text, { markdown: isMarkdownPath(file) });
  const outline = outlineJson(file, model);
  const chars = (n: string) => message(locale, 'chars', n);
  if (format === 'json') p.stdout(JSON.stringify(outline, null, 2) + '\n');
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
      default:
        throw new UsageError(message(locale, 'unknownCommand', args.command));
    }
  } catch (err) {
    if (err instanceof UsageError) {
      p.stderr(`speech-draft: ${err.message}\n\n${message(locale, 'usage')}\n`);
      return EXIT_ERROR;
    }
    p.stderr(`speech-draft: ${(err as Error)?.stack ?? String(err)}\n`);
    return EXIT_ERROR;
  }
}

function readAllStdin(): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    process.stdin.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_FILE_BYTES) {
        reject(new DecodeError('too-large', 'too large'));
        process.stdin.destroy();
        return;
      }
      chunks.push(c);
    });
    process.stdin.on('end', () => resolve(Buffer.concat(chunks)));
    process.stdin.on('error', reject);
  });
}

async function readFileBounded(path: string): Promise<Uint8Array> {
  const st = await fs.promises.stat(path);
  if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  if (st.size > MAX_FILE_BYTES) throw new DecodeError('too-large', 'too large');
  return fs.promises.readFile(path);
}

/** Entry point of bin/speech-draft.js. */
export function runFromProcess(): void {
  let version: string | undefined;
  try {
    version = JSON.parse(fs.readFileSync(`${__dirname}/../package.json`, 'utf8')).version;
  } catch {
    version = undefined;
  }
  main({
    argv: process.argv.slice(2),
    readFile: readFileBounded,
    readStdin: readAllStdin,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    version,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`speech-draft: ${String(err)}\n`);
      process.exitCode = EXIT_ERROR;
    },
  );
}
