/**
 * `speech-draft check [PATH|GLOB|-]... [--fix] [--format text|json|sarif] [--config FILE] [--hints]
 * [--all] [--stdin-filename NAME]`: lints drafts and (with --fix) fixes them in place.
 *
 * Steps: expand each input into files (in the order given; directories and globs sorted), read and
 * parse each, skip non-drafts (unless --all), find its configuration (--config, or the nearest
 * .speechdraftrc[.json] upwards, cached per folder), lint or fix, then hand the results to a
 * formatter. Exit code: 2 when anything could not be read, written or configured (the other files
 * are still checked), else 1 when a problem at error severity is left, else 0.
 */
import * as path from 'node:path';
import { ConfigError, findConfigFile, parseConfig, type ResolvedConfig, resolveConfig } from '../core/config';
import { decodeBytes, encodeText } from '../core/encoding';
import { fixText, lint } from '../core/lint';
import { RULES } from '../core/rules/registry';
import { segmentationRequest, wordData } from '../core/words';
import type { Segmenter } from '../segment/client';
import { type Locale, counted, message } from '../core/messages';
import { isDraft } from '../core/outline';
import { type DraftModel, parseDraft } from '../core/parser';
import type { Problem } from '../core/rules/types';
import { checkCommandOptions, oneOf, type ParsedArgs, stringOption, UsageError } from './args';
import { FORMAT_NAMES, FORMATTERS, type FileResult, type FormatOutput } from './format';
// `require`, not `import`: esbuild then bundles tinyglobby's CommonJS build. Its ESM build pulls in
// fdir's, which calls createRequire(import.meta.url), and import.meta.url is empty in the CJS bundle
// (dist/cli.js crashed at load).
import tinyglobby = require('tinyglobby');
import {
  bundledSegmenter,
  type CliParams,
  disposeSegmenter,
  displayPath,
  EXIT_ERROR,
  EXIT_OK,
  EXIT_PROBLEMS,
  errorReason,
  type Input,
  isMarkdownPath,
  MAX_CONFIG_BYTES,
  readBounded,
  readInput,
  RefusedFile,
  segmentationReason,
  STDIN_LABEL,
} from './io';

/** Files that directories and globs yield. */
const DRAFT_EXTENSIONS = /\.(txt|md|markdown)$/i;
/** Folders never entered when walking a directory (dot-folders are skipped too). */
const SKIPPED_DIRECTORIES = new Set(['node_modules']);

export interface CheckOptions {
  format: keyof typeof FORMATTERS;
  fix: boolean;
  hints: boolean;
  all: boolean;
  config?: string;
  stdinFilename?: string;
}

interface Target {
  /** As printed: as given, or relative to cwd (directory and glob results); for stdin "-" or --stdin-filename. */
  file: string;
  /** Absolute path (for stdin: of --stdin-filename, if given). */
  abs?: string;
  stdin: boolean;
  /** Named on the command line (a skipped non-draft is then reported). */
  explicit: boolean;
}

type ConfigOutcome = { config: ResolvedConfig } | { failed: true };

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function byPosition(a: Problem, b: Problem): number {
  return a.line - b.line || a.column - b.column;
}

class CheckRun {
  readonly results: FileResult[] = [];
  /** Messages of everything that failed (already on stderr); non-empty means exit 2. */
  readonly errors: string[] = [];
  private readonly configs = new Map<string, Promise<ConfigOutcome>>();
  private readonly configFiles = new Map<string, Promise<ConfigOutcome>>();
  private readonly existing = new Map<string, Promise<boolean>>();
  private fixedFiles = 0;
  private fixedProblems = 0;
  private skippedFound = 0;
  /** Word segmentation, started with the first file that needs it (a child process). */
  private segmenter: Segmenter | undefined;
  private segmentationFailed = false;

  constructor(
    private readonly p: CliParams,
    private readonly locale: Locale,
    private readonly options: CheckOptions,
  ) {}

  /**
   * Problems with the word-level rules added, when one is enabled at a severity the output shows
   * (hints only with --hints): those need nodejieba, loaded once for the whole run. When word
   * segmentation cannot work, one line says so and the other checks stand.
   */
  private async withWords(model: DraftModel, config: ResolvedConfig, problems: Problem[]): Promise<Problem[]> {
    const wanted = RULES.some((r) => {
      const severity = config.get(r.id)?.severity ?? r.defaultSeverity;
      return r.needsWords && severity !== 'off' && (this.options.hints || severity !== 'hint');
    });
    if (!wanted || this.segmentationFailed) return problems;
    try {
      this.segmenter ??= (this.p.createSegmenter ?? bundledSegmenter)();
      const request = segmentationRequest(model);
      return lint(model, config, wordData(request, await this.segmenter.cut(request.texts)));
    } catch (err) {
      this.segmentationFailed = true;
      this.p.stderr(`speech-draft: ${message(this.locale, 'wordsUnavailable', segmentationReason(this.locale, err))}\n`);
      return problems;
    }
  }

  /** Ends the segmenter, if this run started one. */
  async close(): Promise<void> {
    if (this.segmenter) await disposeSegmenter(this.segmenter);
  }

  private fail(text: string): void {
    this.errors.push(text);
    this.p.stderr(`speech-draft: ${text}\n`);
  }

  // ---- inputs ---------------------------------------------------------------------------------

  /** The files one command-line input stands for: a file, a directory's drafts, a glob's matches or stdin. */
  private async expand(input: string): Promise<Target[]> {
    if (input === '-') {
      const name = this.options.stdinFilename;
      return [{ file: name ?? '-', abs: name === undefined ? undefined : path.resolve(this.p.cwd, name), stdin: true, explicit: true }];
    }
    const abs = path.resolve(this.p.cwd, input);
    const st = await this.p.stat(abs).catch(() => undefined);
    if (st?.isDirectory()) {
      const files = await this.walk(abs, input);
      if (files?.length === 0) this.fail(message(this.locale, 'noFileInDirectory', input));
      return (files ?? []).map((f) => ({ ...f, stdin: false, explicit: false }));
    }
    if (!st && tinyglobby.isDynamicPattern(input)) {
      const files = await this.glob(input);
      if (files.length === 0) this.fail(message(this.locale, 'noFileMatches', input));
      return files.map((f) => ({ ...f, stdin: false, explicit: false }));
    }
    // A file, or a missing one: reading it reports the problem.
    return [{ file: input, abs, stdin: false, explicit: true }];
  }

  /** The .txt/.md/.markdown files under a directory, sorted, depth first; undefined when unreadable. */
  private async walk(absDir: string, shownDir: string): Promise<{ file: string; abs: string }[] | undefined> {
    const out: { file: string; abs: string }[] = [];
    // Real paths of the folders entered, so that a symbolic link back up cannot loop.
    const entered = new Set<string>();
    const visit = async (abs: string, shown: string, top: boolean): Promise<boolean> => {
      entered.add(await this.p.realpath(abs).catch(() => abs));
      let entries;
      try {
        entries = await this.p.readdir(abs);
      } catch (err) {
        this.fail(message(this.locale, 'cannotRead', shown, errorReason(this.locale, err)));
        return !top;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const e of entries) {
        if (e.name.startsWith('.')) continue;
        const childAbs = path.join(abs, e.name);
        const childShown = path.join(shown, e.name);
        let isFile = e.isFile();
        let isDir = e.isDirectory();
        if (e.isSymbolicLink()) {
          const st = await this.p.stat(childAbs).catch(() => undefined); // a dangling link is neither
          isFile = st?.isFile() ?? false;
          isDir = (st?.isDirectory() ?? false) && !entered.has(await this.p.realpath(childAbs).catch(() => childAbs));
        }
        if (isDir) {
          if (!SKIPPED_DIRECTORIES.has(e.name)) await visit(childAbs, childShown, false);
        } else if (isFile && DRAFT_EXTENSIONS.test(e.name)) {
          out.push({ file: childShown, abs: childAbs });
        }
      }
      return true;
    };
    return (await visit(absDir, shownDir, true)) ? out : undefined;
  }

  /** Files matching a glob (tinyglobby over CliParams' file system), sorted. */
  private async glob(pattern: string): Promise<{ file: string; abs: string }[]> {
    const p = this.p;
    const cb = <T>(promise: Promise<T>, done: (err: NodeJS.ErrnoException | null, value?: T) => void) => {
      promise.then((v) => done(null, v), (err: NodeJS.ErrnoException) => done(err));
    };
    const fsAdapter = {
      readdir: (dir: string, _options: unknown, done: (err: NodeJS.ErrnoException | null, entries?: unknown[]) => void) => cb(p.readdir(dir), done),
      stat: (file: string, done: (err: NodeJS.ErrnoException | null, stat?: unknown) => void) => cb(p.stat(file), done),
      realpath: (file: string, done: (err: NodeJS.ErrnoException | null, resolved?: string) => void) => cb(p.realpath(file), done),
    };
    const absolute = path.isAbsolute(pattern);
    let matches: string[];
    try {
      matches = await tinyglobby.glob(pattern, {
        cwd: p.cwd,
        absolute,
        dot: false,
        onlyFiles: true,
        expandDirectories: false,
        ignore: ['**/node_modules/**'],
        fs: fsAdapter as never,
      });
    } catch (err) {
      this.fail(message(this.locale, 'cannotRead', pattern, errorReason(this.locale, err)));
      return [];
    }
    return matches
      .filter((m) => DRAFT_EXTENSIONS.test(m))
      .sort()
      .map((m) => {
        const abs = path.resolve(p.cwd, m);
        return { file: absolute ? abs : displayPath(p.cwd, abs), abs };
      });
  }

  // ---- configuration --------------------------------------------------------------------------

  /**
   * Whether a configuration file is there for the upward search: anything of that name but a
   * missing one counts, so that a directory or a symbolic-link loop named .speechdraftrc.json is
   * reported when it is read (as with --config), never silently passed over for the defaults.
   */
  private exists(file: string): Promise<boolean> {
    let known = this.existing.get(file);
    if (!known) {
      known = this.p.stat(file).then(
        () => true,
        (err: NodeJS.ErrnoException) => err?.code !== 'ENOENT' && err?.code !== 'ENOTDIR',
      );
      this.existing.set(file, known);
    }
    return known;
  }

  /** Reads, parses and resolves one configuration file; a failure is reported once. */
  loadConfigFile(abs: string, shown: string): Promise<ConfigOutcome> {
    let outcome = this.configFiles.get(abs);
    if (!outcome) {
      outcome = (async (): Promise<ConfigOutcome> => {
        let text: string;
        try {
          text = decodeBytes(await readBounded(this.p, abs, MAX_CONFIG_BYTES), MAX_CONFIG_BYTES).text;
        } catch (err) {
          this.fail(message(this.locale, 'configUnreadable', shown, errorReason(this.locale, err)));
          return { failed: true };
        }
        try {
          return { config: resolveConfig(parseConfig(text, shown)) };
        } catch (err) {
          if (!(err instanceof ConfigError)) throw err;
          const why = err.problems.map((t) => t[this.locale]).join(message(this.locale, 'listSeparator'));
          this.fail(message(this.locale, 'configInvalid', shown, why));
          return { failed: true };
        }
      })();
      this.configFiles.set(abs, outcome);
    }
    return outcome;
  }

  /** The configuration for files in `dir`: the nearest .speechdraftrc[.json] upwards, or the defaults. */
  private configFor(dir: string): Promise<ConfigOutcome> {
    let outcome = this.configs.get(dir);
    if (!outcome) {
      outcome = findConfigFile(dir, (f) => this.exists(f), path.join, path.dirname).then((file) =>
        file ? this.loadConfigFile(file, displayPath(this.p.cwd, file)) : { config: resolveConfig() },
      );
      this.configs.set(dir, outcome);
    }
    return outcome;
  }

  // ---- checking -------------------------------------------------------------------------------

  /**
   * Expands and checks the inputs in the order given. A file reached twice (named twice, or through
   * a directory, a glob or a symbolic link) is checked once, under its first name.
   */
  async checkAll(inputs: readonly string[], fixedConfig: ResolvedConfig | undefined): Promise<void> {
    const seen = new Set<string>();
    for (const input of inputs) {
      for (const t of await this.expand(input)) {
        const key = t.stdin ? '-' : await this.p.realpath(t.abs!).catch(() => t.abs!);
        if (seen.has(key)) continue;
        seen.add(key);
        await this.checkOne(t, fixedConfig);
      }
    }
    if (this.results.length === 0 && this.skippedFound > 0) {
      this.p.stderr(`speech-draft: ${message(this.locale, 'noDraftFound', counted(this.locale, this.skippedFound, 'file'))}\n`);
    }
  }

  private async checkOne(t: Target, fixedConfig: ResolvedConfig | undefined): Promise<void> {
    const { p, locale, options } = this;
    const stdin = t.stdin;
    const shown = stdin && t.file === '-' ? STDIN_LABEL : t.file;
    const input = await readInput(p, locale, stdin ? '-' : t.file, (text) => this.fail(text));
    if (!input) return;
    const { bytes, decoded } = input;
    // `check --fix -` always prints the text, fixed or not, so that it works as a filter.
    const echo = (out: Uint8Array) => {
      if (stdin && options.fix) p.stdoutBytes(out);
    };
    const markdown = isMarkdownPath(stdin ? (options.stdinFilename ?? '') : t.file);
    const model = parseDraft(decoded.text, { markdown });
    if (!options.all && !isDraft(model)) {
      if (t.explicit) p.stderr(`speech-draft: ${message(locale, 'notADraft', shown)}\n`);
      else this.skippedFound++;
      echo(bytes);
      return;
    }
    const dir = t.abs === undefined ? p.cwd : path.dirname(t.abs);
    const outcome: ConfigOutcome = fixedConfig ? { config: fixedConfig } : await this.configFor(dir);
    if ('failed' in outcome) {
      echo(bytes);
      return;
    }
    const visible = (pr: Problem) => options.hints || pr.severity !== 'hint';
    const { problems, fixed } = options.fix
      ? await this.fix(t, shown, input, model, outcome.config, visible, echo)
      : { problems: await this.withWords(model, outcome.config, lint(model, outcome.config)), fixed: 0 };
    if (fixed > 0) {
      this.fixedFiles++;
      this.fixedProblems += fixed;
    }
    this.results.push({ file: t.file, path: t.abs, problems: problems.filter(visible).sort(byPosition), fixed });
  }

  /**
   * Fixes one file to a fixed point and writes it back (stdin: prints it) in the encoding, with the
   * BOM and line endings, it was read with. Returns the problems left and the number of fixes.
   */
  private async fix(
    t: Target,
    shown: string,
    { bytes, decoded }: Input,
    model: DraftModel,
    config: ResolvedConfig,
    select: (p: Problem) => boolean,
    echo: (out: Uint8Array) => void,
  ): Promise<{ problems: Problem[]; fixed: number }> {
    const { p, locale } = this;
    const result = fixText(decoded.text, { markdown: model.markdown, config, select });
    const unfixed = () => lint(model, config);
    if (result.text === decoded.text) {
      echo(bytes); // never write a file that did not change
      return { problems: result.problems, fixed: 0 };
    }
    if (!sameBytes(encodeText(decoded, decoded.text), bytes)) {
      // The decoding was lossy (GB18030 0x80 read as €, invalid UTF-8 after a BOM …): writing would
      // change bytes that no fix touched.
      this.fail(message(locale, 'roundTrip', shown, decoded.encoding));
      echo(bytes);
      return { problems: unfixed(), fixed: 0 };
    }
    const out = encodeText(decoded, result.text);
    if (t.stdin) {
      echo(out);
      return { problems: result.problems, fixed: result.applied };
    }
    try {
      // The bytes read go along: the file is written only if it still holds them.
      await p.writeFile(t.abs!, out, bytes);
    } catch (err) {
      this.fail(message(locale, err instanceof RefusedFile ? 'notFixing' : 'cannotWrite', t.file, errorReason(locale, err)));
      return { problems: unfixed(), fixed: 0 };
    }
    return { problems: result.problems, fixed: result.applied };
  }

  /** `fixed 4 problems in 1 file` on stderr, when --fix changed anything. */
  reportFixed(): void {
    if (this.fixedFiles === 0) return;
    const { locale } = this;
    this.p.stderr(`${message(locale, 'fixedSummary', counted(locale, this.fixedProblems, 'problem'), counted(locale, this.fixedFiles, 'file'))}\n`);
  }
}

export function checkOptions(locale: Locale, args: ParsedArgs): CheckOptions {
  checkCommandOptions(locale, args, 'check');
  return {
    format: oneOf(locale, args.options.get('--format'), FORMAT_NAMES, 'text'),
    fix: args.options.has('--fix'),
    hints: args.options.has('--hints'),
    all: args.options.has('--all'),
    config: stringOption(args, '--config'),
    stdinFilename: stringOption(args, '--stdin-filename'),
  };
}

export async function checkCommand(p: CliParams, locale: Locale, args: ParsedArgs): Promise<number> {
  const options = checkOptions(locale, args);
  if (args.positional.length === 0) throw new UsageError(message(locale, 'needInput'));
  const run = new CheckRun(p, locale, options);

  let fixedConfig: ResolvedConfig | undefined;
  if (options.config !== undefined) {
    const outcome = await run.loadConfigFile(path.resolve(p.cwd, options.config), options.config);
    if ('failed' in outcome) return EXIT_ERROR;
    fixedConfig = outcome.config;
  }

  try {
    await run.checkAll(args.positional, fixedConfig);
  } finally {
    await run.close();
  }

  // With `--fix -` stdout carries the fixed text: the report goes to stderr.
  const stdinFix = options.fix && args.positional.includes('-');
  const out: FormatOutput = stdinFix ? { stdout: p.stderr, stderr: p.stderr } : { stdout: p.stdout, stderr: p.stderr };
  run.reportFixed();
  FORMATTERS[options.format](run.results, { locale, cwd: p.cwd, version: p.version, homepage: p.homepage, errors: run.errors }, out);

  if (run.errors.length > 0) return EXIT_ERROR;
  return run.results.some((r) => r.problems.some((pr) => pr.severity === 'error')) ? EXIT_PROBLEMS : EXIT_OK;
}
