import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../shared/domain/languages.js';
import en from './locales/en.json';
import ky from './locales/ky.json';
import ru from './locales/ru.json';

export const resources = { ky: { translation: ky }, ru: { translation: ru }, en: { translation: en } } as const;

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
    returnNull: false,
  });
  return i18next;
}
