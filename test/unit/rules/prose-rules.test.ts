import { ruleTable } from './tester';

const lines = (...l: string[]) => l.join('\n');
const doc = (...body: string[]) => lines('一、总体要求', ...body, '二、重点任务');

ruleTable('punctuation-width', {
  valid: [
    doc('全市生产总值约3,000亿元，增长5.2%。会议10:30开始。'),
    doc('详见https://example.com/a,b?c=1:2，或发邮件至 a.b@example.com。'),
    doc('The report says: "Hello, world!" (see p. 3).'),
    { name: 'Markdown links, images and code', markdown: true, text: lines('## 一、甲', '', '## 二、乙', '', '见[链接](https://x.cn/a,b)和![图](a.png)，代码`a,b:c`。') },
    { name: 'heading marker brackets are heading-marker’s', text: lines('一、甲', '(一)乙', '(二)丙', '二、丁') },
  ],
  invalid: [
    {
      name: 'commas, colon, semicolon, ! and ? after Chinese text',
      text: doc('同志们:今年的全国两会,是重要会议;意义重大!为什么?'),
      errors: ['2:4-5 Half-width ":"', '2:12-13 Half-width ","', '2:18-19 Half-width ";"', '2:23-24 Half-width "!"', '2:27-28 Half-width "?"'],
      output: doc('同志们：今年的全国两会，是重要会议；意义重大！为什么？'),
    },
    {
      name: 'a pair of brackets around Chinese or next to it',
      text: doc('会议时间(上午)和地点(PM2.5监测站)。'),
      errors: ['2:5-9 Half-width "( )"', '2:12-22 Half-width "( )"'],
      output: doc('会议时间（上午）和地点（PM2.5监测站）。'),
    },
    {
      name: 'a comma between a number and Chinese',
      text: doc('2024年,我们完成了3项任务,效果良好。'),
      errors: ['2:6-7 Half-width ","', '2:16-17 Half-width ","'],
      output: doc('2024年，我们完成了3项任务，效果良好。'),
    },
  ],
});

ruleTable('placeholder', {
  valid: [doc('深入贯彻落实党的二十大精神，尺码为XXL，型号XXLarge不算。'), { name: 'code is left alone', markdown: true, text: lines('## 一、甲', '', '## 二、乙', '', '`TODO` 在代码中。') }],
  invalid: [
    {
      text: doc('深入贯彻落实XX大精神，XXX同志主持。（此处补充数据）[待补充]××局、某某同志，TODO'),
      errors: ['2:7-9 "XX"', '2:13-16 "XXX"', '2:21-29 "（此处补充数据）"', '2:29-34 "[待补充]"', '2:34-36 "××"', '2:38-40 "某某"', '2:43-47 "TODO"'],
    },
  ],
});

ruleTable('repeated-char', {
  valid: [doc('我们常常讲，要人人参与、天天坚持，分清是是非非，明明白白……谢谢！——完。')],
  invalid: [
    {
      text: doc('这是我们的的工作重点，，必须抓好了了。'),
      errors: ['2:5-7 "的的"', '2:11-13 "，，"', '2:17-19 "了了"'],
      output: doc('这是我们的工作重点，必须抓好了。'),
    },
  ],
});
