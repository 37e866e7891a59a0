import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { packageRefusedSchema } from '../../src/shared/contract/content-rollout.js';
import { contentErrorSchema, PORTAL_ENDPOINTS, portalErrorSchema } from '../../src/shared/contract/portal.js';
import { makePackage, testKeys } from '../support/content-fixtures.js';
import { packageZip, rawZip } from '../support/package-zips.js';
import { createAccount, signIn } from './backoffice-support.js';
import { endpointReached, expectListedRefusal } from './contract-answers.js';
import { ADMIN_TOKEN, bearer, send, STORE_KINDS, useStorage, type Answer } from './support.js';

/**
 * Random malformed requests against the back office's content upload and rollout over real HTTP,
 * as an administrator, an officer or nobody, with and without the CSRF token. The property: never
 * a 5xx; every refusal is JSON with a status and code the contract lists; a refused request
 * publishes nothing, assigns nothing and writes nothing to the portal's audit trail.
 */
const RUNS = 120;
const keys = testKeys('test-key-a');
const refusalSchema = z.union([portalErrorSchema, packageRefusedSchema.strict(), contentErrorSchema.strict()]);
const nastyUnit = fc.constantFrom('\u0000', '\ud800', '\u2028', '\ufeff', 'ң', '😀', 'a', '"', '\\', '/', '%', '=');
const junk = (maxLength = 30) => fc.string({ unit: nastyUnit, maxLength });
const mostly = <T,>(expected: T, others: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(expected), weight: 6 }, { arbitrary: others, weight: 1 });

/** A valid body with one thing broken (or nothing), or not JSON at all. */
function bodies(valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<string | Uint8Array> {
  const mutated = fc
    .tuple(valid, fc.nat(), fc.constantFrom('delete' as const, 'text' as const, 'json' as const, 'none' as const), junk(), fc.jsonValue({ maxDepth: 2 }))
    .map(([document, at, op, text, value]) => {
      const copy: Record<string, unknown> = { ...document };
      const keys = Object.keys(copy);
      const key = keys.length ? keys[at % keys.length]! : 'extra';
      if (op === 'delete') delete copy[key];
      if (op === 'text') copy[key] = text;
      if (op === 'json') copy[key] = value;
      return JSON.stringify(copy);
    });
  return fc.oneof({ arbitrary: mutated, weight: 8 }, { arbitrary: fc.uint8Array({ maxLength: 200 }), weight: 1 }, { arbitrary: junk(200), weight: 1 });
}

describe.each(STORE_KINDS)('fuzzing the back office’s content endpoints (%s)', (kind) => {
  const { startPortals } = useStorage(kind);

  it('POST /backoffice/api/content/packages and /assignments, GET /rollout', async () => {
    const env = await startPortals(1, { trustAnchors: [keys.anchor] });
    const { portal, store } = env;
    await createAccount(store, 'fuzz.admin', 'administrator');
    await createAccount(store, 'fuzz.officer', 'officer');
    const admin = await signIn(portal.url, 'fuzz.admin', 'correct horse battery');
    const officer = await signIn(portal.url, 'fuzz.officer', 'officer passphrase 7');
    const published = await send(portal.url, {
      method: 'PUT',
      path: PORTAL_ENDPOINTS.publishContent.path({}),
      headers: { ...bearer(ADMIN_TOKEN), 'Content-Type': 'application/json' },
      body: JSON.stringify({ files: Object.fromEntries([...makePackage({ keys, version: 1 })].map(([path, bytes]) => [path, Buffer.from(bytes).toString('base64')])) }),
    });
    expect(published.status).toBe(201);

    // Zips that are nearly right: the good package with a byte flipped, cut short, or with a hostile entry added.
    const good = makePackage({ keys, version: 1 }); // not newer than the published one: even a sound zip is refused
    const goodZip = packageZip(good);
    const zips = fc.oneof(
      fc.constant(goodZip),
      fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([at, byte]) => {
        const copy = new Uint8Array(goodZip);
        copy[at % copy.length] = byte;
        return copy;
      }),
      fc.nat().map((at) => goodZip.subarray(0, at % goodZip.length)),
      junk(40).map((name) => rawZip([...[...good].map(([path, data]) => ({ name: path, data })), { name, data: Buffer.from('x') }])),
    );
    const uploads = fc.record({ zip: zips.map((zip) => Buffer.from(zip).toString('base64')), aheadOfFleet: fc.constantFrom(undefined, true, false) });
    const targets = fc.array(
      fc.oneof(
        fc.constant({ kind: 'all' }),
        fc.record({ kind: fc.constant('office'), code: fc.constantFrom('BSK', 'NRN', 'bsk', 'OSH', '') }),
        fc.record({ kind: fc.constantFrom('kiosk', 'office'), code: fc.oneof(fc.constantFrom('BSK1', 'BSK2'), junk(6)) }),
        fc.record({ kind: junk(8) }),
      ),
      { maxLength: 4 },
    );
    const assignments = fc.record({ version: mostly<unknown>(1, fc.oneof(fc.integer({ min: -2, max: 5 }), fc.double(), junk())), targets });
    const requests = fc.oneof(
      bodies(uploads).map((body) => ({ method: 'POST', path: PORTAL_ENDPOINTS.uploadContentPackage.path({}), body })),
      bodies(assignments).map((body) => ({ method: 'POST', path: PORTAL_ENDPOINTS.assignContentVersion.path({}), body })),
      fc.constant({ method: 'GET', path: PORTAL_ENDPOINTS.contentRollout.path({}), body: undefined }),
    );
    const shots = fc.record({
      request: requests,
      who: fc.constantFrom(admin, admin, admin, officer, null),
      csrf: fc.constantFrom('right', 'right', 'right', 'wrong', 'none'),
      type: mostly<string | undefined>('application/json', fc.constantFrom(undefined, 'text/plain')),
    });
    const state = async () => [
      ((await send(portal.url, { path: PORTAL_ENDPOINTS.contentRollout.path({}), headers: { Cookie: admin.cookie } })).json() as { versions: unknown }).versions,
      await store.contentRollout.assignments(),
      (await store.portalAudit.entries(0, 10_000)).length,
    ];

    await fc.assert(
      fc.asyncProperty(shots, async (shot) => {
        const before = await state();
        const csrf = shot.who ? { right: shot.who.session.csrfToken, wrong: 'x'.repeat(43), none: undefined }[shot.csrf] : undefined;
        const headers = Object.fromEntries(
          Object.entries({ Cookie: shot.who?.cookie, 'X-CSRF-Token': csrf, 'Content-Type': shot.request.body === undefined ? undefined : shot.type, Origin: portal.url, 'Sec-Fetch-Site': 'same-origin' }).filter(
            (entry): entry is [string, string] => entry[1] !== undefined,
          ),
        );
        const { method, path, body } = shot.request;
        const answer: Answer = await send(portal.url, { method, path, headers, body });
        expect(answer.status, answer.text.slice(0, 200)).toBeLessThan(500);
        if (answer.status < 400) return;
        expect(answer.headers['content-type']).toMatch(/^application\/json/);
        expect(refusalSchema.safeParse(answer.json()).success, answer.text.slice(0, 200)).toBe(true);
        const endpoint = endpointReached(method, path);
        expect(endpoint).toBeDefined();
        expectListedRefusal(endpoint!, answer, `${method} ${path}`);
        expect(await state()).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  });
});
