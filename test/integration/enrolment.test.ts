import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { credentialFilePath } from '../../src/main/core/enrolment/credential-file.js';
import { startKioskHost } from '../../src/main/core/host.js';
import { newKioskCredential } from '../../src/portal/credentials.js';
import { startPortal, type Portal } from '../../src/portal/server.js';
import type { EnrolmentOutcome, EnrolmentStatus, StartedApplication, SubmittedApplication, SyncStatusView } from '../../src/shared/contract/ipc.js';
import { PORTAL_ENDPOINTS, bearer, type Heartbeat } from '../../src/shared/contract/portal.js';
import { makePackage, testKeys, writePackage, writeTrustAnchors } from '../support/content-fixtures.js';
import { signInTechnician, TEST_TECHNICIAN } from '../support/staff-fixtures.js';
import { useTempFolder } from '../support/temp-folder.js';
import { createAccount, PASSWORDS, signIn } from '../portal/backoffice-support.js';

const tempFolder = useTempFolder();
const keys = testKeys('enrolment-key');
const ADMIN_TOKEN = 'enrolment-admin-token';
const VISITOR = { lastName: 'Токтосунова', pin: '11204198500012', phone: '0700123456' };
const FAST = { baseMs: 20, capMs: 200, maxRetryAfterMs: 1500 };
const HEARTBEAT: Heartbeat = { appVersion: '1.0.0', contentVersion: 1, queueDepth: 0, oldestQueuedAgeSeconds: null, quarantined: 0, lastSyncAt: null, printerState: 'pdf' };

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function startTestPortal(extra: { now?: () => Date; log?: (event: string) => void } = {}): Promise<Portal> {
  const portal = await startPortal({ dataFolder: tempFolder(), adminToken: ADMIN_TOKEN, trustAnchors: [keys.anchor], ...extra });
  closers.push(() => portal.close());
  await createAccount(portal.store, 'aigul', 'administrator');
  const signedIn = await signIn(portal.url, 'aigul', PASSWORDS.administrator);
  administrators.set(portal, { cookie: signedIn.cookie, 'x-csrf-token': signedIn.session.csrfToken, origin: portal.url, 'sec-fetch-site': 'same-origin' });
  return portal;
}

/** The signed-in administrator's page headers for each test portal: what the back office sends on a state-changing request. */
const administrators = new Map<Portal, Record<string, string>>();
const asAdministrator = (portal: Portal) => ({ method: 'POST', headers: administrators.get(portal)! });

/** What an administrator does in the back office or with portal-admin: a code for the kiosk, shown once. */
async function enrolmentCode(portal: Portal, kioskCode = 'BSK1'): Promise<string> {
  const response = await fetch(new URL(PORTAL_ENDPOINTS.createEnrolmentCode.path({ kioskCode }), portal.url), asAdministrator(portal));
  expect(response.status).toBe(201);
  return ((await response.json()) as { code: string }).code;
}

async function startKiosk(portalUrl: string, options: { dataFolder?: string; token?: string; kioskCode?: string } = {}) {
  const dataFolder = options.dataFolder ?? tempFolder();
  const host = await startKioskHost({
    dataFolder,
    appVersion: '1.0.0',
    kioskCode: options.kioskCode ?? 'BSK1',
    fontsFolder: 'resources/fonts',
    trustAnchorsFile: writeTrustAnchors(tempFolder(), [keys.anchor]),
    bundledContentFolder: writePackage(tempFolder(), makePackage({ keys, version: 1 })),
    portalUrl,
    kioskCredential: options.token,
    contentPollSeconds: 3600,
    deliveryBackoff: FAST,
    connectivityProbeMs: 50,
  });
  closers.push(() => host.close());
  const call = async <T>(channel: string, request: unknown = {}): Promise<T> => {
    const result = await host.router.handle(channel, request);
    if (!result.ok) throw Object.assign(new Error(result.error.code), { code: result.error.code });
    return result.value as T;
  };
  const submit = async () => {
    const started = await call<StartedApplication>('startApplication', { serviceId: 'birth' });
    return call<SubmittedApplication>('submitApplication', {
      applicationId: started.applicationId,
      language: 'ru',
      consent: { privacyPolicyVersion: '1', userAgreementVersion: '1' },
      answers: VISITOR,
    });
  };
  const enrol = async (code: string) => {
    await signInTechnician(host.router);
    return call<EnrolmentOutcome>('enrolKiosk', { code });
  };
  return { host, dataFolder, call, submit, enrol, sync: () => call<SyncStatusView>('getSyncStatus') };
}

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const auditEntries = (databaseFile: string) => {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return db.prepare<[], { kind: string; actor: string | null; details: string }>('SELECT kind, actor, details FROM audit_entry ORDER BY seq').all();
  } finally {
    db.close();
  }
};

const heartbeatStatus = async (portal: Portal, token: string) =>
  (
    await fetch(new URL(PORTAL_ENDPOINTS.recordHeartbeat.path({}), portal.url), {
      method: 'POST',
      headers: { authorization: bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify(HEARTBEAT),
    })
  ).status;

describe('kiosk enrolment', () => {
  it('lets a technician enrol a kiosk with a code: what waited in the queue is delivered without a restart', async () => {
    const portal = await startTestPortal();
    const kiosk = await startKiosk(portal.url);
    await waitFor(async () => (await kiosk.sync()).pausedReason === 'NO_CREDENTIAL');
    const receipt = await kiosk.submit();
    await signInTechnician(kiosk.host.router);
    expect(await kiosk.call<EnrolmentStatus>('getEnrolmentStatus')).toEqual({ portal: true, enrolled: false, source: null });

    const code = await enrolmentCode(portal);
    // Typed as a technician might: lower case, a space for the hyphen.
    expect(await kiosk.enrol(code.toLowerCase().replace('-', ' '))).toEqual({ outcome: 'enrolled' });
    expect(await kiosk.call<EnrolmentStatus>('getEnrolmentStatus')).toEqual({ portal: true, enrolled: true, source: 'enrolment' });
    await waitFor(async () => (await kiosk.sync()).delivered === 1);
    const afterEnrolment = await kiosk.sync();
    expect(afterEnrolment).toMatchObject({ delivered: 1, queued: 0, pausedReason: null });
    expect(afterEnrolment.state).not.toBe('paused');
    expect((await portal.store.applicationStatus(receipt.receiptNumber))?.receiptNumber).toBe(receipt.receiptNumber);

    const credential = readFileSync(credentialFilePath(kiosk.dataFolder), 'utf8').trim();
    expect(credential).toMatch(/^kiosk_BSK1\./);
    expect(statSync(credentialFilePath(kiosk.dataFolder)).mode & 0o777).toBe(0o600);
    expect(statSync(join(kiosk.dataFolder, 'credential')).mode & 0o777).toBe(0o700);

    const secret = credential.split('.')[1]!;
    const log = readFileSync(join(kiosk.dataFolder, 'logs', 'kiosk.log'), 'utf8');
    const trail = JSON.stringify(auditEntries(kiosk.host.databaseFile));
    for (const text of [log, trail]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(code);
      expect(text).not.toContain(code.replace('-', ''));
    }
    expect(log).toContain('"event":"kiosk_enrolled"');
    expect(auditEntries(kiosk.host.databaseFile).filter((entry) => entry.kind === 'kiosk_enrolled')).toEqual([
      { kind: 'kiosk_enrolled', actor: TEST_TECHNICIAN.staffId, details: '{"replacedCredential":false}' },
    ]);
  });

  it('with a disk that refuses the credential file, delivers with the new credential anyway and says it is not stored', async () => {
    const portal = await startTestPortal();
    const kiosk = await startKiosk(portal.url);
    const receipt = await kiosk.submit();
    // Where the folder should be, a file: the write fails as it would on a full or read-only disk.
    writeFileSync(join(kiosk.dataFolder, 'credential'), 'not a folder');
    expect(await kiosk.enrol(await enrolmentCode(portal))).toEqual({ outcome: 'enrolled-not-stored' });
    await waitFor(async () => (await kiosk.sync()).delivered === 1);
    expect((await portal.store.applicationStatus(receipt.receiptNumber))?.receiptNumber).toBe(receipt.receiptNumber);
  });

  it('removes the temporary file a write cut short left behind, which holds a live credential', async () => {
    const portal = await startTestPortal();
    const dataFolder = tempFolder();
    mkdirSync(join(dataFolder, 'credential'), { recursive: true, mode: 0o700 });
    const leftover = `${credentialFilePath(dataFolder)}.4242.tmp`;
    writeFileSync(leftover, 'kiosk_BSK1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n', { mode: 0o600 });
    await startKiosk(portal.url, { dataFolder });
    expect(existsSync(leftover)).toBe(false);
  });

  it('keeps the credential across a restart, and KIOSK_PORTAL_TOKEN still wins over it', async () => {
    const portal = await startTestPortal();
    const first = await startKiosk(portal.url);
    expect(await first.enrol(await enrolmentCode(portal))).toEqual({ outcome: 'enrolled' });
    first.host.close();

    const restarted = await startKiosk(portal.url, { dataFolder: first.dataFolder });
    await signInTechnician(restarted.host.router);
    expect(await restarted.call<EnrolmentStatus>('getEnrolmentStatus')).toEqual({ portal: true, enrolled: true, source: 'enrolment' });
    await restarted.submit();
    await waitFor(async () => (await restarted.sync()).delivered === 1);
    restarted.host.close();

    const scripted = newKioskCredential('BSK1');
    await portal.store.issueCredential('BSK1', scripted.secretHash, new Date());
    const fromEnvironment = await startKiosk(portal.url, { dataFolder: first.dataFolder, token: scripted.token });
    await signInTechnician(fromEnvironment.host.router);
    expect(await fromEnvironment.call<EnrolmentStatus>('getEnrolmentStatus')).toEqual({ portal: true, enrolled: true, source: 'environment' });
    await fromEnvironment.submit();
    await waitFor(async () => (await fromEnvironment.sync()).delivered === 2);
  });

  it('answers a used, wrong or expired code alike, a mistyped one without asking the portal, and stores nothing', async () => {
    let clock = new Date();
    const portalLog: string[] = [];
    const portal = await startTestPortal({ now: () => clock, log: (event) => portalLog.push(event) });
    const used = await enrolmentCode(portal, 'BSK2');
    const other = await startKiosk(portal.url, { kioskCode: 'BSK2' });
    expect(await other.enrol(used)).toEqual({ outcome: 'enrolled' });

    const kiosk = await startKiosk(portal.url);
    const current = await enrolmentCode(portal);
    expect(await kiosk.enrol(used)).toEqual({ outcome: 'code-refused' });
    expect(await kiosk.enrol(current.startsWith('2') ? `3${current.slice(1, -1)}${current.at(-1)!}` : `2${current.slice(1)}`)).toEqual({ outcome: 'code-mistyped' });
    const refusedBefore = portalLog.filter((event) => event === 'enrolment_refused').length;
    expect(refusedBefore).toBe(1);
    clock = new Date(clock.getTime() + 24 * 3600_000 + 1000);
    expect(await kiosk.enrol(current)).toEqual({ outcome: 'code-refused' });
    expect(portalLog.filter((event) => event === 'enrolment_refused')).toHaveLength(2);

    await signInTechnician(kiosk.host.router);
    expect(await kiosk.call<EnrolmentStatus>('getEnrolmentStatus')).toEqual({ portal: true, enrolled: false, source: null });
    expect(() => statSync(credentialFilePath(kiosk.dataFolder))).toThrow();
    expect(auditEntries(kiosk.host.databaseFile).some((entry) => entry.kind === 'kiosk_enrolled')).toBe(false);
  });

  it('says so when the portal allows no more tries for a while, or cannot be reached', async () => {
    const portal = await startTestPortal();
    const kiosk = await startKiosk(portal.url);
    const code = await enrolmentCode(portal);
    const wrong = await enrolmentCode(portal, 'BSK9');
    for (let attempt = 0; attempt < 10; attempt++) expect(await kiosk.enrol(wrong)).toEqual({ outcome: 'code-refused' });
    const limited = await kiosk.enrol(code);
    expect(limited.outcome).toBe('too-many-tries');
    expect(limited.retryAfterSeconds).toBeGreaterThanOrEqual(1);

    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const unreachable = await startKiosk(`http://127.0.0.1:${closedPort}`);
    expect(await unreachable.enrol(code)).toEqual({ outcome: 'portal-unreachable' });
  });

  it('is for a signed-in technician only', async () => {
    const portal = await startTestPortal();
    const kiosk = await startKiosk(portal.url);
    for (const channel of ['enrolKiosk', 'getEnrolmentStatus']) {
      const result = await kiosk.host.router.handle(channel, channel === 'enrolKiosk' ? { code: await enrolmentCode(portal) } : {});
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect((await portal.store.stats()).credentials).toBe(0);
  });

  it('re-enrolling revokes the earlier credential: a copy taken from the old disk no longer works', async () => {
    const portal = await startTestPortal();
    const old = newKioskCredential('BSK1');
    await portal.store.issueCredential('BSK1', old.secretHash, new Date());
    const kiosk = await startKiosk(portal.url, { token: old.token });
    expect(await heartbeatStatus(portal, old.token)).toBe(204);
    expect(await kiosk.enrol(await enrolmentCode(portal))).toEqual({ outcome: 'enrolled' });
    expect(await heartbeatStatus(portal, old.token)).toBe(403);
    await kiosk.submit();
    await waitFor(async () => (await kiosk.sync()).delivered === 1);
    expect(auditEntries(kiosk.host.databaseFile).find((entry) => entry.kind === 'kiosk_enrolled')?.details).toBe('{"replacedCredential":true}');
  });

  it('a kiosk revoked at the portal stops delivering with the credential alarm, until it is enrolled again', async () => {
    const portal = await startTestPortal();
    const kiosk = await startKiosk(portal.url);
    expect(await kiosk.enrol(await enrolmentCode(portal))).toEqual({ outcome: 'enrolled' });
    await kiosk.submit();
    await waitFor(async () => (await kiosk.sync()).delivered === 1);

    const revoked = await fetch(new URL(PORTAL_ENDPOINTS.revokeKiosk.path({ kioskCode: 'BSK1' }), portal.url), asAdministrator(portal));
    expect(await revoked.json()).toEqual({ kioskCode: 'BSK1', revokedCredentials: 1 });
    await kiosk.submit();
    await waitFor(async () => (await kiosk.sync()).state === 'paused');
    expect(await kiosk.sync()).toMatchObject({ state: 'paused', pausedReason: 'FORBIDDEN', queued: 1, delivered: 1 });
    const alarm = auditEntries(kiosk.host.databaseFile).find((entry) => entry.kind === 'sync_alarm');
    expect(JSON.parse(alarm!.details)).toEqual({ alarm: 'CREDENTIAL_REFUSED', status: 403, code: 'FORBIDDEN' });

    expect(await kiosk.enrol(await enrolmentCode(portal))).toEqual({ outcome: 'enrolled' });
    await waitFor(async () => (await kiosk.sync()).delivered === 2);
  });
});
