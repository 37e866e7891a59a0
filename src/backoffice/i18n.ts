import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../shared/domain/languages.js';
import en from './locales/en/backoffice.json';
import enApplications from './locales/en/applications.json';
import enAudit from './locales/en/audit.json';
import enContent from './locales/en/content.json';
import enFleet from './locales/en/fleet.json';
import enKiosks from './locales/en/kiosks.json';
import enStaff from './locales/en/staff.json';
import ky from './locales/ky/backoffice.json';
import kyApplications from './locales/ky/applications.json';
import kyAudit from './locales/ky/audit.json';
import kyContent from './locales/ky/content.json';
import kyFleet from './locales/ky/fleet.json';
import kyKiosks from './locales/ky/kiosks.json';
import kyStaff from './locales/ky/staff.json';
import ru from './locales/ru/backoffice.json';
import ruApplications from './locales/ru/applications.json';
import ruAudit from './locales/ru/audit.json';
import ruContent from './locales/ru/content.json';
import ruFleet from './locales/ru/fleet.json';
import ruKiosks from './locales/ru/kiosks.json';
import ruStaff from './locales/ru/staff.json';

/**
 * The back office's strings, beside the app: the shell's namespace (backoffice) and one per
 * section page, so each page's words live in its own files. Typed by the English ones.
 */
export const BACKOFFICE_RESOURCES = {
  en: { backoffice: en, fleet: enFleet, applications: enApplications, content: enContent, kiosks: enKiosks, staff: enStaff, audit: enAudit },
  ky: { backoffice: ky, fleet: kyFleet, applications: kyApplications, content: kyContent, kiosks: kyKiosks, staff: kyStaff, audit: kyAudit },
  ru: { backoffice: ru, fleet: ruFleet, applications: ruApplications, content: ruContent, kiosks: ruKiosks, staff: ruStaff, audit: ruAudit },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'backoffice';
    resources: (typeof BACKOFFICE_RESOURCES)['en'];
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
    ns: Object.keys(BACKOFFICE_RESOURCES.en),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}
