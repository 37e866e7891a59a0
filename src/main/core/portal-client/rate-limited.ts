/**
 * The portal answered 429: this kiosk (or its address) asked too often. A lookup rejects with it so
 * the visitor is told to wait a minute, not that the service is down.
 */
export class PortalRateLimitedError extends Error {
  override readonly name = 'PortalRateLimitedError';

  /** `retryAfterSeconds`: the answer's Retry-After in whole seconds, when it gave a usable one. */
  constructor(readonly retryAfterSeconds: number | undefined) {
    super('the portal answered 429');
  }
}

/** A Retry-After of whole seconds, as the portal sends it; undefined for anything else. */
export function retryAfterSecondsOf(value: string | null): number | undefined {
  const seconds = Number(value);
  return value !== null && /^\d+$/.test(value) && seconds > 0 ? seconds : undefined;
}
