import { describe, expect, it } from 'vitest';
import { fleetSettingsFromEnvironment } from '../../src/portal/fleet/fleet-settings.js';
import { fleetSchema, type Fleet, type FleetKiosk } from '../../src/shared/contract/fleet.js';
import { PORTAL_ENDPOINTS } from '../../src/shared/contract/portal.js';
import { expectListedRefusal } from './contract-answers.js';
import { asPage, fixedClock, fleetPath, useFleetPortal, type FleetEnv } from './fleet-support.js';
import { bearer, postJson, send, STORE_KINDS, validHeartbeat } from './support.js';
import { linked } from './audit-fixtures.js';
import { signIn } from './backoffice-support.js';
import { GENESIS_HASH } from '../../src/shared/audit/audit-chain.js';
import type { AuditUploadEntry } from '../../src/shared/contract/portal.js';

/** A kiosk's chain with these entries, seq 1… in order, a second apart from `start`. */
function chainWith(start: string, contents: readonly Pick<AuditUploadEntry, 'kind' | 'actor' | 'subject' | 'details'>[]): AuditUploadEntry[] {
  const made: AuditUploadEntry[] = [];
  contents.forEach((content, index) => {
    made.push(linked(made[index - 1]?.entryHash ?? GENESIS_HASH, { ...content, seq: index + 1, at: new Date(Date.parse(start) + index * 1000).toISOString() }));
  });
  return made;
}

const fleetOf = async (env: FleetEnv, search: object = {}): Promise<Fleet> => {
  const answer = await asPage(env.portal.url, env.administrator, fleetPath, search);
  expect(answer.status, answer.text).toBe(200);
  return fleetSchema.parse(answer.json());
};
const byCode = (fleet: Fleet): Record<string, FleetKiosk> => Object.fromEntries(fleet.kiosks.map((kiosk) => [kiosk.kioskCode, kiosk]));
const beat = (url: string, token: string, heartbeat: object = validHeartbeat) => postJson(url, PORTAL_ENDPOINTS.recordHeartbeat.path({}), heartbeat, bearer(token));

describe.each(STORE_KINDS)('the back office fleet (%s)', (kind) => {
  const { start } = useFleetPortal(kind);

  it('lists every kiosk the portal knows — live, revoked, never enrolled, only heartbeats, never reported — with its office, versions and alarms', async () => {
    const clock = fixedClock('2026-06-01T08:00:00.000Z');
    const env = await start({ now: clock.now, fleetStaleMinutes: 5 });
    const live = await env.issue('BSK1');
    const revoked = await env.issue('BSK2');
    await env.issue('ASH1'); // enrolled, never reported
    expect((await beat(env.portal.url, live, { ...validHeartbeat, appVersion: '2.3.1', contentVersion: 17, queueDepth: 4, quarantined: 1 })).status).toBe(204);
    expect((await beat(env.portal.url, revoked, { ...validHeartbeat, printerState: 'error' })).status).toBe(204);
    // A kiosk known only by its heartbeats (its credential rows gone, say, after a restore).
    await env.store.recordHeartbeat('TSK1', { ...validHeartbeat, screenFailures: 2 }, clock.now());
    // A code made for a new kiosk: known to the portal before it ever reports.
    expect((await asPage(env.portal.url, env.administrator, PORTAL_ENDPOINTS.createEnrolmentCode.path({ kioskCode: 'NRN1' }), undefined)).status).toBe(201);
    clock.advanceMinutes(1);
    expect((await asPage(env.portal.url, env.administrator, PORTAL_ENDPOINTS.revokeKiosk.path({ kioskCode: 'BSK2' }), undefined)).status).toBe(200);

    const fleet = await fleetOf(env);
    expect(fleet.kiosks.map((kiosk) => kiosk.kioskCode)).toEqual(['ASH1', 'BSK1', 'BSK2', 'NRN1', 'TSK1']);
    expect(fleet.offices).toEqual(['ASH', 'BSK', 'NRN', 'TSK']);
    expect([fleet.total, fleet.staleAfterMinutes, fleet.generatedAt]).toEqual([5, 5, '2026-06-01T08:01:00.000Z']);
    const kiosks = byCode(fleet);
    expect(kiosks.BSK1).toMatchObject({
      officeCode: 'BSK',
      credential: { state: 'live', since: '2026-06-01T08:00:00.000Z' },
      lastHeartbeat: { receivedAt: '2026-06-01T08:00:00.000Z', appVersion: '2.3.1', contentVersion: 17, queueDepth: 4, quarantined: 1, printerState: 'ready' },
      alarms: ['quarantined'],
    });
    expect(kiosks.BSK2).toMatchObject({ credential: { state: 'revoked', since: '2026-06-01T08:01:00.000Z' }, alarms: ['printer'] });
    expect(kiosks.ASH1).toMatchObject({ credential: { state: 'live' }, lastHeartbeat: null, alarms: ['never-reported'] });
    expect(kiosks.TSK1).toMatchObject({ credential: { state: 'never-enrolled', since: null }, alarms: ['screens'] });
    expect(kiosks.NRN1).toMatchObject({ credential: { state: 'never-enrolled' }, enrolmentCodeExpiresAt: '2026-06-02T08:00:00.000Z', alarms: ['never-reported'] });
  });

  it('shows the latest heartbeat of each kiosk among many, and raises the stale alarm only past the threshold', async () => {
    const clock = fixedClock('2026-06-01T08:00:00.000Z');
    const env = await start({ now: clock.now, fleetStaleMinutes: 10 });
    const token = await env.issue('BSK1');
    for (let version = 1; version <= 5; version++) {
      expect((await beat(env.portal.url, token, { ...validHeartbeat, contentVersion: version })).status).toBe(204);
      clock.advanceMinutes(1);
    }
    // The last heartbeat came at 08:04; ten minutes later it is not yet stale, a minute after that it is.
    clock.set('2026-06-01T08:14:00.000Z');
    expect(byCode(await fleetOf(env)).BSK1).toMatchObject({ lastHeartbeat: { contentVersion: 5, receivedAt: '2026-06-01T08:04:00.000Z' }, alarms: [] });
    clock.set('2026-06-01T08:14:00.001Z');
    expect(byCode(await fleetOf(env)).BSK1!.alarms).toEqual(['stale']);
    expect((await fleetOf(env, { alarm: 'stale' })).kiosks.map((kiosk) => kiosk.kioskCode)).toEqual(['BSK1']);
  });

  it('shows the free disk a kiosk reports and raises disk-low below 1 GiB, saying nothing for a kiosk that does not report it', async () => {
    const env = await start();
    const GIB = 1024 ** 3;
    await beat(env.portal.url, await env.issue('BSK1'), { ...validHeartbeat, freeDiskBytes: 40 * GIB });
    await beat(env.portal.url, await env.issue('BSK2'), { ...validHeartbeat, freeDiskBytes: GIB - 1 });
    await beat(env.portal.url, await env.issue('BSK3'), { ...validHeartbeat, freeDiskBytes: GIB });
    await beat(env.portal.url, await env.issue('BSK4'));
    const kiosks = byCode(await fleetOf(env));
    expect(kiosks.BSK1).toMatchObject({ lastHeartbeat: { freeDiskBytes: 40 * GIB }, alarms: [] });
    expect(kiosks.BSK2).toMatchObject({ lastHeartbeat: { freeDiskBytes: GIB - 1 }, alarms: ['disk-low'] });
    expect(kiosks.BSK3!.alarms).toEqual([]);
    expect(kiosks.BSK4).toMatchObject({ lastHeartbeat: { freeDiskBytes: null }, alarms: [] });
    expect((await fleetOf(env, { alarm: 'disk-low' })).kiosks.map((kiosk) => kiosk.kioskCode)).toEqual(['BSK2']);
  });

  it('shows where each kiosk\'s update stands and raises the alarms a kiosk raises about itself, and update-failed when its update check failed', async () => {
    const env = await start();
    await beat(env.portal.url, await env.issue('BSK1'), { ...validHeartbeat, update: { state: 'ready', version: '1.4.0' }, alarms: [] });
    const bsk2 = await env.issue('BSK2');
    await beat(env.portal.url, bsk2, { ...validHeartbeat, update: { state: 'error' }, alarms: ['disk-full', 'out-of-service'] });
    await beat(env.portal.url, await env.issue('BSK3'));
    const kiosks = byCode(await fleetOf(env));
    expect(kiosks.BSK1).toMatchObject({ lastHeartbeat: { updateState: 'ready', updateVersion: '1.4.0', kioskAlarms: [] }, alarms: [] });
    expect(kiosks.BSK2).toMatchObject({ lastHeartbeat: { updateState: 'error' }, alarms: ['disk-full', 'out-of-service', 'update-failed'] });
    expect(kiosks.BSK3).toMatchObject({ lastHeartbeat: { updateState: null, kioskAlarms: null }, alarms: [] });
    expect((await fleetOf(env, { alarm: 'disk-full' })).kiosks.map((kiosk) => kiosk.kioskCode)).toEqual(['BSK2']);
    // The kiosk's alarms clear with the heartbeat that no longer carries them.
    await beat(env.portal.url, bsk2, { ...validHeartbeat, update: { state: 'up-to-date' }, alarms: [] });
    expect(byCode(await fleetOf(env)).BSK2!.alarms).toEqual([]);
  });

  it('shows each kiosk\'s newest errors of the last 24 hours from its uploaded chain: delivery alarms and refusals by code, nothing else of the entry', async () => {
    const clock = fixedClock('2026-06-01T08:00:00.000Z');
    const env = await start({ now: clock.now });
    const bsk1 = await env.issue('BSK1');
    const upload = (token: string, entries: AuditUploadEntry[]) => postJson(env.portal.url, PORTAL_ENDPOINTS.uploadAuditEntries.path({}), { entries }, bearer(token));
    const entries = chainWith('2026-06-01T07:59:00.000Z', [
      { kind: 'content_refused', actor: null, subject: null, details: { source: 'portal', code: 'EXPIRED' } },
      { kind: 'staff_sign_in', actor: '1042', subject: null, details: { roles: ['clerk'], method: 'staff_id' } },
      { kind: 'content_refused', actor: null, subject: null, details: { source: 'portal', code: 'SIGNATURE_INVALID' } },
      { kind: 'staff_list_refused', actor: null, subject: null, details: { code: 'STAFF_LIST_OTHER_OFFICE', version: 4 } },
      { kind: 'sync_alarm', actor: null, subject: null, details: { alarm: 'AUDIT_CHAIN_REFUSED', brokenAt: 3, reason: 'REFUSED' } },
    ]);
    expect((await upload(bsk1, entries.slice(0, 3))).status).toBe(200);
    // A day and a minute later the first upload's errors are out of the window; the second's are in.
    clock.set('2026-06-02T08:01:00.000Z');
    expect((await upload(bsk1, entries.slice(3))).status).toBe(200);
    await beat(env.portal.url, await env.issue('BSK2'));
    // The day ended the administrator's session too.
    env.administrator = await signIn(env.portal.url, 'aigul', 'correct horse battery');
    let kiosks = byCode(await fleetOf(env));
    expect(kiosks.BSK1!.recentErrors).toEqual([
      { kind: 'sync_alarm', code: 'AUDIT_CHAIN_REFUSED', at: entries[4]!.at },
      { kind: 'staff_list_refused', code: 'STAFF_LIST_OTHER_OFFICE', at: entries[3]!.at },
    ]);
    expect(kiosks.BSK2!.recentErrors).toEqual([]);

    // Many errors: the three newest are shown.
    const more = chainWith('2026-06-02T08:02:00.000Z', ['EXPIRED', 'KEY_UNTRUSTED', 'APP_TOO_OLD', 'PART_MISSING'].map((code) => ({ kind: 'content_refused', actor: null, subject: null, details: { source: 'portal', code } })));
    const bsk3 = await env.issue('BSK3');
    expect((await upload(bsk3, more)).status).toBe(200);
    kiosks = byCode(await fleetOf(env));
    expect(kiosks.BSK3!.recentErrors.map((error) => error.code)).toEqual(['PART_MISSING', 'APP_TOO_OLD', 'KEY_UNTRUSTED']);
  });

  it('filters by office and by alarm at the portal, keeping every office for the choices', async () => {
    const clock = fixedClock('2026-06-01T08:00:00.000Z');
    const env = await start({ now: clock.now });
    for (const code of ['BSK1', 'BSK2', 'ASH1']) await env.issue(code);
    await beat(env.portal.url, await env.issue('BSK3'));
    await beat(env.portal.url, await env.issue('ASH2'), { ...validHeartbeat, printerState: 'no-printer' });

    const bsk = await fleetOf(env, { officeCode: 'BSK' });
    expect(bsk.kiosks.map((kiosk) => kiosk.kioskCode)).toEqual(['BSK1', 'BSK2', 'BSK3']);
    expect([bsk.offices, bsk.total]).toEqual([['ASH', 'BSK'], 5]);
    expect((await fleetOf(env, { alarm: 'any' })).kiosks.map((kiosk) => kiosk.kioskCode)).toEqual(['ASH1', 'ASH2', 'BSK1', 'BSK2']);
    expect((await fleetOf(env, { alarm: 'never-reported', officeCode: 'ASH' })).kiosks.map((kiosk) => kiosk.kioskCode)).toEqual(['ASH1']);
    expect((await fleetOf(env, { alarm: 'printer' })).kiosks.map((kiosk) => kiosk.kioskCode)).toEqual(['ASH2']);
    expect((await fleetOf(env, { officeCode: 'NRN' })).kiosks).toEqual([]);

    const misspelt = await asPage(env.portal.url, env.administrator, fleetPath, { officeCode: 'bsk' });
    expect(misspelt.status).toBe(400);
    expectListedRefusal('listFleet', misspelt);
  });

  it('is for administrators only: an officer is refused, and so is a call without the CSRF token, from another site or signed out', async () => {
    const env = await start();
    await env.issue('BSK1');
    const officer = await asPage(env.portal.url, env.officer, fleetPath, {});
    const noToken = await asPage(env.portal.url, env.administrator, fleetPath, {}, { 'X-CSRF-Token': undefined });
    const otherSite = await asPage(env.portal.url, env.administrator, fleetPath, {}, { Origin: 'https://elsewhere.example', 'Sec-Fetch-Site': 'cross-site' });
    const signedOut = await postJson(env.portal.url, fleetPath, {});
    expect([officer.status, noToken.status, otherSite.status, signedOut.status]).toEqual([403, 403, 403, 401]);
    for (const answer of [officer, noToken, otherSite, signedOut]) {
      expectListedRefusal('listFleet', answer);
      expect(answer.text).not.toContain('BSK1');
    }
    // A GET is no way around it: the list is a search.
    expect((await send(env.portal.url, { path: fleetPath, headers: { Cookie: env.administrator.cookie } })).status).toBe(405);
  });

  it('an officer may not create an enrolment code or revoke a kiosk; without the CSRF token neither may an administrator', async () => {
    const env = await start();
    await env.issue('BSK1');
    for (const path of [PORTAL_ENDPOINTS.createEnrolmentCode.path({ kioskCode: 'BSK1' }), PORTAL_ENDPOINTS.revokeKiosk.path({ kioskCode: 'BSK1' })]) {
      expect((await asPage(env.portal.url, env.officer, path, undefined)).status).toBe(403);
      expect((await asPage(env.portal.url, env.administrator, path, undefined, { 'X-CSRF-Token': undefined })).status).toBe(403);
    }
    expect(byCode(await fleetOf(env)).BSK1).toMatchObject({ credential: { state: 'live' }, enrolmentCodeExpiresAt: null });
  });
});

describe('the fleet settings', () => {
  it('default to a 5-minute stale threshold and 30 days of heartbeats, and refuse what cannot be used with a line naming the setting', () => {
    expect(fleetSettingsFromEnvironment({})).toEqual({ staleAfterMinutes: 5, heartbeatRetentionDays: 30 });
    expect(fleetSettingsFromEnvironment({ PORTAL_FLEET_STALE_MINUTES: '15', PORTAL_HEARTBEAT_RETENTION_DAYS: '90' })).toEqual({ staleAfterMinutes: 15, heartbeatRetentionDays: 90 });
    expect(() => fleetSettingsFromEnvironment({ PORTAL_HEARTBEAT_RETENTION_DAYS: '0' })).toThrow(/^PORTAL_HEARTBEAT_RETENTION_DAYS must be a whole number of days from 1 to 3650/);
    expect(() => fleetSettingsFromEnvironment({ PORTAL_HEARTBEAT_RETENTION_DAYS: '30d' })).toThrow(/PORTAL_HEARTBEAT_RETENTION_DAYS/);
    expect(() => fleetSettingsFromEnvironment({ PORTAL_FLEET_STALE_MINUTES: '-5' })).toThrow(/^PORTAL_FLEET_STALE_MINUTES must be a whole number of minutes/);
  });
});
