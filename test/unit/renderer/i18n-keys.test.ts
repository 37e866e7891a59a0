import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../../src/shared/domain/languages.js';
import { CONTENT_REJECTION_CODES } from '../../../src/shared/content/package-verification.js';
import { ERROR_CODES } from '../../../src/shared/contract/result.js';

type Tree = { [key: string]: string | Tree };
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function load(language: Language): Tree {
  return JSON.parse(readFileSync(`src/renderer/locales/${language}.json`, 'utf8')) as Tree;
}

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const locales = Object.fromEntries(LANGUAGES.map((language) => [language, flatten(load(language))])) as Record<Language, Map<string, string>>;
const baseKeys = (keys: Iterable<string>) => new Set([...keys].map((key) => key.replace(PLURAL_SUFFIX, '')));
const pluralBases = new Set(
  LANGUAGES.flatMap((language) => [...locales[language].keys()].filter((key) => PLURAL_SUFFIX.test(key)).map((key) => key.replace(PLURAL_SUFFIX, ''))),
);

/** Every key has each of the language's CLDR plural forms when it is plural, or itself when not. */
function requiredKeys(language: Language, base: string): string[] {
  if (!pluralBases.has(base)) return [base];
  return new Intl.PluralRules(language).resolvedOptions().pluralCategories.map((category) => `${base}_${category}`);
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('translations', () => {
  const allBases = baseKeys(LANGUAGES.flatMap((language) => [...locales[language].keys()]));

  it.each(LANGUAGES)('%s has every key that any language has, with all its plural forms', (language) => {
    const missing = [...allBases].flatMap((base) => requiredKeys(language, base)).filter((key) => !locales[language].has(key));
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)('%s has no empty strings', (language) => {
    const empty = [...locales[language]].filter(([, value]) => value.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('has a message for every host error code in every language', () => {
    for (const language of LANGUAGES) {
      for (const code of ERROR_CODES) expect(locales[language].has(`errors.${code}`), `${language} errors.${code}`).toBe(true);
    }
  });

  it('has a message for every content refusal, download state, source and outcome the service panel shows', () => {
    const keys = [
      ...CONTENT_REJECTION_CODES.map((code) => `contentRejection.${code}`),
      ...['idle', 'checking', 'downloading', 'applying', 'failed'].map((state) => `panel.download.${state}`),
      ...['bundled', 'portal', 'folder'].map((source) => `panel.source.${source}`),
      ...['applied', 'rejected', 'failed'].map((outcome) => `panel.outcome.${outcome}`),
      ...['busy', 'applied', 'unchanged', 'not-found', 'rejected', 'failed'].map((outcome) => `panel.result.${outcome}`),
      ...['ky', 'ru', 'lat', 'numeric'].map((layout) => `keyboard.layout.${layout}`),
      ...['received', 'processing', 'ready', 'rejected'].map((status) => `lookup.status.${status}`),
      ...['NOT_FOUND', 'VALIDATION', 'UNAVAILABLE'].map((code) => `lookup.errors.${code}`),
      ...['not-configured', 'idle', 'sending', 'waiting', 'offline', 'paused'].map((state) => `panel.sync.states.${state}`),
      ...['queued', 'sending', 'delivered', 'quarantined'].map((state) => `receipt.state.${state}`),
      ...['printed', 'saved', 'NO_PRINTER', 'PRINT_FAILED'].map((outcome) => `receipt.print.${outcome}`),
      ...['KG-GB', 'KG-GO', 'KG-B', 'KG-J', 'KG-Y', 'KG-N', 'KG-O', 'KG-T', 'KG-C'].map((region) => `form.regions.${region}`),
      ...['region', 'district', 'locality', 'street', 'house', 'flat'].map((part) => `form.address.${part}`),
    ];
    for (const language of LANGUAGES) {
      expect(keys.filter((key) => !locales[language].has(key)), language).toEqual([]);
    }
  });

  it('has every key that the renderer code asks for', () => {
    const used = new Set<string>();
    for (const file of sourceFiles('src/renderer')) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([^']+)'/g)) used.add(match[1]!);
      for (const match of text.matchAll(/getFixedT\([^)]*\)\(\s*'([^']+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    const unknown = [...used].filter((key) => !allBases.has(key));
    expect(unknown).toEqual([]);
  });

  it('keeps Kyrgyz nouns singular after numerals and gives Russian all four forms', () => {
    expect(locales.ky.get('catalogue.workingDays_one')).toBe(locales.ky.get('catalogue.workingDays_other'));
    expect(new Set(['one', 'few', 'many', 'other'].map((form) => locales.ru.get(`catalogue.count_${form}`))).size).toBe(3);
  });
});
