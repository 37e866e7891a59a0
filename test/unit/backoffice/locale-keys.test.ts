import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/shared/domain/languages.js';

/*
 * The back office's strings: every language has exactly the keys of every other, none empty, the
 * same {{placeholders}} in each, and every key the code names exists.
 */
type Tree = { [key: string]: string | Tree };
const FOLDER = 'src/backoffice';

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const locales = Object.fromEntries(
  LANGUAGES.map((language) => [language, flatten(JSON.parse(readFileSync(join(FOLDER, 'locales', language, 'backoffice.json'), 'utf8')) as Tree)]),
);
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'locales' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Every string literal in the app's code that reads as a key of the strings (a dotted path under a top-level key). */
function keysInCode(): Set<string> {
  const topLevel = new Set([...locales.en!.keys()].map((key) => key.split('.')[0]));
  const keys = new Set<string>();
  for (const file of sourceFiles(FOLDER)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/t\('([a-zA-Z]+)'/g)) keys.add(match[1]!);
    for (const match of text.matchAll(/'([a-z][A-Za-z]*(?:\.[A-Za-z]+)+)'/g)) if (topLevel.has(match[1]!.split('.')[0])) keys.add(match[1]!);
  }
  return keys;
}

describe('back office strings', () => {
  it.each(LANGUAGES)('%s has every key of the others, none empty, with the same placeholders', (language) => {
    const keys = locales[language]!;
    for (const other of LANGUAGES) {
      const missing = [...locales[other]!.keys()].filter((key) => !keys.has(key));
      expect(missing, `${language} lacks keys ${other} has`).toEqual([]);
    }
    for (const [key, text] of keys) {
      expect(text.trim(), `${language}:${key}`).not.toBe('');
      expect(placeholders(text), `${language}:${key}`).toEqual(placeholders(locales.en!.get(key)!));
    }
  });

  it('has every key the code names, in every language', () => {
    const named = keysInCode();
    expect(named.size).toBeGreaterThan(20);
    for (const language of LANGUAGES) {
      const missing = [...named].filter((key) => !locales[language]!.has(key));
      expect(missing, language).toEqual([]);
    }
  });
});
