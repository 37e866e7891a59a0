import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startKioskHost, type KioskHost, type KioskHostOptions } from '../../src/main/core/host.js';
import { HOST_IDLE_GRACE_SECONDS } from '../../src/main/core/staff/staff-idle-expiry.js';
import { hashPin } from '../../src/portal/content/staff-pin-hash.js';
import { startPortal, type Portal } from '../../src/portal/server.js';
import type { StaffRecord } from '../../src/shared/content/staff-schema.js';
import type { HostEvent } from '../../src/shared/contract/ipc.js';
import type { PackageFiles } from '../../src/portal/content/package-files.js';
import { makePackage, testCatalogue, testKeys, testService, writePackage, writeTrustAnchors } from '../support/content-fixtures.js';
import { createMemoryLogger } from '../support/memory-logger.js';
import { TEST_TECHNICIAN } from '../support/staff-fixtures.js';
import { useTempFolder } from '../support/temp-folder.js';

const tempFolder = useTempFolder();
const keys = testKeys('staff-session-key');
const ADMIN_TOKEN = 'staff-session-admin-token';
const CLERK_PIN = '482913';
const BOTH_ROLES_PIN = '590417';
/** The clerk idle time the test content sets, so the host must read it from the content's settings. */
const CONTENT_CLERK_IDLE_SECONDS = 600;

let clerk: StaffRecord;
let both: StaffRecord;
beforeAll(async () => {
  const cost = { N: 2 ** 14, r: 8, p: 1, keyLength: 32 };
  clerk = { staffId: '1001', displayName: 'Айгүл Токтогулова', roles: ['clerk'], pinHash: await hashPin(CLERK_PIN, cost) };
  both = { staffId: '3001', displayName: 'Нурлан Осмонов', roles: ['clerk', 'technician'], pinHash: await hashPin(BOTH_ROLES_PIN, cost) };
});

/** A signed package whose staff list is the one given. */
function packageWith(version: number, staff: StaffRecord[]): PackageFiles {
  const catalogue = testCatalogue([testService('birth')]);
  return makePackage({ keys, version, catalogue: { ...catalogue, staff, settings: { ...catalogue.settings, clerkIdleSeconds: CONTENT_CLERK_IDLE_SECONDS } } });
}

const hosts: KioskHost[] = [];
const portals: Portal[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) host.close();
  for (const portal of portals.splice(0)) await portal.close();
});

async function kiosk(staff: StaffRecord[], options: Partial<KioskHostOptions> = {}) {
  const mediaRoot = tempFolder();
  const host = await startKioskHost({
    dataFolder: tempFolder(),
    appVersion: '1.0.0',
    kioskCode: 'TST1',
    fontsFolder: 'resources/fonts',
    trustAnchorsFile: writeTrustAnchors(tempFolder(), [keys.anchor]),
    bundledContentFolder: writePackage(tempFolder(), packageWith(1, staff)),
    removableMediaRoots: [mediaRoot],
    log: createMemoryLogger(),
    ...options,
  });
  hosts.push(host);
  const told: HostEvent[] = [];
  host.events.subscribe((event) => told.push(event));
  const call = (channel: string, request: unknown = {}) => host.router.handle(channel, request);
  const whoIsSignedIn = async () => {
    const result = await call('getStaffSession');
    return result.ok ? ((result.value as { staffId: string } | null)?.staffId ?? null) : 'refused';
  };
  return { host, told, call, whoIsSignedIn, mediaRoot };
}

/** The trail's staff and content entries as stored, read from the kiosk's database file. */
function trail(host: KioskHost, kinds = ['staff_sign_in', 'staff_sign_out', 'content_applied']) {
  const db = new Database(host.databaseFile, { readonly: true });
  try {
    return db
      .prepare<[], { at: string; kind: string; actor: string | null; subject: string | null; details: string }>('SELECT at, kind, actor, subject, details FROM audit_entry ORDER BY seq')
      .all()
      .filter((row) => kinds.includes(row.kind))
      .map((row) => ({ ...row, details: JSON.parse(row.details) as unknown }));
  } finally {
    db.close();
  }
}

const endedEvents = (told: HostEvent[]) => told.filter((event) => event.name === 'staffSessionEnded');

describe('a staff session ends on the host', () => {
  it('when the page asks nothing for the content\'s clerk idle time and the grace: the trail says when it expired', async () => {
    let now = new Date();
    const k = await kiosk([TEST_TECHNICIAN, clerk], { clock: () => now });
    const advanceSeconds = (seconds: number) => {
      now = new Date(now.getTime() + seconds * 1000);
    };
    const limitSeconds = CONTENT_CLERK_IDLE_SECONDS + HOST_IDLE_GRACE_SECONDS;
    expect(await k.call('signInStaff', { staffId: '1001', pin: CLERK_PIN })).toMatchObject({ ok: true });
    // The page is given the idle time the host itself keeps to.
    expect(await k.call('getKioskInfo')).toMatchObject({ ok: true, value: { clerkIdleSeconds: CONTENT_CLERK_IDLE_SECONDS } });

    advanceSeconds(limitSeconds - 1);
    expect(await k.whoIsSignedIn()).toBe('1001');
    const lastRequest = now;
    advanceSeconds(limitSeconds + 30);
    expect(await k.whoIsSignedIn()).toBeNull();

    expect(endedEvents(k.told)).toEqual([{ name: 'staffSessionEnded', payload: { reason: 'idle-timeout' } }]);
    const signOut = trail(k.host).find((row) => row.kind === 'staff_sign_out');
    expect(signOut).toEqual({
      at: now.toISOString(),
      kind: 'staff_sign_out',
      actor: '1001',
      subject: null,
      details: { reason: 'idle-timeout', expiredAt: new Date(lastRequest.getTime() + limitSeconds * 1000).toISOString() },
    });
  });

  it('after the host\'s own clerk idle time when the kiosk overrides the content\'s, as the page is told', async () => {
    let now = new Date();
    const k = await kiosk([TEST_TECHNICIAN, clerk], { clock: () => now, clerkIdleSeconds: 120 });
    expect(await k.call('getKioskInfo')).toMatchObject({ ok: true, value: { clerkIdleSeconds: 120 } });
    await k.call('signInStaff', { staffId: '1001', pin: CLERK_PIN });
    now = new Date(now.getTime() + (120 + HOST_IDLE_GRACE_SECONDS) * 1000);
    expect(await k.whoIsSignedIn()).toBeNull();
    expect(endedEvents(k.told)).toEqual([{ name: 'staffSessionEnded', payload: { reason: 'idle-timeout' } }]);
  });

  it('when content from the portal no longer has the signed-in clerk: the page is told and the trail says why', async () => {
    const portal = await startPortal({ dataFolder: tempFolder(), adminToken: ADMIN_TOKEN, trustAnchors: [keys.anchor] });
    portals.push(portal);
    const k = await kiosk([TEST_TECHNICIAN, clerk], { portalUrl: portal.url, contentPollSeconds: 1 });
    expect(await k.call('signInStaff', { staffId: '1001', pin: CLERK_PIN })).toMatchObject({ ok: true });

    const files = packageWith(2, [TEST_TECHNICIAN]);
    const published = await fetch(`${portal.url}/v1/admin/content`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ files: Object.fromEntries([...files].map(([path, bytes]) => [path, Buffer.from(bytes).toString('base64')])) }),
    });
    expect(published.status).toBe(201);

    await expect.poll(() => endedEvents(k.told), { timeout: 10_000 }).toEqual([{ name: 'staffSessionEnded', payload: { reason: 'staff-record-removed' } }]);
    expect(await k.whoIsSignedIn()).toBeNull();
    expect(trail(k.host).map(({ kind, actor, subject, details }) => [kind, actor, subject, details])).toEqual([
      ['content_applied', null, '1', { source: 'bundled', keyId: 'staff-session-key' }],
      ['staff_sign_in', '1001', null, { roles: ['clerk'], method: 'staff_id' }],
      ['content_applied', null, '2', { source: 'portal', keyId: 'staff-session-key' }],
      ['staff_sign_out', '1001', null, { reason: 'staff-record-removed' }],
    ]);
    // Nor can the clerk sign in again with the PIN that worked before.
    expect(await k.call('signInStaff', { staffId: '1001', pin: CLERK_PIN })).toMatchObject({ ok: false, error: { code: 'WRONG_PIN' } });
  });

  it('when a package loaded from USB takes away a role the session was signed in with', async () => {
    const k = await kiosk([TEST_TECHNICIAN, both]);
    expect(await k.call('signInStaff', { staffId: '3001', pin: BOTH_ROLES_PIN })).toMatchObject({ ok: true });
    writePackage(join(k.mediaRoot, 'stick', 'kyzmat-content'), packageWith(2, [TEST_TECHNICIAN, { ...both, roles: ['clerk'] }]));
    expect(await k.call('importContentFromRemovableMedia')).toMatchObject({ ok: true, value: { outcome: 'applied', version: 2 } });

    expect(endedEvents(k.told)).toEqual([{ name: 'staffSessionEnded', payload: { reason: 'role-removed' } }]);
    expect(await k.whoIsSignedIn()).toBeNull();
    expect(await k.call('syncNow')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(trail(k.host).map(({ kind, actor, details }) => [kind, actor, details])).toEqual([
      ['content_applied', null, { source: 'bundled', keyId: 'staff-session-key' }],
      ['staff_sign_in', '3001', { roles: ['clerk', 'technician'], method: 'staff_id' }],
      ['content_applied', null, { source: 'folder', keyId: 'staff-session-key' }],
      ['staff_sign_out', '3001', { reason: 'role-removed' }],
    ]);
  });
});
