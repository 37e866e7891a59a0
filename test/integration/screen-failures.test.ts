import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { startKioskHost, type KioskHost } from '../../src/main/core/host.js';
import { newKioskCredential } from '../../src/portal/credentials.js';
import { startPortal, type Portal } from '../../src/portal/server.js';
import type { InstallOutcome, ServiceSummary } from '../../src/shared/contract/ipc.js';
import { makePackage, testKeys, testService, writePackage, writeTrustAnchors } from '../support/content-fixtures.js';
import { createMemoryLogger } from '../support/memory-logger.js';
import { signInTechnician } from '../support/staff-fixtures.js';

const keys = testKeys('screen-failure-key');
const folders: string[] = [];
const hosts: KioskHost[] = [];
const portals: Portal[] = [];
const folder = () => {
  const created = mkdtempSync(join(tmpdir(), 'kyzmat-screen-failure-'));
  folders.push(created);
  return created;
};
afterEach(async () => {
  for (const host of hosts.splice(0)) host.close();
  for (const portal of portals.splice(0)) await portal.close();
  for (const created of folders.splice(0)) rmSync(created, { recursive: true, force: true });
});

async function kiosk(dataFolder: string, media: string, trust: string, bundled: string) {
  const log = createMemoryLogger();
  const host = await startKioskHost({ dataFolder, appVersion: '1.0.0', kioskCode: 'TST1', fontsFolder: 'resources/fonts', trustAnchorsFile: trust, bundledContentFolder: bundled, removableMediaRoots: [media], log });
  hosts.push(host);
  // The service panel's channels answer a signed-in technician only.
  await signInTechnician(host.router);
  const call = async <T>(channel: string, request: unknown = {}) => {
    const result = await host.router.handle(channel, request);
    return result as { ok: true; value: T } | { ok: false; error: { code: string } };
  };
  const available = async () =>
    Object.fromEntries(((await call<ServiceSummary[]>('listServices', { language: 'en' })) as { value: ServiceSummary[] }).value.map((s) => [s.id, s.availableHere]));
  return { host, log, call, available };
}

describe('a service whose form failed on this kiosk’s screen', () => {
  it('is out of use here until new content arrives, across a restart, and the log holds no error text', async () => {
    const dataFolder = folder();
    const media = folder();
    const trust = writeTrustAnchors(folder(), [keys.anchor]);
    const bundled = writePackage(folder(), makePackage({ keys, version: 1, services: [testService('birth'), testService('marriage')] }));
    const first = await kiosk(dataFolder, media, trust, bundled);

    // A catalogue screen that failed says nothing about a service.
    expect(await first.call('reportScreenFailure', { screen: 'catalogue', kind: 'threw', errorName: 'TypeError', serviceId: 'birth' })).toEqual({ ok: true, value: { serviceDisabled: false } });
    expect(await first.available()).toEqual({ birth: true, marriage: true });

    expect(await first.call('reportScreenFailure', { screen: 'application', kind: 'too-slow', errorName: 'FormTooSlowError', serviceId: 'birth' })).toEqual({ ok: true, value: { serviceDisabled: true } });
    expect(await first.available()).toEqual({ birth: false, marriage: true });
    expect(await first.call('startApplication', { serviceId: 'birth' })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(await first.call('startApplication', { serviceId: 'marriage' })).toMatchObject({ ok: true });
    expect(((await first.call<{ availableHere: boolean }>('getService', { language: 'ky', serviceId: 'birth' })) as { value: { availableHere: boolean } }).value.availableHere).toBe(false);
    expect(first.log.records.filter((record) => record.event === 'screen_failed').map((record) => record.fields)).toEqual([
      { screen: 'catalogue', kind: 'threw', errorName: 'TypeError', serviceId: 'birth' },
      { screen: 'application', kind: 'too-slow', errorName: 'FormTooSlowError', serviceId: 'birth' },
    ]);
    // Names and ids only: the contract refuses an error name that could carry an answer.
    expect(await first.call('reportScreenFailure', { screen: 'application', kind: 'threw', errorName: 'Асанова 11204198500012' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    first.host.close();

    const second = await kiosk(dataFolder, media, trust, bundled);
    expect(await second.available()).toEqual({ birth: false, marriage: true });

    // A new package may have fixed the form: it starts with every service in use.
    writePackage(join(media, 'stick', 'kyzmat-content'), makePackage({ keys, version: 2, services: [testService('birth'), testService('marriage')] }));
    expect(await second.call<InstallOutcome>('importContentFromRemovableMedia')).toMatchObject({ ok: true, value: { outcome: 'applied', version: 2 } });
    expect(await second.available()).toEqual({ birth: true, marriage: true });
  });

  it('is reported to the portal in the next heartbeat, with the count of failed screens and the free disk of the data folder', async () => {
    const portalFolder = folder();
    const portal = await startPortal({ dataFolder: portalFolder, adminToken: 'screen-failure-admin', trustAnchors: [keys.anchor] });
    portals.push(portal);
    const credential = newKioskCredential('TST1');
    await portal.store.issueCredential('TST1', credential.secretHash, new Date());
    const kioskFolder = folder();
    const host = await startKioskHost({
      dataFolder: kioskFolder,
      appVersion: '1.0.0',
      kioskCode: 'TST1',
      fontsFolder: 'resources/fonts',
      trustAnchorsFile: writeTrustAnchors(folder(), [keys.anchor]),
      bundledContentFolder: writePackage(folder(), makePackage({ keys, version: 1, services: [testService('birth'), testService('marriage')] })),
      portalUrl: portal.url,
      kioskCredential: credential.token,
      heartbeatSeconds: 1,
      log: createMemoryLogger(),
    });
    hosts.push(host);
    await host.router.handle('reportScreenFailure', { screen: 'application', kind: 'threw', errorName: 'TypeError', serviceId: 'birth' });
    await host.router.handle('reportScreenFailure', { screen: 'catalogue', kind: 'threw', errorName: 'TypeError' });

    const latest = () => {
      const db = new Database(join(portalFolder, 'portal.sqlite'), { readonly: true });
      try {
        return db
          .prepare('SELECT screen_failures AS screenFailures, unavailable_services AS unavailableServices, free_disk_bytes AS freeDiskBytes FROM heartbeat ORDER BY seq DESC LIMIT 1')
          .get() as { screenFailures: number; unavailableServices: number; freeDiskBytes: number | null } | undefined;
      } finally {
        db.close();
      }
    };
    await expect.poll(latest, { timeout: 5000 }).toMatchObject({ screenFailures: 2, unavailableServices: 1 });
    // What the disk of the kiosk's folder has free, as the operating system says; other writers move it a little.
    const disk = statfsSync(kioskFolder);
    const free = Number(disk.bavail) * Number(disk.bsize);
    expect(Math.abs(latest()!.freeDiskBytes! - free)).toBeLessThan(256 * 1024 ** 2);
  });
});

