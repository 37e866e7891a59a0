import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PORTAL_HEADERS, type PortalEndpoint, type PortalEndpointName } from '../../shared/contract/portal.js';
import { Refusal } from './refusal.js';

/**
 * Per-address limits for the endpoints whose contract names one (`rateLimit`): only those routes
 * count requests. Counting is in this process's memory: with several portal processes each counts
 * its own, which multiplies an attacker's tries by the number of processes, no more. Beyond the
 * limit the answer is the portal's own 429 refusal with Retry-After in whole seconds.
 */
export async function registerRateLimits(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    addHeaders: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false, 'retry-after': false },
    errorResponseBuilder: (_request, context) =>
      new Refusal(429, 'RATE_LIMITED', 'Too many tries from this address; try again later.', {
        [PORTAL_HEADERS.retryAfter]: String(Math.max(1, Math.ceil(context.ttl / 1000))),
      }),
  });
}

/** A portal's own numbers for an endpoint's limits, in place of the contract's defaults (the windows stay). */
export interface RateLimitSetting {
  perAddress?: number;
  perCredential?: number;
  perCredentialPerDay?: number;
}
export type RateLimitSettings = Partial<Record<PortalEndpointName, RateLimitSetting>>;

const DAY_SECONDS = 86_400;

/** The limits an endpoint has on this portal: the contract's, with the portal's settings over them. */
export function effectiveRateLimit(endpoint: PortalEndpoint, setting: RateLimitSetting | undefined): PortalEndpoint['rateLimit'] {
  if (!endpoint.rateLimit) return undefined;
  const perCredential = setting?.perCredential ?? endpoint.rateLimit.perCredential;
  const perCredentialPerDay = setting?.perCredentialPerDay ?? endpoint.rateLimit.perCredentialPerDay;
  return {
    max: setting?.perAddress ?? endpoint.rateLimit.max,
    windowSeconds: endpoint.rateLimit.windowSeconds,
    ...(perCredential === undefined ? {} : { perCredential }),
    ...(perCredentialPerDay === undefined ? {} : { perCredentialPerDay }),
  };
}

/**
 * The per-credential limits of a kiosk endpoint, checked once the credential is known: requests are
 * counted by the kiosk behind the credential (every credential of one kiosk shares the count), in
 * this process's memory as the per-address limits are; a request refused by one limit is not
 * counted by the next. Beyond a limit the answer is the same 429 refusal with Retry-After. Undefined
 * when the endpoint has none.
 */
export function credentialRateLimit(
  app: FastifyInstance,
  name: PortalEndpointName,
  limit: NonNullable<PortalEndpoint['rateLimit']>,
): ((request: FastifyRequest) => Promise<void>) | undefined {
  const windows = [
    ...(limit.perCredential === undefined ? [] : [{ max: limit.perCredential, seconds: limit.windowSeconds }]),
    ...(limit.perCredentialPerDay === undefined ? [] : [{ max: limit.perCredentialPerDay, seconds: DAY_SECONDS }]),
  ];
  if (windows.length === 0) return undefined;
  const counters = windows.map(({ max, seconds }) =>
    app.createRateLimit({ max, timeWindow: seconds * 1000, keyGenerator: (request) => `${name}:${seconds}:kiosk:${request.kioskCode}` }),
  );
  return async (request) => {
    for (const counter of counters) {
      const counted = await counter(request);
      if (counted.isAllowed || !counted.isExceeded) continue;
      throw new Refusal(429, 'RATE_LIMITED', 'Too many requests with this kiosk credential; try again later.', {
        [PORTAL_HEADERS.retryAfter]: String(Math.max(1, counted.ttlInSeconds)),
      });
    }
  };
}
