import { ruleTable } from './tester';

const lines = (...l: string[]) => l.join('\n');
const doc = (...body: string[]) => lines('一、总体要求', ...body, '二、重点任务');

ruleTable('enumeration-sequence', {
  valid: [
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
  ],
  invalid: [
    {
      name: '一是…三是 with a hole',
      text: doc('一是加强领导；三是强化督导；四是狠抓落实。'),
      errors: ['2:8-10 from "一是" to "三是": expected "二是"', '2:15-17 expected "三是"'],
      output: doc('一是加强领导；二是强化督导；三是狠抓落实。'),
    },
    {
      name: 'a duplicate 二是',
      text: doc('一是甲；二是乙；二是丙。'),
      errors: ['2:9-11 Duplicate "二是" in an enumeration: expected "三是"'],
      output: doc('一是甲；二是乙；三是丙。'),
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
      name: '首先……其次……第三 (mixed families)',
      text: doc('首先，统一思想。其次，明确任务。第三，强化保障。'),
      errors: ['2:17-19 "第三" mixes forms with "首先" in one enumeration: write "再次"'],
      output: doc('首先，统一思想。其次，明确任务。再次，强化保障。'),
    },
    {
      name: '第一 … 其次 (mixed families)',
      text: doc('第一，统一思想。其次，明确任务。'),
      errors: ['2:9-11 "其次" mixes forms with "第一" in one enumeration: write "第二"'],
      output: doc('第一，统一思想。第二，明确任务。'),
    },
    {
      name: 'across paragraphs of one section',
      text: doc('第一，提高认识。', '第三，压实责任。'),
      errors: ['3:1-3 from "第一" to "第三": expected "第二"'],
      output: doc('第一，提高认识。', '第二，压实责任。'),
    },
  ],
});

ruleTable('enumeration-marker', {
  valid: [
    doc('第一，提高认识。第二，压实责任。'),
    doc('一是，加强领导；二是，完善制度。'),
    doc('一是加强领导；二是完善制度。'),
  ],
  invalid: [
    {
      name: '第一、 takes a comma',
      text: doc('第一、提高认识。第二、压实责任。'),
      errors: ['2:1-4 "第一、" should be "第一，"', '2:9-12 "第二、" should be "第二，"'],
      output: doc('第一，提高认识。第二，压实责任。'),
    },
    {
      name: '一是， and 二是 mixed in one run',
      text: doc('一是，加强领导；二是完善制度；三是，强化督导。'),
      errors: ['2:9-11 "二是" is written differently from "一是，"'],
      output: doc('一是，加强领导；二是，完善制度；三是，强化督导。'),
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
