/**
 * repeated-char: a function word or a punctuation mark typed twice (的的, 了了, ，，) is usually a
 * typo — but a doubled character is often correct Chinese: a reduplicated word (实实在在, 的的确确),
 * a word ending in the character followed by the character as a particle (以……为目的的调研,
 * 不得了了), the character as a particle followed by a word starting with it (要把把关作用发挥好,
 * 为了了解情况), or an idiom (不了了之). So a doubled character is reported only when it cannot be
 * read as words: by the segmenter's words when they are there, and by the built-in lists of
 * repeated-char-data.ts either way (the segmenter is not loaded everywhere, and it cuts some idioms
 * apart: 了/了/分明).
 *
 * A doubled punctuation mark gets a fix (deleting it changes no word); a doubled character gets a
 * suggestion, offered one at a time, because deleting a character rewrites the words.
 */
import type { WordData } from '../words';
import type { DraftModel } from '../parser';
import type { Rule } from './types';
import { inRanges, protectedRanges, textLines } from './cjk';
import { BOUND, ENDS, NOT_AFTER_PARTICLE, PHRASES, PUNCTUATION, STARTS, WATCHED } from './repeated-char-data';
import { t } from './util';

const isHan = (ch: string | undefined) => ch !== undefined && /^[\u3400-\u4dbf\u4e00-\u9fff]$/.test(ch);

/** The phrases holding each doubled character, with where the pair starts in the phrase. */
const PHRASES_BY_CHAR = new Map<string, { phrase: string; offset: number }[]>();
for (const phrase of PHRASES) {
  for (let k = 0; k + 1 < phrase.length; k++) {
    if (phrase[k] !== phrase[k + 1]) continue;
    const list = PHRASES_BY_CHAR.get(phrase[k]) ?? [];
    list.push({ phrase, offset: k });
    PHRASES_BY_CHAR.set(phrase[k], list);
  }
}

/**
 * The segmenter's words of one line as spans: `cover[i]` is the index of the word holding column
 * i, or -1 where the words do not reach (a line longer than the segmented part, or words that no
 * longer match the text).
 */
interface Tokens {
  starts: number[];
  ends: number[];
  cover: Int32Array;
}

function lineTokens(model: DraftModel, words: WordData, line: number, titleStarts: () => Map<number, number>): Tokens | undefined {
  let list = words.paragraphs.get(line);
  let at = model.contexts[line].contentStart;
  if (!list) {
    list = words.titles.get(line);
    const start = titleStarts().get(line);
    if (!list || start === undefined) return undefined;
    at = start;
  }
  const text = model.lines[line];
  const cover = new Int32Array(text.length).fill(-1);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const word of list) {
    // Words are consecutive: one that is not where the last ended means the text has changed
    // (or lost its Markdown emphasis); the rest of the line is then read without them.
    if (word.length === 0) continue;
    if (!text.startsWith(word, at)) break;
    for (let k = at; k < at + word.length; k++) cover[k] = starts.length;
    starts.push(at);
    ends.push(at + word.length);
    at += word.length;
  }
  return { starts, ends, cover };
}

/**
 * Whether the span [s, e) can be a word under the segmentation: no segmented word straddles one of
 * its ends, except a longer word that shares the other end (和谐社会 starts with 和谐, 不得了 ends
 * with 得了). 项目/的/的 rules out the reading 目的 + 的: 目 belongs to 项目.
 */
function compatible(tokens: Tokens | undefined, s: number, e: number): boolean {
  if (!tokens) return true;
  const crossing = (b: number) => {
    const w = b >= 0 && b < tokens.cover.length ? tokens.cover[b] : -1;
    return w >= 0 && tokens.starts[w] < b ? w : -1;
  };
  const atStart = crossing(s);
  if (atStart >= 0 && tokens.ends[atStart] !== e) return false;
  const atEnd = crossing(e);
  if (atEnd >= 0 && tokens.starts[atEnd] !== s) return false;
  return true;
}

/** Whether the two characters `ch` at columns a and a+1 of `line` can be read as words. */
function canBeWords(line: string, a: number, ch: string, tokens: Tokens | undefined): boolean {
  if (BOUND.includes(ch)) return false;
  if (tokens && tokens.cover[a] >= 0 && tokens.cover[a + 1] >= 0) {
    const w1 = tokens.cover[a];
    const w2 = tokens.cover[a + 1];
    // One word holds both: 实实在在, 不了了之, 的的确确.
    if (w1 === w2) return true;
    // The particle, then a word of the segmenter's that starts with the same character (对/对外开放),
    // unless that word cannot follow it (就/就是).
    const next = line.slice(tokens.starts[w2], tokens.ends[w2]);
    if (tokens.starts[w2] === a + 1 && next.length > 1 && [...next].every(isHan) && !NOT_AFTER_PARTICLE[ch]?.includes(next)) return true;
  }
  const reading = (s: number, e: number) => s >= 0 && e <= line.length && compatible(tokens, s, e);
  // AABB, with the pair as either half: 实实在在 (在在), 的的确确 (的的), 和和美美.
  if (line[a + 2] === line[a + 3] && line[a + 2] !== ch && isHan(line[a + 2]) && reading(a, a + 4)) return true;
  if (a >= 2 && line[a - 2] === line[a - 1] && line[a - 1] !== ch && isHan(line[a - 1]) && reading(a - 2, a + 2)) return true;
  for (const w of ENDS[ch] ?? []) {
    const s = a + 1 - w.length;
    if (s >= 0 && line.startsWith(w, s) && reading(s, a + 1)) return true;
  }
  for (const w of STARTS[ch] ?? []) {
    if (line.startsWith(w, a + 1) && reading(a + 1, a + 1 + w.length)) return true;
  }
  for (const { phrase, offset } of PHRASES_BY_CHAR.get(ch) ?? []) {
    const s = a - offset;
    if (s >= 0 && line.startsWith(phrase, s) && reading(s, s + phrase.length)) return true;
  }
  return false;
}

/** A run of three or more that is a phrase (the spoken 对对对). */
function isPhraseRun(line: string, r: number, n: number, ch: string): boolean {
  const run = ch.repeat(n);
  return (PHRASES_BY_CHAR.get(ch) ?? []).some(({ phrase, offset }) => phrase.startsWith(run, offset) && line.startsWith(phrase, r - offset));
}

export const repeatedChar: Rule = {
  id: 'repeated-char',
  description: t('A character typed twice by mistake: 的的, 了了, ，，', '误输入的重复字符：“的的”“了了”“，，”'),
  tags: ['prose'],
  defaultSeverity: 'warning',
  fixable: true,
  hasSuggestions: true,
  options: {},
  run({ model, report, words }) {
    let titles: Map<number, number> | undefined;
    const titleStarts = () => (titles ??= new Map(model.headings.map((h) => [h.line, h.titleStart])));
    for (const i of textLines(model)) {
      const line = model.lines[i];
      let guard: [number, number][] | undefined;
      let tokens: Tokens | undefined | null = null;
      for (let r = 0; r + 1 < line.length; ) {
        const ch = line[r];
        if (line[r + 1] !== ch || !(WATCHED.includes(ch) || PUNCTUATION.includes(ch))) {
          r++;
          continue;
        }
        let end = r + 2;
        while (line[end] === ch) end++;
        const n = end - r;
        const at = r;
        r = end;
        guard ??= protectedRanges(line, model.markdown);
        if (inRanges(guard, at)) continue;
        const range = { line: i, column: at, endLine: i, endColumn: end };
        const typed = n === 2 ? t(`"${ch}" typed twice`, `“${ch}”重复了`) : t(`"${ch}" typed ${n} times`, `“${ch}”重复了 ${n} 次`);
        const message = t(`"${ch.repeat(n)}": ${typed.en}`, `“${ch.repeat(n)}”：${typed['zh-cn']}`);
        if (PUNCTUATION.includes(ch)) {
          report({ ...range, message, fix: [{ line: i, start: at + 1, end, text: '' }] });
          continue;
        }
        if (tokens === null) tokens = words ? lineTokens(model, words, i, titleStarts) : undefined;
        let keep = 1;
        if (n === 2) {
          if (canBeWords(line, at, ch, tokens)) continue;
        } else {
          if (isPhraseRun(line, at, n, ch)) continue;
          // 目的的的, 的的的确: two of them may be words; the suggestion keeps those two.
          if (canBeWords(line, at, ch, tokens) || canBeWords(line, end - 2, ch, tokens)) keep = 2;
        }
        const title =
          n === 2
            ? t(`Delete the second "${ch}"`, `删去多余的“${ch}”`)
            : t(`Delete the extra "${ch}" (keep ${keep})`, `删去多余的“${ch}”（保留 ${keep} 个）`);
        report({ ...range, message, suggestions: [{ title, edits: [{ line: i, start: at + keep, end, text: '' }] }] });
      }
    }
  },
};
