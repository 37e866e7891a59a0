import type { TFunction } from 'i18next';
import type { Language } from '../../shared/domain/languages.js';
import { wholeSom } from '../../shared/locales/formats.js';

/**
 * "1 234 сом" with the visitor's grouping; "Free" for zero. Fees are whole som (the content allows
 * nothing else), so a computed amount is rounded to the som rather than shown as "1 100,3 сом".
 */
export function formatPrice(t: TFunction, language: Language, amountSom: number): string {
  const whole = Math.round(amountSom);
  if (whole === 0) return t('catalogue:free');
  return t('catalogue:price', { amount: wholeSom(whole, language) });
}

/** Working days through the language's plural rules; zero is "on the day you apply". */
export function formatWorkingDays(t: TFunction, days: number): string {
  return days === 0 ? t('catalogue:sameDay') : t('catalogue:workingDays', { count: days });
}

/** DD.MM.YYYY HH:MM, the same function the host prints receipts with, so screen and paper agree. */
export { clockTime as formatClock, dateTime as formatDateTime } from '../../shared/locales/formats.js';
