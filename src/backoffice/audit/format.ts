import { dateTimeToSecond } from '../../shared/locales/formats.js';

/**
 * A time as DD.MM.YYYY HH:MM:SS, to the second (audit entries are compared by the second), in every
 * language alike: Chromium's ICU has no Kyrgyz date data and writes "2026 M12 1" or, worse, a
 * year-day-month date that reads as another day. A stored time that is no time (an edited row) is
 * shown as it is stored.
 */
export const formatAuditTime = (iso: string): string => (Number.isNaN(Date.parse(iso)) ? iso : dateTimeToSecond(iso));

/** An entry's details as `name: value` pairs: codes and numbers only, as the chain stores them. */
export function formatDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
    .join('; ');
}
