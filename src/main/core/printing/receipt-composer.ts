import { statusLookupAddress } from '../../../shared/content/what-to-bring.js';
import { LANGUAGES, type Language } from '../../../shared/domain/languages.js';
import { dateTime, wholeSom } from '../../../shared/locales/formats.js';
import type { OutboxState } from '../../../shared/domain/submission.js';
import type { ReceiptDetails } from '../applications/application-service.js';
import { staffNameOf } from '../applications/assisting-clerk.js';
import type { OutboxReceipt } from '../applications/outbox.js';
import type { CatalogueView } from '../content/catalogue-view.js';
import type { HostT, HostTranslations } from '../i18n/host-translations.js';
import type { ReceiptDocument } from './receipt-document.js';

export interface ReceiptSources {
  /** The application as the outbox stored it: language, service, time and state, never the answers. */
  stored(receiptNumber: string): OutboxReceipt | undefined;
  /** The active catalogue: the service's title and documents, the office's name and payment text. */
  catalogue(): CatalogueView | undefined;
  /** The fee and documents worked out from the answers, while the host still remembers them (during the visit). */
  details?(receiptNumber: string): ReceiptDetails | undefined;
  translations: HostTranslations;
}

/** Number grouping per language, as the screens write prices ("1 640 сом", "1,640 som"). */

/**
 * Paper keeps what it says: "being sent" would be stale by the time the visitor reads it at home,
 * so a slip printed while the application is on its way says what a queued one says.
 */
const PRINTED_STATE: Record<OutboxState, OutboxState> = { queued: 'queued', sending: 'queued', delivered: 'delivered', quarantined: 'quarantined' };

/**
 * The receipt for a number this kiosk issued, in the language the visitor applied in, or undefined
 * for a number it did not issue. A service that a newer content package removed still gets its
 * receipt (number, date, state), only without its title and documents. Once the host has forgotten
 * the answer-dependent details (a later reprint), the slip lists all the service's documents under
 * a heading that says to bring those that apply, and states a fee only when it cannot depend on the answers.
 */
export function composeReceipt(receiptNumber: string, sources: ReceiptSources): ReceiptDocument | undefined {
  const stored = sources.stored(receiptNumber);
  if (!stored) return undefined;
  const language = languageOf(stored.language);
  const t = sources.translations.t(language, 'receipt');
  const catalogue = sources.catalogue();
  const settings = catalogue?.document.settings;
  const service = catalogue?.service(language, stored.serviceId);
  const priced = catalogue?.document.services.find((candidate) => candidate.id === stored.serviceId)?.price;
  const details = sources.details?.(stored.receiptNumber);

  const amount = details?.amountToPaySom ?? (priced && priced.amountField === undefined ? priced.amountSom : undefined);
  const documents = service?.requiredDocuments ?? [];
  const bring = details ? documents.filter((document) => details.documentIds.includes(document.id)) : documents;
  const statusPage = settings ? statusLookupAddress(settings, stored.receiptNumber) : null;
  const payment = amount === 0 || !service ? undefined : settings?.payment?.[language];
  const assistedBy = assistedByLine(stored.assistedBy, catalogue, t);

  return {
    heading: t('heading'),
    officeName: settings?.officeName[language] ?? '',
    serviceTitle: service?.title ?? '',
    receiptNumberLabel: t('number'),
    receiptNumber: stored.receiptNumber,
    dateLabel: t('date'),
    date: dateTime(stored.createdAt),
    stateText: t(`state.${PRINTED_STATE[stored.state]}`),
    ...(assistedBy ? { assistedBy } : {}),
    qrText: statusPage ?? stored.receiptNumber,
    ...(statusPage ? { qrCaption: t('qrCaption') } : {}),
    ...(service ? { feeHeading: t('fee.heading'), fee: amount === undefined ? t('fee.byAnswers') : formatFee(sources.translations, language, amount) } : {}),
    ...(payment ? { paymentHeading: t('payHeading'), payment } : {}),
    bringHeading: details || documents.length === 0 ? t('bring') : t('bringAll'),
    bring: bring.map((document) => (document.note ? { title: document.title, note: document.note } : { title: document.title })),
    nextHeading: t('nextHeading'),
    next: t('next'),
    footer: t('footer'),
  };
}

/**
 * Who assisted, in the visitor's language. The outbox stores the clerk's id only; the name comes
 * from the active content's staff list, so a reprint names the clerk as the office lists them
 * today, and by the id alone once a package has removed the record.
 */
function assistedByLine(staffId: string | null, catalogue: CatalogueView | undefined, t: HostT<'receipt'>): string | undefined {
  if (staffId === null) return undefined;
  const name = staffNameOf(staffId, catalogue?.document.staff);
  return name === undefined ? t('assistedByUnnamed', { staffId }) : t('assistedBy', { name, staffId });
}

/** Whole som with the language's grouping, in the catalogue's words ("1 640 сом"); "Free of charge" for nothing. */
function formatFee(translations: HostTranslations, language: Language, amountSom: number): string {
  const whole = Math.round(amountSom);
  if (whole === 0) return translations.t(language, 'receipt')('fee.free');
  return translations.t(language, 'catalogue')('price', { amount: wholeSom(whole, language) });
}

/** The outbox only ever stores a kiosk language; Kyrgyz, the state language, for anything else. */
function languageOf(stored: string): Language {
  return (LANGUAGES as readonly string[]).includes(stored) ? (stored as Language) : 'ky';
}
