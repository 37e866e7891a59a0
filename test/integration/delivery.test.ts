import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startKioskHost } from '../../src/main/core/host.js';
import { newKioskCredential } from '../../src/portal/credentials.js';
import { startPortal, type Portal } from '../../src/portal/server.js';
import type { SyncStatusView, StartedApplication, SubmittedApplication } from '../../src/shared/contract/ipc.js';
import { makePackage, testKeys, writePackage, writeTrustAnchors } from '../support/content-fixtures.js';
import { startFaultProxy, type Fault, type FaultProxy } from '../support/fault-proxy.js';
import { useTempFolder } from '../support/temp-folder.js';

const tempFolder = useTempFolder();
const keys = testKeys('delivery-key');
const VISITOR = { lastName: 'Токтосунова', pin: '11204198500012', phone: '0700123456' };
const FAST = { baseMs: 20, capMs: 200, maxRetryAfterMs: 1500 };

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function startPortalWithKiosk(kioskCode = 'BSK1'): Promise<{ portal: Portal; token: string }> {
  const portal = await startPortal({ dataFolder: tempFolder(), adminToken: 'delivery-admin-token', trustAnchors: [keys.anchor] });
  closers.push(() => portal.close());
  const credential = newKioskCredential(kioskCode);
  await portal.store.issueCredential(kioskCode, credential.secretHash, new Date());
  return { portal, token: credential.token };
}

async function startKiosk(portalUrl: string, token: string | undefined, kioskCode = 'BSK1') {
  const host = await startKioskHost({
    dataFolder: tempFolder(),
    appVersion: '1.0.0',
    kioskCode,
    fontsFolder: 'resources/fonts',
    trustAnchorsFile: writeTrustAnchors(tempFolder(), [keys.anchor]),
    bundledContentFolder: writePackage(tempFolder(), makePackage({ keys, version: 1 })),
    portalUrl,
    kioskCredential: token,
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
  return { host, call, submit };
}

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const sync = (kiosk: { call: <T>(channel: string) => Promise<T> }) => kiosk.call<SyncStatusView>('getSyncStatus');

describe('delivery to the portal', () => {
  it('delivers a queued application, drops its sealed blob, and tells the page', async () => {
    const { portal, token } = await startPortalWithKiosk();
    const kiosk = await startKiosk(portal.url, token);
    const delivered: string[] = [];
    kiosk.host.events.subscribe((event) => event.name === 'applicationDelivered' && delivered.push(event.payload.receiptNumber));
    const receipt = await kiosk.submit();
    await waitFor(() => delivered.includes(receipt.receiptNumber));

    expect((await portal.store.stats()).submissions).toBe(1);
    const db = new Database(kiosk.host.databaseFile, { readonly: true });
    const row = db.prepare('SELECT state, sealed, delivered_at FROM outbox WHERE receipt_number = ?').get(receipt.receiptNumber) as Record<string, unknown>;
    db.close();
    expect(row.state).toBe('delivered');
    expect(row.sealed).toBeNull();
    expect(row.delivered_at).toEqual(expect.any(String));
    expect(await kiosk.call('lookupApplication', { receiptNumber: receipt.receiptNumber.toLowerCase() })).toMatchObject({
      receiptNumber: receipt.receiptNumber,
      status: 'received',
      queuedHere: false,
    });
    expect(await sync(kiosk)).toMatchObject({ state: 'idle', online: true, queued: 0, delivered: 1 });
  });

  it('leaves no copy of a delivered sealed blob in the database file or its WAL', async () => {
    const { portal, token } = await startPortalWithKiosk();
    const kiosk = await startKiosk(portal.url, token);
    const started = await kiosk.call<StartedApplication>('startApplication', { serviceId: 'birth' });
    await kiosk.call('submitApplication', {
      applicationId: started.applicationId,
      language: 'ru',
      consent: { privacyPolicyVersion: '1', userAgreementVersion: '1' },
      answers: VISITOR,
    });
    await waitFor(async () => (await sync(kiosk)).delivered === 1);
    // The portal keeps the sealed bytes as sent; none of them may remain on the kiosk.
    const stored = await portal.store.submission(started.applicationId);
    const sample = Buffer.from(stored!.sealed).subarray(40, 72);
    expect(sample.length).toBe(32);
    for (const file of [kiosk.host.databaseFile, `${kiosk.host.databaseFile}-wal`]) {
      expect(readFileSync(file).includes(sample), file).toBe(false);
    }
  });

  it('delivers every application exactly once through drops, delays, 503s and lost answers', async () => {
    const { portal, token } = await startPortalWithKiosk();
    const faults: Fault[] = [
      { kind: 'drop' },
      { kind: 'status', status: 503, retryAfter: '0' },
      { kind: 'lose-response' },
      { kind: 'delay', ms: 150 },
      { kind: 'status', status: 500 },
      { kind: 'status', status: 429, retryAfter: 'Thu, 01 Jan 1970 00:00:00 GMT' },
      { kind: 'lose-response' },
      { kind: 'pass' },
    ];
    let sends = 0;
    const proxy: FaultProxy = await startFaultProxy(portal.url, (path) =>
      path.startsWith('/v1/submissions') ? faults[sends++ % faults.length]! : { kind: 'pass' },
    );
    closers.push(() => proxy.close());
    const kiosk = await startKiosk(proxy.url, token);
    const receipts = [];
    for (let index = 0; index < 20; index++) receipts.push((await kiosk.submit()).receiptNumber);
    await waitFor(async () => (await sync(kiosk)).delivered === 20, 15_000);

    expect(new Set(receipts).size).toBe(20);
    expect((await portal.store.stats()).submissions).toBe(20);
    for (const receiptNumber of receipts) expect(await portal.store.applicationStatus(receiptNumber)).toMatchObject({ status: 'received' });
    expect(proxy.seen.filter((entry) => entry.fault === 'lose-response').length).toBeGreaterThan(0);
    expect(await sync(kiosk)).toMatchObject({ queued: 0, quarantined: 0, delivered: 20 });
  });

  it('sets aside an application the portal refuses (409) and still delivers the others', async () => {
    const { portal, token } = await startPortalWithKiosk();
    let conflictOnce = true;
    const proxy = await startFaultProxy(portal.url, (path) => {
      if (path.startsWith('/v1/submissions') && conflictOnce) {
        conflictOnce = false;
        return { kind: 'status', status: 409 };
      }
      return { kind: 'pass' };
    });
    closers.push(() => proxy.close());
    const kiosk = await startKiosk(proxy.url, token);
    for (let index = 0; index < 3; index++) await kiosk.submit();
    await waitFor(async () => {
      const status = await sync(kiosk);
      return status.delivered === 2 && status.quarantined === 1;
    });
    expect((await portal.store.stats()).submissions).toBe(2);
  });

  it('tells the page of each change in delivery as it happens: queued, then sent', async () => {
    const { portal, token } = await startPortalWithKiosk();
    const kiosk = await startKiosk(portal.url, token);
    const pushed: SyncStatusView[] = [];
    kiosk.host.events.subscribe((event) => event.name === 'syncStatusChanged' && pushed.push(event.payload));
    await kiosk.submit();
    await waitFor(() => pushed.some((status) => status.delivered === 1 && status.queued === 0));
    expect(pushed.some((status) => status.queued === 1)).toBe(true);
    expect(pushed.at(-1)).toMatchObject({ online: true, queued: 0, delivered: 1 });
    // Nothing changes afterwards, so nothing more is pushed.
    const count = pushed.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pushed).toHaveLength(count);
  });

  it('pauses on a revoked credential and raises the alarm instead of retrying', async () => {
    const { portal, token } = await startPortalWithKiosk();
    await portal.store.revokeCredential('BSK1', new Date());
    const kiosk = await startKiosk(portal.url, token);
    const alarms: SyncStatusView[] = [];
    kiosk.host.events.subscribe((event) => event.name === 'syncStatusChanged' && event.payload.state === 'paused' && alarms.push(event.payload));
    await kiosk.submit();
    await waitFor(async () => (await sync(kiosk)).state === 'paused');
    const status = await sync(kiosk);
    expect(status).toMatchObject({ state: 'paused', queued: 1, delivered: 0 });
    expect(status.pausedReason).toMatch(/FORBIDDEN|UNAUTHORIZED/);
    // Pushed to the page too, within a moment.
    await expect.poll(() => alarms.at(-1)?.pausedReason, { timeout: 1000 }).toBe(status.pausedReason);
    expect((await portal.store.stats()).submissions).toBe(0);
  });

  it('keeps applications while the portal is unreachable and sends them as soon as it answers again', async () => {
    const { portal, token } = await startPortalWithKiosk();
    let online = false;
    const proxy = await startFaultProxy(portal.url, () => (online ? { kind: 'pass' } : { kind: 'drop' }));
    closers.push(() => proxy.close());
    const kiosk = await startKiosk(proxy.url, token);
    await kiosk.submit();
    await kiosk.submit();
    await waitFor(async () => (await sync(kiosk)).state === 'offline');
    expect(await sync(kiosk)).toMatchObject({ online: false, queued: 2 });
    online = true;
    await waitFor(async () => (await sync(kiosk)).delivered === 2, 10_000);
    expect((await portal.store.stats()).submissions).toBe(2);
  });
});
