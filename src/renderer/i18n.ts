import i18next, { type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../shared/domain/languages.js';
import type { FieldIssue } from '../shared/forms/form-engine.js';
import { issueTranslation } from '../shared/forms/messages.js';
import { LOCALE_FORMATS } from '../shared/locales/formats.js';
import { LOCALE_RESOURCES } from '../shared/locales/resources.js';
import en from './locales/en.json';
import ky from './locales/ky.json';
import ru from './locales/ru.json';

export const resources = {
  ky: { translation: ky, forms: LOCALE_RESOURCES.ky.forms },
  ru: { translation: ru, forms: LOCALE_RESOURCES.ru.forms },
  en: { translation: en, forms: LOCALE_RESOURCES.en.forms },
} as const;

/** Intl locale per kiosk language: dates as people in Kyrgyzstan write them. */
export const INTL_LOCALE: Record<Language, string> = { ky: 'ky-KG', ru: 'ru-KG', en: 'en-GB' };

/**
 * Locale for numbers. Chromium's ICU has no Kyrgyz number data and falls back to English ("4,140");
 * Kyrgyz groups thousands with a space exactly as Russian does ("4 140"), so ky borrows ru-KG.
 */
export const NUMBER_LOCALE: Record<Language, string> = { ky: 'ru-KG', ru: 'ru-KG', en: 'en-GB' };

export function initI18n(language: Language = 'ky') {
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    missingInterpolationHandler: () => '',
    returnNull: false,
  });
  for (const [name, format] of Object.entries(LOCALE_FORMATS)) i18next.services.formatter?.add(name, format);
  return i18next;
}

/** What a screen says about an issue: the content's own message, else the engine's code in the visitor's language. */
export function issueText(t: TFunction, issue: Pick<FieldIssue, 'code' | 'params' | 'message'>, language: Language): string {
  if (issue.message) return issue.message[language];
  const { key, options } = issueTranslation(issue.code, issue.params);
  return t(`forms:${key}`, options);
}
