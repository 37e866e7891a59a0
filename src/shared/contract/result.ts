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
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface HostError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: HostError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});
