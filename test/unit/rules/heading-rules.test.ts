import { ruleTable } from './tester';

const lines = (...l: string[]) => l.join('\n');

ruleTable('heading-sequence', {
  valid: [
    lines('一、甲', '（一）子', '（二）子', '二、乙', '（一）子', '（二）子'),
    { name: 'continuous （一）…（五） across parts (政府工作报告)', text: lines('一、甲', '（一）a', '（二）b', '（三）c', '二、乙', '（四）d', '（五）e', '三、丙', '（六）f') },
    { name: 'continuous （1）…（9） under 一、 (中央文件)', text: lines('一、甲', '（1）a', '（2）b', '二、乙', '（3）c', '（4）d', '三、丙', '（5）e') },
    { name: 'missing top level', text: lines('讲话', '（一）a', '（二）b', '（三）c') },
    { name: 'parts restart 一、', text: lines('第一部分 回顾', '一、a', '二、b', '第二部分 安排', '一、c', '二、d') },
    { name: 'appendices restart 一、', text: lines('一、a', '二、b', '附件1', '一、c', '二、d', '附件2', '一、e') },
    { name: 'lists after a colon count on their own', text: lines('一、甲', '（一）乙。要求如下：', '1.提高认识；', '2.压实责任。', '（二）丙。正文', '二、丁') },
    { name: 'markdown ordered list before any structure', markdown: true, text: lines('1. a', '1. b', '', '一、甲', '二、乙') },
    { name: 'wrong forms still count', text: lines('一、甲', '(一)a', '（二)b', '(三）c', '二、乙') },
  ],
  invalid: [
    {
      name: 'a gap: 一、 二、 四、',
      text: lines('一、甲', '二、乙', '四、丁'),
      errors: ['3:1-3 skips from "二、" to "四、": expected "三、"'],
      output: lines('一、甲', '二、乙', '三、丁'),
    },
    {
      name: 'a duplicate （二） renumbers the rest of the run',
      text: lines('一、甲', '（一）a。正文', '（二）b。正文', '（二）c。正文', '（三）d。正文', '二、乙'),
      errors: ['4:1-4 Duplicate heading number "（二）": expected "（三）"'],
      output: lines('一、甲', '（一）a。正文', '（二）b。正文', '（三）c。正文', '（四）d。正文', '二、乙'),
    },
    {
      name: 'a run not starting at one',
      text: lines('一、甲', '（二）a', '（三）b', '二、乙', '（一）c', '（二）d'),
      errors: ['2:1-4 run starts at "（二）": expected "（一）"'],
      output: lines('一、甲', '（一）a', '（二）b', '二、乙', '（一）c', '（二）d'),
    },
    {
      name: 'a restart where the document numbers continuously',
      text: lines('一、甲', '（一）a', '（二）b', '二、乙', '（三）c', '（四）d', '三、丙', '（一）e', '（二）f', '四、丁', '（七）g'),
      errors: ['8:1-4 expected "（五）", found "（一）"'],
      output: lines('一、甲', '（一）a', '（二）b', '二、乙', '（三）c', '（四）d', '三、丙', '（五）e', '（六）f', '四、丁', '（七）g'),
    },
    {
      name: 'the renumbering keeps a sloppy form (heading-marker fixes that)',
      text: lines('一、甲', '(一)a', '(三)b', '二、乙'),
      errors: ['3:1-4 skips from "(一)" to "(三)": expected "(二)"'],
      output: lines('一、甲', '(一)a', '(二)b', '二、乙'),
    },
    {
      name: 'a gap in a list',
      text: lines('一、甲', '（一）乙。要求如下：', '1.提高认识；', '2.压实责任；', '4.强化督导。', '（二）丙', '二、丁'),
      errors: ['5:1-3 List item number skips from "2." to "4.": expected "3."'],
      output: lines('一、甲', '（一）乙。要求如下：', '1.提高认识；', '2.压实责任；', '3.强化督导。', '（二）丙', '二、丁'),
    },
    {
      name: 'parts out of sequence',
      text: lines('第一部分 回顾', '一、a', '二、b', '第三部分 安排', '一、c', '二、d'),
      errors: ['4:1-5 skips from "第一部分" to "第三部分": expected "第二部分"'],
      output: lines('第一部分 回顾', '一、a', '二、b', '第二部分 安排', '一、c', '二、d'),
    },
    {
      name: 'convention forced to restart',
      options: { convention: 'restart' },
      text: lines('一、甲', '（一）a', '（二）b', '二、乙', '（三）c', '（四）d'),
      errors: ['5:1-4 run starts at "（三）": expected "（一）"'],
      output: lines('一、甲', '（一）a', '（二）b', '二、乙', '（一）c', '（二）d'),
    },
    {
      name: 'two-character numerals',
      text: lines('九、a', '十、b', '十二、c'),
      errors: ['1:1-3 run starts at "九、"', '3:1-4 out of sequence: expected "三、", found "十二、"'],
      output: lines('一、a', '二、b', '三、c'),
    },
  ],
});

ruleTable('heading-marker', {
  valid: [
    lines('一、甲', '（一）乙', '1.丙', '（1）丁', '①戊'),
    { name: 'dominant half-width brackets', options: { brackets: 'dominant' }, text: lines('一、甲', '(一)a', '(二)b', '(三)c') },
    { name: 'run-in text with half-width punctuation is not a marker problem', text: lines('一、甲', '（一）推动发展,促进公平。正文(略)') },
    { name: 'Markdown 1) list items keep their list syntax', markdown: true, text: lines('## 一、甲', '', '## 二、乙', '', '要求如下：', '', '1) 推进学前教育普及普惠；', '2) 推进义务教育优质均衡。') },
  ],
  invalid: [
    {
      name: 'the seed: half-width (一)',
      text: lines('一、甲', '二、乙', '(一)推动学前教育。正文', '(二)推进义务教育。正文'),
      errors: ['3:1-4 "(一)" should be "（一）" (half-width bracket', '4:1-4 "(二)" should be "（二）"'],
      output: lines('一、甲', '二、乙', '（一）推动学前教育。正文', '（二）推进义务教育。正文'),
    },
    {
      name: 'every wrong form of the DOMAIN table',
      text: lines('一.甲', '（一)乙', '(一）乙', '（一）、乙', '1、丙', '1．丙', '１.丙', '1，丙', '(1)丁', '（1）、丁', '1）丁', '1)丁', '①、戊', '①.戊', '二，甲', '三:甲', '四 甲', '⑴丁', '⒉丙'),
      errors: [
        '1:1-3 "一." should be "一、"', '2:1-4 "（一)" should be "（一）"', '3:1-4 "(一）" should be "（一）"', '4:1-5 "（一）、" should be "（一）"',
        '5:1-3 "1、" should be "1."', '6:1-3 "1．" should be "1."', '7:1-3 "１." should be "1."', '8:1-3 "1，" should be "1."',
        '9:1-4 "(1)" should be "（1）"', '10:1-5 "（1）、" should be "（1）"', '11:1-3 "1）" should be "（1）"', '12:1-3 "1)" should be "（1）"',
        '13:1-3 "①、" should be "①"', '14:1-3 "①." should be "①"', '15:1-3 "二，" should be "二、"', '16:1-3 "三:" should be "三、"',
        '17:1-3 "四" should be "四、"', '18:1-2 "⑴" should be "（1）"', '19:1-2 "⒉" should be "2."',
      ],
      output: lines('一、甲', '（一）乙', '（一）乙', '（一）乙', '1.丙', '1.丙', '1.丙', '1.丙', '（1）丁', '（1）丁', '（1）丁', '（1）丁', '①戊', '①戊', '二、甲', '三、甲', '四、甲', '（1）丁', '2.丙'),
    },
    {
      name: 'a sibling in another bracket width than the rest (dominant)',
      options: { brackets: 'dominant' },
      text: lines('一、甲', '(一)a', '(二)b', '（三）c', '(四)d'),
      errors: ['4:1-4 "（三）" should be "(三)" (brackets differ'],
      output: lines('一、甲', '(一)a', '(二)b', '(三)c', '(四)d'),
    },
    {
      name: 'list items are checked too',
      text: lines('一、甲', '（一）乙。要求如下：', '1、提高认识；', '2、压实责任。', '（二）丙', '二、丁'),
      errors: ['3:1-3 "1、" should be "1."', '4:1-3 "2、" should be "2."'],
      output: lines('一、甲', '（一）乙。要求如下：', '1.提高认识；', '2.压实责任。', '（二）丙', '二、丁'),
    },
    {
      name: 'Markdown heading and bold',
      markdown: true,
      text: lines('## 一.总体要求', '', '**(一)推动发展。**正文', '', '## 二、重点任务'),
      errors: ['1:4-6 "一." should be "一、"', '3:3-6 "(一)" should be "（一）"'],
      output: lines('## 一、总体要求', '', '**（一）推动发展。**正文', '', '## 二、重点任务'),
    },
  ],
});

ruleTable('heading-sequence', {
  valid: [
    { name: 'headings that start with 年 or 月', text: lines('一、甲', '（一）乙', '（1）定期调度', '（2）按月通报', '（3）年终考核', '（4）严格问责', '1、年度考核', '2、月度通报', '二、丙') },
    {
      name: 'each part keeps its own convention (a continuous speech and a restarting one)',
      text: lines('第一部分 甲', '一、a', '（一）x', '（二）x', '二、b', '（三）x', '（四）x', '第二部分 乙', '一、c', '（一）x', '（二）x', '二、d', '（一）x', '（二）x', '三、e', '（一）x'),
    },
    { name: 'a second speech in the same file restarts 一、', text: lines('在甲会议上的讲话', '同志们：', '一、甲', '二、乙', '在乙会议上的讲话', '——在全市教育工作会议上', '一、丙', '二、丁') },
  ],
  invalid: [],
});

ruleTable('heading-hierarchy', {
  valid: [
    lines('一、甲', '（一）a', '1.b', '（1）c', '①d', '（二）e', '二、乙'),
    { name: 'missing top level', text: lines('（一）a', '（二）b', '1.c') },
    { name: 'appendix after the speech', text: lines('一、甲', '二、乙', '附件1', '（一）a', '（二）b') },
    { name: 'skipped level off', options: { skippedLevel: 'off' }, text: lines('一、甲', '1.a', '2.b', '二、乙') },
  ],
  invalid: [
    {
      name: 'a level coming back up: 一、 1. （一）',
      text: lines('一、甲', '1.a', '（一）b', '（二）c', '二、乙'),
      errors: ['2:1-3 Level skipped', '3:1-4 "（一）" (level 2) comes after "1." (level 3)'],
      severities: ['hint', 'warning'],
    },
    {
      name: 'a top-level heading after sub-headings at the root',
      text: lines('（一）a', '（二）b', '一、甲', '二、乙'),
      errors: ['3:1-3 "一、" (level 1) comes after "（一）" (level 2)'],
    },
    {
      name: 'skipped level: one hint per parent',
      text: lines('一、甲', '1.a', '2.b', '二、乙', '1.c'),
      errors: ['2:1-3 Level skipped: "1." directly under "一、"', '5:1-3 Level skipped: "1." directly under "二、"'],
      severities: ['hint', 'hint'],
    },
    {
      name: 'skipped level at warning',
      options: { skippedLevel: 'warning' },
      text: lines('（一）甲', '（1）a'),
      errors: ['2:1-4 Level skipped: "（1）" directly under "（一）" (the next level down is "1."'],
      severities: ['warning'],
    },
  ],
});

ruleTable('heading-punctuation', {
  valid: [
    lines('一、总体要求', '（一）推动发展。正文', '二、为什么要学？', '三、怎么办！'),
    { name: 'run-in heading ending in 。 with body', text: lines('一、甲', '二、乙', '（一）加强领导。各级党委要……') },
  ],
  invalid: [
    {
      text: lines('一、总体要求。', '二、工作目标：', '（一）主要任务；', '三、保障措施，'),
      errors: ['1:7-8 ends with "。"', '2:7-8 ends with "："', '3:8-9 ends with "；"', '4:7-8 ends with "，"'],
      output: lines('一、总体要求', '二、工作目标', '（一）主要任务', '三、保障措施'),
    },
    {
      name: 'Markdown bold heading',
      markdown: true,
      text: lines('**一、总体要求。**', '', '**二、重点任务**'),
      errors: ['1:9-10 ends with "。"'],
      output: lines('**一、总体要求**', '', '**二、重点任务**'),
    },
  ],
});
