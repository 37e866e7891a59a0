import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { PORTAL_HEADERS } from '../../shared/contract/portal.js';
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
