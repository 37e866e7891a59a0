import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startKioskHost } from '../../src/main/core/host.js';
import { newKioskCredential } from '../../src/portal/credentials.js';
import { startPortal } from '../../src/portal/server.js';
import type { StartedApplication, SubmittedApplication, SyncStatusView } from '../../src/shared/contract/ipc.js';
import { testKeys } from '../support/content-fixtures.js';
import { testHostOptions } from '../support/host-options.js';
import { makeTestCa } from '../support/test-ca.js';
import { createMemoryLogger } from '../support/memory-logger.js';
import { useTempFolder } from '../support/temp-folder.js';

/*
 * The kiosk against the reference portal over HTTPS, with a certificate authority made for the
 * test: a kiosk pinned to that CA delivers; one pinned to another CA refuses the portal's
 * certificate and keeps the application queued. Real X.509, real TLS on 127.0.0.1.
 */
const tempFolder = useTempFolder();
const keys = testKeys('https-key');
const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});
// The pin is process-wide: the other tests of this worker get Node's own CAs back.
afterAll(() => setDefaultCACertificates(getCACertificates('bundled')));

async function kioskAgainst(portalUrl: string, token: string, portalCertificates: string[]) {
  const log = createMemoryLogger();
  const host = await startKioskHost({
    ...testHostOptions(tempFolder, keys),
    portalUrl,
    kioskCredential: token,
    portalCertificates,
    contentPollSeconds: 3600,
    deliveryBackoff: { baseMs: 20, capMs: 200, maxRetryAfterMs: 1500 },
    connectivityProbeMs: 50,
    log,
  });
  closers.push(() => host.close());
  const call = async <T>(channel: string, request: unknown = {}): Promise<T> => {
    const result = await host.router.handle(channel, request);
    if (!result.ok) throw new Error(result.error.code);
    return result.value as T;
  };
  const started = await call<StartedApplication>('startApplication', { serviceId: 'birth' });
  const receipt = await call<SubmittedApplication>('submitApplication', {
    applicationId: started.applicationId,
    language: 'ky',
    consent: { privacyPolicyVersion: '1', userAgreementVersion: '1' },
    answers: { lastName: 'Асанова', pin: '11204198500012', phone: '0700123456' },
  });
  return { host, call, receipt, log };
}

describe('the kiosk and the portal over HTTPS', () => {
  it('delivers to a portal whose certificate chains to the pinned CA, and refuses one that does not', async () => {
    const ca = makeTestCa(tempFolder());
    const otherCa = makeTestCa(tempFolder(), 'Another CA');
    const portal = await startPortal({ dataFolder: tempFolder(), adminToken: 'https-admin-token-0123', trustAnchors: [keys.anchor], tls: { certFile: ca.certFile, keyFile: ca.keyFile } });
    closers.push(() => portal.close());
    expect(portal.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const credential = newKioskCredential('BSK1');
    await portal.store.issueCredential('BSK1', credential.secretHash, new Date());

    // Pinned to another CA, the portal is a stranger: nothing is sent, the application waits.
    // (First: a connection the pinned kiosk opened would be kept alive and reused.)
    const stranger = await kioskAgainst(portal.url, credential.token, [otherCa.ca]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const status = await stranger.call<SyncStatusView>('getSyncStatus');
    expect(status.delivered).toBe(0);
    expect(status.queued).toBe(1);
    expect(await portal.store.applicationStatus(stranger.receipt.receiptNumber)).toBeNull();

    // Pinned to the portal's CA: delivered.
    const pinned = await kioskAgainst(portal.url, credential.token, [ca.ca]);
    await expect.poll(async () => (await pinned.call<SyncStatusView>('getSyncStatus')).delivered, { timeout: 15_000 }).toBe(1);
    expect(await portal.store.applicationStatus(pinned.receipt.receiptNumber)).toMatchObject({ status: 'received' });
  });
});
