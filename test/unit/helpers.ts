import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import type { DraftModel, Section } from '../../src/core/parser';
import { createSegmenter, type Segmenter, SegmenterUnavailableError } from '../../src/segment/client';
import { expect } from 'vitest';

export const ROOT = path.resolve(__dirname, '../..');
/** The seed speech of the project brief (a real scraped speech, kept as it is). */
export const SEED = path.join(ROOT, 'examples/seed-speech.txt');

export function readSeed(): string {
  return fs.readFileSync(SEED, 'utf8');
}

/**
 * The outline in the fixture format of test/fixtures/outline/*.outline:
 * `title: …` then `LINE INDENT L<level> MARKER | TITLE` (indent: two spaces per nesting depth).
 */
export function outlineLines(model: DraftModel): string[] {
  const out = [`title: ${model.title?.text ?? '-'}`];
  const walk = (sections: Section[], depth: number) => {
    for (const s of sections) {
      const h = s.heading;
      out.push(`${h.line + 1} ${'  '.repeat(depth)}L${h.level} ${h.marker.text} | ${h.title}`.replace(/ {2,}\|/, ' |'));
      walk(s.children, depth + 1);
    }
  };
  walk(model.sections, 0);
  return out;
}

/**
 * A real segmenter (the nodejieba child process) for tests of word-level features: the worker is
 * bundled into dist/test/ under its own name so parallel test files do not race.
 */
export async function testSegmenter(name: string): Promise<Segmenter> {
  const workerPath = path.join(ROOT, `dist/test/segmenter-${name}.js`);
  await buildTestWorker(workerPath);
  return createSegmenter({ workerPath, dictDir: path.join(ROOT, 'dict'), idleMs: 60_000 });
}

/** Bundles the segmenter worker to `outfile`, with the options of esbuild.mjs. */
export async function buildTestWorker(outfile: string): Promise<void> {
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'src/segment/worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['nodejieba'],
    logLevel: 'silent',
  });
}

/** The error a segmenter promise is rejected with, asserting it is the "unavailable" one. */
export async function unavailable(p: Promise<unknown>): Promise<SegmenterUnavailableError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SegmenterUnavailableError);
  return err as SegmenterUnavailableError;
}
