import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startPortal, type Portal } from '../../src/portal/server.js';
import type { PortalStore } from '../../src/portal/storage/portal-store.js';
import { cannotOpenSchema, statusMoveRefusedSchema } from '../../src/shared/contract/applications.js';
import { PORTAL_ENDPOINTS, portalErrorSchema } from '../../src/shared/contract/portal.js';
import { APPLICATION_STATUSES } from '../../src/shared/domain/submission.js';
import { createAccount, signIn, type SignedIn } from './backoffice-support.js';
import { endpointReached, expectListedRefusal } from './contract-answers.js';
import { ADMIN_TOKEN, makeSubmission, send, STORE_KINDS, useStorage, type Answer } from './support.js';

/**
 * Random malformed requests against the officers' application endpoints over real HTTP. The
 * property: never a 5xx; every refusal is JSON with a status and code the contract lists; a refused
 * request changes no status and writes nothing to the portal's audit trail.
 */
const RUNS = 150;
const refusalSchema = z.union([portalErrorSchema, cannotOpenSchema.strict(), statusMoveRefusedSchema.strict()]);
const nastyUnit = fc.constantFrom('\u0000', '\ud800', '\u2028', '\ufeff', 'ң', '😀', 'a', '"', '\\', '/', '%');
const junk = (maxLength = 30) => fc.string({ unit: nastyUnit, maxLength });
const mostly = <T,>(expected: T, others: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(expected), weight: 6 }, { arbitrary: others, weight: 1 });
const percentEncode = (text: string) => [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0').toUpperCase()}`).join('');

const portals: Portal[] = [];
const folders: string[] = [];
afterEach(async () => {
  for (const portal of portals.splice(0)) await portal.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A valid body for each endpoint, with one thing broken (or nothing), or not JSON at all. */
function bodies(valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<string | Uint8Array> {
  const mutated = fc
    .tuple(valid, fc.nat(), fc.oneof({ arbitrary: fc.constantFrom('delete' as const, 'text' as const, 'json' as const), weight: 1 }, { arbitrary: fc.constant('none' as const), weight: 1 }), junk(), fc.jsonValue({ maxDepth: 2 }))
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

describe.each(STORE_KINDS)('fuzzing the officers’ application endpoints (%s)', (kind) => {
  const { storage } = useStorage(kind);

  async function prepare(): Promise<{ portal: Portal; store: PortalStore; officer: SignedIn; id: string; receipt: string }> {
    const store = await (await storage()).open();
    const dataFolder = mkdtempSync(join(tmpdir(), 'kyzmat-portal-fuzz-'));
    folders.push(dataFolder);
    const portal = await startPortal({ dataFolder, adminToken: ADMIN_TOKEN, trustAnchors: [], store, portalPrivateKeyFile: 'resources/demo-keys/demo-portal-2026.private.json' });
    portals.push(portal);
    const request = await makeSubmission('BSK1');
    await store.acceptSubmission('BSK1', request, 'hash', new Date());
    await createAccount(store, 'fuzz.officer', 'officer');
    return { portal, store, officer: await signIn(portal.url, 'fuzz.officer', 'officer passphrase 7'), id: request.id, receipt: request.receiptNumber };
  }

  it('POST /backoffice/api/applications/… (search, opening, status)', async () => {
    const { portal, store, officer, id, receipt } = await prepare();
    // Each endpoint's path with a body meant for it, so most requests get past validation to the workflow.
    const searches = fc.record({ status: fc.constantFrom(...APPLICATION_STATUSES), limit: mostly(20, fc.integer({ min: -5, max: 200 })), kioskCode: fc.constantFrom('BSK1', 'bsk1'), officeCode: fc.constantFrom('BSK', 'bs', 'BSK1'), receiptNumber: fc.constantFrom(receipt, receipt.toLowerCase(), 'BSK1-0000-0') });
    const openings = fc.record({ language: mostly('ru', fc.constantFrom('ky', 'en', 'de')) });
    const moves = fc.record({ to: fc.constantFrom(...APPLICATION_STATUSES, 'processing'), reasonId: fc.constantFrom(null, 'document-missing', 'duplicate-application', 'Nope'), expected: fc.constantFrom(...APPLICATION_STATUSES, 'ready') });
    const requests = fc.oneof(
      bodies(searches).map((body) => ({ path: PORTAL_ENDPOINTS.listApplications.path({}), body })),
      fc
        .tuple(fc.oneof(fc.constant(id), fc.uuid(), junk()), bodies(openings))
        .map(([segment, body]) => ({ path: `/backoffice/api/applications/${percentEncode(segment)}/opening`, body })),
      fc
        .tuple(fc.oneof(fc.constant(receipt), junk(), fc.constant(receipt.toLowerCase())), bodies(moves))
        .map(([segment, body]) => ({ path: `/backoffice/api/applications/${percentEncode(segment)}/status`, body })),
    );
    const shots = fc.record({
      request: requests,
      cookie: mostly<string | undefined>(officer.cookie, fc.oneof(fc.constant(undefined), junk().map((text) => `kyzmat_backoffice_session=${percentEncode(text)}`))),
      csrf: mostly<string | undefined>(officer.session.csrfToken, fc.oneof(fc.constant(undefined), junk())),
      type: mostly<string | undefined>('application/json', fc.oneof(fc.constant(undefined), fc.constant('text/plain'))),
    });
    await fc.assert(
      fc.asyncProperty(shots, async (shot) => {
        const before = [(await store.applications.current(receipt))?.status, (await store.portalAudit.entries(0, 10_000)).length];
        const headers = Object.fromEntries(
          Object.entries({ Cookie: shot.cookie, 'X-CSRF-Token': shot.csrf, 'Content-Type': shot.type, Origin: portal.url, 'Sec-Fetch-Site': 'same-origin' }).filter(
            (entry): entry is [string, string] => entry[1] !== undefined && /^[\x20-\x7e]*$/.test(entry[1]),
          ),
        );
        const { path, body } = shot.request;
        const answer: Answer = await send(portal.url, { method: 'POST', path, headers, body });
        expect(answer.status, answer.text.slice(0, 200)).toBeLessThan(500);
        if (answer.status < 400) return;
        expect(answer.headers['content-type']).toMatch(/^application\/json/);
        expect(refusalSchema.safeParse(answer.json()).success, answer.text.slice(0, 200)).toBe(true);
        const endpoint = endpointReached('POST', path);
        if (endpoint) expectListedRefusal(endpoint, answer, path);
        expect([(await store.applications.current(receipt))?.status, (await store.portalAudit.entries(0, 10_000)).length]).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  });
});
