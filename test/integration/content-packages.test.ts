import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startKioskHost, type KioskHost } from '../../src/main/core/host.js';
import type { ContentStatus, HostEvent, InstallOutcome, ServiceSummary } from '../../src/shared/contract/ipc.js';
import { MANIFEST_FILE, SIGNATURE_FILE } from '../../src/shared/content/content-schema.js';
import { startPortal, type Portal } from '../../src/portal/server.js';
import type { PackageFiles } from '../../src/portal/content/package-files.js';
import { makePackage, testKeys, testService, writePackage, writeTrustAnchors, type TestKeys } from '../support/content-fixtures.js';
import { createMemoryLogger } from '../support/memory-logger.js';
import { signInTechnician } from '../support/staff-fixtures.js';
import { useTempFolder } from '../support/temp-folder.js';

const tempFolder = useTempFolder();
const keyA = testKeys('test-key-a');
const keyB = testKeys('test-key-b');
const untrusted = testKeys('test-key-a');

interface Kiosk {
  host: KioskHost;
  events: HostEvent[];
  statusEvents: ContentStatus[];
  mediaRoot: string;
  call<T>(channel: string, request?: unknown): Promise<T>;
}

const hosts: KioskHost[] = [];
const portals: Portal[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) host.close();
  for (const portal of portals.splice(0)) await portal.close();
});

async function startKiosk(options: { portalUrl?: string; appVersion?: string } = {}): Promise<Kiosk> {
  const mediaRoot = tempFolder();
  const host = await startKioskHost({
    dataFolder: tempFolder(),
    appVersion: options.appVersion ?? '1.0.0',
    log: createMemoryLogger(),
    kioskCode: 'TST1', fontsFolder: 'resources/fonts', trustAnchorsFile: writeTrustAnchors(tempFolder(), [keyA.anchor, keyB.anchor]),
    bundledContentFolder: writePackage(tempFolder(), makePackage({ keys: keyA, version: 1, services: [testService('birth')] })),
    portalUrl: options.portalUrl,
    contentPollSeconds: 3600,
    removableMediaRoots: [mediaRoot],
  });
  hosts.push(host);
  // The service panel's channels answer a signed-in technician only.
  await signInTechnician(host.router);
  const events: HostEvent[] = [];
  const statusEvents: ContentStatus[] = [];
  host.events.subscribe((event) => {
    // Content updates are what the visitor's screens react to; status changes are the service panel's.
    if (event.name === 'contentStatusChanged') statusEvents.push(event.payload);
    else events.push(event);
  });
  return {
    host,
    events,
    statusEvents,
    mediaRoot,
    async call<T>(channel: string, request: unknown = {}) {
      const result = await host.router.handle(channel, request);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
      return result.value as T;
    },
  };
}

/** Puts a package on a "USB stick" under the kiosk's mount root and asks the kiosk to import it. */
async function importPackage(kiosk: Kiosk, files: PackageFiles): Promise<InstallOutcome> {
  const folder = join(kiosk.mediaRoot, 'stick', 'kyzmat-content');
  rmSync(folder, { recursive: true, force: true });
  writePackage(folder, files);
  return kiosk.call<InstallOutcome>('importContentFromRemovableMedia');
}

const titles = async (kiosk: Kiosk) => (await kiosk.call<ServiceSummary[]>('listServices', { language: 'en' })).map((s) => s.title);

function withFile(files: PackageFiles, path: string, change: (bytes: Buffer) => Buffer | undefined): PackageFiles {
  const copy = new Map(files);
  const changed = change(Buffer.from(files.get(path)!));
  if (changed) copy.set(path, changed);
  else copy.delete(path);
  return copy;
}

function flipByte(bytes: Buffer, at = Math.floor(bytes.length / 2)): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

describe('content packages on a kiosk', () => {
  it('applies the bundled package at first start and serves its catalogue', async () => {
    const kiosk = await startKiosk();
    expect(await titles(kiosk)).toEqual(['birth en']);
    const status = await kiosk.call<ContentStatus>('getContentStatus');
    expect(status).toMatchObject({ activeVersion: 1, activeKeyId: 'test-key-a', previousVersion: null });
  });

  const newer = () => makePackage({ keys: keyA, version: 2, services: [testService('marriage')] });
  const refusals: [string, () => PackageFiles, string][] = [
    ['a tampered byte in the catalogue', () => withFile(newer(), 'catalogue.json', (b) => flipByte(b)), 'PART_HASH_MISMATCH'],
    ['a tampered byte in a sample form', () => withFile(newer(), 'samples/marriage.svg', (b) => flipByte(b, 5)), 'PART_HASH_MISMATCH'],
    ['a tampered byte in the manifest', () => withFile(newer(), MANIFEST_FILE, (b) => flipByte(b, b.indexOf('"version"') + 12)), 'SIGNATURE_INVALID'],
    ['a key the kiosk does not trust', () => makePackage({ keys: testKeys('test-key-c'), version: 2 }), 'KEY_UNTRUSTED'],
    ['a wrong key claiming a trusted key id', () => makePackage({ keys: untrusted, version: 2 }), 'SIGNATURE_INVALID'],
    ['an unsigned manifest', () => withFile(newer(), SIGNATURE_FILE, () => undefined), 'SIGNATURE_MISSING'],
    ['a lower version', () => makePackage({ keys: keyA, version: 1 }), 'VERSION_NOT_NEWER'],
    [
      'an expired manifest',
      () => makePackage({ keys: keyA, version: 2, now: new Date(Date.now() - 10 * 86_400_000), expires: new Date(Date.now() - 1000) }),
      'EXPIRED',
    ],
    ['an oversized part', () => withFile(newer(), 'samples/marriage.svg', (b) => Buffer.concat([b, Buffer.alloc(1024 * 1024, 0x20)])), 'PART_SIZE_MISMATCH'],
    ['a missing part', () => withFile(newer(), 'samples/marriage.svg', () => undefined), 'PART_MISSING'],
    ['a package needing a newer app', () => makePackage({ keys: keyA, version: 2, minAppVersion: '2.0.0' }), 'APP_TOO_OLD'],
  ];

  it.each(refusals)('refuses %s with its own code and keeps serving the last good catalogue', async (_name, make, code) => {
    const kiosk = await startKiosk();
    const outcome = await importPackage(kiosk, make());
    expect(outcome).toMatchObject({ outcome: 'rejected', code });
    expect(await titles(kiosk)).toEqual(['birth en']);
    const status = await kiosk.call<ContentStatus>('getContentStatus');
    expect(status.activeVersion).toBe(1);
    expect(status.events[0]).toMatchObject({ source: 'folder', outcome: 'rejected', code });
    expect(kiosk.events).toEqual([]);
    // The service panel hears of the refusal without asking.
    await expect.poll(() => kiosk.statusEvents.at(-1)?.events[0], { timeout: 1000 }).toMatchObject({ source: 'folder', outcome: 'rejected', code });
  });

  it('applies a newer package signed with the second (rotation) key, keeps the previous, and tells the page', async () => {
    const kiosk = await startKiosk();
    const outcome = await importPackage(kiosk, makePackage({ keys: keyB, version: 5, services: [testService('marriage'), testService('death')] }));
    expect(outcome).toEqual({ outcome: 'applied', version: 5 });
    expect(await titles(kiosk)).toEqual(['marriage en', 'death en']);
    expect(kiosk.events).toEqual([{ name: 'contentUpdated', payload: { version: 5 } }]);
    expect(await kiosk.call<ContentStatus>('getContentStatus')).toMatchObject({ activeVersion: 5, previousVersion: 1, activeKeyId: 'test-key-b' });
    // Rollback to the version it replaced is refused too.
    expect(await importPackage(kiosk, makePackage({ keys: keyA, version: 4 }))).toMatchObject({ outcome: 'rejected', code: 'VERSION_NOT_NEWER' });
  });

  it('answers a missing stick plainly', async () => {
    const kiosk = await startKiosk();
    expect(await kiosk.call<InstallOutcome>('importContentFromRemovableMedia')).toEqual({ outcome: 'not-found' });
  });

  it('serves sample forms from the active package', async () => {
    const kiosk = await startKiosk();
    const sample = await kiosk.call<{ mediaType: string; dataBase64: string }>('getSampleForm', { serviceId: 'birth', sampleId: 'sample-birth' });
    expect(sample.mediaType).toBe('image/svg+xml');
    expect(Buffer.from(sample.dataBase64, 'base64').toString()).toContain('<text>birth</text>');
    expect(await kiosk.host.router.handle('getSampleForm', { serviceId: 'birth', sampleId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('keeps the applied package across a restart of the host', async () => {
    const dataFolder = tempFolder();
    const trust = writeTrustAnchors(tempFolder(), [keyA.anchor, keyB.anchor]);
    const bundled = writePackage(tempFolder(), makePackage({ keys: keyA, version: 1, services: [testService('birth')] }));
    const media = tempFolder();
    const first = await startKioskHost({ dataFolder, appVersion: '1.0.0', log: createMemoryLogger(), kioskCode: 'TST1', fontsFolder: 'resources/fonts', trustAnchorsFile: trust, bundledContentFolder: bundled, removableMediaRoots: [media] });
    await signInTechnician(first.router);
    writePackage(join(media, 'kyzmat-content'), makePackage({ keys: keyA, version: 2, services: [testService('death')] }));
    expect(await first.router.handle('importContentFromRemovableMedia', {})).toEqual({ ok: true, value: { outcome: 'applied', version: 2 } });
    first.close();
    const second = await startKioskHost({ dataFolder, appVersion: '1.0.0', log: createMemoryLogger(), kioskCode: 'TST1', fontsFolder: 'resources/fonts', trustAnchorsFile: trust, bundledContentFolder: bundled });
    hosts.push(second);
    expect(await second.router.handle('listServices', { language: 'ky' })).toMatchObject({ ok: true, value: [{ title: 'death ky' }] });
  });
});

describe('content pulled from the portal', () => {
  async function startPortalWith(keys: TestKeys[], adminToken = 'admin-token-for-tests-only') {
    const portal = await startPortal({ dataFolder: tempFolder(), adminToken, trustAnchors: keys.map((k) => k.anchor) });
    portals.push(portal);
    const publish = async (files: PackageFiles, token = adminToken) => {
      const body = { files: Object.fromEntries([...files].map(([path, bytes]) => [path, Buffer.from(bytes).toString('base64')])) };
      return fetch(`${portal.url}/v1/admin/content`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    };
    return { portal, publish };
  }

  it('pulls a newer package, reports its download, and then sees nothing new (ETag)', async () => {
    const { portal, publish } = await startPortalWith([keyA, keyB]);
    expect((await publish(makePackage({ keys: keyA, version: 3, services: [testService('marriage')] }))).status).toBe(201);
    const kiosk = await startKiosk({ portalUrl: portal.url });
    expect(await kiosk.call<InstallOutcome>('checkForContentUpdate')).toEqual({ outcome: 'applied', version: 3 });
    expect(await titles(kiosk)).toEqual(['marriage en']);
    const status = await kiosk.call<ContentStatus>('getContentStatus');
    expect(status.download.state).toBe('idle');
    expect(status.download.totalBytes).toBeGreaterThan(0);
    expect(status.download.receivedBytes).toBe(status.download.totalBytes);
    expect(await kiosk.call<InstallOutcome>('checkForContentUpdate')).toEqual({ outcome: 'unchanged' });
    expect(kiosk.events).toEqual([{ name: 'contentUpdated', payload: { version: 3 } }]);
    await expect.poll(() => kiosk.statusEvents.at(-1), { timeout: 1000 }).toMatchObject({ activeVersion: 3, download: { state: 'idle' } });
  });

  it('refuses to publish without the administrator token, or a package it cannot verify', async () => {
    const { publish } = await startPortalWith([keyA]);
    expect((await publish(makePackage({ keys: keyA, version: 2 }), 'wrong-token-wrong-token')).status).toBe(401);
    const tampered = await publish(withFile(makePackage({ keys: keyA, version: 2 }), 'catalogue.json', (b) => flipByte(b)));
    expect(tampered.status).toBe(422);
    expect(await tampered.json()).toMatchObject({ error: { code: 'PART_HASH_MISMATCH' } });
    expect((await publish(makePackage({ keys: keyA, version: 2 }))).status).toBe(201);
    expect((await publish(makePackage({ keys: keyA, version: 2 }))).status).toBe(409);
  });

  it('says nothing is published yet, and keeps its catalogue when the portal is unreachable', async () => {
    const { portal } = await startPortalWith([keyA]);
    const kiosk = await startKiosk({ portalUrl: portal.url });
    expect(await kiosk.call<InstallOutcome>('checkForContentUpdate')).toEqual({ outcome: 'not-found' });
    await portal.close();
    expect(await kiosk.call<InstallOutcome>('checkForContentUpdate')).toMatchObject({ outcome: 'failed' });
    expect(await titles(kiosk)).toEqual(['birth en']);
    expect((await kiosk.call<ContentStatus>('getContentStatus')).download.state).toBe('failed');
  });
});
