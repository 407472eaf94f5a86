/**
 * Word segmentation as input to the word-level rules. The engine is synchronous and pure; the
 * words come from outside (the nodejieba child process of src/segment, or a test), keyed by line.
 */
import type { DraftModel } from './parser';

export interface WordData {
  /** Words of each body line (its content after indentation and Markdown prefixes), by 0-based line. */
  paragraphs: ReadonlyMap<number, readonly string[]>;
  /** Words of each heading's title, by the heading's 0-based line. */
  titles: ReadonlyMap<number, readonly string[]>;
}

export interface SegmentationRequest {
  /** Texts to segment, in order. */
  texts: string[];
  /** For each text: the line it comes from, and whether it is a title. */
  keys: { line: number; title: boolean }[];
}

/** Longest line sent for segmentation: a body paragraph longer than this is checked up to it. */
export const MAX_SEGMENT_LINE = 20_000;

/** What a draft needs segmented: every body line, and every heading's title. */
export function segmentationRequest(model: DraftModel): SegmentationRequest {
  const texts: string[] = [];
  const keys: SegmentationRequest['keys'] = [];
  const standalone = new Set<number>();
  for (const h of model.headings) {
    if (h.title) {
      texts.push(h.title);
      keys.push({ line: h.line, title: true });
    }
    if (!h.runIn) standalone.add(h.line);
  }
  for (let i = 0; i < model.lines.length; i++) {
    if (model.contexts[i].kind !== 'text' || standalone.has(i)) continue;
    const text = model.lines[i].slice(model.contexts[i].contentStart, model.contexts[i].contentStart + MAX_SEGMENT_LINE);
    if (!/[\u3400-\u9fff]/.test(text)) continue;
    texts.push(text);
    keys.push({ line: i, title: false });
  }
  return { texts, keys };
}

/** Puts segmentation results back by line. */
export function wordData(request: SegmentationRequest, results: readonly (readonly string[])[]): WordData {
  const paragraphs = new Map<number, readonly string[]>();
  const titles = new Map<number, readonly string[]>();
  request.keys.forEach((k, i) => (k.title ? titles : paragraphs).set(k.line, results[i] ?? []));
  return { paragraphs, titles };
}
