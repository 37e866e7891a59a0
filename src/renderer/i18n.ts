import i18next, { type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../shared/domain/languages.js';
import type { FieldIssue } from '../shared/forms/form-engine.js';
import { issueTranslation } from '../shared/forms/messages.js';
import { LOCALE_FORMATS } from '../shared/locales/formats.js';
import { LOCALE_SETTINGS, type LocaleResources, type NAMESPACES } from '../shared/locales/resources.js';

// Keys are typed by the base locale, so a misspelt key does not compile. The host declares the same.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof NAMESPACES;
    resources: LocaleResources;
    returnNull: false;
  }
}

/** The renderer's i18next: the shared locale files and formats, with React bindings. */
export function initI18n(language: Language = 'ky') {
  void i18next.use(initReactI18next).init({ ...LOCALE_SETTINGS, lng: language });
  for (const [name, format] of Object.entries(LOCALE_FORMATS)) i18next.services.formatter?.add(name, format);
  return i18next;
}

/** What a screen says about an issue: the content's own message, else the engine's code in the visitor's language. */
export function issueText(t: TFunction, issue: Pick<FieldIssue, 'code' | 'params' | 'message'>, language: Language): string {
  if (issue.message) return issue.message[language];
  const { key, options } = issueTranslation(issue.code, issue.params);
  return t(`forms:${key}`, options);
}
