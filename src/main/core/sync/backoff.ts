/**
 * Retry timing for delivery. Full jitter (AWS: "random between 0 and the capped exponential")
 * spreads a fleet of kiosks that all come back online at once, instead of letting them retry in
 * step. A server's Retry-After wins over the computed delay, clamped so a bad header cannot stall
 * the queue for a day.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  /** The most a Retry-After may ask for. */
  maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, capMs: 5 * 60_000, maxRetryAfterMs: 15 * 60_000 };

export function fullJitterDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

/** Retry-After in either form (RFC 9110 §10.2.3): delta-seconds or an HTTP-date. Undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now: Date, policy: BackoffPolicy): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  let delayMs: number;
  if (/^\d+$/.test(trimmed)) delayMs = Number(trimmed) * 1000;
  else {
    // Only a real HTTP-date ("Sat, 21 Nov 2026 10:00:45 GMT"); Date.parse would also read "-5" or "1.5" as years.
    if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(trimmed)) return undefined;
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return undefined;
    delayMs = at - now.getTime();
  }
  return Math.min(Math.max(delayMs, 0), policy.maxRetryAfterMs);
}
