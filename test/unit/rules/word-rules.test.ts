/** Word-level rules with the real segmenter (nodejieba in its child process). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/core/config';
import { lint } from '../../../src/core/lint';
import { parseDraft } from '../../../src/core/parser';
import { segmentationRequest, wordData } from '../../../src/core/words';
import type { Segmenter } from '../../../src/segment/client';
import { testSegmenter } from '../helpers';
import { REPEATED_CHAR_VALID } from './repeated-char-cases';

let seg: Segmenter;
beforeAll(async () => {
  seg = await testSegmenter('word-rules');
});
afterAll(async () => {
  await seg.dispose();
});

async function check(text: string, rule: string): Promise<string[]> {
  const model = parseDraft(text);
  const req = segmentationRequest(model);
  const words = wordData(req, await seg.cut(req.texts));
  return lint(model, undefined, words)
    .filter((p) => p.rule === rule)
    .map((p) => `${p.line + 1}:${p.column + 1}-${p.endColumn + 1} ${p.severity} ${p.message.en}`);
}

const lines = (...l: string[]) => l.join('\n');

describe('repeated-word', () => {
  const lapse = '这次会议很重要，会议的主要任务是总结经验，希望大家把会议精神传达好。';

  it('reports a content word used three times close together in one sentence, once, at its third use', async () => {
    expect(await check(lines('一、甲', lapse, '二、乙'), 'repeated-word')).toEqual(['2:27-29 hint "会议" is used 3 times in one sentence (more than 2)']);
  });

  it('takes max', async () => {
    const model = parseDraft(lines('一、甲', lapse, '二、乙'));
    const req = segmentationRequest(model);
    const words = wordData(req, await seg.cut(req.texts));
    const config = resolveConfig({ rules: { 'repeated-word': { max: 3 } } });
    expect(lint(model, config, words).filter((p) => p.rule === 'repeated-word')).toEqual([]);
  });

  it.each([
    ['排比: the word at the start of parallel clauses', '我们要推进改革，推进发展，推进创新，推进开放，各项工作全面推进。'],
    ['排比: at the end, and a lead-in clause', '要抓好学习，抓好宣传，抓好落实，抓好考核；实现全员育人、全程育人、全方位育人。'],
    ['interleaved parallel clauses', '为要了解他们，熟悉他们，了解各种人，熟悉各种人，了解各种事情，熟悉各种事情，就需要做很多的工作。'],
    ['reduplication', '才能一步一步地懂得正确的立场，一步一步地掌握它。'],
    ['words in quotation marks are mentioned, not used', '他说“难免”，我说不是“难免”，“难免”这句话宽恕不了错误。'],
    ['units after figures', '原估算5亿元，调整为8.5亿元，已承诺负担3亿元，尚缺2.5亿元。'],
    ['function words and numerals', '我们要学习，我们要实践，我们要总结，一一对照，三三两两。'],
    ['uses in different sentences', '会议很重要。会议的任务是总结经验。希望把会议精神传达好。'],
    ['uses far apart in one long sentence', '这次会议很重要，它是在全面建设社会主义现代化国家开局起步的关键时期召开的一次重要会议，对于我们做好当前和今后一个时期的各项工作具有十分重要的指导意义，希望大家把会议精神传达好。'],
  ])('leaves alone %s', async (_name, text) => {
    expect(await check(lines('一、甲', text, '二、乙'), 'repeated-word')).toEqual([]);
  });

  it("leaves alone the section's topic and the document's key terms", async () => {
    const topic = lines('一、推动学前教育普及普惠', '学前教育是终身学习的开端，推动学前教育普及普惠，要加大学前教育投入。', '二、乙');
    expect(await check(topic, 'repeated-word')).toEqual([]);
    const runIn = lines('一、甲', '（一）推动学前教育普及普惠。学前教育是终身学习的开端，推动学前教育普及普惠，要加大学前教育投入。', '（二）乙。丙。', '二、丁');
    expect(await check(runIn, 'repeated-word')).toEqual([]);
    // 会议 in three paragraphs: a key term of this document.
    const key = lines('一、甲', lapse, '会议期间，大家畅所欲言。', '二、乙', '会议结束后抓好落实。');
    expect(await check(key, 'repeated-word')).toEqual([]);
  });

  it('does not run without words', () => {
    expect(lint(parseDraft(lines('一、甲', lapse, '二、乙'))).filter((p) => p.rule === 'repeated-word')).toEqual([]);
  });
});

describe('parallel-headings', () => {
  it('shows the pattern the siblings share and flags the one that breaks it', async () => {
    const text = lines(
      '一、学悟大会精神、唱响“忠诚之歌”，以“忘我奋斗”书写许党报国的“答卷”',
      '二、学悟大会精神、唱响“担当之歌”，以“斗争豪情”书写奋战一线的“答卷”',
      '三、学悟大会精神、唱响“奋进之歌”，以“实干担当”书写开拓创新的“答卷”',
      '四、坚持改革创新，推动教育高质量发展',
    );
    expect(await check(text, 'parallel-headings')).toEqual([
      '4:1-19 hint "四、坚持改革创新，推动教育高质量发展" breaks the pattern its siblings share: …学悟…大会精神…唱响…之歌…书写…答卷…',
    ]);
  });

  it('says nothing when siblings share no pattern, or are fewer than three', async () => {
    expect(await check(lines('一、总体要求', '二、重点任务', '三、保障措施'), 'parallel-headings')).toEqual([]);
    expect(await check(lines('一、学悟大会精神、唱响“忠诚之歌”', '二、坚持改革创新'), 'parallel-headings')).toEqual([]);
  });
});

describe('repeated-char with the segmenter', () => {
  const body = (text: string) => lines('一、甲', text, '二、乙');

  it.each(REPEATED_CHAR_VALID.map((t) => [t.slice(0, 24), t]))('is silent on %s', async (_name, text) => {
    expect(await check(body(text), 'repeated-char')).toEqual([]);
  });

  it('is silent where the segmenter knows a word the lists do not (对/对外开放, 在/在职人员)', async () => {
    expect(await check(body('要对对外开放作出部署，对在在职人员进行培训。'), 'repeated-char')).toEqual([]);
  });

  it('finds the typos, and a typo that the lists alone read as a word (项目/的/的, 盲目/的/的)', async () => {
    const text = body('发展的的历程，在在这里开会，项目的的实施，盲目的的做法，就就是要干，我们们要。');
    expect(await check(text, 'repeated-char')).toEqual([
      '2:3-5 warning "的的": "的" typed twice',
      '2:8-10 warning "在在": "在" typed twice',
      '2:17-19 warning "的的": "的" typed twice',
      '2:24-26 warning "的的": "的" typed twice',
      '2:29-31 warning "就就": "就" typed twice',
      '2:36-38 warning "们们": "们" typed twice',
    ]);
    // Without the segmenter, 项目的的 and 盲目的的 read as 目的 + 的: silent.
    expect(lint(parseDraft(text)).filter((p) => p.rule === 'repeated-char').map((p) => p.column + 1)).toEqual([3, 8, 29, 36]);
  });

  it('reads a heading title with its words', async () => {
    expect(await check(lines('一、坚持以解决问题为目的的调研', '二、抓好的的落实'), 'repeated-char')).toEqual(['2:5-7 warning "的的": "的" typed twice']);
  });
});
