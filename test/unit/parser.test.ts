import { describe, expect, it } from 'vitest';
import { isDraft } from '../../src/core/outline';
import { fixText } from '../../src/core/lint';
import { parseDraft } from '../../src/core/parser';
import { outlineLines, readSeed } from './helpers';

const outline = (text: string, markdown = false) => outlineLines(parseDraft(text, { markdown }));

describe('parseDraft on the seed speech', () => {
  const model = parseDraft(readSeed());

  it('finds the title, 一、 and 二、, and (一)–(四) under 二、', () => {
    expect(outlineLines(model)).toEqual([
      'title: 市教育局局长在理论学习中心组会上的研讨发言材料',
      '4 L1 一、 | 学悟大会精神、唱响“忠诚之歌”,以“忘我奋斗”书写许报国、矢志不渝的“答卷”',
      '7 L1 二、 | 学悟大会精神、唱响“担当之歌”,以“斗争豪情”书写奋战一线、无惧无畏的“答卷”',
      '9   L2 (一) | 推动学前教育普及普惠安全优质发展',
      '10   L2 (二) | 推进义务教育优质均衡发展和城乡一体化',
      '11   L2 (三) | 推动高中阶段学校多样化发展',
      '12   L2 (四) | 大力发展职业教育',
    ]);
    expect(isDraft(model)).toBe(true);
  });

  it('records the half-width brackets of (一) for the checks', () => {
    const h = model.headings.find((x) => x.level === 2)!;
    expect(h.marker.deviations).toEqual(['half-width-bracket']);
    expect(h.runIn).toBe(true);
  });

  it('gives each section its range and character count', () => {
    const [one, two] = model.sections;
    expect([one.heading.line, one.endLine]).toEqual([3, 5]);
    // The web copy's cut (`......`, 预览结束 and the page's furniture) is not part of 二、.
    expect([two.heading.line, two.endLine]).toEqual([6, 11]);
    expect(model.closings).toEqual([{ line: 12, kind: 'cut' }]);
    expect(two.children[0].endLine).toBe(8);
    // A section counts its children.
    const sumChildren = two.children.reduce((a, c) => a + c.chars, 0);
    expect(two.chars).toBeGreaterThan(sumChildren);
    expect(two.charsWithPunctuation).toBeGreaterThan(two.chars);
  });

  it('finds the 一是…二是…三是 enumeration of the first part', () => {
    const items = model.enumerations.filter((e) => e.family === '是');
    expect(items.map((e) => [e.line + 1, e.text, e.number])).toEqual([
      [6, '一是', 1],
      [6, '二是', 2],
      [6, '三是', 3],
    ]);
    expect(items.every((e) => e.heading === 0)).toBe(true);
  });
});

describe('headings', () => {
  it.each([
    // [text, expected outline (without title line)]
    ['一、总体要求\n二、重点任务', ['1 L1 一、 | 总体要求', '2 L1 二、 | 重点任务']],
    ['　　一、总体要求\n\t二、重点任务', ['1 L1 一、 | 总体要求', '2 L1 二、 | 重点任务']],
    ['一、 总体要求\n二、　重点任务', ['1 L1 一、 | 总体要求', '2 L1 二、 | 重点任务']],
    ['一、总体要求。\n二、重点任务；', ['1 L1 一、 | 总体要求', '2 L1 二、 | 重点任务']],
    ['一、为什么要学？\n二、怎么学！', ['1 L1 一、 | 为什么要学？', '2 L1 二、 | 怎么学！']],
    [
      '（一）推动“两个确立”走深走实。我们要……\n（二）主要任务：一是加强领导；二是强化保障。',
      ['1 L2 （一） | 推动“两个确立”走深走实', '2 L2 （二） | 主要任务'],
    ],
    ['（一）关于“怎么办？”的问题。正文\n（二）结语', ['1 L2 （一） | 关于“怎么办？”的问题', '2 L2 （二） | 结语']],
  ])('%j', (text, expected) => {
    expect(outline(text).slice(1)).toEqual(expected);
  });

  it('nests by level and lets a level be skipped', () => {
    expect(outline('一、总体要求\n1.深入学习。正文\n2.全面贯彻。正文\n二、重点任务\n（一）抓落实').slice(1)).toEqual([
      '1 L1 一、 | 总体要求',
      '2   L3 1. | 深入学习',
      '3   L3 2. | 全面贯彻',
      '4 L1 二、 | 重点任务',
      '5   L2 （一） | 抓落实',
    ]);
  });

  it('restarts the top level under part titles and appendices', () => {
    const text = '第一部分 回顾\n一、成绩\n二、问题\n第二部分 安排\n一、目标\n附件1\n一、说明\n二、要求';
    expect(outline(text).slice(1)).toEqual([
      '1 L0 第一部分 | 回顾',
      '2   L1 一、 | 成绩',
      '3   L1 二、 | 问题',
      '4 L0 第二部分 | 安排',
      '5   L1 一、 | 目标',
      '6 L0 附件1 | ',
      '7   L1 一、 | 说明',
      '8   L1 二、 | 要求',
    ]);
  });

  it('does not take the attachment note 附件：《名称》 in the body for an appendix; 附件 alone starts one', () => {
    const text = '一、甲\n二、乙\n　　附件：深化改革典型经验做法\n\n国务院办公厅\n2024年2月26日\n\n附件\n\n深化改革典型经验做法\n\n一、便利市场准入\n二、提升监管效能';
    expect(outline(text).slice(1).map((l) => l.replace(/^\d+ /, ''))).toEqual(['L1 一、 | 甲', 'L1 二、 | 乙', 'L0 附件 | ', '  L1 一、 | 便利市场准入', '  L1 二、 | 提升监管效能']);
  });

  it('does not take the attachment note of a 公文 (附件：1.…) for an appendix', () => {
    expect(outline('一、甲\n二、乙\n附件：1.关于做好某项工作的通知\n　　　2.名单').slice(1)).toEqual([
      '1 L1 一、 | 甲',
      '2 L1 二、 | 乙',
    ]);
  });

  it('keeps short lists after a colon, and clause lists, out of the outline', () => {
    const text = [
      '一、总体要求',
      '（一）加强领导。主要做到以下几点：',
      '1.提高认识；',
      '2.压实责任；',
      '3.强化督导。',
      '（二）完善制度。要求如下：',
      '（1）建立台账。',
      '（2）定期通报。',
      '（三）抓好落实。正文',
    ].join('\n');
    const model = parseDraft(text);
    expect(outlineLines(model).slice(1)).toEqual([
      '1 L1 一、 | 总体要求',
      '2   L2 （一） | 加强领导',
      '6   L2 （二） | 完善制度',
      '9   L2 （三） | 抓好落实',
    ]);
    expect(model.listItems.map((h) => h.line + 1)).toEqual([3, 4, 5, 7, 8]);
  });

  it('keeps run-in 1. headings after a colon line as headings', () => {
    const text = '（一）加强领导\n主要做了以下工作：\n1.抓学习。组织专题学习12次。\n2.抓落实。建立台账。';
    expect(outline(text).slice(1)).toEqual(['1 L2 （一） | 加强领导', '3   L3 1. | 抓学习', '4   L3 2. | 抓落实']);
  });
});

describe('a second speech in the same file', () => {
  it('restarts 一、 under its own title', () => {
    const text = ['在甲会议上的讲话', '同志们：', '一、甲', '二、乙', '', '在乙会议上的讲话', '（2024年3月1日）', '同志们：', '一、丙', '二、丁'].join('\n');
    expect(outline(text)).toEqual([
      'title: 在甲会议上的讲话',
      '3 L1 一、 | 甲',
      '4 L1 二、 | 乙',
      '6 L0 | 在乙会议上的讲话',
      '9   L1 一、 | 丙',
      '10   L1 二、 | 丁',
    ]);
  });

  it('takes a title line before 一、 starting again for a new speech, with no salutation after it', () => {
    const text = ['在甲会议上的讲话', '一、甲', '正文。', '二、乙', '谢谢大家！', '王建国同志的总结讲话', '（根据录音整理）', '这次会议开得很好。', '一、丙', '二、丁'].join('\n');
    expect(outline(text).slice(1)).toEqual(['2 L1 一、 | 甲', '4 L1 二、 | 乙', '6 L0 | 王建国同志的总结讲话', '9   L1 一、 | 丙', '10   L1 二、 | 丁']);
  });

  it('does the same for documents numbered from （一）, but not for （一） starting again under 一、', () => {
    expect(outline(['讲话', '（一）甲', '（二）乙', '在闭幕会上的讲话', '（一）丙'].join('\n')).slice(1)).toEqual([
      '2 L2 （一） | 甲',
      '3 L2 （二） | 乙',
      '4 L0 | 在闭幕会上的讲话',
      '5   L2 （一） | 丙',
    ]);
    expect(outline(['讲话', '一、甲', '（一）a', '（二）b', '下一步工作打算', '（一）c'].join('\n')).slice(1)).toEqual([
      '2 L1 一、 | 甲',
      '3   L2 （一） | a',
      '4   L2 （二） | b',
      '6   L2 （一） | c',
    ]);
  });

  it('takes the document a 转发通知 forwards as a part: its title follows the 落款', () => {
    const text = ['关于转发市教育局工作方案的通知', '各区教育局：', '现将方案转发给你们，请认真执行。', '江川市人民政府办公室', '2024年4月8日', '江川市招生入学工作方案', '一、指导思想', '二、工作要求'].join('\n');
    expect(outline(text).slice(1)).toEqual(['6 L0 | 江川市招生入学工作方案', '7   L1 一、 | 指导思想', '8   L1 二、 | 工作要求']);
    // Without the 落款, a line before the first heading is the document's own (a subtitle, an issuer).
    expect(outline(['江川市招生入学工作方案', '江川市教育局制定实施', '一、指导思想', '二、工作要求'].join('\n')).slice(1)).toEqual(['3 L1 一、 | 指导思想', '4 L1 二、 | 工作要求']);
  });

  it('does not take a short body line for a title', () => {
    const text = ['讲话', '一、甲', '正文第一段', '正文第二段', '二、乙'].join('\n');
    expect(outline(text).slice(1)).toEqual(['2 L1 一、 | 甲', '5 L1 二、 | 乙']);
  });
});

describe('parts and split headings', () => {
  it('reads §1. §2. as part titles', () => {
    expect(outline(['方案', '§1. 总体要求', '一、目标', '§2 重点任务', '一、任务', '§3、保障措施', '§1.1 不是部分'].join('\n')).slice(1)).toEqual([
      '2 L0 §1. | 总体要求',
      '3   L1 一、 | 目标',
      '4 L0 §2 | 重点任务',
      '5   L1 一、 | 任务',
      '6 L0 §3、 | 保障措施',
    ]);
  });

  it('reads a heading broken over two lines as one heading on the line of its title', () => {
    const model = parseDraft(['一、甲', '（一）a', '（', '二）b。正文', '（三', '）c', '四、', '', '丁'].join('\n'));
    expect(outlineLines(model).slice(1)).toEqual(['1 L1 一、 | 甲', '2   L2 （一） | a', '4   L2 （二） | b', '6   L2 （三） | c', '9 L1 四、 | 丁']);
    const [, , b, c, d] = model.headings;
    expect(b.split).toEqual({ line: 2, start: 0, end: 1, numeral: undefined });
    expect([b.marker.numeralStart, b.marker.numeralEnd, b.marker.end, b.runIn]).toEqual([0, 1, 2, true]);
    expect(c.split).toEqual({ line: 4, start: 0, end: 2, numeral: { start: 1, end: 2 } });
    expect(d.split?.line).toBe(6);
    // The section before a split heading ends before its first line.
    expect(model.sections[0].children[0].endLine).toBe(1);
  });

  it('does not join lines that do not complete a marker', () => {
    expect(outline(['一、甲', '（', 'PM', '2.5', '）浓度', '一', '方阵。', '（十', '三）x', '二、乙'].join('\n')).slice(1)).toEqual(['1 L1 一、 | 甲', '10 L1 二、 | 乙']);
  });
});

describe('titles', () => {
  it('takes the first line as the title, not the subtitle, date or salutation', () => {
    const text = '在全市教育工作会议上的讲话\n——立足新起点 谱写新篇章\n（2024年2月20日）\n张三\n同志们：\n一、成绩\n二、问题';
    const m = parseDraft(text);
    expect(m.title).toMatchObject({ line: 0, text: '在全市教育工作会议上的讲话' });
    expect(m.headings.map((h) => h.line)).toEqual([5, 6]);
  });

  it.each([
    ['同志们：\n一、成绩\n二、问题', undefined],
    ['一、成绩\n二、问题', undefined],
    ['今年是全面贯彻党的二十大精神的开局之年。\n一、成绩\n二、问题', undefined],
    ['\n\n　　关于2024年工作的报告\n一、成绩', '关于2024年工作的报告'],
  ])('%j → %s', (text, title) => {
    expect(parseDraft(text).title?.text).toBe(title);
  });
});

describe('Markdown', () => {
  it('reads markers after #, > and inside **bold**', () => {
    const md = [
      '# 2024年工作要点',
      '',
      '## 一、总体要求',
      '',
      '**（一）推动学前教育发展。**学前教育是……',
      '',
      '> （二）引用中的标题',
      '',
      '**二、重点任务**',
      '## 三、保障措施。 ##',
      '四、**组织实施**',
      '### 附录',
      '### 参考资料',
    ].join('\n');
    expect(outline(md, true)).toEqual([
      'title: 2024年工作要点',
      '3 L1 一、 | 总体要求',
      '5   L2 （一） | 推动学前教育发展',
      '7   L2 （二） | 引用中的标题',
      '9 L1 二、 | 重点任务',
      '10 L1 三、 | 保障措施',
      '11 L1 四、 | 组织实施',
      '12 L0 附录 | ',
      '13 L0 | 参考资料',
    ]);
  });

  it('ignores front matter, code, comments and link definitions', () => {
    const md = [
      '---',
      'title: 一、不是标题',
      '---',
      '一、总体要求',
      '```',
      '二、代码里的',
      '1. 代码里的',
      '```',
      '<!--',
      '（一）注释里的',
      '-->',
      '<!-- （二）单行注释 -->',
      '[一]: https://example.com',
      '',
      '    （三）缩进代码',
      '',
      '二、重点任务',
    ].join('\n');
    expect(outline(md, true).slice(1)).toEqual(['4 L1 一、 | 总体要求', '17 L1 二、 | 重点任务']);
  });

  it('treats a top-level ordered list as a list, and 1. under （一） as headings', () => {
    const md = ['1. 打开文件', '2. 保存文件', '', '一、甲', '（一）乙', '1. 深入学习', '', '正文', '2. 全面贯彻', '', '正文'].join('\n');
    expect(outline(md, true).slice(1)).toEqual(['4 L1 一、 | 甲', '5   L2 （一） | 乙', '6     L3 1. | 深入学习', '9     L3 2. | 全面贯彻']);
  });
});

describe('robustness', () => {
  const nasty = [
    '', '\r', '\r\n\r\n', '\n\n\n', '\uFEFF一、甲\r\n二、乙\r', '一、\u0000\u0000', '\uD800一、甲\n\uDC00二、乙',
    '（' .repeat(10000), '一、' + '甲'.repeat(1_000_000), '1.'.repeat(200000), '**'.repeat(1000), '```\n一、甲',
    '<!--\n一、甲', '---\ntitle: x', '# ' + '#'.repeat(100), '> > > > （一）甲\n> （二）乙',
  ];
  it.each(nasty.map((t) => [t.slice(0, 20), t]))('never throws on %j', (_label, text) => {
    for (const markdown of [false, true]) {
      const m = parseDraft(text, { markdown });
      expect(m.lines.length).toBeGreaterThan(0);
      outlineLines(m);
    }
  });

  it('splits lines like VS Code (CRLF, LF and CR) and drops a BOM', () => {
    const m = parseDraft('\uFEFF标题\r\n一、甲\r二、乙\n（一）丙');
    expect(m.lines).toEqual(['标题', '一、甲', '二、乙', '（一）丙']);
    expect(m.eols).toEqual(['\r\n', '\r', '\n', '']);
    expect(outlineLines(m)).toEqual(['title: 标题', '2 L1 一、 | 甲', '3 L1 二、 | 乙', '4   L2 （一） | 丙']);
  });
});

describe('numbered sentences that are not headings', () => {
  it('takes an annex list of whole-sentence items for a list', () => {
    const places = ['北京市', '天津市', '河北省', '山西省', '辽宁省', '吉林省', '上海市', '江苏省', '浙江省', '安徽省', '福建省', '江西省', '山东省', '河南省', '湖北省', '湖南省', '广东省', '四川省', '贵州省', '云南省', '陕西省', '甘肃省'];
    const items = places.map((p, i) => `${i + 1}.${p}大力推进“放管服”改革，优化营商环境，企业开办时间压缩至3个工作日以内。`);
    const text = ['关于通报表扬的通知', '一、表扬对象', '正文。', '二、有关要求', '正文。', '附件', '典型经验做法名单', ...items].join('\n');
    const model = parseDraft(text);
    expect(outlineLines(model).slice(1)).toEqual(['2 L1 一、 | 表扬对象', '4 L1 二、 | 有关要求', '6 L0 附件 | ']);
    expect(model.listItems).toHaveLength(places.length);
  });

  it('takes 1、 decisions ending in 。 for a list, even when one reads like a run-in heading', () => {
    const text = [
      '一 土改', '', '1、农忙时一律停一下，总结经验。', '', '2、争取今年丰收。', '', '3、积极造成条件。凡条件不成熟者，不要勉强去做。', '', '4、土改完成，立即转入生产。',
      '', '二 整党', '', '1、我们的党是伟大的，光荣的，正确的，这是主要方面，必须加以肯定，并向各级干部讲明白。但是存在着问题。',
      '', '2、整党、建党，均须实行严格的控制。', '', '3、整党，应以三年时间实现之。其步骤另定。', '', '4、建党必须采取慎重的方针。城市着重在产业工人中建立党的组织。',
    ].join('\n');
    const model = parseDraft(text);
    expect(outlineLines(model).slice(1)).toEqual(['1 L1 一 | 土改', '11 L1 二 | 整党']);
    expect(model.listItems).toHaveLength(8);
  });

  it('keeps run-in 1. headings (a short heading sentence, then the body) as headings', () => {
    const text = [
      '一、总体要求', '正文。', '二、工作措施',
      '1.摸底排查。各地以县为单位，对城镇小区配套幼儿园情况进行全面摸底排查。',
      '2.全面整改。针对摸底排查出的问题，认真制定有针对性的整改措施。',
      '3.监督评估。对各地自查、摸排、整改等环节加强督导。',
    ].join('\n');
    expect(outline(text).slice(1)).toEqual(['1 L1 一、 | 总体要求', '3 L1 二、 | 工作措施', '4   L3 1. | 摸底排查', '5   L3 2. | 全面整改', '6   L3 3. | 监督评估']);
  });

  it('keeps standalone 1.…。 headings with a body paragraph each as headings', () => {
    const text = ['一、甲', '二、乙', '1.摸底排查。', '各地以县为单位进行全面摸底排查。', '2.全面整改。', '针对问题逐一整改。'].join('\n');
    expect(outline(text).slice(3)).toEqual(['3   L3 1. | 摸底排查', '5   L3 2. | 全面整改']);
  });

  it('takes glossary entries for a list, the definition on the line or on the next', () => {
    const same = ['一、甲', '二、乙', '名词解释', '1.“四上”企业：规模以上工业企业、有资质的建筑业企业等的统称。', '2.专精特新：指具有专业化、精细化、特色化、新颖化特征的企业。'].join('\n');
    const next = ['一、甲', '二、乙', '名词解释', '1.“四上”企业：', '规模以上工业企业、有资质的建筑业企业等的统称。', '2.专精特新：', '指具有专业化、精细化、特色化、新颖化特征的企业。'].join('\n');
    for (const text of [same, next]) {
      const model = parseDraft(text);
      expect(outlineLines(model).slice(1)).toEqual(['1 L1 一、 | 甲', '2 L1 二、 | 乙', '3 L0 名词解释 | ']);
      expect(model.listItems).toHaveLength(2);
    }
  });

  it('keeps a sub-section with children a heading', () => {
    const text = ['一、甲', '（一）乙', '1.完善制度。', '（1）建立台账', '正文。', '（2）定期通报', '正文。', '2.强化督导。'].join('\n');
    expect(outline(text).slice(1).map((l) => l.replace(/ \|.*/, ''))).toEqual(['1 L1 一、', '2   L2 （一）', '3     L3 1.', '4       L4 （1）', '6       L4 （2）', '8     L3 2.']);
  });
});

describe('markers next to emoji and invisible characters', () => {
  it('reads 一、😀开场 as a heading with the emoji in its title', () => {
    expect(outline('一、😀开场\n正文。\n二、主体\n三、结尾').slice(1)).toEqual(['1 L1 一、 | 😀开场', '3 L1 二、 | 主体', '4 L1 三、 | 结尾']);
  });

  it('takes a zero-width character or a stray BOM before a marker for indentation, and drops it from the title', () => {
    const text = '讲话\n\u200B一、总体要求\n正文。\n\uFEFF二、\u200B重点任务\n\u200B\u3000\u3000（一）推进改革。正文。\n三、保障措施';
    expect(outline(text).slice(1)).toEqual(['2 L1 一、 | 总体要求', '4 L1 二、 | 重点任务', '5   L2 （一） | 推进改革', '6 L1 三、 | 保障措施']);
  });

  it('gives --fix nothing to renumber', () => {
    for (const text of ['一、😀开场\n二、主体\n三、结尾', '\u200B一、总体要求\n二、重点任务\n三、保障措施']) {
      expect(fixText(text).text).toBe(text);
    }
  });
});

describe('closings', () => {
  const speech = (...tail: string[]) => ['讲话稿', '同志们：', '开场白。', '一、甲', '正文甲。', '二、乙', '（一）丙', '正文丙。', ...tail].join('\n');
  const ends = (text: string, markdown = false) => {
    const m = parseDraft(text, { markdown });
    const two = m.sections[m.sections.length - 1];
    return { closings: m.closings, two: two.endLine, child: two.children[two.children.length - 1]?.endLine };
  };

  it.each([
    ['同志们，让我们团结奋斗！', 'address'],
    ['同志们、朋友们！新的征程已经开启。', 'address'],
    ['各位代表！蓝图已经绘就。', 'address'],
    ['谢谢大家！', 'thanks'],
    ['谢谢！', 'thanks'],
    ['以上发言，不妥之处，请批评指正。', 'formula'],
    ['以上报告，请审议。', 'formula'],
    ['以上是我的几点粗浅体会。', 'formula'],
    ['预览结束，获取全文请联系老师！', 'cut'],
    ['责任编辑：张三', 'boilerplate'],
    ['相关报道', 'boilerplate'],
    ['分享到：微信 微博', 'boilerplate'],
    ['https://example.com/share?id=1', 'boilerplate'],
    ['------------------', 'notes'],
    ['注释', 'notes'],
    ['（《选集》第五卷，人民出版社1977年版，第38页）', 'notes'],
  ])('%s ends the last sections before it (%s)', (closing, kind) => {
    const r = ends(speech('', closing, '更多文字。'));
    expect(r.closings).toEqual([{ line: 9, kind }]);
    expect([r.two, r.child]).toEqual([7, 7]);
  });

  it('the address, the thanks and a signature together: the closing starts at the first', () => {
    const r = ends(speech('同志们，让我们团结奋斗！', '谢谢大家！'));
    expect(r.closings).toEqual([{ line: 8, kind: 'address' }]);
    expect(r.two).toBe(7);
  });

  it('a 公文: the issuer and the date of signature, then （此件公开发布）', () => {
    const text = ['关于做好某项工作的通知', '一、甲', '正文。', '二、乙', '正文。', '请认真贯彻执行。', '国务院办公厅\u00a0\u00a0', '2019年1月9日', '（此件公开发布）'].join('\n');
    expect(ends(text)).toMatchObject({ closings: [{ line: 6, kind: 'signature' }], two: 5 });
    // A date with body text after it is no signature.
    expect(ends(text.replace('（此件公开发布）', '这是正文的一段。')).closings).toEqual([]);
  });

  it('同志们， inside a section with more paragraphs after it is body text', () => {
    const text = speech('同志们，这项工作很重要。', '第二段。', '第三段。', '第四段。');
    expect(ends(text)).toMatchObject({ closings: [], two: 11 });
    // Mid-speech (inside 一、) it never closes anything.
    const mid = ['讲话稿', '一、甲', '正文。', '同志们，让我们团结奋斗！', '二、乙', '正文。'].join('\n');
    expect(parseDraft(mid).sections[0].endLine).toBe(3);
    expect(parseDraft(mid).closings).toEqual([]);
  });

  it('needs content of the last section before it (a cut does not)', () => {
    expect(ends(['讲话稿', '一、甲', '正文。', '二、乙', '谢谢大家！'].join('\n'))).toMatchObject({ closings: [], two: 4 });
    expect(ends(['讲话稿', '一、甲', '正文。', '二、乙', '……', '预览结束'].join('\n'))).toMatchObject({ closings: [{ line: 4, kind: 'cut' }], two: 3 });
    // A run-in heading carries its own content.
    expect(ends(['讲话稿', '一、甲', '正文。', '二、乙。正文乙。', '谢谢大家！'].join('\n'))).toMatchObject({ closings: [{ line: 4, kind: 'thanks' }], two: 3 });
  });

  it('a lone …… followed by more of the speech is an omission, not a cut', () => {
    expect(ends(speech('……', '正文。', '正文。')).closings).toEqual([]);
    expect(ends(speech('……')).closings).toEqual([{ line: 8, kind: 'cut' }]);
    expect(ends(speech('......', '预览结束，获取全文请联系老师！', '《讲话稿》所在栏目：范文')).closings).toEqual([{ line: 8, kind: 'cut' }]);
  });

  it('closes the speech before an appendix', () => {
    const text = ['讲话稿', '一、甲', '正文。', '二、乙', '正文。', '谢谢大家！', '', '附件1', '一、丙', '正文。', '……', '正文。'].join('\n');
    const m = parseDraft(text);
    expect(m.closings).toEqual([{ line: 5, kind: 'thanks' }]);
    expect(m.sections.map((s) => [s.heading.line, s.endLine])).toEqual([[1, 2], [3, 4], [7, 11]]);
  });

  it('in Markdown, emphasis and a thematic break', () => {
    const text = ['# 讲话稿', '## 一、甲', '正文。', '## 二、乙', '正文。', '**谢谢大家！**'].join('\n');
    expect(ends(text, true)).toMatchObject({ closings: [{ line: 5, kind: 'thanks' }], two: 4 });
  });

  it('counts stop at the closing', () => {
    const with_ = parseDraft(speech('谢谢大家！'));
    const without = parseDraft(speech());
    expect(with_.sections[1].chars).toBe(without.sections[1].chars);
    expect(with_.chars).toBeGreaterThan(without.chars);
  });

  it('a long tail of closing-like lines: the first date line ends the speech (speed: npm run bench)', () => {
    const text = speech(...Array.from({ length: 50_000 }, (_, i) => (i % 2 ? '同志们，' + '甲'.repeat(50) : '2019年1月9日')));
    const m = parseDraft(text);
    expect(m.closings[0]).toEqual({ line: 8, kind: 'signature' });
    expect(m.sections[1].endLine).toBe(7);
  });
});
