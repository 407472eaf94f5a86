import { describe, expect, it } from 'vitest';
import {
  parseArabic,
  parseChineseNumeral,
  parseCircled,
  toChineseNumeral,
  toCircled,
} from '../../src/core/numerals';

describe('Chinese numerals', () => {
  it.each([
    ['一', 1], ['九', 9], ['十', 10], ['十一', 11], ['十九', 19], ['二十', 20], ['二十一', 21],
    ['三十三', 33], ['九十九', 99], ['一百', 100], ['一百零一', 101], ['一百一十', 110], ['一十一', 11],
  ])('parses %s as %i', (s, n) => {
    expect(parseChineseNumeral(s)).toBe(n);
  });

  it.each(['', '零', '两', '十十', '一二', '百', '二十零', '一百零', '九十九九', 'a'])('rejects %j', (s) => {
    expect(parseChineseNumeral(s)).toBeUndefined();
  });

  it('renders every number from 1 to 999 and parses it back', () => {
    for (let n = 1; n < 1000; n++) expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n);
    expect(toChineseNumeral(10)).toBe('十');
    expect(toChineseNumeral(12)).toBe('十二');
    expect(toChineseNumeral(20)).toBe('二十');
    expect(toChineseNumeral(105)).toBe('一百零五');
  });
});

describe('Arabic and circled numerals', () => {
  it('parses half- and full-width digits', () => {
    expect(parseArabic('12')).toBe(12);
    expect(parseArabic('１２')).toBe(12);
    expect(parseArabic('1２')).toBe(12);
    expect(parseArabic('1a')).toBeUndefined();
    expect(parseArabic('')).toBeUndefined();
  });

  it('round-trips circled digits 1–50', () => {
    for (let n = 1; n <= 50; n++) expect(parseCircled(toCircled(n))).toBe(n);
    expect(toCircled(1)).toBe('①');
    expect(toCircled(21)).toBe('㉑');
    expect(toCircled(50)).toBe('㊿');
  });
});
