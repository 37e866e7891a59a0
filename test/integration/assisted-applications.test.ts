import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import type { JsonWebKey } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startKioskHost } from '../../src/main/core/host.js';
import { openSealed, submissionAssociatedData } from '../../src/main/core/applications/sealing.js';
import { newKioskCredential } from '../../src/portal/credentials.js';
import { startPortal, type Portal } from '../../src/portal/server.js';
import type { QueueView, StartedApplication, SubmittedApplication } from '../../src/shared/contract/ipc.js';
import type { StaffRecord } from '../../src/shared/content/staff-schema.js';
import { normaliseReceiptNumber } from '../../src/shared/domain/receipt-number.js';
import { makePackage, testCatalogue, testKeys, testService, writePackage, writeTrustAnchors } from '../support/content-fixtures.js';
import { createMemoryLogger } from '../support/memory-logger.js';
import { TEST_CLERK, TEST_CLERK_PIN, TEST_TECHNICIAN, TEST_TECHNICIAN_PIN } from '../support/staff-fixtures.js';
import { useTempFolder } from '../support/temp-folder.js';

/*
 * A clerk at the counter fills applications for visitors: the host, not the page, says who
 * assisted, the portal receives it, the audit trail records it with the application, and the
 * clerk's queue lists it without anything the visitor typed. Real SQLite, real portal over HTTP.
 */

const tempFolder = useTempFolder();
const keys = testKeys('assisted-key');
const PORTAL_PRIVATE_KEY = (JSON.parse(readFileSync('resources/demo-keys/demo-portal-2026.private.json', 'utf8')) as { privateKeyJwk: JsonWebKey })
  .privateKeyJwk;
const VISITOR = { lastName: 'Жумабаева', pin: '21204198500077', phone: '0555 987 654' };
/** What the visitor typed, as it could appear anywhere: the form engine normalises the phone. */
const VISITOR_TRACES = ['Жумабаева', '21204198500077', '555987654', '0555 987 654'];
const clerk = TEST_CLERK;
const CLERK_PIN = TEST_CLERK_PIN;

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function startPortalWithKiosk(): Promise<{ portal: Portal; token: string }> {
  const portal = await startPortal({ dataFolder: tempFolder(), adminToken: 'assisted-admin-token', trustAnchors: [keys.anchor] });
  closers.push(() => portal.close());
  const credential = newKioskCredential('BSK1');
  await portal.store.issueCredential('BSK1', credential.secretHash, new Date());
  return { portal, token: credential.token };
}

async function startKiosk(portal?: { url: string; token: string }, staff: StaffRecord[] = [TEST_TECHNICIAN, clerk]) {
  const catalogue = { ...testCatalogue([testService('birth'), testService('marriage')]), staff };
  const host = await startKioskHost({
    dataFolder: tempFolder(),
    appVersion: '1.0.0',
    kioskCode: 'BSK1',
    fontsFolder: 'resources/fonts',
    trustAnchorsFile: writeTrustAnchors(tempFolder(), [keys.anchor]),
    bundledContentFolder: writePackage(tempFolder(), makePackage({ keys, version: 1, catalogue })),
    portalUrl: portal?.url,
    kioskCredential: portal?.token,
    contentPollSeconds: 3600,
    deliveryBackoff: { baseMs: 20, capMs: 200, maxRetryAfterMs: 1500 },
    connectivityProbeMs: 50,
    log: createMemoryLogger(),
  });
  closers.push(() => host.close());
  const handle = (channel: string, request: unknown = {}) => host.router.handle(channel, request);
  const call = async <T>(channel: string, request: unknown = {}): Promise<T> => {
    const result = await handle(channel, request);
    if (!result.ok) throw Object.assign(new Error(result.error.code), { code: result.error.code });
    return result.value as T;
  };
  const signInClerk = () => call('signInStaff', { staffId: clerk.staffId, pin: CLERK_PIN });
  const signInTechnician = () => call('signInStaff', { staffId: TEST_TECHNICIAN.staffId, pin: TEST_TECHNICIAN_PIN });
  const signOut = () => call('signOutStaff', {});
  const submit = async (serviceId = 'birth', extra: Record<string, unknown> = {}) => {
    const started = await call<StartedApplication>('startApplication', { serviceId });
    const receipt = await call<SubmittedApplication>('submitApplication', {
      applicationId: started.applicationId,
      language: 'ru',
      consent: { privacyPolicyVersion: '1', userAgreementVersion: '1' },
      answers: VISITOR,
      ...extra,
    });
    return { started, receipt };
  };
  const database = () => {
    const db = new Database(host.databaseFile, { readonly: true });
    closers.push(() => db.close());
    return db;
  };
  return { host, handle, call, signInClerk, signInTechnician, signOut, submit, database };
}

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('an application a clerk fills for a visitor', () => {
  it('reaches the portal with the clerk’s staff id, and one submitted with nobody signed in with null', async () => {
    const { portal, token } = await startPortalWithKiosk();
    const kiosk = await startKiosk({ url: portal.url, token });
    await kiosk.signInClerk();
    const assisted = await kiosk.submit();
    expect(assisted.receipt.assistedBy).toEqual({ staffId: '1042', displayName: 'Айгүл Сыдыкова' });
    await kiosk.signOut();
    const alone = await kiosk.submit('marriage');
    expect(alone.receipt.assistedBy).toBeNull();

    await waitFor(async () => (await portal.store.stats()).submissions === 2);
    const atPortal = await portal.store.submission(assisted.started.applicationId);
    expect(atPortal).toMatchObject({ receiptNumber: assisted.receipt.receiptNumber, assistedBy: '1042' });
    expect(await portal.store.submission(alone.started.applicationId)).toMatchObject({ receiptNumber: alone.receipt.receiptNumber, assistedBy: null });

    // The sealed record says the visitor consented in the clerk's presence; the portal alone can read it.
    const opened = JSON.parse(
      new TextDecoder().decode(await openSealed(PORTAL_PRIVATE_KEY, atPortal!.sealed, submissionAssociatedData(assisted.started.applicationId, 'form-general', 1))),
    ) as { consent: Record<string, unknown> };
    expect(opened.consent).toMatchObject({ privacyPolicyVersion: '1', userAgreementVersion: '1', inPresenceOfClerk: '1042' });
    const aloneRow = await portal.store.submission(alone.started.applicationId);
    const openedAlone = JSON.parse(
      new TextDecoder().decode(await openSealed(PORTAL_PRIVATE_KEY, aloneRow!.sealed, submissionAssociatedData(alone.started.applicationId, 'form-general', 1))),
    ) as { consent: Record<string, unknown> };
    expect(openedAlone.consent.inPresenceOfClerk).toBeNull();
  });

  it('records assisted_application in the audit trail with the receipt number, and nothing for a visitor alone', async () => {
    const kiosk = await startKiosk();
    await kiosk.signInClerk();
    const assisted = await kiosk.submit();
    await kiosk.signOut();
    await kiosk.submit('marriage');
    const rows = kiosk
      .database()
      .prepare<[], { kind: string; actor: string | null; subject: string | null; details: string }>(
        "SELECT kind, actor, subject, details FROM audit_entry WHERE kind = 'assisted_application' ORDER BY seq",
      )
      .all();
    expect(rows).toEqual([{ kind: 'assisted_application', actor: '1042', subject: assisted.receipt.receiptNumber, details: JSON.stringify({ contentVersion: 1, serviceId: 'birth' }) }]);
    const everything = JSON.stringify(kiosk.database().prepare('SELECT * FROM audit_entry').all());
    for (const trace of VISITOR_TRACES) expect(everything).not.toContain(trace);
  });

  it('is never saved without its audit entry: when the entry cannot be written, the visitor is told it was not saved and no receipt number is used', async () => {
    const kiosk = await startKiosk();
    await kiosk.signInClerk();
    // Someone has made the trail refuse this kind: the write fails inside the submission's transaction.
    const writer = new Database(kiosk.host.databaseFile);
    writer.exec(`CREATE TRIGGER refuse_assisted BEFORE INSERT ON audit_entry WHEN NEW.kind = 'assisted_application' BEGIN SELECT RAISE(ABORT, 'refused'); END;`);
    writer.close();
    const started = await kiosk.call<StartedApplication>('startApplication', { serviceId: 'birth' });
    const refused = await kiosk.handle('submitApplication', {
      applicationId: started.applicationId,
      language: 'ru',
      consent: { privacyPolicyVersion: '1', userAgreementVersion: '1' },
      answers: VISITOR,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_SAVED' } });
    expect(kiosk.database().prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });

    await kiosk.signOut();
    // The next visitor gets a number of its own; the refused application left no row behind.
    const next = await kiosk.submit();
    expect(next.receipt.receiptNumber).toMatch(/^BSK1-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]$/);
    expect(normaliseReceiptNumber(next.receipt.receiptNumber)).toBe(next.receipt.receiptNumber);
    expect(kiosk.database().prepare('SELECT receipt_number AS receiptNumber FROM outbox').all()).toEqual([{ receiptNumber: next.receipt.receiptNumber }]);
  });

  it('cannot be claimed by the page: a clerk field in the request is refused, and a technician’s session does not make it assisted', async () => {
    const kiosk = await startKiosk();
    const started = await kiosk.call<StartedApplication>('startApplication', { serviceId: 'birth' });
    const claimed = await kiosk.handle('submitApplication', {
      applicationId: started.applicationId,
      language: 'ru',
      consent: { privacyPolicyVersion: '1', userAgreementVersion: '1' },
      answers: VISITOR,
      assistedBy: '1042',
    });
    expect(claimed).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    await kiosk.signInTechnician();
    const byTechnician = await kiosk.submit();
    expect(byTechnician.receipt.assistedBy).toBeNull();
    const row = kiosk.database().prepare('SELECT assisted_by FROM outbox WHERE receipt_number = ?').get(byTechnician.receipt.receiptNumber);
    expect(row).toEqual({ assisted_by: null });
  });
});

describe('the clerk’s queue view', () => {
  it('is refused to a page with nobody signed in and to a technician, with the service panel’s refusal', async () => {
    const kiosk = await startKiosk();
    expect(await kiosk.handle('listQueue', { language: 'ru' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await kiosk.signInTechnician();
    expect(await kiosk.handle('listQueue', { language: 'ru' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('lists the kiosk’s applications newest first with their service, state and clerk, and nothing the visitor typed', async () => {
    const kiosk = await startKiosk();
    const alone = await kiosk.submit('marriage');
    await kiosk.signInClerk();
    const assisted = await kiosk.submit('birth');

    const queue = await kiosk.call<QueueView>('listQueue', { language: 'en' });
    expect(queue).toEqual({
      applications: [
        {
          receiptNumber: assisted.receipt.receiptNumber,
          serviceId: 'birth',
          serviceTitle: 'birth en',
          createdAt: assisted.receipt.createdAt,
          state: 'queued',
          quarantineReason: null,
          assistedBy: { staffId: '1042', displayName: 'Айгүл Сыдыкова' },
        },
        {
          receiptNumber: alone.receipt.receiptNumber,
          serviceId: 'marriage',
          serviceTitle: 'marriage en',
          createdAt: alone.receipt.createdAt,
          state: 'queued',
          quarantineReason: null,
          assistedBy: null,
        },
      ],
      totalInQueue: 2,
      printer: 'pdf',
    });
    expect((await kiosk.call<QueueView>('listQueue', { language: 'ky' })).applications[0]!.serviceTitle).toBe('birth ky');
    const text = JSON.stringify(queue);
    for (const trace of VISITOR_TRACES) expect(text).not.toContain(trace);
  });

  it('gives a quarantined application the code the portal refused it with', async () => {
    const { portal, token } = await startPortalWithKiosk();
    const before = await startKiosk({ url: portal.url, token });
    const taken = (await before.submit()).receipt.receiptNumber;
    await waitFor(async () => (await portal.store.stats()).submissions === 1);
    // A kiosk set up again with an empty database draws a number its first installation issued: the
    // portal holds that number already. By chance that is one draw in 2^40 over the live receipts;
    // a trigger in its database makes it happen here.
    const again = await startKiosk({ url: portal.url, token });
    const writer = new Database(again.host.databaseFile);
    writer.prepare(`CREATE TRIGGER same_draw AFTER INSERT ON outbox BEGIN UPDATE outbox SET receipt_number = '${taken}' WHERE id = NEW.id; END`).run();
    writer.close();
    await again.signInClerk();
    await again.submit();
    const listing = async () => (await again.call<QueueView>('listQueue', { language: 'ru' })).applications[0];
    await waitFor(async () => (await listing())?.state === 'quarantined');
    expect(await listing()).toMatchObject({ receiptNumber: taken, state: 'quarantined', quarantineReason: 'IDEMPOTENCY_CONFLICT' });
  });
});
