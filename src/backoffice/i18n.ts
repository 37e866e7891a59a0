import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../shared/domain/languages.js';
import en from './locales/en/backoffice.json';
import ky from './locales/ky/backoffice.json';
import ru from './locales/ru/backoffice.json';

/** The back office's strings: one namespace for now, its own files beside the app, typed by the English one. */
export const BACKOFFICE_RESOURCES = { en: { backoffice: en }, ky: { backoffice: ky }, ru: { backoffice: ru } } as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'backoffice';
    resources: { backoffice: typeof en };
    returnNull: false;
  }
}

const LANGUAGE_KEY = 'kyzmat-backoffice-language';

/** The desk's last choice, else the browser's language when it is one of ours, else Kyrgyz. */
export function initialLanguage(): Language {
  const stored = window.localStorage.getItem(LANGUAGE_KEY);
  const wanted = stored ?? window.navigator.language.slice(0, 2);
  return LANGUAGES.find((language) => language === wanted) ?? 'ky';
}

export function rememberLanguage(language: Language): void {
  window.localStorage.setItem(LANGUAGE_KEY, language);
  document.documentElement.lang = language;
}

export function initI18n(language: Language) {
  void i18next.use(initReactI18next).init({
    resources: BACKOFFICE_RESOURCES,
    lng: language,
    fallbackLng: false,
    defaultNS: 'backoffice',
    ns: ['backoffice'],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}
