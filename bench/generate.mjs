// Deterministic generator of realistic Chinese official-style drafts (讲话稿, 工作报告) for the
// benchmark: the same content as plain text (what Speech Draft reads) and as Markdown (what
// markdownlint reads). No Math.random: a seeded PRNG (mulberry32) makes every run identical.
//
//   node bench/generate.mjs --size 1m [--seed 42] [--out bench/.out/drafts]
//
// A draft is one speech (up to ~130 KB) or, above that, a collection (汇编) of speeches, each under
// a part title 第一部分…, so numbering restarts as DOMAIN.md §1 says. Each speech: title, sometimes
// a subtitle, a salutation (同志们：), parts 一、 with run-in （一） headings, 1. and （1） sub-levels,
// body paragraphs built from genre vocabulary, inline enumerations (一是…二是…, 第一，…, 首先…),
// short lists after a colon, numbers (2.5倍, 2024年, 6.1%), full-width indentation, sometimes
// half-width punctuation, and numbering mistakes at a low rate (a gap, a duplicate, (一), 一., 1、,
// a heading ending in 。, 一是…三是, 第一、). A lone speech restarts its numbering under each parent;
// in a collection about half the speeches number continuously (（一）…（二十） through the speech,
// or 中央文件 style （1）…（33） under 一、).

import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** mulberry32: a small, fast, seeded 32-bit PRNG. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (arr) => arr[Math.floor(next() * arr.length)];
  const chance = (p) => next() < p;
  return { next, int, pick, chance };
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 … 99 as a Chinese ordinal numeral (十一, 二十, 二十一). */
export function cn(n) {
  if (n < 10) return DIGITS[n];
  const t = Math.floor(n / 10);
  const u = n % 10;
  return (t === 1 ? '' : DIGITS[t]) + '十' + DIGITS[u];
}

// ---- Vocabulary of the genre ---------------------------------------------------------------------

const VERBS = [
  '深入贯彻', '全面落实', '统筹推进', '持续深化', '加快推进', '着力提升', '大力实施', '扎实开展', '不断完善',
  '切实加强', '积极稳妥推进', '坚定不移推动', '持之以恒抓好', '健全完善', '优化提升', '巩固拓展', '稳步提高',
  '有效防范化解', '纵深推进', '全力保障', '系统谋划', '精准实施', '协同推进', '高标准建设',
];
const OBJECTS = [
  '高质量发展', '体制机制改革', '营商环境', '乡村全面振兴', '科技创新', '基层治理', '生态环境保护', '基本公共服务',
  '民生保障', '安全生产', '数字经济', '现代化产业体系', '城乡融合发展', '干部队伍建设', '全面从严治党',
  '党风廉政建设', '意识形态工作', '重点项目建设', '招商引资', '教育强市建设', '就业创业', '社会保障体系',
  '医疗卫生服务', '养老托育服务', '公共文化服务', '新质生产力', '法治政府建设', '重大风险隐患', '地方债务风险',
  '县域经济', '开放型经济', '粮食安全', '耕地保护', '营商环境综合改革', '“放管服”改革', '“双减”工作',
  '“千万工程”经验', '“专精特新”企业培育', '产业链供应链韧性', '城市更新行动', '老旧小区改造', '人才引育',
];
const GUIDES = [
  '习近平新时代中国特色社会主义思想', '党的二十大和二十届二中、三中全会精神', '新发展理念',
  '中央经济工作会议精神', '省委、省政府决策部署',
];
const SUBJECTS = ['各级各部门', '全市上下', '各县（市、区）', '市直各单位', '各级领导干部', '广大党员干部'];
const GOALS = [
  '人民群众获得感幸福感安全感', '经济社会发展质量效益', '政府治理能力和水平', '群众满意度', '发展内生动力',
  '区域综合竞争力', '公共服务均衡性和可及性',
];
const ENDINGS = ['落到实处', '取得实效', '见到成效', '落地见效', '全面完成'];
const ADVERBS = ['进一步', '切实', '持续', '加快', '全力', '不断', '着力', '坚决'];
const UNITS = ['个', '家', '所', '项', '万人次', '亿元', '公里', '万亩', '户', '名'];
const CITIES = ['江川市', '临河区', '青山县', '东湖市', '南平县', '西岭区'];
const ORGS = ['委', '人民政府', '教育局', '发展改革委', '委办公室'];
const MEETINGS = [
  '全市经济工作会议', '全区高质量发展推进大会', '理论学习中心组会议', '全县优化营商环境大会',
  '全市教育工作会议', '全面从严治党工作会议', '第十八届人民代表大会第四次会议',
];
const COLON_LEADS = ['重点抓好以下工作：', '具体做好以下几项：', '主要措施包括：', '重点推进以下事项：'];

/** A generator of sentences and paragraphs over one PRNG. */
function writer(r) {
  const vo = () => `${r.pick(VERBS)}${r.pick(OBJECTS)}`;
  const pct = () => `${r.int(1, 30)}.${r.int(1, 9)}%`;
  const amount = () => `${r.int(1, 990)}.${r.int(1, 9)}${r.pick(['亿元', '万人', '万吨', '万平方米'])}`;
  const sentence = () => {
    switch (r.int(0, 8)) {
      case 0: return `坚持以${r.pick(GUIDES)}为指导，${vo()}，${vo()}，${vo()}。`;
      case 1: return `要${vo()}，${r.pick(ADVERBS)}${vo()}，推动${r.pick(OBJECTS)}取得新成效。`;
      case 2: return `全年${r.pick(['完成', '实现', '新增', '建成'])}${r.pick(OBJECTS)}项目${r.int(3, 300)}个、完成投资${r.int(1, 900)}.${r.int(1, 9)}亿元，同比增长${pct()}，${r.pick(GOALS)}稳步提升。`;
      case 3: return `${r.int(2023, 2026)}年是${r.pick(['实现“十四五”规划目标任务的关键一年', '全面贯彻党的二十大精神的开局之年', '推进中国式现代化的重要一年'])}。`;
      case 4: return `${r.pick(SUBJECTS)}要${r.pick(ADVERBS)}${vo()}，${vo()}，确保各项任务${r.pick(ENDINGS)}。`;
      case 5: return `围绕${r.pick(OBJECTS)}，${vo()}，力争到${r.int(2025, 2035)}年规模达到${r.int(2019, 2024)}年的${r.int(1, 4)}.${r.int(1, 9)}倍、总量突破${amount()}。`;
      case 6: return `实践证明，只有${vo()}，才能不断增强${r.pick(GOALS)}。`;
      case 7: return `${r.pick(['与此同时', '另一方面', '从全局看', '总的来看'])}，${r.pick(OBJECTS)}还存在一些短板弱项，${vo()}的任务依然艰巨。`;
      default: return `${vo()}，${vo()}，${r.pick(ADVERBS)}提升${r.pick(GOALS)}。`;
    }
  };
  /** 一是……二是……三是……, sometimes 第一，…, 首先…其次…最后…; with a mistake at a low rate. */
  const enumeration = () => {
    const fam = r.int(0, 9);
    const k = fam === 9 ? r.int(2, 4) : r.int(2, 5); // 首先, 其次, (再次,) 最后
    const parts = [];
    const skip = r.chance(0.02) ? r.int(2, k) : 0; // 一是…三是
    for (let i = 1, n = 1; i <= k; i++, n++) {
      if (i === skip) n++;
      if (fam <= 6) parts.push(`${cn(n)}是${vo()}，${vo()}`);
      else if (fam <= 8) parts.push(`第${cn(n)}${r.chance(0.02) ? '、' : '，'}${vo()}，${vo()}`);
      else parts.push(`${i === 1 ? '首先' : i === k ? '最后' : i === 2 ? '其次' : '再次'}，${vo()}`);
    }
    return `${r.pick(['重点抓好以下几项：', '具体来说：', '主要做到：', ''])}${parts.join(fam <= 6 ? '；' : '。')}。`;
  };
  const paragraph = (minChars, maxChars) => {
    const target = r.int(minChars, maxChars);
    let s = '';
    while (s.length < target) s += r.chance(0.12) ? enumeration() : sentence();
    // Scraped text: half-width commas and colons now and then.
    if (r.chance(0.03)) s = s.replace(/，/g, ',').replace(/：/g, ':');
    return s;
  };
  const headingTitle = () => `${r.pick(VERBS)}${r.pick(OBJECTS)}`;
  const partTitle = () =>
    r.chance(0.5)
      ? `${vo()}，${r.pick(['奋力谱写', '加快建设', '全面开创'])}${r.pick(['中国式现代化新篇章', '高质量发展新局面', '现代化建设新征程'])}`
      : `${r.pick(['坚持', '聚焦', '突出'])}${r.pick(OBJECTS)}，${vo()}`;
  return { sentence, paragraph, headingTitle, partTitle, vo };
}

// ---- Document model -> text and Markdown ---------------------------------------------------------

/**
 * Emits lines to both renderings. `txt`/`md` are arrays of lines; `bytes` tracks the UTF-8 size of
 * the plain text, which drives generation.
 */
class Sink {
  constructor() {
    this.txt = [];
    this.md = [];
    this.bytes = 0;
  }
  t(line) {
    this.txt.push(line);
    this.bytes += Buffer.byteLength(line) + 1;
  }
  m(line) {
    this.md.push(line);
  }
}

/** A marker with an occasional wrong form (DOMAIN.md §1's table). */
function markerOf(r, level, n, mistakes) {
  const wrong = mistakes && r.chance(0.012);
  switch (level) {
    case 1: return wrong ? `${cn(n)}${r.pick(['.', '．', '，'])}` : `${cn(n)}、`;
    case 2: return wrong ? r.pick([`(${cn(n)})`, `（${cn(n)})`, `（${cn(n)}）、`]) : `（${cn(n)}）`;
    case 3: return wrong ? `${n}${r.pick(['、', '．'])}` : `${n}.`;
    case 4: return wrong ? r.pick([`(${n})`, `${n}）`, `（${n}）、`]) : `（${n}）`;
    default: return '';
  }
}

/** A counter that goes 1, 2, 3 … with a gap or a duplicate at a low rate. */
function counter(r, rate) {
  let n = 0;
  return () => {
    if (r.chance(rate)) {
      if (r.chance(0.5)) n += 2; // gap
      // else duplicate: n stays
      if (n === 0) n = 1;
      return n;
    }
    return ++n;
  };
}

/**
 * One speech into `sink`, until its size reaches `targetBytes` (the caller's budget for it).
 * `part` is the part number in a collection, or 0.
 */
function speech(r, sink, targetBytes, part, opts) {
  const w = writer(r);
  const start = sink.bytes;
  const full = () => sink.bytes - start >= targetBytes;
  const indent = r.chance(0.8) ? '　　' : '';
  const headIndent = r.chance(0.6) ? indent : '';
  // 'mixed': a lone speech restarts under each parent (the common style); in a collection about
  // half the speeches number continuously.
  const style = opts.variant !== 'mixed' ? opts.variant : part === 0 ? 'restart' : r.pick(['restart', 'restart', 'continuous', 'continuous-arabic']);
  const mistakes = opts.mistakes;
  const rate = mistakes ? 0.01 : 0;

  const city = r.pick(CITIES);
  const title = r.chance(0.5)
    ? `${city}${r.pick(ORGS)}主要负责同志在${r.pick(MEETINGS)}上的讲话`
    : `${city}${r.int(2023, 2025)}年${r.pick(['政府工作报告', '工作要点', '工作总结'])}`;
  if (part > 0) {
    sink.t(`第${cn(part)}部分　${title}`);
    sink.m(`# 第${cn(part)}部分　${title}`);
  } else {
    sink.t(title);
    sink.m(`# ${title}`);
  }
  sink.m('');
  if (r.chance(0.4)) {
    const sub = `——${r.int(2023, 2025)}年${r.int(1, 12)}月${r.int(1, 28)}日在${r.pick(MEETINGS)}上`;
    sink.t(sub);
    sink.m(sub);
    sink.m('');
  }
  const salutation = r.pick(['同志们：', '各位代表：', '同志们，朋友们：']);
  sink.t(salutation);
  sink.m(salutation);
  sink.m('');
  const body = (min, max) => {
    const p = w.paragraph(min, max);
    sink.t(indent + p);
    sink.m(p);
    sink.m('');
  };
  for (let i = r.int(1, 3); i > 0; i--) body(80, 260);

  const next1 = counter(r, rate);
  let level2Continuous = 0; // running number for the continuous styles
  const next2Restart = () => counter(r, rate);
  let sections = 0;
  while (!full() && sections < 12 && level2Continuous < 85) {
    sections++;
    const n1 = next1();
    let t1 = w.headingTitle() + (r.chance(0.3) ? `，${w.headingTitle()}` : '');
    if (mistakes && r.chance(0.01)) t1 += '。'; // a standalone heading ending in 。
    const m1 = markerOf(r, 1, n1, mistakes);
    sink.t(headIndent + m1 + t1);
    sink.m(`## ${m1}${t1}`);
    sink.m('');
    for (let i = r.int(0, 2); i > 0; i--) body(100, 300);

    // Level 2 (or, in the 中央文件 style, level 4 （1） directly under 一、, numbered continuously).
    const arabic = style === 'continuous-arabic';
    const next2 = next2Restart();
    const k2 = r.int(2, 7);
    for (let j = 0; j < k2 && !full(); j++) {
      let n2;
      if (style === 'restart') n2 = next2();
      else {
        level2Continuous++;
        if (mistakes && r.chance(rate)) level2Continuous += r.chance(0.5) ? 1 : -1;
        n2 = Math.max(1, level2Continuous);
      }
      const m2 = markerOf(r, arabic ? 4 : 2, n2, mistakes);
      const h2 = w.headingTitle();
      const rest = w.paragraph(60, 260);
      sink.t(`${headIndent}${m2}${h2}。${rest}`);
      sink.m(`### ${m2}${h2}`);
      sink.m('');
      sink.m(rest);
      sink.m('');
      for (let i = r.int(0, 2); i > 0; i--) body(100, 320);

      if (!arabic && r.chance(0.35)) {
        // Level 3: 1. items (Markdown ordered list items, so MD029 has work to do).
        const next3 = counter(r, rate);
        const k3 = r.int(2, 6);
        for (let q = 0; q < k3; q++) {
          const n3 = next3();
          const m3 = markerOf(r, 3, n3, mistakes);
          const text3 = `${w.headingTitle()}。${w.paragraph(40, 200)}`;
          sink.t(`${headIndent}${m3}${text3}`);
          // Markdown list syntax needs "1. " (a space); the wrong forms stay as written.
          sink.m(m3.endsWith('.') ? `${n3}. ${text3}` : `${m3}${text3}`);
          sink.m('');
          const pad = ' '.repeat(String(n3).length + 2);
          if (r.chance(0.3)) {
            const next4 = counter(r, rate);
            for (let z = r.int(2, 4); z > 0; z--) {
              const m4 = markerOf(r, 4, next4(), mistakes);
              const text4 = `${w.headingTitle()}。${w.paragraph(30, 150)}`;
              sink.t(`${headIndent}${m4}${text4}`);
              sink.m(`${pad}${m4}${text4}`);
              sink.m('');
            }
          } else if (r.chance(0.3)) {
            const p = w.paragraph(60, 200);
            sink.t(indent + p);
            sink.m(pad + p);
            sink.m('');
          }
        }
      } else if (r.chance(0.08)) {
        // A short list after a colon: list items, not headings.
        const lead = `${r.pick(['在教育领域', '在民生领域', '在项目建设方面', '在改革攻坚方面'])}，${r.pick(COLON_LEADS)}`;
        sink.t(indent + lead);
        sink.m(lead);
        sink.m('');
        const k = r.int(2, 5);
        for (let q = 1; q <= k; q++) {
          const item = `${w.vo()}，${w.vo()}${q === k ? '。' : '；'}`;
          sink.t(`${indent}${q}.${item}`);
          sink.m(`${q}. ${item}`);
        }
        sink.m('');
      }
    }
  }
  const closing = `${salutation.replace(/[：，].*$/, '')}！${w.paragraph(80, 200)}`;
  sink.t(indent + closing);
  sink.m(closing);
  sink.m('');
  sink.t('');
}

/**
 * Generates a draft of about `size` bytes (UTF-8 of the plain text). Returns `{ txt, md }`.
 * Options: seed (default 2024), variant ('mixed' | 'restart' | 'continuous' | 'continuous-arabic'),
 * mistakes (default true).
 */
export function generateDraft(size, options = {}) {
  const { seed = 2024, variant = 'mixed', mistakes = true } = options;
  const r = prng(seed ^ size);
  const sink = new Sink();
  // Up to ~130 KB: one speech; above: a collection of speeches of 80–130 KB under part titles.
  const single = size <= 130 * 1024;
  let part = 0;
  while (sink.bytes < size) {
    const left = size - sink.bytes;
    let budget = single ? size : r.int(80, 130) * 1024;
    if (!single && left < budget * 1.5) budget = left; // the last part takes the rest
    speech(r, sink, Math.max(1, budget - 600), single ? 0 : ++part, { variant, mistakes });
    if (single) break;
    if (part >= 99) break;
  }
  return { txt: sink.txt.join('\n'), md: sink.md.join('\n') };
}

/**
 * An ordinary draft of at most `bytes` bytes of UTF-8 (as close below as a line allows), of any size:
 * above ~10 MB (where one draft's 99 parts end) drafts of different seeds follow one another, as
 * collections bound together would. `markdown`: the Markdown rendering instead of the plain text.
 * The hostile benchmark compares each crafted input with one of these of the same size.
 */
export function ordinaryDraft(bytes, { markdown = false, seed = 2024 } = {}) {
  const CHUNK = 8 * 1024 * 1024;
  const parts = [];
  let have = 0;
  for (let k = 0; have < bytes; k++) {
    const d = generateDraft(Math.min(CHUNK, Math.max(1024, bytes - have)), { seed: seed + k });
    const text = markdown ? d.md : d.txt;
    parts.push(text);
    have += Buffer.byteLength(text) + 1;
  }
  const all = Buffer.from(parts.join('\n'));
  if (all.length <= bytes) return all.toString('utf8');
  const cut = all.lastIndexOf(10, bytes - 1);
  return all.subarray(0, cut < 0 ? bytes : cut + 1).toString('utf8');
}

/** "10k", "1m", "1.5M", "2048" -> bytes (k = 1024). */
export function parseSize(s) {
  const m = /^([0-9.]+)\s*([kKmM]?)[bB]?$/.exec(String(s).trim());
  if (!m) throw new Error(`bad size: ${s}`);
  const mult = m[2].toLowerCase() === 'k' ? 1024 : m[2].toLowerCase() === 'm' ? 1024 * 1024 : 1;
  return Math.round(Number(m[1]) * mult);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const get = (name, dflt) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const sizes = get('size', '10k,100k,1m,10m').split(',');
  const out = get('out', 'bench/.out/drafts');
  const seed = Number(get('seed', '2024'));
  const variant = get('variant', 'mixed');
  mkdirSync(out, { recursive: true });
  for (const s of sizes) {
    const { txt, md } = generateDraft(parseSize(s), { seed, variant });
    const base = join(out, `draft-${s}${variant === 'mixed' ? '' : '-' + variant}`);
    writeFileSync(`${base}.txt`, txt);
    writeFileSync(`${base}.md`, md);
    console.log(`${base}.txt  ${Buffer.byteLength(txt)} bytes; ${base}.md  ${Buffer.byteLength(md)} bytes`);
  }
}
