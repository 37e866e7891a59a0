import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startKioskHost, type KioskHost } from '../../src/main/core/host.js';
import { buildPackage, signPackage } from '../../src/portal/content/package-builder.js';
import { signingKeyFileSchema } from '../../src/portal/content/signing.js';
import type { Result } from '../../src/shared/contract/result.js';
import { writePackage } from '../support/content-fixtures.js';
import { createMemoryLogger } from '../support/memory-logger.js';
import { useTempFolder } from '../support/temp-folder.js';

/** The demo staff of the bundled content, with the PINs resources/demo-keys/README.md gives them. */
const CLERK = { staffId: '1001', cardNumber: '9417000000001001', pin: '246810' };
const TECHNICIAN = { staffId: '2001', pin: '135790' };
const WRONG_PIN = '000000';
const PANEL_CHANNELS = ['getContentStatus', 'checkForContentUpdate', 'importContentFromRemovableMedia', 'syncNow'] as const;
/** The lock period when the content settings name none. */
const DEFAULT_LOCK_MINUTES = 15;

const tempFolder = useTempFolder();
let bundledFolder: () => string;
beforeAll(() => {
  // The package the kiosk ships with: built from the source folder and signed with the demo key, as the build does.
  const key = signingKeyFileSchema.parse(JSON.parse(readFileSync('resources/demo-keys/demo-content-2026-a.private.json', 'utf8')));
  const files = signPackage(buildPackage('resources/content-source', new Date()), key);
  bundledFolder = () => writePackage(tempFolder(), files);
});

const hosts: KioskHost[] = [];
afterEach(() => {
  for (const host of hosts.splice(0)) host.close();
});

async function kiosk(dataFolder = tempFolder(), bundled = bundledFolder(), portalUrl?: string) {
  const log = createMemoryLogger();
  const host = await startKioskHost({
    portalUrl,
    dataFolder,
    appVersion: '1.0.0',
    kioskCode: 'TST1',
    fontsFolder: 'resources/fonts',
    trustAnchorsFile: 'resources/trust/content-keys.json',
    bundledContentFolder: bundled,
    removableMediaRoots: [tempFolder()],
    log,
  });
  hosts.push(host);
  const call = (channel: string, request: unknown = {}) => host.router.handle(channel, request);
  return { host, log, dataFolder, bundled, call };
}

const errorOf = (result: Result<unknown>) => (result.ok ? undefined : result.error);

function auditRows(host: KioskHost) {
  const db = new Database(host.databaseFile, { readonly: true });
  try {
    // Every column but the hashes, whose hex could hold any short run of digits by chance.
    return db.prepare<[], Record<string, unknown>>('SELECT seq, at, kind, actor, subject, details FROM audit_entry ORDER BY seq').all();
  } finally {
    db.close();
  }
}

describe('staff sign-in through the kiosk host', () => {
  it('signs a technician in with the right PIN, says who is signed in, and opens the service panel to them only', async () => {
    const k = await kiosk();
    expect(await k.call('getStaffSession')).toEqual({ ok: true, value: null });
    for (const channel of PANEL_CHANNELS) expect(errorOf(await k.call(channel))?.code, channel).toBe('FORBIDDEN');

    const signedIn = await k.call('signInStaff', TECHNICIAN);
    expect(signedIn).toEqual({ ok: true, value: { staffId: '2001', displayName: 'Бакыт Садыков', roles: ['technician'] } });
    expect(await k.call('getStaffSession')).toEqual(signedIn);
    for (const channel of PANEL_CHANNELS) expect((await k.call(channel)).ok, channel).toBe(true);
    expect(await k.call('getContentStatus')).toMatchObject({ ok: true, value: { activeKeyId: 'demo-content-2026-a' } });
  });

  it('signs a clerk in by staff card: the service panel still answers FORBIDDEN to them, but the queue view may send now', async () => {
    const k = await kiosk();
    expect(await k.call('signInStaff', { cardNumber: CLERK.cardNumber, pin: CLERK.pin })).toEqual({
      ok: true,
      value: { staffId: '1001', displayName: 'Айгүл Токтогулова', roles: ['clerk'] },
    });
    for (const channel of PANEL_CHANNELS.filter((name) => name !== 'syncNow')) expect(errorOf(await k.call(channel))?.code, channel).toBe('FORBIDDEN');
    expect(await k.call('syncNow')).toEqual({ ok: true, value: {} });
    // The visitor's channels are open to everyone as before.
    expect((await k.call('getSyncStatus')).ok).toBe(true);
    expect((await k.call('listCategories', { language: 'ky' })).ok).toBe(true);
  });

  it('refuses an id or PIN that no record can have before counting it', async () => {
    const k = await kiosk();
    for (const request of [{ staffId: '20', pin: TECHNICIAN.pin }, { staffId: '2001', pin: '12345' }, { staffId: '2001', cardNumber: CLERK.cardNumber, pin: TECHNICIAN.pin }, { pin: TECHNICIAN.pin }]) {
      expect(errorOf(await k.call('signInStaff', request))?.code).toBe('VALIDATION');
    }
    expect(await k.call('signInStaff', TECHNICIAN)).toMatchObject({ ok: true });
  });

  it('sign-out ends the session: nobody is signed in and the panel is closed again', async () => {
    const k = await kiosk();
    await k.call('signInStaff', TECHNICIAN);
    expect(await k.call('signOutStaff')).toEqual({ ok: true, value: {} });
    expect(await k.call('getStaffSession')).toEqual({ ok: true, value: null });
    expect(errorOf(await k.call('syncNow'))?.code).toBe('FORBIDDEN');
  });

  it('five wrong PINs lock the staff id, the right PIN is refused while locked, and a restart keeps the lock but signs everyone out', async () => {
    const first = await kiosk();
    await first.call('signInStaff', { cardNumber: CLERK.cardNumber, pin: CLERK.pin });
    const attemptsLeft: unknown[] = [];
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const error = errorOf(await first.call('signInStaff', { staffId: TECHNICIAN.staffId, pin: WRONG_PIN }));
      expect(error?.code).toBe('WRONG_PIN');
      attemptsLeft.push(error?.details?.attemptsLeft);
    }
    expect(attemptsLeft).toEqual([4, 3, 2, 1]);
    const before = Date.now();
    const lock = errorOf(await first.call('signInStaff', { staffId: TECHNICIAN.staffId, pin: WRONG_PIN }));
    expect(lock?.code).toBe('LOCKED');
    const until = Date.parse(lock?.details?.until ?? '');
    expect(until).toBeGreaterThanOrEqual(before + DEFAULT_LOCK_MINUTES * 60_000 - 1000);
    expect(until).toBeLessThanOrEqual(Date.now() + DEFAULT_LOCK_MINUTES * 60_000);
    expect(errorOf(await first.call('signInStaff', TECHNICIAN))).toMatchObject({ code: 'LOCKED', details: { until: lock?.details?.until } });
    // Another staff member is not locked by it.
    expect(await first.call('signInStaff', { staffId: '3001', pin: '314159' })).toMatchObject({ ok: true });
    first.host.close();

    const second = await kiosk(first.dataFolder, first.bundled);
    expect(await second.call('getStaffSession')).toEqual({ ok: true, value: null });
    expect(errorOf(await second.call('signInStaff', TECHNICIAN))).toMatchObject({ code: 'LOCKED', details: { until: lock?.details?.until } });
    expect(errorOf(await second.call('getContentStatus'))?.code).toBe('FORBIDDEN');
  });

  it('records sign-in, failures, the lock, panel actions under the technician and sign-out, without any PIN or card number', async () => {
    const k = await kiosk();
    await k.call('signInStaff', { cardNumber: CLERK.cardNumber, pin: WRONG_PIN });
    await k.call('signInStaff', { staffId: '9999', pin: CLERK.pin });
    await k.call('signInStaff', { cardNumber: '1234567890123', pin: CLERK.pin });
    await k.call('signInStaff', { cardNumber: CLERK.cardNumber, pin: CLERK.pin });
    // Refused for the clerk: not recorded as a panel action.
    await k.call('checkForContentUpdate');
    for (let attempt = 1; attempt <= 5; attempt += 1) await k.call('signInStaff', { staffId: '3001', pin: WRONG_PIN });
    await k.call('signInStaff', { staffId: '3001', pin: '314159' });
    await k.call('signInStaff', TECHNICIAN);
    await k.call('syncNow');
    await k.call('importContentFromRemovableMedia');
    await k.call('signOutStaff');

    const rows = auditRows(k.host);
    const staffRows = rows.filter((row) => row.kind !== 'content_applied');
    expect(staffRows.map((row) => [row.kind, row.actor, JSON.parse(row.details as string) as unknown])).toEqual([
      ['staff_sign_in_failed', '1001', { reason: 'WRONG_PIN', failedAttempts: 1 }],
      ['staff_sign_in_failed', null, { reason: 'UNKNOWN_STAFF', failedAttempts: 1 }],
      ['staff_sign_in_failed', null, { reason: 'UNKNOWN_CARD', failedAttempts: 1 }],
      ['staff_sign_in', '1001', { roles: ['clerk'], method: 'card' }],
      ...[1, 2, 3, 4, 5].map((failedAttempts) => ['staff_sign_in_failed', '3001', { reason: 'WRONG_PIN', failedAttempts }]),
      ['staff_locked', '3001', { failedAttempts: 5, lockedMinutes: DEFAULT_LOCK_MINUTES }],
      ['staff_sign_in_failed', '3001', { reason: 'LOCKED', failedAttempts: 5 }],
      // A new sign-in ends the clerk's session first.
      ['staff_sign_out', '1001', { reason: 'signed-out' }],
      ['staff_sign_in', '2001', { roles: ['technician'], method: 'staff_id' }],
      ['panel_action', '2001', { action: 'send-now' }],
      ['panel_action', '2001', { action: 'load-from-usb' }],
      ['usb_import', '2001', { outcome: 'not-found' }],
      ['staff_sign_out', '2001', { reason: 'signed-out' }],
    ]);
    const written = JSON.stringify(rows);
    for (const secret of [CLERK.pin, TECHNICIAN.pin, '314159', WRONG_PIN, CLERK.cardNumber, '1234567890123', '9999']) {
      expect(written, 'the audit trail names no PIN, card or typed id').not.toContain(secret);
    }
  });

  it('pushes the content status to the page only while a technician is signed in', async () => {
    // A portal that refuses connections: the puller's first check, a second after start, fails and changes the status.
    const k = await kiosk(undefined, undefined, 'http://127.0.0.1:9');
    const statusNotices: unknown[] = [];
    k.host.events.subscribe((event) => {
      if (event.name === 'contentStatusChanged') statusNotices.push(event.payload);
    });
    await expect.poll(() => k.log.records.some((record) => record.event === 'content_check_failed'), { timeout: 5000 }).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(statusNotices).toEqual([]);

    await k.call('signInStaff', TECHNICIAN);
    await k.call('checkForContentUpdate');
    await expect.poll(() => statusNotices.length, { timeout: 3000 }).toBeGreaterThan(0);
    expect(statusNotices.at(-1)).toMatchObject({ download: { state: 'failed' } });
  });
});
