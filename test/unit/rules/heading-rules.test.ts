import { ruleTable } from './tester';
import { describe, expect, it } from 'vitest';
import { fixText, lintText } from '../../../src/core/lint';

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
    {
      name: 'glossary entries count on across their definitions',
      text: lines('一、甲', '二、乙', '名词解释', '1.“四上”企业：', '规模以上工业企业等的统称。', '2.专精特新：', '指具有专业化特征的企业。', '3.“放管服”：简政放权、放管结合、优化服务。'),
    },
    { name: 'a list after a paragraph restarts', text: lines('一、甲', '（一）乙。要求如下：', '1.提高认识；', '2.压实责任。', '同时：', '1.加强督导；', '2.严肃问责。') },
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
    { name: 'a stray （ before a line that does not complete a marker', text: lines('一、甲', '细颗粒物', '（', 'PM', '2.5', '）浓度下降。', '一', '方阵。', '二、乙') },
    { name: '一、 alone before a heading of its own', text: lines('一、甲', '二、', '（一）乙', '（二）丙') },
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
      name: 'a heading split over two lines by a copy: （ / 三）…',
      text: lines('一、甲', '（一）a。正文', '（二）b。正文', '（', '三）c。正文', '（四）d。正文'),
      errors: ['4:1-3 Heading "（三）c" is split over two lines'],
      output: lines('一、甲', '（一）a。正文', '（二）b。正文', '（三）c。正文', '（四）d。正文'),
    },
    {
      name: 'split with the numeral on the first line, indentation and a blank line between',
      text: lines('一、甲', '　　（一）a。正文', '（二', '', '　　）b。正文'),
      errors: ['3:1-4 Heading "（二）b" is split over two lines'],
      output: lines('一、甲', '　　（一）a。正文', '（二）b。正文'),
    },
    {
      name: 'a marker alone on its line, the title on the next',
      text: lines('一、甲', '正文。', '二、', '乙'),
      errors: ['3:1-1 Heading "二、乙" is split over two lines'],
      output: lines('一、甲', '正文。', '二、乙'),
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
    {
      name: 'a second speech with only its title line (no salutation, subtitle or date)',
      text: lines('在全市工作会议上的讲话', '一、甲', '正文。', '二、乙', '正文。', '三、丙', '谢谢大家！', '王建国同志的总结讲话', '这次会议开得很好。下面，我讲两点。', '一、丁', '二、戊'),
    },
    {
      name: 'a second speech with 同志们 after its title',
      text: lines('在全市工作会议上的讲话', '一、甲', '二、乙', '在全市工作会议结束时的讲话', '同志们：', '会议就要结束了。', '一、丙', '二、丁'),
    },
    { name: 'two speeches numbered from （一）', text: lines('在座谈会上的讲话', '（一）甲。正文', '（二）乙。正文', '总结讲话的主要内容', '（一）丙。正文', '（二）丁。正文') },
    {
      name: 'a 转发通知 with its own requirements, then the document it forwards',
      text: lines('关于转发市教育局工作方案的通知', '各区教育局：', '现将方案转发给你们。', '一、提高认识。正文', '二、加强配合。正文', '江川市人民政府办公室', '2024年4月8日', '江川市招生入学工作方案', '一、指导思想', '二、工作要求'),
    },
    { name: '§ parts restart 一、', text: lines('三年行动方案', '§1. 总体要求', '一、指导思想', '二、主要目标', '§2. 重点任务', '一、夯实基础', '二、发展产业', '§3. 保障措施', '一、加强领导') },
    { name: '第一章 and 附表 restart 一、', text: lines('第一章 总则', '一、目的', '二、范围', '第二章 职责', '一、领导小组', '附表', '一、项目表', '二、资金表') },
    { name: 'a heading split over two lines keeps the count', text: lines('一、甲', '（一）a。正文', '（二）b。正文', '（', '三）c。正文', '（四）d。正文', '二、乙') },
  ],
  invalid: [
    {
      name: 'one break is one problem: 一、二、四、五、',
      text: lines('一、甲', '二、乙', '四、丁', '五、戊'),
      errors: ['3:1-3 skips from "二、" to "四、": expected "三、"'],
      output: lines('一、甲', '二、乙', '三、丁', '四、戊'),
    },
    {
      name: 'a duplicate is one problem, its fix renumbering what follows',
      text: lines('一、甲', '二、乙', '二、丙', '三、丁', '四、戊'),
      errors: ['3:1-3 Duplicate heading number "二、": expected "三、"'],
      output: lines('一、甲', '二、乙', '三、丙', '四、丁', '五、戊'),
    },
    {
      name: 'two breaks are two problems',
      text: lines('一、甲', '三、乙', '四、丙', '六、丁'),
      errors: ['2:1-3 skips from "一、" to "三、": expected "二、"', '4:1-3 out of sequence: expected "四、", found "六、"'],
      output: lines('一、甲', '二、乙', '三、丙', '四、丁'),
    },
    {
      name: 'a restart at 一、 with no part title: one warning, a suggestion, no fix',
      text: lines('在全市工作会议上的讲话', '一、甲', '二、乙', '三、丙', '下面请王建国同志作总结讲话。', '一、丁', '二、戊'),
      errors: ['6:1-3 Numbering starts again at "一、" after "三、": a new part? Add a part title, or renumber ("四、")'],
      severities: ['warning'],
      suggested: [lines('在全市工作会议上的讲话', '一、甲', '二、乙', '三、丙', '下面请王建国同志作总结讲话。', '四、丁', '五、戊')],
    },
    {
      name: 'a restart at （一） under one parent',
      text: lines('一、甲', '（一）a。正文', '（二）b。正文', '（一）c。正文', '（二）d。正文', '二、乙'),
      errors: ['4:1-4 Numbering starts again at "（一）" after "（二）"'],
      severities: ['warning'],
      suggested: [lines('一、甲', '（一）a。正文', '（二）b。正文', '（三）c。正文', '（四）d。正文', '二、乙')],
    },
    {
      name: 'after a restart the new count is checked on its own',
      text: lines('一、甲', '二、乙', '三、丙', '下面讲第二个问题。', '一、丁', '三、戊'),
      errors: ['5:1-3 Numbering starts again at "一、"', '6:1-3 skips from "一、" to "三、": expected "二、"'],
      severities: ['warning', 'error'],
      suggested: [lines('一、甲', '二、乙', '三、丙', '下面讲第二个问题。', '四、丁', '三、戊'), undefined],
      output: lines('一、甲', '二、乙', '三、丙', '下面讲第二个问题。', '一、丁', '二、戊'),
    },
    {
      name: 'a second speech whose first heading is misnumbered',
      text: lines('在全市工作会议上的讲话', '一、甲', '二、乙', '三、丙', '王建国同志的总结讲话', '二、丁', '三、戊'),
      errors: ['6:1-3 run starts at "二、": expected "一、"'],
      output: lines('在全市工作会议上的讲话', '一、甲', '二、乙', '三、丙', '王建国同志的总结讲话', '一、丁', '二、戊'),
    },
    {
      name: 'a split heading is renumbered on the line that holds its numeral',
      text: lines('一、甲', '（一）a。正文', '（三', '）b。正文', '（四）c。正文', '二、乙'),
      errors: ['3:1-2 skips from "（一）" to "（三）": expected "（二）"'],
      output: lines('一、甲', '（一）a。正文', '（二', '）b。正文', '（三）c。正文', '二、乙'),
    },
  ],
});

ruleTable('heading-hierarchy', {
  valid: [
    lines('一、甲', '（一）a', '1.b', '（1）c', '①d', '（二）e', '二、乙'),
    { name: 'missing top level', text: lines('（一）a', '（二）b', '1.c') },
    { name: 'appendix after the speech', text: lines('一、甲', '二、乙', '附件1', '（一）a', '（二）b') },
    { name: 'skipped level off', options: { skippedLevel: 'off' }, text: lines('一、甲', '1.a', '2.b', '二、乙') },
    { name: 'a second document numbered from （一） after one with 一、', text: lines('讲话', '一、甲', '（一）a', '二、乙', '王建国同志的总结讲话', '正文。', '一、丙', '二、丁') },
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
    {
      name: 'a standalone heading with sub-items among run-in siblings takes no 。',
      text: lines('一、总体要求', '二、守牢安全底线', '（一）保障食品安全', '1.落实责任。健全三级包保体系。', '2.开展整治。全覆盖检查食堂。', '（二）保障特种设备安全。开展隐患排查整治。', '（三）保障药品安全。加强监督检查。', '三、提升效能'),
    },
    {
      name: 'State Council layout: run-in headings set as paragraphs of their own',
      text: lines(
        '一、完善国家职业教育制度体系',
        '（一）健全国家职业教育制度框架。',
        '把握好正确的改革方向，严把教学标准和毕业学生质量标准两个关口。',
        '（二）提高中等职业教育发展水平。',
        '优化教育结构，把发展中等职业教育作为普及高中阶段教育的重要基础。',
        '（三）推进高等职业教育高质量发展。',
        '把发展高等职业教育作为优化高等教育结构的重要方式。',
        '二、构建职业教育国家标准',
        '（四）完善教育教学相关标准。',
        '发挥标准在职业教育质量提升中的基础性作用。',
      ),
    },
    {
      name: 'run-in headings, some with the body on the line and some without',
      text: lines('一、甲', '（一）加强领导。各级党委要……', '（二）完善制度。', '建立健全工作制度。', '（三）强化保障。各地要……'),
    },
    {
      name: 'each part keeps its own style (titles under 一、, sentences under 二、)',
      text: lines('一、总体要求', '（一）指导思想', '坚持……', '（二）基本原则', '坚持……', '二、重点任务', '（三）推进改革。', '要……', '（四）强化监管。', '要……'),
    },
    {
      name: 'a ： that introduces ①②③ on the next lines',
      text: lines('一、甲', '（一）乙', '1.丙', '（1）建立台账。', '（2）完善机制，具体做法是：', '①每月通报一次；', '②每季度督查一次；', '③年底考核。', '（3）加强督导。', '2.丁'),
    },
    { name: 'a ： that introduces 一是…二是…', text: lines('一、甲', '（一）强化要素保障：', '一是加强资金保障；二是加强用地保障。', '（二）乙') },
    {
      name: 'decisions 1、…。 are a list, not headings',
      text: lines('一 土改', '', '1、农忙时一律停一下，总结经验。', '', '2、争取今年丰收。', '', '3、依靠县农民代表会及训练班。', '', '二 城市工作', '', '1、加强党委对城市工作的领导。', '', '2、向干部做教育，明确依靠工人阶级的思想。'),
    },
    {
      name: 'glossary entries with the definition on the next line',
      text: lines('一、甲', '二、乙', '名词解释', '1.“四上”企业：', '规模以上工业企业、有资质的建筑业企业等的统称。', '2.专精特新：', '指具有专业化、精细化、特色化、新颖化特征的企业。'),
    },
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
    {
      name: 'the one sibling with 。 among titles',
      text: lines('一、甲', '（一）加强组织领导', '（二）完善工作机制', '（三）强化督导考核。', '（四）营造良好氛围', '二、乙'),
      errors: ['4:10-11 ends with "。": a heading takes no ending punctuation'],
      output: lines('一、甲', '（一）加强组织领导', '（二）完善工作机制', '（三）强化督导考核', '（四）营造良好氛围', '二、乙'),
    },
    {
      name: 'the one sibling without 。 in the run-in style: a suggestion',
      text: lines('一、甲', '（一）加强组织领导。', '正文。', '（二）完善工作机制', '正文。', '（三）强化督导考核。', '正文。', '（四）营造良好氛围。', '正文。'),
      errors: ['4:4-10 ends without "。" while its 3 siblings end with it'],
      suggested: [lines('一、甲', '（一）加强组织领导。', '正文。', '（二）完善工作机制。', '正文。', '（三）强化督导考核。', '正文。', '（四）营造良好氛围。', '正文。')],
    },
    {
      name: 'a ； in the run-in style becomes 。',
      text: lines('一、甲', '（一）加强组织领导。', '正文。', '（二）完善工作机制；', '正文。', '（三）强化督导考核。', '正文。'),
      errors: ['4:10-11 ends with "；": its siblings end with "。"'],
      output: lines('一、甲', '（一）加强组织领导。', '正文。', '（二）完善工作机制。', '正文。', '（三）强化督导考核。', '正文。'),
    },
    {
      name: 'a ： before sub-headings introduces no list',
      text: lines('一、统筹发展和安全：', '（一）加强校园安全管理', '（二）加强意识形态工作', '二、抓好组织实施'),
      errors: ['1:10-11 ends with "："'],
      output: lines('一、统筹发展和安全', '（一）加强校园安全管理', '（二）加强意识形态工作', '二、抓好组织实施'),
    },
    {
      name: 'Markdown bold heading lacking the 。 of its siblings',
      markdown: true,
      text: lines('## 一、甲', '', '**（一）加强组织领导。**', '', '正文。', '', '**（二）完善工作机制**', '', '正文。', '', '**（三）强化督导考核。**', '', '正文。'),
      errors: ['7:6-12 ends without "。"'],
      suggested: [lines('## 一、甲', '', '**（一）加强组织领导。**', '', '正文。', '', '**（二）完善工作机制。**', '', '正文。', '', '**（三）强化督导考核。**', '', '正文。')],
    },
  ],
});

describe('one problem per break', () => {
  it('names the later markers its fix renumbers as related ranges', () => {
    const problems = lintText(lines('一、甲', '二、乙', '四、丁', '五、戊', '六、己')).filter((p) => p.rule === 'heading-sequence');
    expect(problems).toHaveLength(1);
    expect(problems[0].line).toBe(2);
    expect(problems[0].related?.map((r) => [r.line, r.column, r.endColumn])).toEqual([[3, 0, 2], [4, 0, 2]]);
    expect(problems[0].fix?.map((e) => [e.line, e.text])).toEqual([[2, '三'], [3, '四'], [4, '五']]);
  });

  it('an ambiguous restart has no fix, only a suggestion that renumbers the rest, and fixing leaves it alone', () => {
    const text = lines('一、甲', '二、乙', '正文。', '一、丙', '二、丁');
    const problems = lintText(text).filter((p) => p.rule === 'heading-sequence');
    expect(problems.map((p) => [p.line, p.severity, p.fix, p.related])).toEqual([[3, 'warning', undefined, undefined]]);
    expect(problems[0].suggestions?.[0].edits.map((e) => [e.line, e.text])).toEqual([[3, '三'], [4, '四']]);
    expect(fixText(text).text).toBe(text);
  });

  it('a split heading: the join edit runs from the end of the fragment to the next line’s content', () => {
    const problems = lintText(lines('一、甲', '（一）a', '（  ', '　　二）b')).filter((p) => p.rule === 'heading-marker');
    expect(problems).toHaveLength(1);
    const p = problems[0];
    expect([p.line, p.column, p.endLine, p.endColumn]).toEqual([2, 0, 3, 4]);
    expect(p.fix).toEqual([{ line: 2, start: 1, endLine: 3, end: 2, text: '' }]);
  });
});
