import { describe, expect, it } from 'vitest';
import { lintText } from '../../../src/core/lint';
import type { Problem } from '../../../src/core/rules/types';
import { ruleTable } from './tester';

const lines = (...l: string[]) => l.join('\n');
const doc = (...body: string[]) => lines('一、总体要求', ...body, '二、重点任务');

/** Ordinal compounds and other look-alikes: neither rule may report them. */
const compounds = [
  { name: '第一、二轮 (an ordinal compound)', text: doc('对照中央要求，第一、二轮中央生态环保督察反馈的问题已全部整改。') },
  { name: '第一、第三产业', text: doc('今年以来，第一、第三产业增加值分别增长3.1%和5.2%。') },
  { name: '一、二季度 inside a sentence', text: doc('从全年看，一、二季度经济运行平稳，三季度有所回升。') },
  { name: '一、二、三等奖 inside a sentence', text: doc('本次评选，一、二、三等奖分别评出5名、10名、20名。') },
  { name: '第一、二批', text: doc('经过一年试点，第一、二批试点单位已全部通过验收。') },
  { name: '第二、三季度', text: doc('据统计，第二、三季度完成投资占全年的六成。') },
];

ruleTable('enumeration-sequence', {
  valid: [
    {
      name: 'Markdown: an item right after a bold run-in heading closes its emphasis',
      markdown: true,
      text: lines('## 一、存在问题', '', '**（一）工作还存在一些短板。**一是统筹谋划不够；二是资金渠道单一。', '', '## 二、下步打算'),
    },
    doc('我们要做到：一是加强领导；二是完善制度；三是强化督导。'),
    doc('一要提高认识，二要压实责任，三要狠抓落实。'),
    doc('第一，要提高认识。', '第二，要压实责任。', '最后，要狠抓落实。'),
    doc('首先，统一思想。其次，明确任务。再次，强化保障。最后，狠抓落实。'),
    doc('其一，理论上清醒；其二，政治上坚定。'),
    { name: 'prose that only looks like an enumeration', text: doc('这是统一是非标准的问题，唯一是标准的是实践。一是一，二是二。第一次会议上，第一书记第一时间到场。坚持一抓到底。') },
    { name: 'two runs in one section', text: doc('一是甲；二是乙。另外，一是丙；二是丁。') },
    { name: 'a run restarts at the next heading', text: lines('一、甲', '一是a；二是b。', '二、乙', '一是c；二是d。') },
    { name: '首先 alone is ordinary prose', text: doc('首先要明确一点，这项工作非常重要。') },
    { name: 'a nested 一是 run inside 首先…其次', text: doc('首先，提高认识。一是学；二是做。其次，压实责任。') },
    ...compounds,
    {
      name: 'an inner 一是…四是 after a colon inside the outer 一是',
      text: doc('一是加强组织领导，具体包括：一是健全机制；二是压实责任；三是强化考核；四是严格问责。二是完善制度体系。三是强化监督检查。'),
    },
    {
      name: 'inner runs in the paragraphs of an outer run (each outer item opens its paragraph)',
      text: doc(
        '　　一是加强组织领导。这方面重点抓三件事，一是健全机制；二是压实责任；三是强化考核。',
        '　　二是完善制度体系。要做到两个坚持：一是坚持问题导向；二是坚持目标导向。',
        '　　三是强化监督检查，一要抓日常，二要抓关键。',
      ),
    },
    {
      name: 'an inner run in its own paragraphs under a colon',
      text: doc('　　一是加强组织领导，重点是：', '　　一是健全机制。', '　　二是压实责任。', '　　二是完善制度体系。'),
    },
    { name: '一是优点，一是缺点 ("one is …, the other is …")', text: doc('今天总结经验有两点，一是优点，一是缺点。他们都晓得有两点。') },
    { name: '其次 opening a paragraph after a first point made without 首先', text: doc('　　我们要看到成绩，这是主流。', '　　其次，也要清醒看到存在的问题。') },
    { name: '第二 alone after a first point in other words', text: doc('　　先说第一个问题，即队伍建设问题。', '　　第二，关于作风建设问题。') },
    {
      name: '首先 inside a sentence, then 其次 and 再其次',
      text: doc('文艺工作者首先应该在抗日这一点上团结起来。其次，应该在民主一点上团结起来；再其次，应该在艺术方法上团结起来。'),
    },
  ],
  invalid: [
    {
      name: '一是…三是 with a hole: one problem, the later item related',
      text: doc('一是加强领导；三是强化督导；四是狠抓落实。'),
      errors: ['2:8-10 from "一是" to "三是": expected "二是"'],
      output: doc('一是加强领导；二是强化督导；三是狠抓落实。'),
    },
    {
      name: 'a hole renumbers every later item in one fix',
      text: doc('一是加强领导；三是强化督导；四是狠抓落实；五是严格考核。'),
      errors: ['2:8-10 from "一是" to "三是": expected "二是"'],
      output: doc('一是加强领导；二是强化督导；三是狠抓落实；四是严格考核。'),
    },
    {
      name: 'a duplicate 二是',
      text: doc('一是甲；二是乙；二是丙。'),
      errors: ['2:9-11 Duplicate "二是" in an enumeration: expected "三是"'],
      output: doc('一是甲；二是乙；三是丙。'),
    },
    {
      name: 'a duplicate 二是 in the middle',
      text: doc('一是甲；二是乙；二是丙；三是丁。'),
      errors: ['2:9-11 Duplicate "二是" in an enumeration: expected "三是"'],
      output: doc('一是甲；二是乙；三是丙；四是丁。'),
    },
    {
      name: 'a lone 一是',
      text: doc('要把握好三个方面，一是提高站位。要抓好落实。'),
      errors: ['2:10-12 "一是" has no "二是"'],
    },
    {
      name: 'a run not starting at one',
      text: doc('二是完善制度；三是强化督导。'),
      errors: ['2:1-3 starts at "二是" with no "一是"'],
    },
    {
      name: 'a run not starting at one, with a hole: renumbering is only suggested',
      text: doc('二是完善制度；四是强化督导。'),
      errors: ['2:1-3 starts at "二是" with no "一是"', '2:8-10 from "二是" to "四是": expected "三是"'],
      suggested: [undefined, doc('二是完善制度；三是强化督导。')],
    },
    {
      name: '首先……其次……第三 (mixed families): a suggestion, never a fix',
      text: doc('首先，统一思想。其次，明确任务。第三，强化保障。'),
      errors: ['2:17-19 "第三" mixes forms with "首先" in one enumeration: use one series (首先……其次…… or 第一……第二……)'],
      suggested: [doc('首先，统一思想。其次，明确任务。再次，强化保障。')],
    },
    {
      name: '首先 then 第二…第六 over paragraphs: one problem, the suggestion rewrites 首先',
      text: doc(
        '　　首先，农业关系到农村人口的吃饭问题。',
        '　　第二，农业也关系到城市人口的吃饭问题。',
        '　　第三，农业是轻工业原料的主要来源。',
        '　　第四，农村又是重工业的重要市场。',
        '　　第五，现在出口物资主要是农产品。',
        '　　第六，农业是积累的重要来源。',
      ),
      errors: ['3:3-5 "第二" mixes forms with "首先" in one enumeration: use one series (第一……第二……)'],
      suggested: [
        doc(
          '　　第一，农业关系到农村人口的吃饭问题。',
          '　　第二，农业也关系到城市人口的吃饭问题。',
          '　　第三，农业是轻工业原料的主要来源。',
          '　　第四，农村又是重工业的重要市场。',
          '　　第五，现在出口物资主要是农产品。',
          '　　第六，农业是积累的重要来源。',
        ),
      ],
    },
    {
      name: '第一 … 其次 (mixed families)',
      text: doc('第一，统一思想。其次，明确任务。'),
      errors: ['2:9-11 "其次" mixes forms with "第一" in one enumeration'],
      suggested: [doc('第一，统一思想。第二，明确任务。')],
    },
    {
      name: '首先……其次……第四: the mixing is the problem, not a second one for the count',
      text: doc('首先，统一思想。其次，明确任务。第四，强化保障。'),
      errors: ['2:17-19 "第四" mixes forms with "首先" in one enumeration: use one series (首先……其次…… or 第一……第二……)'],
      suggested: [doc('首先，统一思想。其次，明确任务。再次，强化保障。')],
    },
    {
      name: '第二 then 其次 (a first point made in other words, then two series)',
      text: doc('　　先说第一个问题。', '　　第二，关于作风建设。其次，关于纪律建设。'),
      errors: ['3:13-15 "其次" mixes forms with "第二" in one enumeration'],
      suggested: [doc('　　先说第一个问题。', '　　第二，关于作风建设。第三，关于纪律建设。')],
    },
    {
      name: '一是……二要……三是 (mixed families)',
      text: doc('一是强化政治引领；二要突出实绩导向；三是从严管理监督。'),
      errors: ['2:10-12 "二要" mixes forms with "一是" in one enumeration'],
      suggested: [doc('一是强化政治引领；二是突出实绩导向；三是从严管理监督。')],
    },
    {
      name: 'across paragraphs of one section',
      text: doc('第一，提高认识。', '第三，压实责任。'),
      errors: ['3:1-3 from "第一" to "第三": expected "第二"'],
      output: doc('第一，提高认识。', '第二，压实责任。'),
    },
    {
      name: 'a hole with a paragraph between the items: renumbering is only suggested',
      text: doc('第一，提高认识。', '这是做好一切工作的前提。', '第三，压实责任。'),
      errors: ['4:1-3 from "第一" to "第三": expected "第二"'],
      suggested: [doc('第一，提高认识。', '这是做好一切工作的前提。', '第二，压实责任。')],
    },
    {
      name: 'a hole in an inner run: renumbering is only suggested, the outer run is right',
      text: doc('一是加强组织领导，具体包括：一是健全机制；三是压实责任。二是完善制度体系。'),
      errors: ['2:22-24 from "一是" to "三是": expected "二是"'],
      suggested: [doc('一是加强组织领导，具体包括：一是健全机制；二是压实责任。二是完善制度体系。')],
    },
    {
      // 三是 goes on with the inner count, so what is missing is the outer 二是: text, not a number.
      name: 'an outer run that lost its 二是 around an inner run',
      text: doc('一是加强组织领导，具体包括：一是健全机制；二是压实责任。三是完善制度体系。'),
      errors: ['2:1-3 "一是" has no "二是"'],
    },
    {
      name: 'guards stay: only the real run is checked',
      text: doc('思想统一是前提，唯一是标准的是实践，一是一，二是二。第一次会议上，第一书记到场。一是加强领导；二是完善制度；二是强化督导。'),
      errors: ['2:55-57 Duplicate "二是"'],
      output: doc('思想统一是前提，唯一是标准的是实践，一是一，二是二。第一次会议上，第一书记到场。一是加强领导；二是完善制度；三是强化督导。'),
    },
  ],
});

ruleTable('enumeration-marker', {
  valid: [
    doc('第一，提高认识。第二，压实责任。'),
    doc('一是，加强领导；二是，完善制度。'),
    doc('一是加强领导；二是完善制度。'),
    ...compounds,
    { name: '首先要… then 其次，…: adverbs, with or without a comma', text: doc('首先要提高认识；其次，要压实责任；最后，要狠抓落实。') },
    { name: 'an inner run has its own style', text: doc('一是，加强组织领导，具体包括：一是健全机制；二是压实责任。二是，完善制度体系。') },
  ],
  invalid: [
    {
      name: '第一、 takes a comma: one problem for the run',
      text: doc('第一、提高认识。第二、压实责任。'),
      errors: ['2:1-4 "第一、" should be "第一，"'],
      output: doc('第一，提高认识。第二，压实责任。'),
    },
    {
      name: '第一、 before a word, not a larger numeral, is an item',
      text: doc('第一、一些地方重视不够。第二，个别干部作风不实。'),
      errors: ['2:1-4 "第一、" should be "第一，"'],
      output: doc('第一，一些地方重视不够。第二，个别干部作风不实。'),
    },
    {
      name: '一是， and 二是 mixed in one run',
      text: doc('一是，加强领导；二是完善制度；三是，强化督导。'),
      errors: ['2:9-11 "二是" is written differently from "一是，"'],
      output: doc('一是，加强领导；二是，完善制度；三是，强化督导。'),
    },
    {
      name: 'the style most items use wins',
      text: doc('一是，加强领导；二是完善制度；三是强化督导。'),
      errors: ['2:1-4 "一是，" is written differently from "二是" in the same enumeration: write "一是"'],
      output: doc('一是加强领导；二是完善制度；三是强化督导。'),
    },
    {
      name: '一是： and 二是， mixed in one run (a colon is its own style)',
      text: doc('一是：加强领导；二是，完善制度。'),
      errors: ['2:9-12 "二是，" is written differently from "一是：" in the same enumeration: write "二是："'],
      output: doc('一是：加强领导；二是：完善制度。'),
    },
    {
      name: '一是 and 二是， mixed in one run',
      text: doc('一是加强领导；二是，完善制度。'),
      errors: ['2:8-11 "二是，" is written differently from "一是"'],
      output: doc('一是加强领导；二是完善制度。'),
    },
  ],
});

describe('related ranges', () => {
  const problems = (text: string, rule: string) => lintText(text).filter((p) => p.rule === rule);
  const where = (p: Problem) => (p.related ?? []).map((r) => `${r.line + 1}:${r.column + 1}-${r.endColumn + 1}`);

  it('a hole names the later items its fix renumbers', () => {
    const [p] = problems(doc('一是加强领导；三是强化督导；四是狠抓落实；五是严格考核。'), 'enumeration-sequence');
    expect(where(p)).toEqual(['2:15-17', '2:22-24']);
    expect(p.fix?.map((e) => e.text)).toEqual(['二是', '三是', '四是']);
  });

  it('a mixed run names its other items, and offers a rewrite only as a suggestion', () => {
    const text = doc('　　首先，甲。', '　　第二，乙。', '　　第三，丙。', '　　第四，丁。');
    const [p] = problems(text, 'enumeration-sequence');
    expect(p.fix).toBeUndefined();
    expect(where(p)).toEqual(['2:3-5', '4:3-5', '5:3-5']);
    expect(p.suggestions?.map((s) => s.edits.map((e) => e.text))).toEqual([['第一']]);
  });

  it('首先……其次……第三 offers both series, the one that changes fewer words first', () => {
    const [p] = problems(doc('首先，甲。其次，乙。第三，丙。'), 'enumeration-sequence');
    expect(p.suggestions?.map((s) => s.edits.map((e) => e.text))).toEqual([['再次'], ['第一', '第二']]);
  });

  it('第一、 in a run is one problem whose fix covers every item', () => {
    const [p] = problems(doc('第一、甲。第二、乙。第三、丙。'), 'enumeration-marker');
    expect(where(p)).toEqual(['2:6-9', '2:11-14']);
    expect(p.fix).toHaveLength(3);
  });
});
