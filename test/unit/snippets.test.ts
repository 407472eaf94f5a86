/**
 * The snippets of snippets/ (VS Code snippet format): well-formed, reachable by pinyin and by
 * Chinese prefixes, and — expanded with their default text — drafts that the parser reads as
 * intended with no problem from the rules.
 *
 * snippets/speech-draft.json (plain text and the speech-draft language) is the source: 公文 layout,
 * paragraphs and headings indented by two full-width spaces, no blank lines. The Markdown file is
 * derived from it (no indentation, a blank line between paragraphs); after editing the source,
 * regenerate it with
 *   SPEECH_DRAFT_UPDATE_SNIPPETS=1 npx vitest run test/unit/snippets.test.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EnumerationFamily } from '../../src/core/enumerations';
import { lintText } from '../../src/core/lint';
import type { HeadingLevel } from '../../src/core/markers';
import { isDraft } from '../../src/core/outline';
import { type DraftModel, parseDraft, type Section } from '../../src/core/parser';
import { ROOT } from './helpers';

const TEXT_FILE = 'snippets/speech-draft.json';
const MARKDOWN_FILE = 'snippets/speech-draft.markdown.json';
/** The contribution package.json should carry (path → languages). */
const CONTRIBUTION: Record<string, string[]> = {
  [`./${TEXT_FILE}`]: ['plaintext', 'speech-draft'],
  [`./${MARKDOWN_FILE}`]: ['markdown'],
};

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
  isFileTemplate?: boolean;
  scope?: string;
}
type SnippetFile = Record<string, Snippet>;

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
const prefixes = (s: Snippet): string[] => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);
const bodyText = (s: Snippet): string => (Array.isArray(s.body) ? s.body.join('\n') : s.body);

// ---------------------------------------------------------------------------------------------
// A small expander for the VS Code snippet syntax
// (https://code.visualstudio.com/docs/editor/userdefinedsnippets#_grammar).

type Node =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number }
  | { kind: 'placeholder'; index: number; children: Node[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children?: Node[] };

/** Values of the variables the snippets may use (fixed, so that expansions are reproducible). */
const VARIABLES: Record<string, string> = { CURRENT_YEAR: '2025', CURRENT_YEAR_SHORT: '25', CURRENT_MONTH: '03', CURRENT_DATE: '01' };

class SnippetSyntaxError extends Error {}

function parseSnippet(src: string): Node[] {
  let pos = 0;
  const fail = (what: string): never => {
    throw new SnippetSyntaxError(`${what} at ${pos} in ${JSON.stringify(src)}`);
  };
  const digits = () => {
    const m = /^[0-9]+/.exec(src.slice(pos));
    if (!m) return undefined;
    pos += m[0].length;
    return Number(m[0]);
  };
  const name = () => {
    const m = /^[_a-zA-Z][_a-zA-Z0-9]*/.exec(src.slice(pos));
    if (!m) return undefined;
    pos += m[0].length;
    return m[0];
  };
  // `inside`: parsing the default of a placeholder or variable, which a `}` ends.
  const sequence = (inside: boolean): Node[] => {
    const out: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ kind: 'text', value: text });
      text = '';
    };
    while (pos < src.length) {
      const ch = src[pos];
      if (ch === '\\' && pos + 1 < src.length && '$}\\'.includes(src[pos + 1])) {
        text += src[pos + 1];
        pos += 2;
      } else if (ch === '}' && inside) {
        break;
      } else if (ch === '$') {
        flush();
        out.push(dollar());
      } else {
        text += ch;
        pos++;
      }
    }
    flush();
    return out;
  };
  const dollar = (): Node => {
    pos++; // $
    const n = digits();
    if (n !== undefined) return { kind: 'tabstop', index: n };
    const v = name();
    if (v !== undefined) return { kind: 'variable', name: v };
    if (src[pos] !== '{') return { kind: 'text', value: '$' };
    pos++; // {
    const index = digits();
    if (index !== undefined) {
      if (src[pos] === '}') {
        pos++;
        return { kind: 'tabstop', index };
      }
      if (src[pos] === ':') {
        pos++;
        const children = sequence(true);
        if (src[pos] !== '}') fail('unclosed placeholder');
        pos++;
        return { kind: 'placeholder', index, children };
      }
      if (src[pos] === '|') {
        pos++;
        const options: string[] = [];
        let option = '';
        for (;;) {
          if (pos >= src.length) fail('unclosed choice');
          const ch = src[pos];
          if (ch === '\\' && pos + 1 < src.length && ',|$}\\'.includes(src[pos + 1])) {
            option += src[pos + 1];
            pos += 2;
          } else if (ch === ',') {
            options.push(option);
            option = '';
            pos++;
          } else if (ch === '|' && src[pos + 1] === '}') {
            options.push(option);
            pos += 2;
            break;
          } else {
            option += ch;
            pos++;
          }
        }
        return { kind: 'choice', index, options };
      }
      return fail('unsupported tab stop (transforms are not used here)');
    }
    const v2 = name();
    if (v2 === undefined) return fail('malformed ${');
    if (src[pos] === '}') {
      pos++;
      return { kind: 'variable', name: v2 };
    }
    if (src[pos] === ':') {
      pos++;
      const children = sequence(true);
      if (src[pos] !== '}') fail('unclosed variable');
      pos++;
      return { kind: 'variable', name: v2, children };
    }
    return fail('unsupported variable form');
  };
  const nodes = sequence(false);
  if (pos !== src.length) fail('unexpected }');
  return nodes;
}

function walk(nodes: Node[], visit: (n: Node) => void): void {
  for (const n of nodes) {
    visit(n);
    if (n.kind === 'placeholder' || (n.kind === 'variable' && n.children)) walk(n.children!, visit);
  }
}

/**
 * The text VS Code inserts when the writer accepts every default: placeholders give their default,
 * choices their first option, a bare `$n` mirrors the default of tab stop n (empty when it has
 * none, `$0` always), variables their value from VARIABLES.
 */
function expand(body: string): string {
  const nodes = parseSnippet(body);
  const defaults = new Map<number, Node>();
  walk(nodes, (n) => {
    if ((n.kind === 'placeholder' || n.kind === 'choice') && !defaults.has(n.index)) defaults.set(n.index, n);
  });
  const render = (ns: Node[], depth: number): string => {
    if (depth > 20) throw new Error('recursive mirror');
    return ns
      .map((n) => {
        switch (n.kind) {
          case 'text':
            return n.value;
          case 'tabstop': {
            const d = n.index === 0 ? undefined : defaults.get(n.index);
            return d ? render([d], depth + 1) : '';
          }
          case 'placeholder':
            return render(n.children, depth + 1);
          case 'choice':
            return n.options[0];
          case 'variable':
            if (n.name in VARIABLES) return VARIABLES[n.name];
            if (n.children) return render(n.children, depth + 1);
            throw new Error(`unknown variable $${n.name}`);
        }
      })
      .join('');
  };
  return render(nodes, 0);
}

describe('the snippet expander', () => {
  it('expands placeholders, choices, mirrors, nesting, variables and escapes', () => {
    expect(expand('${1:一}、${2:标题}$0')).toBe('一、标题');
    expect(expand('（${1|一,二,三|}）${2}')).toBe('（一）');
    expect(expand('${1:在${2:全市}会议上的讲话} 今天召开$2会议')).toBe('在全市会议上的讲话 今天召开全市会议');
    expect(expand('${1|a\\,b,c|} \\$1 \\} \\\\ $ }')).toBe('a,b $1 } \\ $ }');
    expect(expand('${1:${CURRENT_YEAR}}年 $1')).toBe('2025年 2025');
    expect(expand('${TM_SELECTED_TEXT:正文}')).toBe('正文');
    expect(() => expand('${1:未闭合')).toThrow(SnippetSyntaxError);
    expect(() => expand('${1/(.*)/$1/}')).toThrow(SnippetSyntaxError);
    expect(() => expand('$UNKNOWN_VAR')).toThrow(/unknown variable/);
  });
});

// ---------------------------------------------------------------------------------------------
// What each snippet is: every snippet of the file must be listed here.

interface HeadingSpec {
  level: Exclude<HeadingLevel, 0>;
  runIn: boolean;
}
const HEADINGS: Record<string, HeadingSpec> = {
  '一级标题 一、': { level: 1, runIn: false },
  '二级标题 （一）': { level: 2, runIn: false },
  '二级段首标题 （一）……。正文': { level: 2, runIn: true },
  '三级标题 1.': { level: 3, runIn: false },
  '三级段首标题 1.……。正文': { level: 3, runIn: true },
  '四级标题 （1）': { level: 4, runIn: false },
  '四级段首标题 （1）……。正文': { level: 4, runIn: true },
  '五级标题 ①': { level: 5, runIn: false },
};

interface EnumerationSpec {
  family: EnumerationFamily;
  items: string[];
}
const ENUMERATIONS: Record<string, EnumerationSpec> = {
  '序次语 一是……二是……三是……': { family: '是', items: ['一是', '二是', '三是'] },
  '序次语 一要……二要……三要……': { family: '要', items: ['一要', '二要', '三要'] },
  '序次语 一抓……二抓……三抓……': { family: '抓', items: ['一抓', '二抓', '三抓'] },
  '序次语 第一，……第二，……第三，……': { family: '第', items: ['第一', '第二', '第三'] },
  '序次语 首先，……其次，……再次，……最后，……': { family: '首先', items: ['首先', '其次', '再次', '最后'] },
  '序次语 其一，……其二，……': { family: '其', items: ['其一', '其二'] },
};

interface SkeletonSpec {
  title: string;
  /** Level-1 parts: their titles (undefined: not checked) and how many （一） each holds. */
  parts: { title?: string; children: number }[];
}
const SKELETONS: Record<string, SkeletonSpec> = {
  '讲话稿（全文框架）': { title: '在全市教育工作会议上的讲话', parts: [{ children: 2 }, { children: 2 }, { children: 2 }] },
  '工作要点（全文框架）': {
    title: '市教育局2025年工作要点',
    parts: [
      { title: '总体要求', children: 2 },
      { title: '主要任务', children: 3 },
      { title: '保障措施', children: 3 },
    ],
  },
  '研讨发言材料（全文框架）': { title: '在理论学习中心组专题学习会上的研讨发言', parts: [{ children: 2 }, { children: 2 }, { children: 2 }] },
  '述职报告（全文框架）': { title: '2025年度述职述廉报告', parts: [{ children: 2 }, { children: 2 }, { children: 2 }, { children: 2 }] },
};

const PHRASES = [
  '开场白：今天召开……会议',
  '开场白：会议的重要性',
  '开场白：刚才……我都同意',
  '开场白：下面，我讲几点意见',
  '过渡：下面，我重点讲……',
  '过渡：再强调一下……',
  '承转：总的来看……同时也要看到……',
  '承转：清醒认识问题',
  '承转：一方面……另一方面……',
  '部署：会后抓好落实',
  '结尾：同志们，让我们……',
  '结尾：谢谢大家！',
  '发言开头：谈几点体会',
  '发言结尾：不妥之处，请批评指正',
  '述职开头：报告如下',
  '述职结尾：请予评议',
  '报告开头：向大会报告工作',
  '报告结尾：请予审议',
  '致谢：表示衷心的感谢',
];

const STRUCTURE = new Set([...Object.keys(HEADINGS), ...Object.keys(ENUMERATIONS), ...Object.keys(SKELETONS)]);

// ---------------------------------------------------------------------------------------------
// The Markdown file, derived from the plain-text one.

function toMarkdown(file: SnippetFile): SnippetFile {
  const out: SnippetFile = {};
  for (const [key, s] of Object.entries(file)) {
    const lines = bodyText(s).split('\n').map((l) => l.replace(/^\u3000+/, ''));
    const body: string[] = [];
    for (const l of lines) {
      if (body.length > 0 && l !== '' && body[body.length - 1] !== '') body.push('');
      body.push(l);
    }
    out[key] = { ...s, body: body.length === 1 ? [body[0]] : body };
  }
  return out;
}

const text = readJson(TEXT_FILE) as SnippetFile;
if (process.env.SPEECH_DRAFT_UPDATE_SNIPPETS) {
  fs.writeFileSync(path.join(ROOT, MARKDOWN_FILE), JSON.stringify(toMarkdown(text), null, 2) + '\n');
}
const markdown = readJson(MARKDOWN_FILE) as SnippetFile;
const FILES: [string, SnippetFile, boolean][] = [
  [TEXT_FILE, text, false],
  [MARKDOWN_FILE, markdown, true],
];

const CJK = /[\u3400-\u9fff]/;
const PINYIN = /^[a-z][a-z0-9]+$/;

describe('snippet files', () => {
  it('the Markdown file is the plain-text file in Markdown layout (regenerate with SPEECH_DRAFT_UPDATE_SNIPPETS=1)', () => {
    expect(markdown).toEqual(toMarkdown(text));
  });

  it('every snippet is covered by a test table, and every table entry exists', () => {
    const listed = [...STRUCTURE, ...PHRASES];
    expect(Object.keys(text).sort()).toEqual([...listed].sort());
    expect(new Set(listed).size).toBe(listed.length);
    expect(PHRASES.length).toBeGreaterThanOrEqual(12);
  });

  for (const [file, snippets] of FILES) {
    describe(file, () => {
      it('is a JSON object of snippets with prefix, body and description', () => {
        expect(typeof snippets).toBe('object');
        for (const [key, s] of Object.entries(snippets)) {
          expect(Object.keys(s).every((k) => ['prefix', 'body', 'description', 'isFileTemplate'].includes(k)), key).toBe(true);
          expect(prefixes(s).length, key).toBeGreaterThan(0);
          for (const p of prefixes(s)) expect(typeof p === 'string' && p.trim() === p && p.length > 0, key).toBe(true);
          expect(Array.isArray(s.body) ? s.body.every((l) => typeof l === 'string') : typeof s.body === 'string', key).toBe(true);
          expect(bodyText(s).trim(), key).not.toBe('');
          expect(typeof s.description === 'string' && s.description.length > 0, key).toBe(true);
        }
      });

      it('descriptions are Chinese with English in parentheses', () => {
        for (const [key, s] of Object.entries(snippets)) {
          expect(s.description, key).toMatch(/^[^（(]*[\u3400-\u9fff][^]*（[^（）]*[A-Za-z][^（）]*）$/);
        }
      });

      it('prefixes are unique, at least two characters, pinyin (lower-case ASCII) or Chinese', () => {
        const seen = new Map<string, string>();
        for (const [key, s] of Object.entries(snippets)) {
          for (const p of prefixes(s)) {
            // VS Code matches prefixes case-insensitively.
            const low = p.toLowerCase();
            expect(seen.get(low), `prefix ${p} of ${key}`).toBeUndefined();
            seen.set(low, key);
            expect(p.length, p).toBeGreaterThanOrEqual(2);
            expect(PINYIN.test(p) || /^[\u3400-\u9fff]+$/.test(p), p).toBe(true);
          }
        }
      });

      it('every snippet has a pinyin prefix and a Chinese prefix', () => {
        for (const [key, s] of Object.entries(snippets)) {
          expect(prefixes(s).some((p) => PINYIN.test(p)), key).toBe(true);
          expect(prefixes(s).some((p) => CJK.test(p)), `${key}${STRUCTURE.has(key) ? ' (structure)' : ''}`).toBe(true);
        }
      });

      it('bodies are valid snippet syntax: known variables, a final $0, choices with options', () => {
        for (const [key, s] of Object.entries(snippets)) {
          const nodes = parseSnippet(bodyText(s));
          let finals = 0;
          walk(nodes, (n) => {
            if (n.kind === 'variable') expect(VARIABLES, `${key}: $${n.name}`).toHaveProperty(n.name);
            if (n.kind === 'choice') expect(n.options.length, key).toBeGreaterThan(1);
            if ((n.kind === 'tabstop' || n.kind === 'placeholder' || n.kind === 'choice') && n.index === 0) finals++;
          });
          expect(finals, key).toBe(1);
          // Text the writer overwrites is in placeholders; no leftover 占位符 like ×× or XX.
          expect(expand(bodyText(s)), key).not.toMatch(/××|XX|ＸＸ|某某|TODO/);
        }
      });

      it('the skeletons are file templates (Snippets: Fill File with Snippet)', () => {
        for (const [key, s] of Object.entries(snippets)) expect(s.isFileTemplate === true, key).toBe(key in SKELETONS);
      });
    });
  }

  it('package.json contributes the files for plaintext, speech-draft and markdown (once the manifest has them)', (ctx) => {
    const manifest = readJson('package.json') as {
      contributes: { snippets?: { language: string; path: string }[]; languages?: { id: string }[] };
    };
    const contributed = manifest.contributes.snippets;
    if (!contributed) return ctx.skip();
    const byPath: Record<string, string[]> = {};
    for (const c of contributed) (byPath[c.path] ??= []).push(c.language);
    for (const langs of Object.values(byPath)) langs.sort();
    expect(byPath).toEqual(Object.fromEntries(Object.entries(CONTRIBUTION).map(([p, l]) => [p, [...l].sort()])));
    // VS Code drops a snippet contribution whose language no extension declares.
    const declared = new Set(['plaintext', 'markdown', ...(manifest.contributes.languages ?? []).map((l) => l.id)]);
    for (const c of contributed) expect(declared.has(c.language), c.language).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// The expansions, read by the parser and the rules.

const join = (lines: string[], md: boolean) => lines.join(md ? '\n\n' : '\n');
const problemsOf = (doc: string, md: boolean) => lintText(doc, { markdown: md }).map((p) => `${p.line + 1}:${p.column + 1} ${p.rule} ${p.message.en}`);

function headingAt(model: DraftModel, line: number) {
  return model.headings.find((h) => h.line === line);
}

for (const [file, snippets, md] of FILES) {
  describe(`expansions of ${file}`, () => {
    const ex = (key: string) => expand(bodyText(snippets[key]));

    describe('headings', () => {
      // Parents above the heading so that it sits at its level (and, in Markdown, is not a list).
      const parents = ['一、总体要求', '（一）指导思想', '1.基本原则', '（1）坚持党的领导'];
      for (const [key, spec] of Object.entries(HEADINGS)) {
        it(`${key}: a level-${spec.level} heading with the canonical marker`, () => {
          const expansion = ex(key);
          const first = expansion.split('\n')[0];
          const doc = join(['测试讲稿', ...parents.slice(0, spec.level - 1), first, '正文。'], md);
          const model = parseDraft(doc, { markdown: md });
          const line = (md ? 2 : 1) * spec.level;
          const h = headingAt(model, line);
          expect(h, doc).toBeDefined();
          expect(h!.level).toBe(spec.level);
          expect(h!.number).toBe(1);
          expect(h!.marker.text).toBe(h!.marker.canonical);
          expect(h!.marker.deviations).toEqual([]);
          expect(h!.title).toBe('标题');
          expect(h!.runIn).toBe(spec.runIn);
          expect(problemsOf(doc, md)).toEqual([]);
          // Standalone headings leave the cursor on the next line, run-in ones after the body.
          expect(expansion).toBe(spec.runIn ? first : first + (md ? '\n\n' : '\n'));
        });
      }

      it('each heading snippet offers the numbers of its level as choices, in order', () => {
        for (const [key, spec] of Object.entries(HEADINGS)) {
          const choice = parseSnippet(bodyText(snippets[key])).find((n) => n.kind === 'choice');
          expect(choice, key).toBeDefined();
          const options = (choice as { options: string[] }).options;
          expect(options.length, key).toBeGreaterThanOrEqual(10);
          options.forEach((o, i) => {
            const line = bodyText(snippets[key]).split('\n')[0].replace(/\$\{1\|[^|]*\|\}/, o);
            const model = parseDraft(join(['测试讲稿', ...parents.slice(0, spec.level - 1), expand(line)], md), { markdown: md });
            const h = model.headings[model.headings.length - 1];
            expect([h.level, h.number, h.marker.text === h.marker.canonical], `${key} ${o}`).toEqual([spec.level, i + 1, true]);
          });
        }
      });
    });

    describe('enumerations', () => {
      for (const [key, spec] of Object.entries(ENUMERATIONS)) {
        it(`${key}: a run the parser finds, in sequence, with no problem`, () => {
          const expansion = ex(key);
          // As a paragraph of its own, and after a sentence of the paragraph.
          for (const paragraph of [expansion, `在今后的工作中，我们要进一步抓好以下工作。${expansion}`]) {
            const doc = join(['测试讲稿', '一、总体要求', paragraph, '二、主要任务', '正文。'], md);
            const model = parseDraft(doc, { markdown: md });
            expect(model.enumerations.map((e) => e.text), doc).toEqual(spec.items);
            const families = new Set(model.enumerations.map((e) => e.family));
            expect([...families]).toEqual(spec.family === '首先' ? ['首先'] : [spec.family]);
            expect(model.enumerations.map((e) => e.number)).toEqual(spec.items.map((_, i) => (spec.items[i] === '最后' ? -1 : i + 1)));
            expect(problemsOf(doc, md)).toEqual([]);
          }
        });
      }
    });

    describe('skeletons', () => {
      const outline = (sections: Section[]): string[] =>
        sections.flatMap((s) => [`${'  '.repeat(s.heading.level - 1)}${s.heading.marker.text}${s.heading.title}`, ...outline(s.children)]);

      for (const [key, spec] of Object.entries(SKELETONS)) {
        it(`${key}: title, parts and sub-headings as intended; a draft with no problem`, () => {
          const doc = ex(key);
          const model = parseDraft(doc, { markdown: md });
          expect(model.title?.text).toBe(spec.title);
          expect(isDraft(model)).toBe(true);
          expect(model.listItems).toEqual([]);
          const parts = model.sections;
          expect(parts.map((s) => [s.heading.level, s.heading.marker.text]), outline(parts).join('\n')).toEqual(
            spec.parts.map((_, i) => [1, `${'一二三四五六七八九十'[i]}、`]),
          );
          parts.forEach((part, i) => {
            if (spec.parts[i].title !== undefined) expect(part.heading.title).toBe(spec.parts[i].title);
            expect(part.heading.title).not.toBe('');
            expect(part.heading.runIn).toBe(false);
            expect(part.children.map((c) => [c.heading.level, c.heading.marker.text, c.heading.runIn])).toEqual(
              Array.from({ length: spec.parts[i].children }, (_, k) => [2, `（${'一二三四五六七八九十'[k]}）`, true]),
            );
            for (const c of part.children) {
              expect(c.heading.title).not.toBe('');
              expect(c.children).toEqual([]);
            }
          });
          expect(model.enumerations).toEqual([]);
          expect(problemsOf(doc, md)).toEqual([]);
        });
      }

      it('the speech opens with 同志们： and an opening paragraph, and ends with 谢谢大家！', () => {
        const lines = ex('讲话稿（全文框架）').split('\n').filter((l) => l !== '').map((l) => l.trim());
        expect(lines[1]).toBe('同志们：');
        expect(lines[2]).toMatch(/^今天，我们召开全市教育工作会议，主要任务是.+下面，我讲三点意见。$/);
        expect(lines[lines.length - 2]).toMatch(/^同志们，.+让我们.+！$/);
        expect(lines[lines.length - 1]).toBe('谢谢大家！');
      });

      it('the statement and the report end with their closing formula', () => {
        const last = (key: string) => ex(key).trim().split('\n').pop()!.trim();
        expect(last('研讨发言材料（全文框架）')).toBe('以上发言，不妥之处，请批评指正。');
        expect(last('述职报告（全文框架）')).toBe('以上报告，请各位领导和同志们评议。');
      });

      it('in the plain-text layout, paragraphs and headings are indented by two full-width spaces (公文)', () => {
        if (md) return;
        for (const key of Object.keys(SKELETONS)) {
          // The title and the salutation (同志们：) start at the margin; the rest is indented.
          const [title, ...lines] = ex(key).split('\n').filter((l) => l !== '');
          expect(title, key).toMatch(/^[^\u3000]/);
          for (const l of lines) expect(l, key).toMatch(/[：]$/.test(l) ? /^[^\u3000]/ : /^\u3000\u3000[^\u3000]/);
        }
      });
    });

    describe('phrases', () => {
      for (const key of PHRASES) {
        it(`${key}: prose that adds no heading, enumeration or problem to a draft`, () => {
          const phrase = ex(key);
          expect(phrase).not.toContain('\n');
          const base = ['测试讲稿', '一、总体要求', '（一）指导思想。正文。', '（二）主要目标。正文。'];
          const doc = join([...base, phrase, '二、主要任务', `正文。${phrase}`], md);
          const model = parseDraft(doc, { markdown: md });
          expect(model.headings.map((h) => h.marker.text)).toEqual(['一、', '（一）', '（二）', '二、']);
          expect(model.enumerations).toEqual([]);
          expect(problemsOf(doc, md)).toEqual([]);
        });
      }
    });
  });
}
