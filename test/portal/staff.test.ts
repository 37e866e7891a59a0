import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyPin } from '../../src/main/core/staff/pin-verifier.js';
import { verifyPortalAudit } from '../../src/portal/audit/portal-audit-verify.js';
import { staffListTrustAnchorsSchema, verifySignedStaffList, type StaffListDocument } from '../../src/shared/content/signed-staff-list.js';
import { PORTAL_ENDPOINTS, PORTAL_HEADERS, portalErrorSchema } from '../../src/shared/contract/portal.js';
import {
  ISSUED_PIN_DIGITS,
  pinIssuedSchema,
  staffPageSchema,
  staffRefusedSchema,
  staffStateChangedSchema,
  type CreateStaffRequest,
  type StaffRefusalCode,
} from '../../src/shared/contract/staff-page.js';
import { expectListedRefusal } from './contract-answers.js';
import { asPage, useFleetPortal, type FleetEnv } from './fleet-support.js';
import { bearer, send, STORE_KINDS, type Answer } from './support.js';

const DEMO_KEY_FILE = 'resources/demo-keys/demo-staff-list-2026.private.json';
const trustAnchors = staffListTrustAnchorsSchema.parse(JSON.parse(readFileSync('resources/trust/staff-list-keys.json', 'utf8')));

export const STAFF_PATHS = {
  list: PORTAL_ENDPOINTS.staffList.path({}),
  search: PORTAL_ENDPOINTS.searchStaff.path({}),
  create: PORTAL_ENDPOINTS.createStaff.path({}),
  state: PORTAL_ENDPOINTS.setStaffState.path({}),
  pinReset: PORTAL_ENDPOINTS.resetStaffPin.path({}),
} as const;

const clerk = (overrides: Partial<CreateStaffRequest> = {}): CreateStaffRequest => ({
  officeCode: 'BSK',
  staffId: '1001',
  displayName: 'Айгүл Токтогулова',
  roles: ['clerk'],
  cardNumber: '9417000000001001',
  ...overrides,
});

/** The kiosk's office list as a kiosk of that office takes it: verified against the kiosks' trust file. */
async function kioskList(env: FleetEnv, token: string, officeCode = 'BSK', currentVersion: number | null = null): Promise<{ answer: Answer; list: StaffListDocument }> {
  const answer = await send(env.portal.url, { path: STAFF_PATHS.list, headers: bearer(token) });
  expect(answer.status, answer.text.slice(0, 200)).toBe(200);
  return { answer, list: await verifySignedStaffList(answer.json(), { trustAnchors, officeCode, currentVersion }) };
}

const refusalOf = (answer: Answer): [number, StaffRefusalCode] => [answer.status, staffRefusedSchema.parse(answer.json()).error.reason];

describe.each(STORE_KINDS)('the staff page and the kiosks’ staff list (%s)', (kind) => {
  const { start } = useFleetPortal(kind);

  it('creates, lists, disables, enables and resets a PIN; each change raises the version and re-signs the list of active records', async () => {
    const env = await start({ staffListKeyFile: DEMO_KEY_FILE });
    const url = env.portal.url;
    const bsk1 = await env.issue('BSK1');
    const admin = env.administrator;

    const created = await asPage(url, admin, STAFF_PATHS.create, clerk());
    expect(created.status, created.text).toBe(201);
    const issued = pinIssuedSchema.parse(created.json());
    expect(issued.pin).toMatch(new RegExp(`^\\d{${ISSUED_PIN_DIGITS}}$`));
    expect(issued).toMatchObject({ listVersion: 1, member: { officeCode: 'BSK', staffId: '1001', state: 'active', cardNumber: '9417000000001001', roles: ['clerk'] } });
    const stored = (await env.store.staff.record({ officeCode: 'BSK', staffId: '1001' }))!;
    // The kiosk's own verifier takes the PIN the answer gave, and only it.
    expect(await verifyPin(issued.pin, stored.pinHash)).toBe(true);
    expect(await verifyPin(issued.pin === '000000' ? '000001' : '000000', stored.pinHash)).toBe(false);

    const second = pinIssuedSchema.parse((await asPage(url, admin, STAFF_PATHS.create, clerk({ staffId: '2001', displayName: 'Бакыт Садыков', roles: ['technician'], cardNumber: undefined }))).json());
    expect(second.listVersion).toBe(2);
    // Another office's staff have their own version.
    expect(pinIssuedSchema.parse((await asPage(url, admin, STAFF_PATHS.create, clerk({ officeCode: 'NRN' }))).json()).listVersion).toBe(1);

    const search = await asPage(url, admin, STAFF_PATHS.search, { officeCode: 'BSK' });
    expect(search.status).toBe(200);
    const page = staffPageSchema.parse(search.json());
    expect(page.publishing).toBe(true);
    expect(page.staff.map((member) => member.staffId)).toEqual(['1001', '2001']);
    expect(page.lists).toEqual([{ officeCode: 'BSK', version: 2, issuedAt: expect.any(String) as string }]);
    // Never a PIN or its hash on the page.
    expect(search.text).not.toContain(issued.pin);
    expect(search.text).not.toContain(stored.pinHash.hash);
    expect(search.text).not.toContain('pinHash');
    expect(staffPageSchema.parse((await asPage(url, admin, STAFF_PATHS.search, {})).json()).staff).toHaveLength(3);

    const first = await kioskList(env, bsk1);
    expect(first.list).toMatchObject({ officeCode: 'BSK', version: 2 });
    expect(first.list.staff.map((record) => record.staffId)).toEqual(['1001', '2001']);
    expect(first.list.staff[0]).toEqual({ staffId: '1001', displayName: 'Айгүл Токтогулова', roles: ['clerk'], cardNumber: '9417000000001001', pinHash: stored.pinHash });
    expect(first.list.staff[1]).not.toHaveProperty('cardNumber');
    const etag = first.answer.headers.etag!;
    expect(etag).toBe('"staff-BSK-2"');
    const unchanged = await send(url, { path: STAFF_PATHS.list, headers: { ...bearer(bsk1), 'If-None-Match': etag } });
    expect([unchanged.status, unchanged.text, unchanged.headers.etag]).toEqual([304, '', etag]);

    const disabled = await asPage(url, admin, STAFF_PATHS.state, { officeCode: 'BSK', staffId: '2001', state: 'disabled' });
    expect(disabled.status, disabled.text).toBe(200);
    expect(staffStateChangedSchema.parse(disabled.json())).toMatchObject({ listVersion: 3, member: { staffId: '2001', state: 'disabled' } });
    // The ETag the kiosk has no longer matches: a new list, without the disabled member.
    expect((await send(url, { path: STAFF_PATHS.list, headers: { ...bearer(bsk1), 'If-None-Match': etag } })).status).toBe(200);
    const afterDisable = await kioskList(env, bsk1, 'BSK', 2);
    expect(afterDisable.list.version).toBe(3);
    expect(afterDisable.list.staff.map((record) => record.staffId)).toEqual(['1001']);
    // Disabling again changes nothing: the same version, no new list.
    expect(staffStateChangedSchema.parse((await asPage(url, admin, STAFF_PATHS.state, { officeCode: 'BSK', staffId: '2001', state: 'disabled' })).json()).listVersion).toBe(3);

    const enabled = staffStateChangedSchema.parse((await asPage(url, admin, STAFF_PATHS.state, { officeCode: 'BSK', staffId: '2001', state: 'active' })).json());
    expect(enabled).toMatchObject({ listVersion: 4, member: { state: 'active' } });
    expect((await kioskList(env, bsk1, 'BSK', 3)).list.staff.map((record) => record.staffId)).toEqual(['1001', '2001']);

    const reset = await asPage(url, admin, STAFF_PATHS.pinReset, { officeCode: 'BSK', staffId: '1001' });
    expect(reset.status, reset.text).toBe(200);
    const newPin = pinIssuedSchema.parse(reset.json());
    expect(newPin.listVersion).toBe(5);
    const resetRecord = (await env.store.staff.record({ officeCode: 'BSK', staffId: '1001' }))!;
    expect(resetRecord.pinHash.salt).not.toBe(stored.pinHash.salt);
    expect(await verifyPin(newPin.pin, resetRecord.pinHash)).toBe(true);
    const afterReset = await kioskList(env, bsk1, 'BSK', 4);
    expect(afterReset.list.staff[0]!.pinHash).toEqual(resetRecord.pinHash);
    expect(afterReset.answer.headers.etag).toBe('"staff-BSK-5"');
  });

  it('refuses a taken staff id, a taken card (also when enabling a record whose card was given away meanwhile) and an unknown member, changing nothing', async () => {
    const env = await start({ staffListKeyFile: DEMO_KEY_FILE });
    const url = env.portal.url;
    const admin = env.administrator;
    expect((await asPage(url, admin, STAFF_PATHS.create, clerk())).status).toBe(201);

    const sameId = await asPage(url, admin, STAFF_PATHS.create, clerk({ cardNumber: '9417000000009999' }));
    const sameCard = await asPage(url, admin, STAFF_PATHS.create, clerk({ staffId: '1002' }));
    expect(refusalOf(sameId)).toEqual([409, 'STAFF_ID_TAKEN']);
    expect(refusalOf(sameCard)).toEqual([409, 'CARD_TAKEN']);
    // The same card in another office is another card holder's business.
    expect((await asPage(url, admin, STAFF_PATHS.create, clerk({ officeCode: 'NRN', staffId: '1002' }))).status).toBe(201);

    // Disabled, 1001 keeps its id (a new record may not take it) but frees its card.
    expect((await asPage(url, admin, STAFF_PATHS.state, { officeCode: 'BSK', staffId: '1001', state: 'disabled' })).status).toBe(200);
    expect(refusalOf(await asPage(url, admin, STAFF_PATHS.create, clerk({ cardNumber: undefined })))).toEqual([409, 'STAFF_ID_TAKEN']);
    expect((await asPage(url, admin, STAFF_PATHS.create, clerk({ staffId: '1003' }))).status).toBe(201);
    const reEnable = await asPage(url, admin, STAFF_PATHS.state, { officeCode: 'BSK', staffId: '1001', state: 'active' });
    expect(refusalOf(reEnable)).toEqual([409, 'CARD_TAKEN']);

    const unknown = [
      await asPage(url, admin, STAFF_PATHS.state, { officeCode: 'BSK', staffId: '4040', state: 'disabled' }),
      await asPage(url, admin, STAFF_PATHS.pinReset, { officeCode: 'BSK', staffId: '4040' }),
      await asPage(url, admin, STAFF_PATHS.pinReset, { officeCode: 'ASH', staffId: '1001' }),
    ];
    expect(unknown.map(refusalOf)).toEqual(Array(3).fill([404, 'STAFF_NOT_FOUND']));
    for (const [name, answer] of [['createStaff', sameId], ['createStaff', sameCard], ['setStaffState', reEnable], ['setStaffState', unknown[0]!], ['resetStaffPin', unknown[1]!]] as const) {
      expectListedRefusal(name, answer);
    }

    // Only the four changes that were made raised BSK's version: create, disable, create 1003 (refusals roll back).
    const page = staffPageSchema.parse((await asPage(url, admin, STAFF_PATHS.search, { officeCode: 'BSK' })).json());
    expect(page.lists.map((list) => list.version)).toEqual([3]);
    expect(page.staff.map((member) => [member.staffId, member.state])).toEqual([
      ['1001', 'disabled'],
      ['1003', 'active'],
    ]);
  });

  it('writes each change to the portal’s audit trail with the administrator and the member, never the PIN, and the trail verifies', async () => {
    const env = await start({ staffListKeyFile: DEMO_KEY_FILE });
    const url = env.portal.url;
    const admin = env.administrator;
    const created = pinIssuedSchema.parse((await asPage(url, admin, STAFF_PATHS.create, clerk())).json());
    await asPage(url, admin, STAFF_PATHS.state, { officeCode: 'BSK', staffId: '1001', state: 'disabled' });
    await asPage(url, admin, STAFF_PATHS.state, { officeCode: 'BSK', staffId: '1001', state: 'active' });
    const reset = pinIssuedSchema.parse((await asPage(url, admin, STAFF_PATHS.pinReset, { officeCode: 'BSK', staffId: '1001' })).json());
    // Refused and unchanged requests record nothing.
    await asPage(url, admin, STAFF_PATHS.create, clerk());
    await asPage(url, admin, STAFF_PATHS.state, { officeCode: 'BSK', staffId: '1001', state: 'active' });

    const entries = await env.store.portalAudit.entries(0, 50);
    // The administrator's account, as the trail names every back office act.
    const actor = entries[0]!.actor;
    expect(actor).toMatch(/^user:\d+$/);
    expect(entries.map((entry) => [entry.kind, entry.actor, entry.subject, entry.details])).toEqual([
      ['staff_created', actor, 'staff:BSK/1001', { officeCode: 'BSK', staffId: '1001', listVersion: 1 }],
      ['staff_disabled', actor, 'staff:BSK/1001', { officeCode: 'BSK', staffId: '1001', listVersion: 2 }],
      ['staff_enabled', actor, 'staff:BSK/1001', { officeCode: 'BSK', staffId: '1001', listVersion: 3 }],
      ['staff_pin_reset', actor, 'staff:BSK/1001', { officeCode: 'BSK', staffId: '1001', listVersion: 4 }],
    ]);
    const trail = JSON.stringify(entries);
    for (const secret of [created.pin, reset.pin, '9417000000001001', 'Айгүл']) expect(trail).not.toContain(secret);
    expect(await verifyPortalAudit(env.store.portalAudit)).toMatchObject({ ok: true, entries: 4 });
  });

  it('without a staff-list key keeps and versions the changes, says it publishes nothing, and answers kiosks 404', async () => {
    const env = await start();
    const bsk1 = await env.issue('BSK1');
    const created = await asPage(env.portal.url, env.administrator, STAFF_PATHS.create, clerk());
    expect(pinIssuedSchema.parse(created.json()).listVersion).toBe(1);
    const page = staffPageSchema.parse((await asPage(env.portal.url, env.administrator, STAFF_PATHS.search, {})).json());
    expect([page.publishing, page.staff.length, page.lists[0]?.version]).toEqual([false, 1, 1]);
    expect((await env.store.staff.list('BSK'))?.signed).toBeNull();
    const answer = await send(env.portal.url, { path: STAFF_PATHS.list, headers: bearer(bsk1) });
    expect([answer.status, portalErrorSchema.parse(answer.json()).error.code]).toEqual([404, 'NOT_FOUND']);
    expectListedRefusal('staffList', answer);
  });

  it('answers a kiosk only its own office’s list: 404 for an office with none, 401 without a credential, 403 for a revoked one', async () => {
    const env = await start({ staffListKeyFile: DEMO_KEY_FILE });
    const [bsk1, nrn1, ash1] = [await env.issue('BSK1'), await env.issue('NRN1'), await env.issue('ASH1')];
    await asPage(env.portal.url, env.administrator, STAFF_PATHS.create, clerk());
    await asPage(env.portal.url, env.administrator, STAFF_PATHS.create, clerk({ officeCode: 'NRN', staffId: '5005', cardNumber: undefined }));
    expect((await kioskList(env, bsk1)).list.staff.map((record) => record.staffId)).toEqual(['1001']);
    expect((await kioskList(env, nrn1, 'NRN')).list.staff.map((record) => record.staffId)).toEqual(['5005']);
    const none = await send(env.portal.url, { path: STAFF_PATHS.list, headers: bearer(ash1) });
    expect(none.status).toBe(404);
    const anonymous = await send(env.portal.url, { path: STAFF_PATHS.list });
    expect([anonymous.status, anonymous.headers[PORTAL_HEADERS.wwwAuthenticate]]).toEqual([401, 'Bearer realm="kyzmat-portal"']);
    await env.store.revokeCredential('BSK1', new Date());
    const revoked = await send(env.portal.url, { path: STAFF_PATHS.list, headers: bearer(bsk1) });
    expect(revoked.status).toBe(403);
    for (const answer of [none, anonymous, revoked]) expectListedRefusal('staffList', answer);
  });

  it('is for administrators: an officer, a call without the CSRF token or from another site, and nobody signed in are refused each action, and nothing changes', async () => {
    const env = await start({ staffListKeyFile: DEMO_KEY_FILE });
    const url = env.portal.url;
    expect((await asPage(url, env.administrator, STAFF_PATHS.create, clerk())).status).toBe(201);
    const actions: [keyof typeof STAFF_PATHS, 'searchStaff' | 'createStaff' | 'setStaffState' | 'resetStaffPin', unknown][] = [
      ['search', 'searchStaff', {}],
      ['create', 'createStaff', clerk({ staffId: '1002', cardNumber: undefined })],
      ['state', 'setStaffState', { officeCode: 'BSK', staffId: '1001', state: 'disabled' }],
      ['pinReset', 'resetStaffPin', { officeCode: 'BSK', staffId: '1001' }],
    ];
    for (const [path, name, body] of actions) {
      const refusals = [
        await asPage(url, env.officer, STAFF_PATHS[path], body),
        await asPage(url, env.administrator, STAFF_PATHS[path], body, { 'X-CSRF-Token': undefined }),
        await asPage(url, env.administrator, STAFF_PATHS[path], body, { 'X-CSRF-Token': 'not-the-token' }),
        await asPage(url, env.administrator, STAFF_PATHS[path], body, { Origin: 'https://elsewhere.example', 'Sec-Fetch-Site': 'cross-site' }),
      ];
      expect(refusals.map((answer) => [answer.status, portalErrorSchema.parse(answer.json()).error.code]), name).toEqual(Array(4).fill([403, 'FORBIDDEN']));
      const signedOut = await send(url, { method: 'POST', path: STAFF_PATHS[path], headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      expect(signedOut.status, name).toBe(401);
      for (const answer of [...refusals, signedOut]) expectListedRefusal(name, answer);
    }
    const record = await env.store.staff.record({ officeCode: 'BSK', staffId: '1001' });
    expect(record?.state).toBe('active');
    expect((await env.store.staff.search(undefined)).staff).toHaveLength(1);
    expect((await env.store.staff.list('BSK'))?.version).toBe(1);
    expect(await env.store.portalAudit.entries(0, 10)).toHaveLength(1);
  });

  it('refuses bodies that are not staff requests (400), before anything is stored', async () => {
    const env = await start({ staffListKeyFile: DEMO_KEY_FILE });
    const url = env.portal.url;
    const bad = [
      await asPage(url, env.administrator, STAFF_PATHS.create, { ...clerk(), staffId: '12' }),
      await asPage(url, env.administrator, STAFF_PATHS.create, { ...clerk(), roles: [] }),
      await asPage(url, env.administrator, STAFF_PATHS.create, { ...clerk(), displayName: 'a\u0000b' }),
      await asPage(url, env.administrator, STAFF_PATHS.create, { ...clerk(), pin: '123456' }),
      await asPage(url, env.administrator, STAFF_PATHS.state, { officeCode: 'BSK', staffId: '1001', state: 'gone' }),
      await asPage(url, env.administrator, STAFF_PATHS.pinReset, { officeCode: 'bsk', staffId: '1001' }),
    ];
    expect(bad.map((answer) => answer.status)).toEqual(Array(6).fill(400));
    expect((await env.store.staff.search(undefined)).staff).toEqual([]);
  });
});
