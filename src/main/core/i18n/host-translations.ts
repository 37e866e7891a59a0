import i18next, { type TFunction } from 'i18next';
import type { Language } from '../../../shared/domain/languages.js';
import { LOCALE_FORMATS } from '../../../shared/locales/formats.js';
import { LOCALE_SETTINGS, type LocaleResources, type Namespace, type NAMESPACES } from '../../../shared/locales/resources.js';

// The same typing as the renderer's: a key that the base locale lacks does not compile.
/** The host's words of one namespace in one language; the rest of the host names i18next nowhere but here. */
export type HostT<N extends Namespace> = TFunction<N>;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof NAMESPACES;
    resources: LocaleResources;
    returnNull: false;
  }
}

/** The host's translations (what it prints), from the same locale files as the screens. */
export interface HostTranslations {
  /** A t for one language and namespace; its keys are typed by the base locale. */
  t<N extends Namespace>(language: Language, namespace: N): HostT<N>;
}

/** An i18next instance of the host's own, so nothing it does depends on global state. */
export function createHostTranslations(): HostTranslations {
  const instance = i18next.createInstance();
  void instance.init({ ...LOCALE_SETTINGS });
  for (const [name, format] of Object.entries(LOCALE_FORMATS)) instance.services.formatter?.add(name, format);
  return { t: (language, namespace) => instance.getFixedT(language, namespace) };
}
