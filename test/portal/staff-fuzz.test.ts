import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { staffListTrustAnchorsSchema, verifySignedStaffList } from '../../src/shared/content/signed-staff-list.js';
import { PORTAL_ENDPOINTS, portalErrorSchema } from '../../src/shared/contract/portal.js';
import { pinIssuedSchema, staffPageSchema, staffRefusedSchema, staffStateChangedSchema } from '../../src/shared/contract/staff-page.js';
import { endpointReached, expectListedRefusal } from './contract-answers.js';
import { asPage, useFleetPortal } from './fleet-support.js';
import { ADMIN_TOKEN, send, STORE_KINDS, type Answer } from './support.js';

/**
 * Random malformed requests against the staff page's four endpoints and the kiosks' staff list
 * over real HTTP, as an administrator, an officer or nobody, with and without the CSRF token, and
 * with live, revoked and made-up kiosk credentials. The property: never a 5xx; every refusal is
 * JSON with a status and code the contract lists; a refused request stores, signs and audits
 * nothing; every answer that is not a refusal matches its schema, and a served list verifies.
 */
const RUNS = 120;
interface Shot {
  method: string;
  path: string;
  body: string | Uint8Array | undefined;
  /** Sent as a kiosk (Authorization, If-None-Match), else as the back office page. */
  kiosk: boolean;
}
const trustAnchors = staffListTrustAnchorsSchema.parse(JSON.parse(readFileSync('resources/trust/staff-list-keys.json', 'utf8')));
const refusalSchema = z.union([portalErrorSchema, staffRefusedSchema.strict()]);
const nastyUnit = fc.constantFrom('\u0000', '\ud800', '\u2028', '\ufeff', '\u202e', 'ң', '😀', 'a', '1', '"', '\\', '<');
const junk = (maxLength = 30) => fc.string({ unit: nastyUnit, maxLength });
const mostly = <T,>(expected: fc.Arbitrary<T>, others: fc.Arbitrary<T>) => fc.oneof({ arbitrary: expected, weight: 6 }, { arbitrary: others, weight: 1 });

/** A valid body with one thing broken (or nothing), or not JSON at all. */
function bodies(valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<string | Uint8Array> {
  const mutated = fc
    .tuple(valid, fc.nat(), fc.constantFrom('delete' as const, 'text' as const, 'json' as const, 'none' as const, 'none' as const, 'none' as const), junk(), fc.jsonValue({ maxDepth: 2 }))
    .map(([document, at, op, text, value]) => {
      const copy: Record<string, unknown> = { ...document };
      const keys = Object.keys(copy);
      const key = keys.length ? keys[at % keys.length]! : 'extra';
      if (op === 'delete') delete copy[key];
      if (op === 'text') copy[key] = text;
      if (op === 'json') copy[key] = value;
      return JSON.stringify(copy);
    });
  return fc.oneof(
    { arbitrary: mutated, weight: 8 },
    { arbitrary: fc.uint8Array({ maxLength: 200 }), weight: 1 },
    { arbitrary: junk(200), weight: 1 },
    { arbitrary: fc.integer({ min: 4097, max: 12_000 }).map((size) => JSON.stringify({ officeCode: 'BSK', staffId: '1001', displayName: 'x'.repeat(size), roles: ['clerk'] })), weight: 1 },
  );
}

describe.each(STORE_KINDS)('fuzzing the staff endpoints (%s)', (kind) => {
  const { start } = useFleetPortal(kind);

  it('POST /backoffice/api/staff/search, /members, /state, /pin-reset and GET /v1/staff-list', async () => {
    const env = await start({ staffListKeyFile: 'resources/demo-keys/demo-staff-list-2026.private.json' });
    const url = env.portal.url;
    const admin = env.administrator;
    const bsk1 = await env.issue('BSK1');
    const revoked = await env.issue('BSK2');
    await env.store.revokeCredential('BSK2', new Date());
    expect((await asPage(url, admin, PORTAL_ENDPOINTS.createStaff.path({}), { officeCode: 'BSK', staffId: '1001', displayName: 'Айгүл', roles: ['clerk'], cardNumber: '9417000000001001' })).status).toBe(201);

    const officeCode = mostly(fc.constantFrom('BSK', 'NRN'), fc.oneof(fc.constantFrom('bsk', 'BSKU', 'BS', 'OSH', 'ILO', ''), junk(6)));
    const staffId = mostly(fc.constantFrom('1001', '1002', '2001', '30000001'), fc.oneof(fc.constantFrom('12', '123456789', '１２３４', '-1001'), junk(10)));
    const roles = mostly<unknown>(fc.constantFrom(['clerk'], ['technician'], ['clerk', 'technician']), fc.oneof(fc.constant([]), fc.constant(['clerk', 'clerk']), fc.array(junk(10), { maxLength: 3 })));
    const cardNumber = fc.option(mostly(fc.constantFrom('9417000000001001', '9417000000002002'), fc.oneof(fc.constantFrom('1234567', '94170000000010010000000'), junk(20))), { nil: undefined });
    const displayName = mostly(fc.constantFrom('Бакыт Садыков', 'A. Smith'), fc.oneof(fc.constantFrom('', '   ', 'x'.repeat(81), 'a\u0000b', 'a\u202eb'), junk(40)));
    const creations = fc.record({ officeCode, staffId, displayName, roles, cardNumber }, { requiredKeys: ['officeCode', 'staffId', 'displayName', 'roles'] });
    const states = fc.record({ officeCode, staffId, state: mostly<unknown>(fc.constantFrom('active', 'disabled'), fc.oneof(fc.constantFrom('gone', 'Active', ''), junk(8))) });
    const resets = fc.record({ officeCode, staffId });
    const searches = fc.record({ officeCode }, { requiredKeys: [] });
    const page = (path: string, body: fc.Arbitrary<string | Uint8Array>) => body.map((value): Shot => ({ method: 'POST', path, body: value, kiosk: false }));
    const requests: fc.Arbitrary<Shot> = fc.oneof(
      { arbitrary: page(PORTAL_ENDPOINTS.searchStaff.path({}), bodies(searches)), weight: 1 },
      { arbitrary: page(PORTAL_ENDPOINTS.createStaff.path({}), bodies(creations)), weight: 3 },
      { arbitrary: page(PORTAL_ENDPOINTS.setStaffState.path({}), bodies(states)), weight: 2 },
      { arbitrary: page(PORTAL_ENDPOINTS.resetStaffPin.path({}), bodies(resets)), weight: 1 },
      { arbitrary: fc.constant<Shot>({ method: 'GET', path: PORTAL_ENDPOINTS.staffList.path({}), body: undefined, kiosk: true }), weight: 2 },
      { arbitrary: fc.constantFrom('PUT', 'DELETE', 'GET').map((method): Shot => ({ method, path: PORTAL_ENDPOINTS.createStaff.path({}), body: undefined, kiosk: false })), weight: 1 },
    );
    const shots = fc.record({
      request: requests,
      who: fc.constantFrom(admin, admin, admin, admin, admin, env.officer, null),
      csrf: fc.constantFrom('right', 'right', 'right', 'right', 'right', 'wrong', 'none'),
      authorization: fc.constantFrom(`Bearer ${bsk1}`, `Bearer ${bsk1}`, `Bearer ${bsk1}`, `Bearer ${revoked}`, `Bearer ${ADMIN_TOKEN}`, 'Bearer kiosk_BSK1.x', undefined),
      // What a header can carry: printable ASCII.
      ifNoneMatch: fc.option(fc.oneof(fc.constantFrom('"staff-BSK-1"', '"staff-BSK-2"', '*', 'W/"staff-BSK-1"'), fc.string({ unit: 'binary-ascii', maxLength: 20 }).map((text) => text.replace(/[^\x20-\x7e]/g, ''))), { nil: undefined }),
      type: mostly<string | undefined>(fc.constant('application/json'), fc.constantFrom(undefined, 'text/plain')),
    });
    const state = async () => [await env.store.staff.search(undefined), await env.store.staff.list('BSK'), await env.store.staff.list('NRN'), (await env.store.portalAudit.entries(0, 10_000)).length];

    type Fired = typeof shots extends fc.Arbitrary<infer T> ? T : never;
    const valid: Fired = { request: { method: 'POST', path: '', body: undefined, kiosk: false }, who: admin, csrf: 'right', authorization: `Bearer ${bsk1}`, ifNoneMatch: undefined, type: 'application/json' };
    const changes: string[] = [];
    await fc.assert(
      fc.asyncProperty(shots, async (shot) => {
        const before = await state();
        const { method, path, body, kiosk } = shot.request;
        const csrf = shot.who ? { right: shot.who.session.csrfToken, wrong: 'x'.repeat(43), none: undefined }[shot.csrf] : undefined;
        const headers = Object.fromEntries(
          Object.entries(
            kiosk
              ? { Authorization: shot.authorization, 'If-None-Match': shot.ifNoneMatch }
              : { Cookie: shot.who?.cookie, 'X-CSRF-Token': csrf, 'Content-Type': body === undefined ? undefined : shot.type, Origin: url, 'Sec-Fetch-Site': 'same-origin' },
          ).filter((entry): entry is [string, string] => entry[1] !== undefined),
        );
        const answer: Answer = await send(url, { method, path, headers, ...(body === undefined ? {} : { body }) });
        expect(answer.status, answer.text.slice(0, 200)).toBeLessThan(500);
        const endpoint = endpointReached(method, path);
        if (answer.status >= 400) {
          expect(answer.headers['content-type']).toMatch(/^application\/json/);
          expect(refusalSchema.safeParse(answer.json()).success, answer.text.slice(0, 200)).toBe(true);
          if (endpoint) expectListedRefusal(endpoint, answer, `${method} ${path}`);
          expect(await state()).toEqual(before);
          return;
        }
        if (endpoint === 'staffList') {
          expect(shot.authorization).toBe(`Bearer ${bsk1}`);
          if (answer.status === 304) {
            expect(answer.headers.etag).toBe(shot.ifNoneMatch);
            return;
          }
          const list = await verifySignedStaffList(answer.json(), { trustAnchors, officeCode: 'BSK', currentVersion: null });
          expect(answer.headers.etag).toBe(`"staff-BSK-${list.version}"`);
          return;
        }
        // Only the administrator's page, with its token, gets past the door.
        expect([shot.who, shot.csrf]).toEqual([admin, 'right']);
        if (endpoint !== 'searchStaff') changes.push(endpoint!);
        // No answer of the page carries a PIN hash.
        expect(answer.text).not.toContain('pinHash');
        const json = answer.json();
        if (endpoint === 'searchStaff') staffPageSchema.parse(json);
        else if (endpoint === 'setStaffState') staffStateChangedSchema.parse(json);
        else {
          expect(answer.status).toBe(endpoint === 'createStaff' ? 201 : 200);
          pinIssuedSchema.parse(json);
        }
      }),
      {
        numRuns: RUNS,
        // Besides the random shots, requests that do change staff, so the property is always tried on changes too.
        examples: [
          [{ ...valid, request: { ...valid.request, path: PORTAL_ENDPOINTS.createStaff.path({}), body: JSON.stringify({ officeCode: 'BSK', staffId: '2001', displayName: 'Бакыт', roles: ['clerk'] }) } }],
          [{ ...valid, request: { ...valid.request, path: PORTAL_ENDPOINTS.setStaffState.path({}), body: JSON.stringify({ officeCode: 'BSK', staffId: '1001', state: 'disabled' }) } }],
          [{ ...valid, request: { ...valid.request, path: PORTAL_ENDPOINTS.resetStaffPin.path({}), body: JSON.stringify({ officeCode: 'BSK', staffId: '2001' }) } }],
          [{ ...valid, request: { method: 'GET', path: PORTAL_ENDPOINTS.staffList.path({}), body: undefined, kiosk: true } }],
        ],
      },
    );
    // The run did change staff, and the list last signed is the one served.
    expect(changes).toEqual(expect.arrayContaining(['createStaff', 'setStaffState', 'resetStaffPin']));
    const stored = await env.store.staff.list('BSK');
    const served = await send(url, { path: PORTAL_ENDPOINTS.staffList.path({}), headers: { Authorization: `Bearer ${bsk1}` } });
    expect((await verifySignedStaffList(served.json(), { trustAnchors, officeCode: 'BSK', currentVersion: null })).version).toBe(stored!.version);
  });
});
