import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Locale, messageKeys, messageTemplate } from '../../src/core/messages';
import { ROOT } from './helpers';

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : [p];
  });
}

describe('project rules', () => {
  it('src/core never imports vscode (the CLI and the tests share it)', () => {
    const offenders = filesUnder(path.join(ROOT, 'src/core'))
      .filter((f) => /\.[cm]?ts$/.test(f))
      .filter((f) => /from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\)/.test(fs.readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('src/core imports nothing from src/extension or src/cli', () => {
    const offenders = filesUnder(path.join(ROOT, 'src/core')).filter((f) => /from\s+['"]\.\.\/(extension|cli)/.test(fs.readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('localisation', () => {
  const read = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8')) as Record<string, string>;

  it('package.nls.json and package.nls.zh-cn.json have the same keys, all non-empty', () => {
    const en = read('package.nls.json');
    const zh = read('package.nls.zh-cn.json');
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const v of [...Object.values(en), ...Object.values(zh)]) expect(v.trim()).not.toBe('');
  });

  it('every %key% in package.json is defined in package.nls.json', () => {
    const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const en = read('package.nls.json');
    const used = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((k) => !(k in en))).toEqual([]);
  });

  it('every vscode.l10n.t string of the extension has a zh-cn translation', () => {
    const bundle = read('l10n/bundle.l10n.zh-cn.json');
    const sources = filesUnder(path.join(ROOT, 'src/extension')).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    const keys = [...sources.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((k) => !(k in bundle))).toEqual([]);
  });

  it('every core message exists in English and Chinese with the same placeholders', () => {
    for (const key of messageKeys()) {
      const placeholders = (l: Locale) => [...messageTemplate(key, l).matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
      expect(messageTemplate(key, 'zh-cn').trim(), key).not.toBe('');
      expect(placeholders('zh-cn'), key).toEqual(placeholders('en'));
    }
  });
});
