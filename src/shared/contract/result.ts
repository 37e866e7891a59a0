/**
 * Errors cross every boundary as data with a stable code; the renderer maps the code to a
 * translated message, so nothing here is meant to be shown to a visitor as it is.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN',
  'NOT_FOUND',
  'INTERNAL',
  'UNAVAILABLE',
  /** The application could not be stored durably (disk full, database locked): no receipt exists. */
  'NOT_SAVED',
  /** The host no longer knows the application (the kiosk restarted mid-visit). */
  'APPLICATION_UNKNOWN',
  /** A staff sign-in with a wrong PIN, or an id or card no record has (the two are not told apart); details.attemptsLeft. */
  'WRONG_PIN',
  /** The staff id is locked on this kiosk after wrong PINs; details.until says until when. */
  'LOCKED',
  /** The kiosk could not start (its database is damaged, or from a newer app); details.operatorCode says which, for the technician. */
  'OUT_OF_SERVICE',
  /** Too many status lookups: the portal's limit for this kiosk (details.until says when it lifts, when the portal said). */
  'RATE_LIMITED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What a refusal needs beside its code for the screen to word it: how many tries are left, or until when. */
export interface HostErrorDetails {
  attemptsLeft?: number;
  /** An ISO 8601 instant. */
  until?: string;
  /** A code the screen shows for the technician, such as KK-DB-NEWER; never anything of a visitor's. */
  operatorCode?: string;
}

export interface HostError {
  code: ErrorCode;
  message: string;
  details?: HostErrorDetails;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: HostError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: HostErrorDetails): Result<never> => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
});
