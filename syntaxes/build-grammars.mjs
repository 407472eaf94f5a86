#!/usr/bin/env node
// The one source of both TextMate grammars of this folder:
//   speech-draft.tmLanguage.json                     text.speech-draft (the draft language)
//   speech-draft.markdown-injection.tmLanguage.json  speech-draft.markdown.injection (into Markdown)
// They share every marker regex below and differ only in what may precede a heading marker (line
// start and indentation in a draft; also `>`, `#`…`######` and `**`/`__` in Markdown) and in the
// characters a title may run over (Markdown's inline syntax ends a title there).
// The regexes follow src/core/markers.ts, src/core/enumerations.ts and the title cut of
// src/core/parser.ts as far as TextMate (one line at a time, Oniguruma) allows; scope names and
// their colours are explained in README.md next to this file.
//
//   node syntaxes/build-grammars.mjs           writes both JSON files
//   node syntaxes/build-grammars.mjs --check   exits 1 when a committed JSON file is stale
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------------
// A tiny regex builder: captures are numbered by their opening parenthesis, so the captures map
// of a rule is produced together with its regex and can never drift from it.

/** @typedef {{ re: string, caps: Array<object> }} Part */

/** Raw regex text: it must not contain capturing groups (checked). */
function raw(re) {
  if (countGroups(re) !== 0) throw new Error(`raw() regex has a capturing group: ${re}`);
  return { re, caps: [] };
}
function part(x) {
  return typeof x === 'string' ? raw(x) : x;
}
function seq(...xs) {
  const ps = xs.map(part);
  return { re: ps.map((p) => p.re).join(''), caps: ps.flatMap((p) => p.caps) };
}
function alt(...xs) {
  const ps = xs.map(part);
  return { re: `(?:${ps.map((p) => p.re).join('|')})`, caps: ps.flatMap((p) => p.caps) };
}
function opt(...xs) {
  const p = seq(...xs);
  return { re: `(?:${p.re})?`, caps: p.caps };
}
/** A capture: `spec` is a scope name or a capture object ({ name, patterns }). */
function cap(spec, ...xs) {
  const p = seq(...xs);
  const c = typeof spec === 'string' ? { name: spec } : spec;
  return { re: `(${p.re})`, caps: [c, ...p.caps] };
}
function rule(p, extra = {}) {
  const captures = {};
  p.caps.forEach((c, i) => {
    captures[String(i + 1)] = c;
  });
  if (countGroups(p.re) !== p.caps.length) throw new Error(`capture count mismatch in ${p.re}`);
  return { match: p.re, captures, ...extra };
}
/** Counts capturing groups: unescaped `(` not followed by `?`, outside character classes. */
function countGroups(re) {
  let n = 0;
  let inClass = false;
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(' && re[i + 1] !== '?') n++;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// Character classes and numerals (src/core/numerals.ts, src/core/markers.ts).

/** Indentation: ASCII space, tab, the full-width space U+3000. */
const SP = '[ \\t\\x{3000}]';
/** markers.ts INVISIBLE: zero-width characters and a stray BOM, which a reader does not see. */
const INVIS = '[\\x{200b}\\x{200c}\\x{200d}\\x{2060}\\x{feff}]';
const CN_DIGIT = '[一二三四五六七八九]';
/** A Chinese numeral 一 … 九十九 or 一百 (a marker's number is at most 100). */
const CNUM = `(?:一百|${CN_DIGIT}?十${CN_DIGIT}?|${CN_DIGIT})`;
/** A Chinese numeral 一 … 九十九 (enumerations). */
const CNUM99 = `(?:${CN_DIGIT}?十${CN_DIGIT}?|${CN_DIGIT})`;
const DIGIT = '[0-9０-９]';
/** 1 … 100 in ASCII digits, one to three digits (leading zeros allowed, like parseArabic). */
const ARABIC_ASCII = `(?=[0-9]{1,3}+(?!${DIGIT}))(?!0++(?!${DIGIT}))0*+(?:100|[1-9][0-9]?)(?!${DIGIT})`;
/** 1 … 100 with at least one full-width digit (１.) — a deviation. */
const ARABIC_FULL = `(?=${DIGIT}{0,2}[０-９])(?=${DIGIT}{1,3}+(?!${DIGIT}))(?![0０]++(?!${DIGIT}))[0０]*+(?:[1１][0０][0０]|[1-9１-９]${DIGIT}?)(?!${DIGIT})`;
/** ① … ⑳, ㉑ … ㉟, ㊱ … ㊿. */
const CIRCLED = '[\\x{2460}-\\x{2473}\\x{3251}-\\x{325f}\\x{32b1}-\\x{32bf}]';
/** ⑴ … ⒇ (legacy level-4 characters) and ⒈ … ⒛ (legacy level-3 characters). */
const LEGACY_PAREN = '[\\x{2474}-\\x{2487}]';
const LEGACY_STOP = '[\\x{2488}-\\x{249b}]';
/** markers.ts TEXT_START: what heading text may begin with, after optional spaces. */
const TEXT_START = `(?=(?:${SP}|${INVIS})*[\\p{L}\\p{N}\\p{Extended_Pictographic}\\p{Regional_Indicator}“‘「『《〈【（("'*_])`;
/** After "一 " or "1 " (no separator) the text must be Chinese. */
const CJK_AFTER_SPACE = `(?=${SP}++[\\x{3400}-\\x{9fff}“《])`;
/** "3 个方面": a quantity, not a heading (markers.ts QUANTITY_AFTER_SPACE). */
const NOT_QUANTITY = `(?!${SP}++[个项条名人次年月日号时分秒万亿元%％倍家所户位套台件种类批级届期])`;
/** parser.ts LIST_AFTER_COLON: a colon followed by an enumeration ends a run-in title. */
const LIST_AFTER_COLON = `\\**+${SP}*+(?:[一二三四五六七八九十]+[是要抓]|其一|第一[，,、]|首先|[0-9]+[.．、]|[（(][0-9一二三四五六七八九十]+[）)]|[\\x{2460}-\\x{2473}])`;

// ---------------------------------------------------------------------------------------------
// Scope names (README.md: why these, and what Dark+/Light+/Monokai/GitHub make of them).

const S = '.speech-draft';
const LEVELS = {
  part: { color: 'markup.heading', id: 'part' },
  1: { color: 'markup.heading', id: 'level-1' },
  2: { color: 'entity.name.type', id: 'level-2' },
  3: { color: 'entity.name.function', id: 'level-3' },
  4: { color: 'variable.parameter', id: 'level-4' },
  5: { color: 'constant.numeric', id: 'level-5' },
};
const scope = {
  meta: (l) => `meta.heading.${LEVELS[l].id}${S}`,
  marker: (l) => `${LEVELS[l].color}.marker.${LEVELS[l].id}${S}`,
  title: (l) => `${LEVELS[l].color}.title.${LEVELS[l].id}${S}`,
  open: `punctuation.definition.heading.begin${S}`,
  close: `punctuation.definition.heading.end${S}`,
  separator: `punctuation.definition.heading.separator${S}`,
  terminator: `punctuation.terminator.heading${S}`,
  enumeration: `keyword.control.enumeration${S}`,
  placeholder: `invalid.illegal.placeholder${S}`,
  deviation: (kind) => `invalid.deprecated.${kind}${S}`,
};
const bad = (base, kind) => `${base} ${scope.deviation(kind)}`;

// ---------------------------------------------------------------------------------------------
// Heading markers, one function a level: each returns the marker's regex with its captures (the
// canonical punctuation as `punctuation.definition.heading.*`, a wrong form's character also as
// `invalid.deprecated.<deviation>`, named like markers.ts MarkerDeviation).

function numeralArabic() {
  return alt(ARABIC_ASCII, cap(scope.deviation('full-width-digit'), ARABIC_FULL));
}

const markers = {
  // 一、 — wrong: 一. 一． 一， 一, 一: 一： and "一 总体要求" (no separator).
  1: () =>
    alt(
      seq(CNUM, alt(cap(scope.separator, '、'), cap(bad(scope.separator, 'wrong-separator'), '[.．，,:：]')), TEXT_START),
      seq(cap(scope.deviation('missing-separator'), CNUM), CJK_AFTER_SPACE),
    ),
  // （一） — wrong: half-width brackets (一) （一) (一）, extra punctuation （一）、 （一）. （一），
  2: () =>
    seq(
      alt(cap(scope.open, '（'), cap(bad(scope.open, 'half-width-bracket'), '\\(')),
      CNUM,
      alt(cap(scope.close, '）'), cap(bad(scope.close, 'half-width-bracket'), '\\)')),
      opt(cap(bad(scope.separator, 'extra-punctuation'), '[、.．，,]')),
      TEXT_START,
    ),
  // 1. — wrong: 1、 1． 1， 1, １. and "1 总体要求"; never 2.5, 1、2, 2024年, 10:30, "3 个方面".
  3: () =>
    alt(
      seq(
        numeralArabic(),
        alt(cap(scope.separator, '\\.'), cap(bad(scope.separator, 'wrong-separator'), '[．、，,]')),
        `(?!${DIGIT})`,
        TEXT_START,
      ),
      seq(cap(scope.deviation('missing-separator'), `(?:${ARABIC_ASCII}|${ARABIC_FULL})`), CJK_AFTER_SPACE, NOT_QUANTITY),
      seq(cap(scope.deviation('legacy-character'), LEGACY_STOP), TEXT_START),
    ),
  // （1） — wrong: (1) （1) (1）, 1） 1) (no opening bracket: the closing one is marked), （1）、
  // and the legacy ⑴; never （1）班.
  4: () =>
    alt(
      seq(
        alt(cap(scope.open, '（'), cap(bad(scope.open, 'half-width-bracket'), '\\(')),
        numeralArabic(),
        alt(cap(scope.close, '）'), cap(bad(scope.close, 'half-width-bracket'), '\\)')),
        opt(cap(bad(scope.separator, 'extra-punctuation'), '[、.．，,]')),
        '(?!班)',
        TEXT_START,
      ),
      seq(
        numeralArabic(),
        cap(bad(scope.close, 'missing-open-bracket'), '[）)]'),
        opt(cap(bad(scope.separator, 'extra-punctuation'), '[、.．，,]')),
        '(?!班)',
        TEXT_START,
      ),
      seq(cap(scope.deviation('legacy-character'), LEGACY_PAREN), TEXT_START),
    ),
  // ① — wrong: ①、 ①.
  5: () => seq(CIRCLED, opt(cap(bad(scope.separator, 'extra-punctuation'), '[、.．，,]')), TEXT_START),
  // 第一部分 / 第2章 / §1. / 附件1 / 附表 / 名词解释: part titles and appendices (level 0).
  part: () =>
    alt(
      `第(?:${CNUM}|[0-9]{1,2})(?:部分|篇|章)`,
      // markers.ts SECTION_SIGN: §1. §2 § 3、, not the sub-clause §1.1.
      `§[ \\x{3000}]?[0-9０-９]{1,2}[.．、]?(?![0-9０-９.．])`,
      `(?:附件|附表|附录)(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?(?=$|[：:\\s\\x{3000}]|[^\\p{L}\\p{N}])`,
      `名词解释(?=$|[：:\\s\\x{3000}])`,
    ),
};
// Level 3's legacy ⒈ sits in the level-3 marker, level 4's ⑴ in the level-4 marker: both get
// the level's colour from the enclosing marker capture and `invalid.deprecated` on the character.

/**
 * The title of a heading: up to the first 。！？!? outside quotes and brackets (a run-in heading's
 * body is not part of it), or up to a ： that an enumeration follows. `exclude` are characters a
 * title may not run over (Markdown's inline syntax).
 */
function titleRegex(exclude) {
  const pairs = [['“', '”'], ['‘', '’'], ['「', '」'], ['『', '』'], ['《', '》'], ['〈', '〉'], ['【', '】'], ['（', '）'], ['\\(', '\\)'], ['"', '"']];
  // vscode-textmate hands each line to the regexes with its "\n": never run over it. A quotation
  // is at most 100 characters long: every unclosed opening quote would otherwise be scanned to the
  // end of the line (quadratic on a long line full of them).
  const quoted = pairs.map(([o, c]) => `${o}[^${c}${exclude}\\n]{0,100}+${c}`);
  return `(?:${quoted.join('|')}|[：:](?!${LIST_AFTER_COLON})|[^。！？!?：:${exclude}\\n])*+`;
}
const TERMINATOR = `[。！？!?]|[：:](?=${LIST_AFTER_COLON})`;

function headingRule(level, flavour) {
  const m = markers[level]();
  const title = {
    name: scope.title(level),
    patterns: [{ include: '#placeholders' }, { include: '#enumerations' }],
  };
  const body =
    level === 'part'
      ? seq(cap(scope.marker(level), m), `${SP}*+(?:[：:]${SP}*+)?`, cap(title, `[^${flavour.exclude}\\n]*+`))
      : seq(cap(scope.marker(level), m), `(?:${SP}|${INVIS})*+`, cap(title, titleRegex(flavour.exclude)), opt(cap(scope.terminator, TERMINATOR)));
  // The meta scope is the rule's name rather than a capture: vscode-textmate does not nest a capture
  // that has patterns (the title) inside another capture.
  return rule(seq(flavour.prefix, body), { name: scope.meta(level) });
}

// ---------------------------------------------------------------------------------------------
// Enumerations (src/core/enumerations.ts): after a sentence boundary, so 统一是, 第一次, 一方面 and
// 一是一，二是二 stay prose. 第一、 is a wrong form (B.3.1: 第一，), except in an ordinal compound
// (第一、二轮, 第一、第三产业), where a further numeral follows: the core asks for a larger one; the
// grammar approximates that with any numeral but 一.

const BOUNDARY = `(?<=^|[。；：，！？;:,!? \\t\\x{3000}\\x{a0}*]|__)`;
function enumerationRule() {
  return rule(
    seq(
      BOUNDARY,
      alt(
        cap(scope.enumeration, `${CNUM99}[是要抓](?![一二三四五六七八九十]{1,3}(?:[，,。；;！？!?、]|$)|到底)`),
        cap(scope.enumeration, `其${CNUM99}(?=[，,、是：:])`),
        seq(cap(scope.enumeration, `第${CNUM99}`), alt(cap(bad(`punctuation.separator.enumeration${S}`, 'enumeration-separator'), '、(?!第?[二三四五六七八九十])'), '(?=[，,：:])')),
        cap(scope.enumeration, '(?:首先|其次|再次|最后)(?=[，,、：:]|[是要])'),
      ),
    ),
  );
}

// Placeholders left in a draft (DOMAIN §3): XX (and XXX of XXX同志, xx) ×× ＸＸ 某某 [待补充] 【待补充】 TODO
// （此处……）; not X光, XXL, 3×4 or a single 某.
function placeholderRule() {
  return {
    match: [
      '(?<![A-Za-z])(?:X{2,}|x{2,})(?![A-Za-z])',
      'Ｘ{2,}|ｘ{2,}|×{2,}',
      '某{2,}',
      '[\\[【［]待补充[\\]】］]',
      '(?<![A-Za-z])TODO(?![A-Za-z])',
      '[（(]此处(?:[^）)\\n]{0,100}+[）)])?',
    ].join('|'),
    name: scope.placeholder,
  };
}

// ---------------------------------------------------------------------------------------------
// The two flavours and the two grammars.

const LEVEL_ORDER = ['part', 1, 2, 3, 4, 5];

function repository(flavour) {
  const repo = {};
  repo.headings = { patterns: LEVEL_ORDER.map((l) => ({ include: `#heading-${LEVELS[l].id}` })) };
  for (const l of LEVEL_ORDER) repo[`heading-${LEVELS[l].id}`] = headingRule(l, flavour);
  repo.enumerations = { patterns: [enumerationRule()] };
  repo.placeholders = { patterns: [placeholderRule()] };
  return repo;
}

// What may precede a marker is a lookbehind, so that a heading's scopes start at its marker. Two
// things keep it fast on long paragraphs, where every search tries every column: a one-character
// lookbehind first (the previous character must be indentation or Markdown syntax), and bounded
// quantifiers in the full one (Oniguruma checks an unbounded variable-length lookbehind in time
// linear in the column: 3 ms a line of the seed instead of 0.15 ms). 32 characters of indentation
// are plenty.
// Invisible characters (a zero-width space, a stray BOM) count as indentation, as in markers.ts.
const INDENT = `(?:${SP}|${INVIS}){0,32}`;
const draft = {
  // Line start and indentation.
  prefix: `(?<![^ \\t\\x{3000}\\x{200b}\\x{200c}\\x{200d}\\x{2060}\\x{feff}])(?<=^${INDENT})`,
  exclude: '',
};
const markdown = {
  // Line start, `>` quotes, an ATX `#`…`######`, indentation, `**`/`__` (markdown.ts contexts).
  prefix: `(?<![^ \\t\\x{3000}>#*_])(?<=^ {0,3}(?:>[ \\t]?[ ]{0,3}){0,8}(?:#{1,6}[ \\t]{1,8})?${INDENT}(?:\\*\\*|__)?)`,
  exclude: '*_`\\[\\]<>\\\\',
};

const header = {
  information_for_contributors: [
    'Generated by syntaxes/build-grammars.mjs from one source for both grammars; edit that script and run it (npm run test:grammar fails on a stale file).',
    'Scope names and their colours: syntaxes/README.md.',
  ],
};

export function buildDraftGrammar() {
  return {
    ...header,
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Speech Draft',
    scopeName: 'text.speech-draft',
    patterns: [{ include: '#headings' }, { include: '#enumerations' }, { include: '#placeholders' }],
    repository: repository(draft),
  };
}

export function buildMarkdownInjection() {
  const notCode = '-markup.fenced_code -markup.inline.raw -markup.raw -meta.embedded -comment';
  return {
    ...header,
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Speech Draft (Markdown injection)',
    scopeName: 'speech-draft.markdown.injection',
    // Only inside paragraphs (also in quotes and lists), ATX heading text and table cells: at
    // Markdown's top level an injected match would win over the paragraph rule and take the line
    // away from Markdown's inline syntax.
    injectionSelector: [
      `L:text.html.markdown meta.paragraph.markdown ${notCode}`,
      `L:text.html.markdown entity.name.section.markdown ${notCode}`,
      `L:text.html.markdown markup.table.markdown ${notCode}`,
    ].join(', '),
    patterns: [{ include: '#headings' }, { include: '#enumerations' }, { include: '#placeholders' }],
    repository: repository(markdown),
  };
}

export const outputs = {
  'speech-draft.tmLanguage.json': buildDraftGrammar,
  'speech-draft.markdown-injection.tmLanguage.json': buildMarkdownInjection,
};

function render(build) {
  return `${JSON.stringify(build(), null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [file, build] of Object.entries(outputs)) {
    const target = path.join(here, file);
    const text = render(build);
    if (check) {
      const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
      if (current !== text) {
        console.error(`syntaxes/${file} is stale: run node syntaxes/build-grammars.mjs`);
        stale++;
      } else {
        console.log(`syntaxes/${file} is up to date`);
      }
    } else {
      fs.writeFileSync(target, text);
      console.log(`wrote syntaxes/${file}`);
    }
  }
  process.exit(stale > 0 ? 1 : 0);
}
