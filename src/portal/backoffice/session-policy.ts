/**
 * How long a back office session lives. Officers read visitors' personal data at a desk in an
 * office hall: a session left open on a desk a colleague or visitor can reach ends after 15
 * minutes without a request (OWASP's range for such data is 15–30 minutes); however busy, it
 * ends after 10 hours, a working day with its overtime, so a copied cookie dies by the evening.
 */
export const SESSION_POLICY = {
  idleSeconds: 15 * 60,
  absoluteSeconds: 10 * 60 * 60,
  /** last_seen_at is written at most this often: a page's burst of requests costs one write. */
  touchEverySeconds: 30,
} as const;

/**
 * Sign-in failures: the 5th wrong password in a row for one username locks it for 15 minutes, as
 * the kiosk's staff PINs do. Five tries stop guessing while a person who mistyped twice is not
 * locked out; 15 minutes makes an online guess of a 12-character password hopeless (96 tries an
 * hour per name) and keeps a colleague locked out by a prankster waiting no longer than a break.
 * The per-address rate limit (10 a minute) stops one address spraying many names.
 */
export const LOCKOUT_POLICY = {
  failuresBeforeLock: 5,
  lockMinutes: 15,
} as const;
