import { REPEATED_CHAR_VALID } from './repeated-char-cases';
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
  valid: [
    ...REPEATED_CHAR_VALID.map((text) => doc(text)),
    { name: 'Markdown code is left alone', markdown: true, text: lines('## 一、甲', '', '## 二、乙', '', '代码`的的`不查。') },
  ],
  invalid: [
    {
      name: 'punctuation is fixed, characters are suggested',
      text: doc('这是我们的的工作重点，，必须抓好了了。'),
      errors: ['2:5-7 "的的"', '2:11-13 "，，"', '2:17-19 "了了"'],
      output: doc('这是我们的的工作重点，必须抓好了了。'),
      suggested: [doc('这是我们的工作重点，，必须抓好了了。'), undefined, doc('这是我们的的工作重点，，必须抓好了。')],
    },
    {
      name: 'an AABB word then the same character again: the suggestion keeps the word',
      text: doc('实实在在在这里讲，发展的的历程，我们们要。'),
      errors: ['2:3-6 "在在在"', '2:12-14 "的的"', '2:18-20 "们们"'],
      suggested: [doc('实实在在这里讲，发展的的历程，我们们要。'), doc('实实在在在这里讲，发展的历程，我们们要。'), doc('实实在在在这里讲，发展的的历程，我们要。')],
    },
    {
      name: 'typos next to words that start or end in the character',
      text: doc('在在这里开会，所有的的工作，为了了提高，也就罢了了，就就是要干。'),
      errors: ['2:1-3 "在在"', '2:10-12 "的的"', '2:16-18 "了了"', '2:24-26 "了了"', '2:27-29 "就就"'],
      suggested: [
        doc('在这里开会，所有的的工作，为了了提高，也就罢了了，就就是要干。'),
        doc('在在这里开会，所有的工作，为了了提高，也就罢了了，就就是要干。'),
        doc('在在这里开会，所有的的工作，为了提高，也就罢了了，就就是要干。'),
        doc('在在这里开会，所有的的工作，为了了提高，也就罢了，就就是要干。'),
        doc('在在这里开会，所有的的工作，为了了提高，也就罢了了，就是要干。'),
      ],
    },
    {
      name: 'a run of three is one problem',
      text: doc('我们的的的工作，、、、'),
      errors: ['2:3-6 "的的的": "的" typed 3 times', '2:9-12 "、、、"'],
      output: doc('我们的的的工作，、'),
      suggested: [doc('我们的工作，、、、'), undefined],
    },
    {
      name: 'a run of three after a word that ends in the character keeps two',
      text: doc('以调研为目的的的工作。'),
      errors: ['2:6-9 "的的的"'],
      suggested: [doc('以调研为目的的工作。')],
    },
  ],
});
