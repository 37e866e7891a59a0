import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FLEET_ALARMS, fleetSchema, fleetSearchSchema } from '../../src/shared/contract/fleet.js';
import { PORTAL_ENDPOINTS, portalErrorSchema } from '../../src/shared/contract/portal.js';
import { endpointReached, expectListedRefusal } from './contract-answers.js';
import { fleetPath, useFleetPortal } from './fleet-support.js';
import { ADMIN_TOKEN, send, STORE_KINDS, validHeartbeat } from './support.js';

/**
 * Random malformed fleet searches over real HTTP. The property: never a 5xx; every refusal is JSON
 * with a status and code the contract lists; a search writes nothing; only the signed-in
 * administrator's page, with a body that is a search, gets the fleet, and what it gets passes the filters.
 */
const RUNS = 150;
const nastyUnit = fc.constantFrom('\u0000', '\ud800', '\u2028', '\ufeff', 'ң', '😀', 'a', 'B', '"', '\\', '{');
const junk = (maxLength = 30) => fc.string({ unit: nastyUnit, maxLength });

describe.each(STORE_KINDS)('fuzzing the fleet search (%s)', (kind) => {
  const { start } = useFleetPortal(kind);

  it('POST /backoffice/api/fleet/search', async () => {
    const env = await start();
    await env.issue('BSK1');
    await env.store.recordHeartbeat('ASH1', { ...validHeartbeat, printerState: 'error' }, new Date());
    const page = (signedIn: typeof env.administrator) => ({ Cookie: signedIn.cookie, 'X-CSRF-Token': signedIn.session.csrfToken, Origin: env.portal.url, 'Sec-Fetch-Site': 'same-origin' });
    const administrator = page(env.administrator);
    const callers = fc.oneof(
      { arbitrary: fc.constant(administrator), weight: 6 },
      { arbitrary: fc.constant(page(env.officer)), weight: 1 },
      { arbitrary: fc.constant({ ...administrator, 'X-CSRF-Token': 'x'.repeat(43) }), weight: 1 },
      { arbitrary: fc.constant({ Cookie: administrator.Cookie, Origin: env.portal.url }), weight: 1 },
      { arbitrary: fc.constant({ ...administrator, Origin: 'https://elsewhere.example', 'Sec-Fetch-Site': 'cross-site' }), weight: 1 },
      { arbitrary: fc.constant({ Authorization: `Bearer ${ADMIN_TOKEN}` }), weight: 1 },
    );
    const search = fc.record(
      {
        officeCode: fc.oneof(fc.constantFrom('BSK', 'ASH', 'NRN', 'bsk', 'BSKU', 'BS', 'OSH'), junk(6)),
        alarm: fc.oneof(fc.constantFrom(...FLEET_ALARMS, 'any', 'none', ''), junk(12)),
        extra: fc.jsonValue({ maxDepth: 1 }),
      },
      { requiredKeys: [] },
    );
    const bodies = fc.oneof(
      { arbitrary: search.map((value) => JSON.stringify(value)), weight: 6 },
      { arbitrary: fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value)), weight: 1 },
      { arbitrary: junk(200), weight: 1 },
      { arbitrary: fc.uint8Array({ maxLength: 64 }), weight: 1 },
      { arbitrary: fc.integer({ min: 1025, max: 20_000 }).map((size) => JSON.stringify({ officeCode: 'B'.repeat(size) })), weight: 1 },
    );
    const shots = fc.record({
      headers: callers,
      method: fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT'),
      type: fc.constantFrom('application/json', 'application/json', 'text/plain', undefined),
      body: fc.option(bodies, { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(shots, async ({ headers, method, type, body }) => {
        const before = await env.store.stats();
        const answer = await send(env.portal.url, { method, path: fleetPath, headers: { ...headers, ...(type && body !== undefined ? { 'Content-Type': type } : {}) }, ...(body === undefined ? {} : { body }) });
        expect(answer.status, answer.text.slice(0, 200)).toBeLessThan(500);
        expect(await env.store.stats()).toEqual(before);
        if (answer.status >= 400) {
          expect(portalErrorSchema.safeParse(answer.json()).success, answer.text.slice(0, 200)).toBe(true);
          if (endpointReached(method, fleetPath)) expectListedRefusal('listFleet', answer);
          return;
        }
        expect([method, headers]).toEqual(['POST', administrator]);
        const parsed = fleetSearchSchema.parse(JSON.parse(typeof body === 'string' ? body : Buffer.from(body!).toString('utf8')));
        const fleet = fleetSchema.parse(answer.json());
        expect(fleet.total).toBe(2);
        for (const kiosk of fleet.kiosks) {
          if (parsed.officeCode) expect(kiosk.officeCode).toBe(parsed.officeCode);
          if (parsed.alarm && parsed.alarm !== 'any') expect(kiosk.alarms).toContain(parsed.alarm);
        }
      }),
      { numRuns: RUNS },
    );
    // The endpoint is the one the contract names for this path.
    expect(endpointReached('POST', fleetPath)).toBe('listFleet');
    expect(PORTAL_ENDPOINTS.listFleet.auth).toBe('administrator');
  });
});
