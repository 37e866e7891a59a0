import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newKioskCredential } from '../../src/portal/credentials.js';
import { startPortal, type Portal } from '../../src/portal/server.js';
import { applicationPageSchema, openedApplicationSchema, statusMoveRefusedSchema } from '../../src/shared/contract/applications.js';
import { applicationStatusSchema, PORTAL_ENDPOINTS } from '../../src/shared/contract/portal.js';
import { makePackage, testKeys } from '../support/content-fixtures.js';
import { createAccount, signIn, type SignedIn } from './backoffice-support.js';
import { ADMIN_TOKEN, bearer, makeSubmission, postJson, send, STORE_KINDS, submit, useStorage } from './support.js';

const keys = testKeys('applications-http-key');
const PRIVATE_KEY_FILE = 'resources/demo-keys/demo-portal-2026.private.json';
const folders: string[] = [];
const portals: Portal[] = [];
afterEach(async () => {
  for (const portal of portals.splice(0)) await portal.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A state-changing request as the back office page sends it: cookie, CSRF token, same origin. */
const asOfficer = (portal: Portal, signedIn: SignedIn, path: string, body: unknown, headers: Record<string, string> = {}) =>
  postJson(portal.url, path, body, { Cookie: signedIn.cookie, 'X-CSRF-Token': signedIn.session.csrfToken, Origin: portal.url, 'Sec-Fetch-Site': 'same-origin', ...headers });

const searchPath = PORTAL_ENDPOINTS.listApplications.path({});
const statusPath = (receiptNumber: string) => PORTAL_ENDPOINTS.changeApplicationStatus.path({ receiptNumber });
const openingPath = (id: string) => PORTAL_ENDPOINTS.openApplication.path({ id });

describe.each(STORE_KINDS)('the officers’ application endpoints over HTTP (%s)', (kind) => {
  const { storage } = useStorage(kind);

  async function start(options: { withKey?: boolean } = {}): Promise<{ portal: Portal; token: string; officer: SignedIn }> {
    const store = await (await storage()).open();
    const dataFolder = mkdtempSync(join(tmpdir(), 'kyzmat-portal-applications-'));
    folders.push(dataFolder);
    const portal = await startPortal({
      dataFolder,
      adminToken: ADMIN_TOKEN,
      trustAnchors: [keys.anchor],
      store,
      ...(options.withKey === false ? {} : { portalPrivateKeyFile: PRIVATE_KEY_FILE }),
    });
    portals.push(portal);
    const files = Object.fromEntries([...makePackage({ keys, version: 3 })].map(([path, bytes]) => [path, Buffer.from(bytes).toString('base64')]));
    const published = await send(portal.url, {
      method: PORTAL_ENDPOINTS.publishContent.method,
      path: PORTAL_ENDPOINTS.publishContent.path({}),
      headers: { 'Content-Type': 'application/json', ...bearer(ADMIN_TOKEN) },
      body: JSON.stringify({ files }),
    });
    expect(published.status, published.text).toBe(201);
    const credential = newKioskCredential('BSK1');
    await store.issueCredential('BSK1', credential.secretHash, new Date());
    await createAccount(store, 'aigul.officer', 'officer');
    const officer = await signIn(portal.url, 'aigul.officer', 'officer passphrase 7');
    return { portal, token: credential.token, officer };
  }

  it('lists metadata a page at a time, moves a status with a reason the kiosk then reads, and refuses a move the workflow lacks', async () => {
    const { portal, token, officer } = await start();
    const requests = [];
    for (let index = 0; index < 3; index++) {
      const request = await makeSubmission('BSK1', { createdAt: `2026-12-0${index + 1}T09:00:00.000Z` });
      expect((await submit(portal.url, token, request)).status).toBe(201);
      requests.push(request);
    }
    const first = await asOfficer(portal, officer, searchPath, { limit: 2 });
    expect(first.status, first.text).toBe(200);
    const page = applicationPageSchema.parse(first.json());
    expect(page.applications.map((row) => row.receiptNumber)).toEqual([requests[2]!.receiptNumber, requests[1]!.receiptNumber]);
    expect(first.text).not.toContain('sealed');
    const second = applicationPageSchema.parse((await asOfficer(portal, officer, searchPath, { limit: 2, after: page.next })).json());
    expect(second).toMatchObject({ applications: [expect.objectContaining({ receiptNumber: requests[0]!.receiptNumber })], next: null });

    const receipt = requests[0]!.receiptNumber;
    expect((await asOfficer(portal, officer, statusPath(receipt), { to: 'in-review', reasonId: null, expected: 'received' })).status).toBe(200);
    const moved = await asOfficer(portal, officer, statusPath(receipt), { to: 'needs-action', reasonId: 'document-missing', expected: 'in-review' });
    expect([moved.status, moved.json()]).toEqual([200, { status: 'needs-action', reasonId: 'document-missing' }]);
    const inReview = applicationPageSchema.parse((await asOfficer(portal, officer, searchPath, { status: 'needs-action' })).json());
    expect(inReview.applications.map((row) => row.receiptNumber)).toEqual([receipt]);

    const lookup = await send(portal.url, { path: PORTAL_ENDPOINTS.applicationStatus.path({ receiptNumber: receipt }), headers: bearer(token) });
    expect(applicationStatusSchema.parse(lookup.json())).toMatchObject({ status: 'processing', state: 'needs-action', reason: { id: 'document-missing' } });

    const refused = await asOfficer(portal, officer, statusPath(receipt), { to: 'issued', reasonId: null, expected: 'needs-action' });
    expect(refused.status).toBe(409);
    expect(statusMoveRefusedSchema.parse(refused.json()).error).toMatchObject({ code: 'STATUS_MOVE_REFUSED', refusal: 'MOVE_NOT_ALLOWED', from: 'needs-action' });
    const unknown = await asOfficer(portal, officer, statusPath(requests[1]!.receiptNumber), { to: 'in-review', reasonId: 'made-up', expected: 'received' });
    expect((unknown.json() as { error: { refusal: string } }).error.refusal).toBe('REASON_NOT_TAKEN');
  });

  it('opens an application with the questions in the officer’s language and audits it; nobody signed in, no CSRF token or no key opens nothing', async () => {
    const { portal, token, officer } = await start();
    const request = await makeSubmission('BSK1', {}, { answers: { lastName: 'Асанова', pin: '21204198500012', phone: '+996700123456' } });
    expect((await submit(portal.url, token, request)).status).toBe(201);

    expect((await asOfficer(portal, officer, statusPath(request.receiptNumber), { to: 'in-review', reasonId: null, expected: 'received' })).status).toBe(200);
    const opened = await asOfficer(portal, officer, openingPath(request.id), { language: 'en' });
    expect(opened.status, opened.text).toBe(200);
    const body = openedApplicationSchema.parse(opened.json());
    expect(body.answers[0]).toEqual({ fieldId: 'lastName', question: 'Surname', answer: 'Асанова' });
    // The officer sees who moved it before (the account the trail names too), when, from and to.
    expect(body.history).toHaveLength(1);
    const [change] = body.history;
    expect(change).toMatchObject({ from: 'received', to: 'in-review', reasonId: null });
    const trail = await portal.store.portalAudit.entries(0, 10);
    expect(trail.map((entry) => [entry.kind, entry.actor, entry.subject])).toEqual([
      ['status_changed', `user:${change!.by}`, request.receiptNumber],
      ['application_opened', `user:${change!.by}`, request.receiptNumber],
    ]);

    expect((await postJson(portal.url, openingPath(request.id), { language: 'en' })).status).toBe(401);
    expect((await asOfficer(portal, officer, openingPath(request.id), { language: 'en' }, { 'X-CSRF-Token': 'not-the-token' })).status).toBe(403);
    expect((await asOfficer(portal, officer, statusPath(request.receiptNumber), { to: 'in-review', reasonId: null, expected: 'in-review' }, { 'X-CSRF-Token': '' })).status).toBe(403);
    expect((await asOfficer(portal, officer, openingPath(crypto.randomUUID()), { language: 'en' })).status).toBe(404);
    expect(await portal.store.portalAudit.entries(0, 10)).toHaveLength(2);
    expect((await portal.store.applications.current(request.receiptNumber))?.status).toBe('in-review');
  });

  it('opens nothing when the portal has no private key configured', async () => {
    const { portal, token, officer } = await start({ withKey: false });
    const request = await makeSubmission('BSK1');
    expect((await submit(portal.url, token, request)).status).toBe(201);
    const refused = await asOfficer(portal, officer, openingPath(request.id), { language: 'ky' });
    expect([refused.status, (refused.json() as { error: { code: string; reason: string } }).error]).toEqual([409, expect.objectContaining({ code: 'CANNOT_OPEN', reason: 'NO_KEY' })]);
  });
});
