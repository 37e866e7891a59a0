import { readdirSync, readFileSync, statSync } from 'node:fs';
import { KIOSK_ALARMS } from '../../../../src/shared/contract/kiosk-alarms.js';
import { UPDATE_STATES } from '../../../../src/shared/contract/update-states.js';
import { join } from 'node:path';
import { ENROLMENT_OUTCOMES } from '../../../../src/shared/contract/ipc.js';
import { describe, expect, it } from 'vitest';
import { CONTENT_MEANING_RULES, COUNTED_KINDS } from '../../../../src/shared/content/content-meaning.js';
import { CONTENT_REJECTION_CODES } from '../../../../src/shared/content/package-verification.js';
import { ERROR_CODES } from '../../../../src/shared/contract/result.js';
import { LANGUAGES, type Language } from '../../../../src/shared/domain/languages.js';
import { ISSUE_CODES } from '../../../../src/shared/forms/messages.js';
import { LOCALE_RESOURCES, NAMESPACES } from '../../../../src/shared/locales/resources.js';

type Tree = { [key: string]: string | Tree };
const LOCALES = 'src/shared/locales';
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function load(language: Language, namespace: string): Tree {
  return JSON.parse(readFileSync(join(LOCALES, language, `${namespace}.json`), 'utf8')) as Tree;
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

/** Every string of a language as "namespace:key.path", read from its files. */
const locales = Object.fromEntries(
  LANGUAGES.map((language) => {
    const keys = new Map<string, string>();
    for (const namespace of NAMESPACES) for (const [key, value] of flatten(load(language, namespace))) keys.set(`${namespace}:${key}`, value);
    return [language, keys];
  }),
) as Record<Language, Map<string, string>>;
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

/**
 * The keys code asks for, as "namespace:key". A key without a namespace belongs to the namespace
 * its file binds (useTranslation('ns'), getFixedT(lng, 'ns'), the host's t(language, 'ns')), else
 * to 'common', the first default namespace, as i18next and its types read it.
 */
function keysUsedIn(folders: string[]): Set<string> {
  const used = new Set<string>();
  for (const file of folders.flatMap(sourceFiles)) {
    const text = readFileSync(file, 'utf8');
    const bound = /(?:useTranslation|getFixedT|\.t)\([^)'`]*'([a-z-]+)'\s*\)/.exec(text)?.[1] ?? 'common';
    const literals = [...text.matchAll(/\bt\(\s*'([^']+)'/g), ...text.matchAll(/getFixedT\([^)]*\)\(\s*'([^']+)'/g)].map((match) => match[1]!);
    for (const key of literals) used.add(key.includes(':') ? key : `${bound}:${key}`);
  }
  return used;
}

describe('translations', () => {
  const allBases = baseKeys(LANGUAGES.flatMap((language) => [...locales[language].keys()]));

  it.each(LANGUAGES)('%s has a file for every namespace and no other', (language) => {
    expect(readdirSync(join(LOCALES, language)).sort()).toEqual(NAMESPACES.map((namespace) => `${namespace}.json`).sort());
  });

  it.each(LANGUAGES)('%s is what i18next is given, file for file', (language) => {
    for (const namespace of NAMESPACES) expect(LOCALE_RESOURCES[language][namespace], `${language}/${namespace}`).toEqual(load(language, namespace));
  });

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
      for (const code of ERROR_CODES) expect(locales[language].has(`errors:${code}`), `${language} errors:${code}`).toBe(true);
    }
  });

  it('has a message for every form issue code in every language', () => {
    for (const language of LANGUAGES) {
      for (const code of ISSUE_CODES) {
        expect(requiredKeys(language, `forms:${code}`).every((key) => locales[language].has(key)), `${language} forms:${code}`).toBe(true);
      }
    }
  });

  it('has a message for every content refusal, download state, source and outcome the service panel shows', () => {
    const keys = [
      ...CONTENT_REJECTION_CODES.map((code) => `service-panel:contentRejection.${code}`),
      ...CONTENT_MEANING_RULES.map((rule) => `service-panel:contentProblem.${rule}`),
      'service-panel:contentProblem.where',
      ...COUNTED_KINDS.map((what) => `service-panel:contentProblem.counted.${what}`),
      ...['idle', 'checking', 'downloading', 'applying', 'failed'].map((state) => `service-panel:download.${state}`),
      ...['bundled', 'portal', 'folder'].map((source) => `service-panel:source.${source}`),
      ...['applied', 'rejected', 'failed'].map((outcome) => `service-panel:outcome.${outcome}`),
      ...['busy', 'applied', 'unchanged', 'not-found', 'rejected', 'failed'].map((outcome) => `service-panel:result.${outcome}`),
      ...['ky', 'ru', 'lat', 'numeric'].map((layout) => `common:keyboard.layout.${layout}`),
      ...['received', 'in-review', 'needs-action', 'ready-for-pickup', 'issued', 'rejected'].flatMap((status) => [`lookup:status.${status}`, `lookup:nextStep.${status}`]),
      ...['NOT_FOUND', 'VALIDATION', 'UNAVAILABLE'].map((code) => `lookup:errors.${code}`),
      ...['not-configured', 'idle', 'sending', 'waiting', 'offline', 'paused'].map((state) => `service-panel:sync.states.${state}`),
      ...['queued', 'sending', 'delivered', 'quarantined'].map((state) => `receipt:state.${state}`),
      ...['printed', 'saved', 'NO_PRINTER', 'PRINT_FAILED'].map((outcome) => `receipt:print.${outcome}`),
      ...['KG-GB', 'KG-GO', 'KG-B', 'KG-J', 'KG-Y', 'KG-N', 'KG-O', 'KG-T', 'KG-C'].map((region) => `application:form.regions.${region}`),
      ...['region', 'district', 'locality', 'street', 'house', 'flat'].map((part) => `application:form.address.${part}`),
      ...['queued', 'sending', 'delivered', 'quarantined'].map((state) => `staff:queue.state.${state}`),
      ...['ready', 'pdf'].map((printer) => `staff:queue.printerState.${printer}`),
      ...ENROLMENT_OUTCOMES.map((outcome) => `service-panel:enrolment.outcome.${outcome}`),
      ...KIOSK_ALARMS.map((alarm) => `service-panel:kioskAlarms.${alarm}`),
      ...UPDATE_STATES.map((state) => `service-panel:update.states.${state}`),
      // The idle warning reads from the clerk's or the visitor's wording by who is signed in.
      ...['staff', 'common'].flatMap((namespace) => [`${namespace}:idle.title`, `${namespace}:idle.text_other`]),
    ];
    for (const language of LANGUAGES) {
      expect(keys.filter((key) => !locales[language].has(key)), language).toEqual([]);
    }
  });

  it('has every key that the renderer code asks for', () => {
    const used = keysUsedIn(['src/renderer']);
    expect(used.size).toBeGreaterThan(10);
    const unknown = [...used].filter((key) => !allBases.has(key));
    expect(unknown).toEqual([]);
  });

  it('has every key that the host asks for when it prints', () => {
    const used = keysUsedIn(['src/main']);
    expect(used.size).toBeGreaterThan(5);
    const unknown = [...used].filter((key) => !allBases.has(key));
    expect(unknown).toEqual([]);
  });

  it('keeps Kyrgyz nouns singular after numerals and gives Russian all four forms', () => {
    expect(locales.ky.get('catalogue:workingDays_one')).toBe(locales.ky.get('catalogue:workingDays_other'));
    expect(new Set(['one', 'few', 'many', 'other'].map((form) => locales.ru.get(`catalogue:count_${form}`))).size).toBe(3);
  });
});
