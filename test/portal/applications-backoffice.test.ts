import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newKioskCredential } from '../../src/portal/credentials.js';
import { startPortal, type Portal, type PortalOptions } from '../../src/portal/server.js';
import type { PortalStore } from '../../src/portal/storage/portal-store.js';
import {
  APPLICATION_PAGE_SIZE,
  applicationPageSchema,
  cannotOpenSchema,
  openedApplicationSchema,
  statusMoveRefusedSchema,
  type ApplicationPage,
} from '../../src/shared/contract/applications.js';
import { PORTAL_ENDPOINTS, type SubmissionRequest } from '../../src/shared/contract/portal.js';
import { makePackage, testKeys } from '../support/content-fixtures.js';
import { createAccount, PASSWORDS, signIn, type SignedIn } from './backoffice-support.js';
import { ADMIN_TOKEN, bearer, makeSubmission, postJson, send, STORE_KINDS, submit, useStorage } from './support.js';

const keys = testKeys('applications-backoffice-key');
const PRIVATE_KEY_FILE = 'resources/demo-keys/demo-portal-2026.private.json';
const folders: string[] = [];
const portals: Portal[] = [];
afterEach(async () => {
  for (const portal of portals.splice(0)) await portal.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const searchPath = PORTAL_ENDPOINTS.listApplications.path({});
const statusPath = (receiptNumber: string) => PORTAL_ENDPOINTS.changeApplicationStatus.path({ receiptNumber });
const openingPath = (id: string) => PORTAL_ENDPOINTS.openApplication.path({ id });

/** A state-changing request as the back office page sends it: cookie, CSRF token, same origin. */
const asUser = (portal: Portal, signedIn: SignedIn, path: string, body: unknown, headers: Record<string, string> = {}) =>
  postJson(portal.url, path, body, { Cookie: signedIn.cookie, 'X-CSRF-Token': signedIn.session.csrfToken, Origin: portal.url, 'Sec-Fetch-Site': 'same-origin', ...headers });

const search = async (portal: Portal, user: SignedIn, body: Record<string, unknown>): Promise<ApplicationPage> => {
  const answer = await asUser(portal, user, searchPath, body);
  expect(answer.status, answer.text).toBe(200);
  return applicationPageSchema.parse(answer.json());
};

describe.each(STORE_KINDS)('the applications page’s endpoints (%s)', (kind) => {
  const { storage } = useStorage(kind);

  interface Started {
    portal: Portal;
    store: PortalStore;
    tokens: Record<'BSK1' | 'BSK2' | 'NRN1', string>;
    officer: SignedIn;
    colleague: SignedIn;
    administrator: SignedIn;
  }

  async function start(extra: Partial<PortalOptions> = {}, store?: PortalStore): Promise<Started> {
    const opened = store ?? (await (await storage()).open());
    const dataFolder = mkdtempSync(join(tmpdir(), 'kyzmat-portal-backoffice-applications-'));
    folders.push(dataFolder);
    const portal = await startPortal({ dataFolder, adminToken: ADMIN_TOKEN, trustAnchors: [keys.anchor], store: opened, portalPrivateKeyFile: PRIVATE_KEY_FILE, ...extra });
    portals.push(portal);
    const files = Object.fromEntries([...makePackage({ keys, version: 3 })].map(([path, bytes]) => [path, Buffer.from(bytes).toString('base64')]));
    // A portal started again on a store (a month on) lists and opens without its package: the list names services by id then.
    if (!store) {
      const published = await send(portal.url, {
        method: PORTAL_ENDPOINTS.publishContent.method,
        path: PORTAL_ENDPOINTS.publishContent.path({}),
        headers: { 'Content-Type': 'application/json', ...bearer(ADMIN_TOKEN) },
        body: JSON.stringify({ files }),
      });
      expect(published.status, published.text).toBe(201);
    }
    const tokens = {} as Started['tokens'];
    for (const code of ['BSK1', 'BSK2', 'NRN1'] as const) {
      const credential = newKioskCredential(code);
      await opened.issueCredential(code, credential.secretHash, new Date());
      tokens[code] = credential.token;
    }
    if (!store) {
      await createAccount(opened, 'aigul.officer', 'officer');
      await createAccount(opened, 'bakyt.officer', 'officer');
      await createAccount(opened, 'admin.nurlan', 'administrator');
    }
    return {
      portal,
      store: opened,
      tokens,
      officer: await signIn(portal.url, 'aigul.officer', PASSWORDS.officer),
      colleague: await signIn(portal.url, 'bakyt.officer', PASSWORDS.officer),
      administrator: await signIn(portal.url, 'admin.nurlan', PASSWORDS.administrator),
    };
  }

  let minute = 0;
  /** A delivered application, each made a minute after the one before. */
  async function deliver(started: Started, kiosk: 'BSK1' | 'BSK2' | 'NRN1', serviceId: string): Promise<SubmissionRequest> {
    minute++;
    const createdAt = new Date(Date.UTC(2026, 10, 1, 8, 0) + minute * 60_000).toISOString();
    const request = await makeSubmission(kiosk, { serviceId, createdAt });
    const answer = await submit(started.portal.url, started.tokens[kiosk], request);
    expect(answer.status, answer.text).toBe(201);
    return request;
  }

  it('filters by status, service, kiosk, office and receipt number, and names each service in every language', async () => {
    const started = await start();
    const { portal, officer } = started;
    const birthAtBsk1 = await deliver(started, 'BSK1', 'birth');
    const marriageAtBsk2 = await deliver(started, 'BSK2', 'marriage');
    const birthAtOsh1 = await deliver(started, 'NRN1', 'birth');
    await asUser(portal, officer, statusPath(marriageAtBsk2.receiptNumber), { to: 'in-review', reasonId: null, expected: 'received' });

    const receipts = (page: ApplicationPage) => page.applications.map((row) => row.receiptNumber);
    expect(receipts(await search(portal, officer, {}))).toEqual([birthAtOsh1, marriageAtBsk2, birthAtBsk1].map((row) => row.receiptNumber));
    expect(receipts(await search(portal, officer, { status: 'in-review' }))).toEqual([marriageAtBsk2.receiptNumber]);
    expect(receipts(await search(portal, officer, { serviceId: 'birth' }))).toEqual([birthAtOsh1.receiptNumber, birthAtBsk1.receiptNumber]);
    expect(receipts(await search(portal, officer, { kioskCode: 'BSK2' }))).toEqual([marriageAtBsk2.receiptNumber]);
    expect(receipts(await search(portal, officer, { officeCode: 'BSK' }))).toEqual([marriageAtBsk2.receiptNumber, birthAtBsk1.receiptNumber]);
    expect(receipts(await search(portal, officer, { receiptNumber: birthAtOsh1.receiptNumber }))).toEqual([birthAtOsh1.receiptNumber]);
    expect(receipts(await search(portal, officer, { receiptNumber: birthAtOsh1.receiptNumber, officeCode: 'BSK' }))).toEqual([]);
    expect(receipts(await search(portal, officer, { officeCode: 'BSK', serviceId: 'birth' }))).toEqual([birthAtBsk1.receiptNumber]);

    const page = await search(portal, officer, {});
    expect(page.services).toEqual([
      { id: 'birth', title: { ky: 'birth ky', ru: 'birth ru', en: 'birth en' } },
      { id: 'marriage', title: { ky: 'marriage ky', ru: 'marriage ru', en: 'marriage en' } },
    ]);
    // Metadata only: no answer, no sealed bytes, not even the key id.
    expect(JSON.stringify(page)).not.toMatch(/sealed|Асанова/);
    // A malformed receipt number or office is refused, not searched.
    expect((await asUser(portal, officer, searchPath, { receiptNumber: 'BSK1-0000' })).status).toBe(400);
    expect((await asUser(portal, officer, searchPath, { officeCode: 'bs' })).status).toBe(400);
  });

  it('pages through every application exactly once, newest first, while new ones keep arriving', async () => {
    const started = await start();
    const { portal, officer } = started;
    const before: SubmissionRequest[] = [];
    for (let index = 0; index < 13; index++) before.push(await deliver(started, index % 2 ? 'BSK1' : 'BSK2', 'birth'));
    const seen: string[] = [];
    let after: ApplicationPage['next'] = null;
    let pages = 0;
    do {
      const page = await search(portal, officer, { limit: 4, ...(after ? { after } : {}) });
      seen.push(...page.applications.map((row) => row.receiptNumber));
      after = page.next;
      pages++;
      // Two more arrive between every two pages, newer than all the rest.
      await deliver(started, 'BSK1', 'birth');
      await deliver(started, 'NRN1', 'marriage');
    } while (after && pages < 20);
    expect(pages).toBe(4);
    expect(seen).toEqual(before.map((row) => row.receiptNumber).reverse());
    // The page size the back office uses by default.
    for (let index = 0; index < 5; index++) await deliver(started, 'BSK2', 'marriage');
    expect((await search(portal, officer, {})).applications).toHaveLength(APPLICATION_PAGE_SIZE);
  });

  it('refuses a move from a status another officer changed meanwhile, with the status it has now, and changes nothing', async () => {
    const started = await start();
    const { portal, store, officer, colleague } = started;
    const request = await deliver(started, 'BSK1', 'birth');
    const receipt = request.receiptNumber;
    // Both officers' pages show "received"; the colleague moves it first.
    expect((await asUser(portal, colleague, statusPath(receipt), { to: 'in-review', reasonId: null, expected: 'received' })).status).toBe(200);
    const trail = (await store.portalAudit.entries(0, 100)).length;
    const refused = await asUser(portal, officer, statusPath(receipt), { to: 'in-review', reasonId: null, expected: 'received' });
    expect(refused.status).toBe(409);
    expect(statusMoveRefusedSchema.parse(refused.json()).error).toMatchObject({ code: 'STATUS_MOVE_REFUSED', refusal: 'STATUS_MOVED', from: 'in-review' });
    // A move that would be allowed from where it stands now is refused too, when the page showed another status.
    const stale = await asUser(portal, officer, statusPath(receipt), { to: 'needs-action', reasonId: 'document-missing', expected: 'received' });
    expect([stale.status, statusMoveRefusedSchema.parse(stale.json()).error.refusal]).toEqual([409, 'STATUS_MOVED']);
    expect((await store.applications.current(receipt))?.status).toBe('in-review');
    expect(await store.applications.history(request.id)).toHaveLength(1);
    expect(await store.portalAudit.entries(0, 100)).toHaveLength(trail);
    // From the status it shows now, the move goes through.
    const moved = await asUser(portal, officer, statusPath(receipt), { to: 'needs-action', reasonId: 'document-missing', expected: 'in-review' });
    expect([moved.status, moved.json()]).toEqual([200, { status: 'needs-action', reasonId: 'document-missing' }]);
    // A move without the status the page showed is not a move the portal takes.
    expect((await asUser(portal, officer, statusPath(receipt), { to: 'in-review', reasonId: null })).status).toBe(400);
  });

  it('opens with the reason templates the move dialog offers, for an administrator too; refuses without a session, without the CSRF token or from another site', async () => {
    const started = await start();
    const { portal, store, officer, administrator } = started;
    const request = await deliver(started, 'BSK1', 'birth');
    const opened = await asUser(portal, officer, openingPath(request.id), { language: 'ru' });
    expect(opened.status, opened.text).toBe(200);
    const body = openedApplicationSchema.parse(opened.json());
    const documentMissing = body.reasons.find((reason) => reason.id === 'document-missing');
    expect(documentMissing?.for).toEqual(['needs-action']);
    expect(documentMissing?.text.ky).toBe('Арызга керектүү документтердин бири жок.');
    // An administrator may do all an officer may.
    expect((await asUser(portal, administrator, searchPath, {})).status).toBe(200);
    expect((await asUser(portal, administrator, openingPath(request.id), { language: 'en' })).status).toBe(200);

    const trail = (await store.portalAudit.entries(0, 100)).length;
    const calls = [
      { path: searchPath, body: {} },
      { path: openingPath(request.id), body: { language: 'ky' } },
      { path: statusPath(request.receiptNumber), body: { to: 'in-review', reasonId: null, expected: 'received' } },
    ];
    for (const { path, body: sent } of calls) {
      expect((await postJson(portal.url, path, sent)).status, `${path} signed out`).toBe(401);
      expect((await send(portal.url, { method: 'POST', path, headers: { ...bearer(started.tokens.BSK1), 'Content-Type': 'application/json' }, body: JSON.stringify(sent) })).status, `${path} as a kiosk`).toBe(401);
      expect((await asUser(portal, officer, path, sent, { 'X-CSRF-Token': '' })).status, `${path} without the token`).toBe(403);
      expect((await asUser(portal, officer, path, sent, { 'X-CSRF-Token': administrator.session.csrfToken })).status, `${path} with another session's token`).toBe(403);
      expect((await asUser(portal, officer, path, sent, { Origin: 'https://elsewhere.example', 'Sec-Fetch-Site': 'cross-site' })).status, `${path} from another site`).toBe(403);
    }
    expect((await store.applications.current(request.receiptNumber))?.status).toBe('received');
    expect(await store.portalAudit.entries(0, 100)).toHaveLength(trail);
  });

  it('purges answers at start once the retention has passed, and the opening then says when they were removed', async () => {
    const issuedAt = new Date('2026-12-01T10:00:00.000Z');
    const started = await start({ now: () => issuedAt });
    const { portal, store, officer } = started;
    const request = await deliver(started, 'BSK1', 'birth');
    const path = ['in-review', 'ready-for-pickup', 'issued'] as const;
    let expected: string = 'received';
    for (const to of path) {
      expect((await asUser(portal, officer, statusPath(request.receiptNumber), { to, reasonId: null, expected })).status).toBe(200);
      expected = to;
    }
    expect((await asUser(portal, officer, openingPath(request.id), { language: 'ky' })).status).toBe(200);
    portals.splice(portals.indexOf(portal), 1);
    await portal.close();

    // The same store, a portal started 31 days later with a 30-day retention.
    const later = new Date('2027-01-01T10:00:00.000Z');
    const restarted = await start({ now: () => later, sealedAnswersRetentionDays: 30 }, store);
    await expect.poll(async () => (await store.submission(request.id))?.sealedPurgedAt, { timeout: 5000 }).toBe(later.toISOString());
    const refused = await asUser(restarted.portal, restarted.officer, openingPath(request.id), { language: 'ky' });
    expect(refused.status).toBe(409);
    expect(cannotOpenSchema.parse(refused.json()).error).toMatchObject({ code: 'CANNOT_OPEN', reason: 'ANSWERS_PURGED', purgedAt: later.toISOString() });
    // The list still has it, with its status.
    const page = await search(restarted.portal, restarted.officer, { receiptNumber: request.receiptNumber });
    expect(page.applications).toEqual([expect.objectContaining({ receiptNumber: request.receiptNumber, status: 'issued' })]);
    const purges = (await store.portalAudit.entries(0, 100)).filter((entry) => entry.kind === 'sealed_answers_purged');
    expect(purges.map((entry) => [entry.actor, entry.details])).toEqual([['portal:retention', { count: 1, retentionDays: 30, finishedBefore: '2026-12-02T10:00:00.000Z' }]]);
  });

  it('refuses to start with a retention that is not a whole number of days from 1 to 3650', async () => {
    const store = await (await storage()).open();
    const dataFolder = mkdtempSync(join(tmpdir(), 'kyzmat-portal-backoffice-applications-'));
    folders.push(dataFolder);
    for (const days of [0, -1, 1.5, 4000]) {
      await expect(startPortal({ dataFolder, adminToken: ADMIN_TOKEN, trustAnchors: [], store, sealedAnswersRetentionDays: days })).rejects.toThrow(/RETENTION_DAYS/);
    }
  });
});
