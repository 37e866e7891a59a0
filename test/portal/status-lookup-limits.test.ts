import { describe, expect, it } from 'vitest';
import { StatusLookupLimitError, statusLookupLimitsFromEnvironment } from '../../src/portal/applications/status-lookup-limits.js';
import { PORTAL_ENDPOINTS, applicationStatusSchema, portalErrorSchema } from '../../src/shared/contract/portal.js';
import { formatLegacyReceiptNumber } from '../../src/shared/domain/receipt-number.js';
import { receiptNumberOf } from '../support/receipt-numbers.js';
import { STORE_KINDS, bearer, makeSubmission, send, submit, useStorage, type Answer } from './support.js';

const lookup = (url: string, token: string, receiptNumber: string, from = '127.0.0.1') =>
  send(url, { path: PORTAL_ENDPOINTS.applicationStatus.path({ receiptNumber }), headers: bearer(token), from });

const retryAfter = (answer: Answer) => Number(answer.headers['retry-after']);

/** The answer is the portal's own 429: RATE_LIMITED, with Retry-After in whole seconds no later than `atMost`. */
function expectLimited(answer: Answer, atMost: number) {
  expect(answer.status).toBe(429);
  expect(portalErrorSchema.parse(answer.json()).error.code).toBe('RATE_LIMITED');
  expect(String(answer.headers['retry-after'])).toMatch(/^[1-9]\d*$/);
  expect(retryAfter(answer)).toBeLessThanOrEqual(atMost);
}

describe('status lookups are limited per kiosk credential and per address', () => {
  const { startPortals } = useStorage('sqlite');
  const defaults = PORTAL_ENDPOINTS.applicationStatus.rateLimit!;

  it('declares the limits in the contract: 30 a minute and 1,000 a day per credential, 60 a minute per address, and the 429 they answer', () => {
    expect(defaults).toEqual({ max: 60, windowSeconds: 60, perCredential: 30, perCredentialPerDay: 1000 });
    expect(PORTAL_ENDPOINTS.applicationStatus.responses[429]).toBeDefined();
    expect(PORTAL_ENDPOINTS.applicationStatus.errors).toContain('RATE_LIMITED');
  });

  it('answers the 31st lookup with one credential within the minute 429 with Retry-After; another credential from another address is not affected', async () => {
    const env = await startPortals();
    const known = await makeSubmission('BSK1');
    expect((await submit(env.portal.url, env.tokens.BSK1, known)).status).toBe(201);
    // Guesses and a real number alike count: the limit is on asking, not on missing.
    for (let index = 0; index < defaults.perCredential! - 1; index++) {
      expect((await lookup(env.portal.url, env.tokens.BSK1, receiptNumberOf('BSK1', index))).status).toBe(404);
    }
    expect((await lookup(env.portal.url, env.tokens.BSK1, known.receiptNumber)).status).toBe(200);
    const limited = await lookup(env.portal.url, env.tokens.BSK1, known.receiptNumber);
    expectLimited(limited, defaults.windowSeconds);
    // Changing address does not help a credential past its limit.
    expectLimited(await lookup(env.portal.url, env.tokens.BSK1, known.receiptNumber, '127.0.0.3'), defaults.windowSeconds);

    const other = await lookup(env.portal.url, env.tokens.BSK2, known.receiptNumber, '127.0.0.2');
    expect(other.status).toBe(200);
    expect(applicationStatusSchema.parse(other.json()).receiptNumber).toBe(known.receiptNumber);
  });

  it('limits an address however many credentials it uses', async () => {
    const env = await startPortals(1, { rateLimits: { applicationStatus: { perAddress: 4, perCredential: 100 } } });
    const number = receiptNumberOf('BSK1', 1);
    for (const token of [env.tokens.BSK1, env.tokens.BSK2, env.tokens.BSK1, env.tokens.BSK2]) expect((await lookup(env.portal.url, token, number)).status).toBe(404);
    expectLimited(await lookup(env.portal.url, env.tokens.BSK2, number), 60);
    expectLimited(await lookup(env.portal.url, env.tokens.BSK1, number), 60);
    expect((await lookup(env.portal.url, env.tokens.BSK2, number, '127.0.0.2')).status).toBe(404);
  });

  it('limits a credential per day too: beyond it, Retry-After points up to a day ahead', async () => {
    const env = await startPortals(1, { rateLimits: { applicationStatus: { perCredential: 100, perCredentialPerDay: 3 } } });
    const number = receiptNumberOf('BSK1', 1);
    for (let index = 0; index < 3; index++) expect((await lookup(env.portal.url, env.tokens.BSK1, number)).status).toBe(404);
    const limited = await lookup(env.portal.url, env.tokens.BSK1, number);
    expectLimited(limited, 86_400);
    expect(retryAfter(limited)).toBeGreaterThan(86_000);
    expect((await lookup(env.portal.url, env.tokens.BSK2, number, '127.0.0.2')).status).toBe(404);
  });

  it('leaves the other kiosk endpoints alone: deliveries are not counted or limited', async () => {
    const env = await startPortals(1, { rateLimits: { applicationStatus: { perAddress: 2, perCredential: 2 } } });
    for (let index = 0; index < 5; index++) expect((await submit(env.portal.url, env.tokens.BSK1, await makeSubmission('BSK1'))).status).toBe(201);
    expect((await lookup(env.portal.url, env.tokens.BSK1, receiptNumberOf('BSK1', 1))).status).toBe(404);
  });
});

describe.each(STORE_KINDS)('receipt numbers of the old sequential form at the portal (%s)', (kind) => {
  const { startPortals } = useStorage(kind);

  it('accepts a delivery queued before the upgrade and looks it up by its old number', async () => {
    const env = await startPortals();
    const legacy = await makeSubmission('BSK1', { receiptNumber: formatLegacyReceiptNumber('BSK1', 4321) });
    expect(legacy.receiptNumber).toMatch(/^BSK1-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
    expect((await submit(env.portal.url, env.tokens.BSK1, legacy)).status).toBe(201);
    const found = await lookup(env.portal.url, env.tokens.BSK2, legacy.receiptNumber);
    expect(found.status).toBe(200);
    expect(applicationStatusSchema.parse(found.json())).toMatchObject({ receiptNumber: legacy.receiptNumber, status: 'received' });
    // A new-form number of the same kiosk sits beside it.
    const current = await makeSubmission('BSK1');
    expect(current.receiptNumber).toMatch(/^BSK1-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$/);
    expect((await submit(env.portal.url, env.tokens.BSK1, current)).status).toBe(201);
    // An old-form number with a wrong check character is refused as before.
    const typo = formatLegacyReceiptNumber('BSK1', 4322).slice(0, -1) + legacy.receiptNumber.at(-1);
    const refused = await submit(env.portal.url, env.tokens.BSK1, await makeSubmission('BSK1', { receiptNumber: typo }));
    expect(refused.status).toBe(400);
  });
});

describe('the status lookup limits’ settings', () => {
  it('take whole numbers from the environment and leave unset ones to the contract', () => {
    expect(statusLookupLimitsFromEnvironment({})).toEqual({});
    expect(
      statusLookupLimitsFromEnvironment({
        PORTAL_STATUS_LOOKUPS_PER_MINUTE_PER_KIOSK: '10',
        PORTAL_STATUS_LOOKUPS_PER_DAY_PER_KIOSK: '500',
        PORTAL_STATUS_LOOKUPS_PER_MINUTE_PER_ADDRESS: '',
      }),
    ).toEqual({ perCredential: 10, perCredentialPerDay: 500 });
  });

  it('refuse a value that is not a whole number in range, naming the setting', () => {
    for (const value of ['0', '-1', '1.5', 'ten', '601']) {
      expect(() => statusLookupLimitsFromEnvironment({ PORTAL_STATUS_LOOKUPS_PER_MINUTE_PER_KIOSK: value })).toThrow(StatusLookupLimitError);
    }
    expect(() => statusLookupLimitsFromEnvironment({ PORTAL_STATUS_LOOKUPS_PER_MINUTE_PER_ADDRESS: 'x' })).toThrow(/PORTAL_STATUS_LOOKUPS_PER_MINUTE_PER_ADDRESS/);
  });
});
