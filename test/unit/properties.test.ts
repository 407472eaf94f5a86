/**
 * Properties over generated drafts (fast-check): fixing is idempotent, a fix changes nothing but
 * numbering characters and punctuation, fixes leave no fixable problem behind, the line endings
 * and BOM survive, and nothing throws on any input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixText, lintText } from '../../src/core/lint';
import { toChineseNumeral } from '../../src/core/numerals';
import { parseDraft } from '../../src/core/parser';
import { splitLines } from '../../src/core/text';

const PHRASES = ['深入贯彻落实', '高质量发展', '统筹推进', '体制机制', '人民群众', '全面从严治党', '教育强国', '产教融合', '立德树人', '基层治理'];
const phrase = fc.constantFrom(...PHRASES);
const sentence = fc.array(phrase, { minLength: 1, maxLength: 4 }).map((w) => w.join('，') + '。');
const body = fc.array(sentence, { minLength: 0, maxLength: 3 }).map((s) => s.join(''));

/** A number that is usually right and sometimes off (gap, duplicate, restart). */
const noisy = (n: number) => fc.oneof({ weight: 8, arbitrary: fc.constant(n) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: n + 2 }) });

const L1 = ['、', '、', '、', '.', '，', ' '];
const L2: [string, string][] = [['（', '）'], ['（', '）'], ['(', ')'], ['（', ')'], ['（', '）、']];
const L3 = ['.', '.', '、', '．'];

const heading2 = (n: number) =>
  fc.tuple(noisy(n), fc.constantFrom(...L2), phrase, body, fc.boolean()).map(([k, [o, c], title, text, runIn]) =>
    runIn ? `${o}${toChineseNumeral(k)}${c}${title}。${text || '正文。'}` : `${o}${toChineseNumeral(k)}${c}${title}\n${text}`,
  );
const heading3 = (n: number) => fc.tuple(noisy(n), fc.constantFrom(...L3), phrase, body).map(([k, s, title, text]) => `${k}${s}${title}。${text || '正文。'}`);

const part = (n: number) =>
  fc
    .tuple(noisy(n), fc.constantFrom(...L1), phrase, fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 }), fc.boolean(), body)
    .chain(([k, sep, title, n2, n3, enumerate, intro]) =>
      fc.tuple(
        fc.constant(`${toChineseNumeral(k)}${sep}${title}${sep === ' ' ? '' : ''}`),
        fc.constant(intro + (enumerate ? '我们要做到：一是加强领导；二是完善制度；四是强化督导。' : '')),
        fc.tuple(...Array.from({ length: n2 }, (_, i) => heading2(i + 1))),
        fc.tuple(...Array.from({ length: n3 }, (_, i) => heading3(i + 1))),
      ),
    )
    .map(([h, intro, l2, l3]) => [h, intro, ...l2, ...l3].filter((x) => x !== '').join('\n'));

const draft = fc
  .tuple(fc.integer({ min: 2, max: 5 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .chain(([parts, eol, bom]) =>
    fc.tuple(fc.constant(eol), fc.constant(bom), fc.tuple(...Array.from({ length: parts }, (_, i) => part(i + 1)))),
  )
  .map(([eol, bom, parts]) => (bom ? '\uFEFF' : '') + ['关于推进重点工作的讲话', '同志们：', ...parts].join('\n').replace(/\n/g, eol));

/** What a fix may change: numerals, brackets, marker punctuation, enumeration words. */
const NUMBERING = /[一二三四五六七八九十百零〇0-9０-９①-⑳（）()、.．，,:：;；。 　是要抓第首先其次再最后]/g;

describe('fixing generated drafts', () => {
  it('the generator makes drafts with numbering mistakes (the properties below are not vacuous)', () => {
    const samples = fc.sample(draft, { numRuns: 100, seed: 42 });
    const withFixable = samples.filter((t) => lintText(t).some((p) => p.fix));
    const withSequence = samples.filter((t) => lintText(t).some((p) => p.rule === 'heading-sequence'));
    expect(withFixable.length).toBeGreaterThan(50);
    expect(withSequence.length).toBeGreaterThan(20);
  });

  it('is idempotent: fixing twice equals fixing once', () => {
    fc.assert(
      fc.property(draft, (text) => {
        const once = fixText(text).text;
        expect(fixText(once).text).toBe(once);
      }),
      { numRuns: 150 },
    );
  });

  it('changes nothing but numbering characters and punctuation, and keeps lines, line endings and BOM', () => {
    fc.assert(
      fc.property(draft, (text) => {
        const fixed = fixText(text).text;
        expect(fixed.startsWith('\uFEFF')).toBe(text.startsWith('\uFEFF'));
        const a = splitLines(text);
        const b = splitLines(fixed);
        expect(b.eols).toEqual(a.eols);
        expect(b.lines.map((l) => l.replace(NUMBERING, ''))).toEqual(a.lines.map((l) => l.replace(NUMBERING, '')));
      }),
      { numRuns: 150 },
    );
  });

  it('leaves no fixable problem behind', () => {
    fc.assert(
      fc.property(draft, (text) => {
        const result = fixText(text);
        expect(result.problems.filter((p) => p.fix).map((p) => `${p.line + 1} ${p.rule} ${p.message.en}`)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('the engine never throws', () => {
  it('on arbitrary Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.boolean(), (text, markdown) => {
        lintText(text, { markdown });
        fixText(text, { markdown });
      }),
      { numRuns: 300 },
    );
  });

  it('on lines made of marker characters', () => {
    const markerish = fc.string({ unit: fc.constantFrom(...'一二三十（）()、.．，1２①⑴⒈是第首先其次最后：；。\n\r　 #>*`-'), maxLength: 200 });
    fc.assert(
      fc.property(markerish, fc.boolean(), (text, markdown) => {
        const model = parseDraft(text, { markdown });
        expect(model.lines.length).toBeGreaterThan(0);
        fixText(text, { markdown });
      }),
      { numRuns: 500 },
    );
  });
});
