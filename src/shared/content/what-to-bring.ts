import type { Answers } from '../forms/form-schema.js';
import { evaluateExpression, isTruthy } from '../forms/expression.js';
import type { KioskSettings, Service } from './content-schema.js';

/**
 * What a visitor pays and brings, worked out from the service and the answers the host accepted.
 * The answers are the normalised ones (hidden fields dropped, calculated fields recomputed), so a
 * rule reads exactly what the form showed.
 */

/** The fee: the form's calculated amount when the service names one and it came out as a number, else the service's price. */
export function amountToPaySom(service: Service, answers: Answers): number {
  const field = service.price.amountField;
  const calculated = field === undefined ? undefined : answers[field];
  return typeof calculated === 'number' && Number.isFinite(calculated) && calculated >= 0 ? Math.round(calculated) : service.price.amountSom;
}

/** The ids of the service's documents whose relevance rule holds for these answers (a document without a rule always applies). */
export function documentsThatApply(service: Service, answers: Answers, today: string): string[] {
  return service.requiredDocuments
    .filter((document) => document.relevant === undefined || isTruthy(evaluateExpression(document.relevant, { answers, today })))
    .map((document) => document.id);
}

/** The status page for a receipt number, or null when the content names none. */
export function statusLookupAddress(settings: Pick<KioskSettings, 'statusLookupUrl'>, receiptNumber: string): string | null {
  return settings.statusLookupUrl ? settings.statusLookupUrl.replace('{receiptNumber}', encodeURIComponent(receiptNumber)) : null;
}
