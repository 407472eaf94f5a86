/**
 * repeated-word: a content word used again and again within one sentence, where a reviewer would
 * say "find another word" (DOMAIN §5). A speech repeats on purpose — its key terms run through
 * every paragraph, a section repeats its heading's topic, 排比 repeats a word at the same place of
 * parallel clauses — and none of that is reported: only a word that is not the document's or the
 * section's topic, used more than `max` times close together in one sentence, not counting the
 * uses in parallel clauses twice. Needs word segmentation. No fix: the writer chooses the synonym.
 */
import type { DraftModel, Section } from '../parser';
import type { Rule } from './types';
import { t } from './util';

interface Options {
  max: number;
}

/** Words that carry no content of their own, however often a sentence uses them. */
const FUNCTION_WORDS = new Set([
  '我们', '他们', '你们', '咱们', '大家', '自己', '这个', '那个', '这些', '那些', '这种', '那种', '一个', '一些', '一种', '一样',
  '进行', '通过', '以及', '同时', '还是', '但是', '而且', '因为', '所以', '如果', '就是', '已经', '可以', '能够', '没有', '不是',
  '这样', '那样', '其中', '之一', '方面', '有关', '各级', '各个', '各项', '以上', '以下', '什么', '怎么', '如何', '这里', '那里',
  '现在', '目前', '应当', '应该', '必须', '需要', '不能', '不要', '就要', '还要', '也要', '要求', '一定', '问题', '工作', '东西',
  '有些', '许多', '一切', '一点', '起来', '出来', '下去', '比较', '认为', '觉得', '时候', '地方', '情况', '所谓', '为了', '对于',
  '关于', '由于', '根据', '按照', '并且', '或者', '只有', '只要', '不但', '而是', '这么', '那么', '怎样', '这样做', '一方面',
]);

/** Sentence ends: a repetition is counted within one sentence. */
const SENTENCE_END = /[。！？；!?;]/;
/** Clause ends inside a sentence, for telling 排比 from plain repetition. */
const CLAUSE_END = /[，、：,:。！？；!?;]/;

const OPEN_QUOTE = ['“', '‘', '「', '『', '《'];
const CLOSE_QUOTE = ['”', '’', '」', '』', '》'];

const HAN_WORD = /^[\u3400-\u9fff]{2,}$/;
const NUMERAL_WORD = /^[零〇一二三四五六七八九十百千万亿两几]+$/;

/** A document's key terms: content words found in at least this many of its paragraphs. */
const KEY_TERM_PARAGRAPHS = 3;
/** Uses counted together lie within this many characters (from the first to the last). */
const WINDOW = 60;

interface Use {
  start: number;
  clause: number;
  fromClauseStart: number;
  fromClauseEnd: number;
}

/** For each line, the titles of the document and of the headings whose sections hold it. */
function topicsByLine(model: DraftModel): string[] {
  const topics = new Array<string>(model.lines.length).fill(model.title?.text ?? '');
  const walk = (sections: readonly Section[], above: string) => {
    for (const s of sections) {
      const here = `${above}\n${s.heading.title}`;
      for (let i = s.heading.line; i <= s.endLine && i < topics.length; i++) topics[i] = here;
      walk(s.children, here);
    }
  };
  walk(model.sections, model.title?.text ?? '');
  return topics;
}

/** How far the same place of two parallel clauses may differ: a one-character lead-in such as 要 or 也. */
const PARALLEL_SLACK = 1;
/** Parallel clauses may interleave with others (了解他们，熟悉他们，了解各种人，熟悉各种人). */
const PARALLEL_GAP = 3;

/**
 * The uses as a reader hears them: 排比 — the word at the same place of consecutive clauses
 * (推进改革，推进发展，推进创新; 全员育人、全程育人、全方位育人; 要依靠工人阶级，依靠贫农) — and
 * reduplication (一步一步) count once, since that repetition is the figure, not a lapse.
 */
function heard(uses: readonly Use[], length: number): Use[] {
  const out: Use[] = [];
  for (let k = 0; k < uses.length; k++) {
    const u = uses[k];
    const prev = k > 0 ? uses[k - 1] : undefined;
    if (prev && prev.start + length === u.start) continue;
    if (
      prev &&
      u.clause > prev.clause &&
      u.clause - prev.clause <= PARALLEL_GAP &&
      (Math.abs(u.fromClauseStart - prev.fromClauseStart) <= PARALLEL_SLACK || Math.abs(u.fromClauseEnd - prev.fromClauseEnd) <= PARALLEL_SLACK)
    ) {
      continue;
    }
    out.push(u);
  }
  return out;
}

export const repeatedWord: Rule<Options> = {
  id: 'repeated-word',
  description: t('A content word used more than N times close together in one sentence', '同一句中某个实词在相近位置出现超过 N 次'),
  tags: ['prose', 'words'],
  defaultSeverity: 'hint',
  fixable: false,
  needsWords: true,
  options: {
    max: {
      type: 'number',
      default: 2,
      minimum: 1,
      description: t('How many times a content word may appear close together in one sentence', '同一句中一个实词在相近位置最多可出现的次数'),
    },
  },
  run({ model, options, report, words }) {
    if (!words) return;
    // The document's key terms: the words that several paragraphs use.
    const paragraphsOf = new Map<string, number>();
    for (const list of words.paragraphs.values()) {
      for (const w of new Set(list)) paragraphsOf.set(w, (paragraphsOf.get(w) ?? 0) + 1);
    }
    const topics = topicsByLine(model);
    for (const [line, list] of words.paragraphs) {
      const text = model.lines[line];
      const topic = topics[line] ?? '';
      let at = model.contexts[line].contentStart;
      // Uses of each word in the current sentence.
      let sentence = new Map<string, Use[]>();
      let clause = 0;
      let clauseStart = at;
      let pending: Use[] = [];
      // Inside quotation marks or 《》 a word is mentioned, as a term or a title, not used.
      let quoted = 0;
      const endSentence = () => {
        for (const [word, uses] of sentence) {
          if (uses.length <= options.max) continue;
          const counted = heard(uses, word.length);
          // More than max uses close together: within the window from the first to the last.
          let u: Use | undefined;
          for (let k = options.max; k < counted.length && !u; k++) {
            if (counted[k].start - counted[k - options.max].start <= WINDOW) u = counted[k];
          }
          if (!u) continue;
          report({
            line,
            column: u.start,
            endLine: line,
            endColumn: u.start + word.length,
            message: t(
              `"${word}" is used ${uses.length} times in one sentence (more than ${options.max})`,
              `一句中“${word}”出现了 ${uses.length} 次（超过 ${options.max} 次）`,
            ),
          });
        }
        sentence = new Map();
      };
      for (const word of list) {
        const start = text.indexOf(word, at);
        if (start < 0) continue;
        at = start + word.length;
        if (OPEN_QUOTE.includes(word)) quoted++;
        else if (CLOSE_QUOTE.includes(word) && quoted > 0) quoted--;
        if (CLAUSE_END.test(word)) {
          for (const u of pending) u.fromClauseEnd = start - u.start;
          pending = [];
          clause++;
          clauseStart = at;
          if (SENTENCE_END.test(word)) endSentence();
          continue;
        }
        if (!HAN_WORD.test(word) || NUMERAL_WORD.test(word) || FUNCTION_WORDS.has(word)) continue;
        if ((paragraphsOf.get(word) ?? 0) >= KEY_TERM_PARAGRAPHS || topic.includes(word)) continue;
        // A unit after a number (5亿元, 3.5亿元) repeats with the figures.
        if (quoted > 0 || /[0-9０-９.%]/.test(text[start - 1] ?? '')) continue;
        const use: Use = { start, clause, fromClauseStart: start - clauseStart, fromClauseEnd: 0 };
        pending.push(use);
        const uses = sentence.get(word) ?? [];
        uses.push(use);
        sentence.set(word, uses);
      }
      for (const u of pending) u.fromClauseEnd = text.length - u.start;
      endSentence();
    }
  },
};
