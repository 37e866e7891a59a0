import { LANGUAGES, type Language } from '../../../shared/domain/languages.js';
import { dateTime } from '../../../shared/locales/formats.js';
import type { OutboxReceipt } from '../applications/outbox.js';
import type { CatalogueView } from '../content/catalogue-view.js';
import type { HostTranslations } from '../i18n/host-translations.js';
import type { ReceiptDocument } from './receipt-document.js';

export interface ReceiptSources {
  /** The application as the outbox stored it: language, service, time and state, never the answers. */
  stored(receiptNumber: string): OutboxReceipt | undefined;
  /** The active catalogue: the service's title and documents, the office's name. */
  catalogue(): CatalogueView | undefined;
  translations: HostTranslations;
}

/**
 * The receipt for a number this kiosk issued, in the language the visitor applied in, or undefined
 * for a number it did not issue. A service that a newer content package removed still gets its
 * receipt (number, date, state), only without its title and documents.
 */
export function composeReceipt(receiptNumber: string, sources: ReceiptSources): ReceiptDocument | undefined {
  const stored = sources.stored(receiptNumber);
  if (!stored) return undefined;
  const language = languageOf(stored.language);
  const t = sources.translations.t(language, 'receipt');
  const catalogue = sources.catalogue();
  const service = catalogue?.service(language, stored.serviceId);
  return {
    heading: t('heading'),
    officeName: catalogue?.document.settings.officeName[language] ?? '',
    serviceTitle: service?.title ?? '',
    receiptNumberLabel: t('number'),
    receiptNumber: stored.receiptNumber,
    dateLabel: t('date'),
    date: dateTime(stored.createdAt),
    stateText: t(`state.${stored.state}`),
    bringHeading: t('bring'),
    bring: service?.requiredDocuments.map((document) => document.title) ?? [],
    nextHeading: t('nextHeading'),
    next: t('next'),
    footer: t('footer'),
  };
}

/** The outbox only ever stores a kiosk language; Kyrgyz, the state language, for anything else. */
function languageOf(stored: string): Language {
  return (LANGUAGES as readonly string[]).includes(stored) ? (stored as Language) : 'ky';
}
