import { beforeAll, describe, expect, it } from 'vitest';
import type { StaffRecord } from '../../../../src/shared/content/staff-schema.js';
import { TEST_TECHNICIAN, TEST_TECHNICIAN_PIN } from '../../../support/staff-fixtures.js';
import { BOTH_ROLES_PIN, CLERK_PIN, testStaff, useStaffKiosk } from './staff-test-kiosk.js';

const staffKiosk = useStaffKiosk({ clerkIdleSeconds: 900 });

let clerk: StaffRecord;
let both: StaffRecord;
beforeAll(async () => {
  ({ clerk, both } = await testStaff());
});

const kinds = (entries: { kind: string; actor: string | null; details: unknown }[]) => entries.map(({ kind, actor, details }) => [kind, actor, details]);

describe('content applied while staff are signed in', () => {
  it('signs out a clerk whose record the new staff list no longer has, records why and tells the page', async () => {
    const k = staffKiosk([TEST_TECHNICIAN, clerk]);
    await k.router.handle('signInStaff', { staffId: '1001', pin: CLERK_PIN });
    k.applyContentWith([TEST_TECHNICIAN]);
    expect(await k.whoIsSignedIn()).toBeNull();
    expect(kinds(k.signOuts())).toEqual([['staff_sign_out', '1001', { reason: 'staff-record-removed' }]]);
    expect(k.told.filter((event) => event.name === 'staffSessionEnded')).toEqual([{ name: 'staffSessionEnded', payload: { reason: 'staff-record-removed' } }]);
  });

  it('signs out someone whose record lost a role they signed in with, and the service panel closes to them', async () => {
    const k = staffKiosk([TEST_TECHNICIAN, both]);
    await k.router.handle('signInStaff', { staffId: '3001', pin: BOTH_ROLES_PIN });
    expect(await k.router.handle('syncNow', {})).toMatchObject({ ok: true });
    k.applyContentWith([TEST_TECHNICIAN, { ...both, roles: ['clerk'] }]);
    expect(await k.router.handle('syncNow', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await k.whoIsSignedIn()).toBeNull();
    expect(kinds(k.signOuts())).toEqual([['staff_sign_out', '3001', { reason: 'role-removed' }]]);
    expect(k.told.filter((event) => event.name === 'staffSessionEnded')).toEqual([{ name: 'staffSessionEnded', payload: { reason: 'role-removed' } }]);
  });

  it('keeps the session when the record keeps every role it was signed in with, or only gains one', async () => {
    const k = staffKiosk([TEST_TECHNICIAN, clerk]);
    await k.router.handle('signInStaff', { staffId: '1001', pin: CLERK_PIN });
    k.applyContentWith([{ ...clerk, displayName: 'Айгүл Т.' }], 2);
    k.applyContentWith([{ ...clerk, roles: ['clerk', 'technician'] }], 3);
    expect(await k.whoIsSignedIn()).toBe('1001');
    // The role added later is not the session's until the clerk signs in again.
    expect(await k.router.handle('getContentStatus', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(k.signOuts()).toEqual([]);
    expect(k.told.filter((event) => event.name === 'staffSessionEnded')).toEqual([]);
  });

  it('signs out someone whose record now carries another PIN hash (a PIN reset), content or staff list alike', async () => {
    const k = staffKiosk([TEST_TECHNICIAN, clerk]);
    await k.router.handle('signInStaff', { staffId: '1001', pin: CLERK_PIN });
    const { clerk: rehashed } = await testStaff();
    k.applyContentWith([TEST_TECHNICIAN, rehashed]);
    expect(await k.whoIsSignedIn()).toBeNull();
    expect(kinds(k.signOuts())).toEqual([['staff_sign_out', '1001', { reason: 'pin-changed' }]]);
    expect(k.told.filter((event) => event.name === 'staffSessionEnded')).toEqual([{ name: 'staffSessionEnded', payload: { reason: 'pin-changed' } }]);

    // A signed staff list applied is announced as staffListUpdated; the session is checked the same way.
    await k.router.handle('signInStaff', { staffId: TEST_TECHNICIAN.staffId, pin: TEST_TECHNICIAN_PIN });
    k.applyStaffListWith([clerk]);
    expect(await k.whoIsSignedIn()).toBeNull();
    expect(kinds(k.signOuts()).at(-1)).toEqual(['staff_sign_out', TEST_TECHNICIAN.staffId, { reason: 'staff-record-removed' }]);
  });

  it('changes nothing when nobody is signed in', () => {
    const k = staffKiosk([TEST_TECHNICIAN, clerk]);
    k.applyContentWith([]);
    expect(k.entries()).toEqual([]);
    expect(k.told.map((event) => event.name)).toEqual(['contentUpdated']);
  });
});

describe('a sign-in while someone else is signed in', () => {
  it('signs the earlier one out first, so the trail shows one session at a time', async () => {
    const k = staffKiosk([TEST_TECHNICIAN, clerk]);
    await k.router.handle('signInStaff', { staffId: '1001', pin: CLERK_PIN });
    expect(await k.router.handle('signInStaff', { staffId: TEST_TECHNICIAN.staffId, pin: TEST_TECHNICIAN_PIN })).toMatchObject({ ok: true });
    expect(await k.whoIsSignedIn()).toBe(TEST_TECHNICIAN.staffId);
    expect(kinds(k.entries())).toEqual([
      ['staff_sign_in', '1001', { roles: ['clerk'], method: 'staff_id' }],
      ['staff_sign_out', '1001', { reason: 'signed-out' }],
      ['staff_sign_in', TEST_TECHNICIAN.staffId, { roles: ['technician'], method: 'staff_id' }],
    ]);
    // The page asked for the new sign-in: it is not told that a session ended.
    expect(k.told).toEqual([]);
  });

  it('keeps the earlier one signed in when the other\'s PIN is wrong', async () => {
    const k = staffKiosk([TEST_TECHNICIAN, clerk]);
    await k.router.handle('signInStaff', { staffId: '1001', pin: CLERK_PIN });
    expect(await k.router.handle('signInStaff', { staffId: TEST_TECHNICIAN.staffId, pin: '000000' })).toMatchObject({ ok: false, error: { code: 'WRONG_PIN' } });
    expect(await k.whoIsSignedIn()).toBe('1001');
    expect(k.signOuts()).toEqual([]);
  });

  it('records every role of the record signing in', async () => {
    const k = staffKiosk([both]);
    await k.router.handle('signInStaff', { staffId: '3001', pin: BOTH_ROLES_PIN });
    expect(kinds(k.entries())).toEqual([['staff_sign_in', '3001', { roles: ['clerk', 'technician'], method: 'staff_id' }]]);
  });
});
