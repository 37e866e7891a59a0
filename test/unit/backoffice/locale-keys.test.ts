import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/shared/domain/languages.js';

/*
 * The back office's strings, one file per namespace (the shell's `backoffice` and one per section
 * page): every language has the same namespaces and, in each, exactly the keys of every other, none
 * empty, the same {{placeholders}} in each; and every key the code names exists in the namespace the
 * file reads (its `useTranslation('…')`, else `backoffice`).
 */
type Tree = { [key: string]: string | Tree };
const FOLDER = 'src/backoffice';
const DEFAULT_NAMESPACE = 'backoffice';

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const namespacesOf = (language: string) =>
  readdirSync(join(FOLDER, 'locales', language))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.replace(/\.json$/, ''))
    .sort();
const locales = Object.fromEntries(
  LANGUAGES.map((language) => [
    language,
    new Map(namespacesOf(language).map((ns) => [ns, flatten(JSON.parse(readFileSync(join(FOLDER, 'locales', language, `${ns}.json`), 'utf8')) as Tree)])),
  ]),
) as Record<string, Map<string, Map<string, string>>>;
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'locales' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Every string literal in the app's code that reads as a key of its file's namespace, as `namespace:key`. */
function keysInCode(): Set<string> {
  const keys = new Set<string>();
  for (const file of sourceFiles(FOLDER)) {
    const text = readFileSync(file, 'utf8');
    const namespace = /useTranslation\('([a-z]+)'\)/.exec(text)?.[1] ?? DEFAULT_NAMESPACE;
    const strings = locales.en!.get(namespace);
    expect(strings, `${file} reads namespace ${namespace}, which has no file`).toBeDefined();
    const topLevel = new Set([...strings!.keys()].map((key) => key.split('.')[0]));
    for (const match of text.matchAll(/\bt\('([a-zA-Z]+)'/g)) keys.add(`${namespace}:${match[1]!}`);
    for (const match of text.matchAll(/'([a-z][A-Za-z]*(?:\.[A-Za-z_]+)+)'/g)) if (topLevel.has(match[1]!.split('.')[0])) keys.add(`${namespace}:${match[1]!}`);
  }
  return keys;
}

describe('back office strings', () => {
  it('every language has the same namespaces', () => {
    for (const language of LANGUAGES) expect([...locales[language]!.keys()], language).toEqual([...locales.en!.keys()]);
    expect([...locales.en!.keys()]).toContain(DEFAULT_NAMESPACE);
  });

  it.each(LANGUAGES)('%s has every key of the others, none empty, with the same placeholders', (language) => {
    for (const [namespace, keys] of locales[language]!) {
      for (const other of LANGUAGES) {
        const missing = [...locales[other]!.get(namespace)!.keys()].filter((key) => !keys.has(key));
        expect(missing, `${language}/${namespace} lacks keys ${other} has`).toEqual([]);
      }
      for (const [key, text] of keys) {
        expect(text.trim(), `${language}/${namespace}:${key}`).not.toBe('');
        expect(placeholders(text), `${language}/${namespace}:${key}`).toEqual(placeholders(locales.en!.get(namespace)!.get(key)!));
      }
    }
  });

  it('has every key the code names, in every language', () => {
    const named = keysInCode();
    expect(named.size).toBeGreaterThan(20);
    for (const language of LANGUAGES) {
      const missing = [...named].filter((entry) => {
        const [namespace, key] = entry.split(':') as [string, string];
        return !locales[language]!.get(namespace)?.has(key);
      });
      expect(missing, language).toEqual([]);
    }
  });
});
