/**
 * repeated-word: a content word used more than `max` times in one paragraph (DOMAIN §5). Speeches
 * repeat on purpose (排比), so this is a hint, and only words of two or more Han characters count —
 * not function words. Needs word segmentation. No fix: the writer chooses the synonym.
 */
import type { Rule } from './types';
import { t } from './util';

interface Options {
  max: number;
}

/** Words that carry no content of their own, however often a paragraph uses them. */
const FUNCTION_WORDS = new Set([
  '我们', '他们', '你们', '大家', '自己', '这个', '那个', '这些', '那些', '一个', '一些', '一种', '进行', '通过', '以及', '同时',
  '还是', '但是', '而且', '因为', '所以', '如果', '就是', '已经', '可以', '能够', '没有', '不是', '这样', '那样', '其中', '之一',
  '方面', '有关', '各级', '各个', '各项', '以上', '以下', '什么', '怎么', '如何', '这里', '那里', '现在', '目前',
]);

export const repeatedWord: Rule<Options> = {
  id: 'repeated-word',
  description: t('A content word used more than N times in one paragraph', '同一段落中某个实词出现超过 N 次'),
  tags: ['prose', 'words'],
  defaultSeverity: 'hint',
  fixable: false,
  needsWords: true,
  options: {
    max: {
      type: 'number',
      default: 3,
      minimum: 1,
      description: t('How many times a word may appear in one paragraph', '同一段落中一个词最多可出现的次数'),
    },
  },
  run({ model, options, report, words }) {
    if (!words) return;
    for (const [line, list] of words.paragraphs) {
      const text = model.lines[line];
      let at = model.contexts[line].contentStart;
      const seen = new Map<string, number>();
      for (const word of list) {
        const start = text.indexOf(word, at);
        if (start < 0) continue;
        at = start + word.length;
        if (word.length < 2 || !/^[\u3400-\u9fff]+$/.test(word) || FUNCTION_WORDS.has(word)) continue;
        const n = (seen.get(word) ?? 0) + 1;
        seen.set(word, n);
        if (n !== options.max + 1) continue;
        const total = list.filter((w) => w === word).length;
        report({
          line,
          column: start,
          endLine: line,
          endColumn: start + word.length,
          message: t(`"${word}" is used ${total} times in this paragraph (more than ${options.max})`, `本段“${word}”出现了 ${total} 次（超过 ${options.max} 次）`),
        });
      }
    }
  },
};
