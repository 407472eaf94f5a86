/**
 * README.md against what it documents: the settings table lists exactly the settings of
 * package.json (`contributes.configuration.properties`) with their defaults, the rule table
 * exactly the rules of the registry with their pages, default severities and fixability, and every
 * link to a file of the repository (screenshots, rule pages) resolves.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/rules/registry';
import { ROOT } from './helpers';

const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').replace(/\r\n/g, '\n');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  contributes: { configuration: { properties: Record<string, { default: unknown }> } };
};

/** Cells of a Markdown table row (`\|` is a literal bar), trimmed. */
function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));
}

/** The body rows of the (only) table whose header row starts with `| <first> |`, outside code blocks. */
function table(first: string): string[][] {
  const lines = README.split('\n');
  let fenced = false;
  const found: string[][][] = [];
  for (let i = 0; i < lines.length; i++) {
    if (/^\s*(```|~~~)/.test(lines[i])) fenced = !fenced;
    if (fenced || !lines[i].trim().startsWith('|') || cells(lines[i])[0] !== first) continue;
    if (!/^\s*\|[\s:|-]+\|\s*$/.test(lines[i + 1] ?? '')) continue;
    const rows: string[][] = [];
    for (let j = i + 2; j < lines.length && lines[j].trim().startsWith('|'); j++) rows.push(cells(lines[j]));
    found.push(rows);
  }
  expect(found, `one README table with the header "| ${first} |"`).toHaveLength(1);
  return found[0];
}

/** How the README writes a default: strings bare (the empty string as `""`), the rest as JSON. */
function shownDefault(value: unknown): string {
  const text = typeof value === 'string' && value !== '' ? value : JSON.stringify(value);
  return `\`${text}\``;
}

describe('README.md', () => {
  it('the settings table lists every setting of package.json with its default, and no other', () => {
    const rows = table('Setting');
    const properties = manifest.contributes.configuration.properties;
    const listed = rows.map((r) => /^`([^`]+)`$/.exec(r[0])?.[1] ?? r[0]);
    expect(new Set(listed).size, 'a setting listed twice').toBe(listed.length);
    expect([...listed].sort()).toEqual(Object.keys(properties).sort());
    for (const [i, id] of listed.entries()) {
      expect(rows[i][1], `default of ${id}`).toBe(shownDefault(properties[id].default));
      expect(rows[i][2], `meaning of ${id}`).not.toBe('');
    }
  });

  it('the rule table lists every rule of the registry, linked to its page, with its default severity, fixes and suggestions', () => {
    const rows = table('Rule');
    const listed = rows.map((r) => {
      const link = /^\[`([a-z-]+)`\]\(docs\/rules\/([a-z-]+)\.md\)$/.exec(r[0]);
      expect(link, `rule cell "${r[0]}" is [\`id\`](docs/rules/id.md)`).not.toBeNull();
      expect(link![2], 'link target').toBe(link![1]);
      return link![1];
    });
    expect(new Set(listed).size, 'a rule listed twice').toBe(listed.length);
    expect([...listed].sort()).toEqual(RULES.map((r) => r.id).sort());
    for (const [i, id] of listed.entries()) {
      const rule = RULES.find((r) => r.id === id)!;
      expect(rows[i][2], `default severity of ${id}`).toBe(`\`${rule.defaultSeverity}\``);
      expect(rows[i][3] !== '—', `fix column of ${id} ("—" when not fixable)`).toBe(rule.fixable);
      expect(rows[i][4] !== '—', `suggestion column of ${id} ("—" when it has none)`).toBe(rule.hasSuggestions ?? false);
    }
  });

  it('every relative link and image points to a file of the repository', () => {
    const targets = [...README.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((t) => !/^[a-z]+:|^#/.test(t));
    expect(targets.length).toBeGreaterThan(10);
    const missing = targets.filter((t) => !fs.existsSync(path.join(ROOT, decodeURI(t.split('#')[0]))));
    expect(missing).toEqual([]);
  });

  it('shows every screenshot of docs/images', () => {
    const images = fs.readdirSync(path.join(ROOT, 'docs/images')).filter((f) => f.endsWith('.png'));
    expect(images.filter((f) => !README.includes(`](docs/images/${f})`))).toEqual([]);
  });

  it('has the user-guide sections: install (.vsix and source), CLI, pre-commit and CI, rules, settings', () => {
    expect(README).toContain(`code --install-extension speech-draft-linux-x64-${manifest.version}.vsix`);
    for (const heading of ['## Install', '## The command line', '## In VS Code', '## Settings', '### The rules']) {
      expect(README.split('\n'), heading).toContain(heading);
    }
    expect(README).toMatch(/pre-commit/);
    expect(README).toMatch(/GitHub Actions|\.github\/workflows/);
  });
});
