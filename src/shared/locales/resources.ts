import enCommon from './en/common.json' with { type: 'json' };
import enAttract from './en/attract.json' with { type: 'json' };
import enCatalogue from './en/catalogue.json' with { type: 'json' };
import enApplication from './en/application.json' with { type: 'json' };
import enLookup from './en/lookup.json' with { type: 'json' };
import enServicePanel from './en/service-panel.json' with { type: 'json' };
import enForms from './en/forms.json' with { type: 'json' };
import enReceipt from './en/receipt.json' with { type: 'json' };
import enErrors from './en/errors.json' with { type: 'json' };
import enHelp from './en/help.json' with { type: 'json' };
import enStaff from './en/staff.json' with { type: 'json' };
import kyCommon from './ky/common.json' with { type: 'json' };
import kyAttract from './ky/attract.json' with { type: 'json' };
import kyCatalogue from './ky/catalogue.json' with { type: 'json' };
import kyApplication from './ky/application.json' with { type: 'json' };
import kyLookup from './ky/lookup.json' with { type: 'json' };
import kyServicePanel from './ky/service-panel.json' with { type: 'json' };
import kyForms from './ky/forms.json' with { type: 'json' };
import kyReceipt from './ky/receipt.json' with { type: 'json' };
import kyErrors from './ky/errors.json' with { type: 'json' };
import kyHelp from './ky/help.json' with { type: 'json' };
import kyStaff from './ky/staff.json' with { type: 'json' };
import ruCommon from './ru/common.json' with { type: 'json' };
import ruAttract from './ru/attract.json' with { type: 'json' };
import ruCatalogue from './ru/catalogue.json' with { type: 'json' };
import ruApplication from './ru/application.json' with { type: 'json' };
import ruLookup from './ru/lookup.json' with { type: 'json' };
import ruServicePanel from './ru/service-panel.json' with { type: 'json' };
import ruForms from './ru/forms.json' with { type: 'json' };
import ruReceipt from './ru/receipt.json' with { type: 'json' };
import ruErrors from './ru/errors.json' with { type: 'json' };
import ruHelp from './ru/help.json' with { type: 'json' };
import ruStaff from './ru/staff.json' with { type: 'json' };
import type { Language } from '../domain/languages.js';

/**
 * Every string the kiosk shows or prints, in ky, ru and en, one namespace per feature. Plain data:
 * the renderer and the host each hand it to an i18next instance of their own.
 */
export const NAMESPACES = ['common', 'attract', 'catalogue', 'application', 'lookup', 'service-panel', 'forms', 'receipt', 'errors', 'help', 'staff'] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** The language new strings are written in first. Its keys type every lookup; the others must have them all. */
export const BASE_LANGUAGE = 'en' satisfies Language;

const base = {
  common: enCommon,
  attract: enAttract,
  catalogue: enCatalogue,
  application: enApplication,
  lookup: enLookup,
  'service-panel': enServicePanel,
  forms: enForms,
  receipt: enReceipt,
  errors: enErrors,
  help: enHelp,
  staff: enStaff,
};
export type LocaleResources = typeof base;

/** Typed by the base language, so a key missing from ky or ru does not compile (and a test names it). */
export const LOCALE_RESOURCES: Readonly<Record<Language, LocaleResources>> = {
  en: base,
  ky: {
    common: kyCommon,
    attract: kyAttract,
    catalogue: kyCatalogue,
    application: kyApplication,
    lookup: kyLookup,
    'service-panel': kyServicePanel,
    forms: kyForms,
    receipt: kyReceipt,
    errors: kyErrors,
    help: kyHelp,
    staff: kyStaff,
  },
  ru: {
    common: ruCommon,
    attract: ruAttract,
    catalogue: ruCatalogue,
    application: ruApplication,
    lookup: ruLookup,
    'service-panel': ruServicePanel,
    forms: ruForms,
    receipt: ruReceipt,
    errors: ruErrors,
    help: ruHelp,
    staff: ruStaff,
  },
};

/**
 * What both i18next instances start from (the renderer adds React). Unprefixed keys belong to
 * 'common', the first namespace; the rest are named "namespace:key". No fallback language: a
 * missing string is a bug a test catches, never English on a Kyrgyz screen.
 */
export const LOCALE_SETTINGS = {
  resources: LOCALE_RESOURCES,
  ns: NAMESPACES,
  defaultNS: NAMESPACES,
  fallbackLng: false,
  // React escapes what it renders; the printers escape what they print.
  interpolation: { escapeValue: false },
  // A value left out reads as nothing: a visitor must never see "{{min, decimal}}".
  missingInterpolationHandler: () => '',
  returnNull: false,
  // The resources are in memory: initialise synchronously, so the first lookup is never early.
  initAsync: false,
} as const;
