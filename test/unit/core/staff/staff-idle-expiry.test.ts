import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { HOST_IDLE_GRACE_SECONDS } from '../../../../src/main/core/staff/staff-idle-expiry.js';
import type { StaffRecord } from '../../../../src/shared/content/staff-schema.js';
import { TEST_TECHNICIAN, TEST_TECHNICIAN_PIN } from '../../../support/staff-fixtures.js';
import { CLERK_PIN, START, testStaff, useStaffKiosk } from './staff-test-kiosk.js';

const CLERK_IDLE_SECONDS = 300;
const HOST_LIMIT_MS = (CLERK_IDLE_SECONDS + HOST_IDLE_GRACE_SECONDS) * 1000;
const staffKiosk = useStaffKiosk({ clerkIdleSeconds: CLERK_IDLE_SECONDS });

let clerk: StaffRecord;
beforeAll(async () => {
  ({ clerk } = await testStaff());
});

afterEach(() => {
  vi.useRealTimers();
});

const kiosk = () => staffKiosk([TEST_TECHNICIAN, clerk]);

describe('a staff session the page stopped using', () => {
  it('ends on the host after the clerk idle time and its grace without a request, not a moment before', async () => {
    const k = kiosk();
    expect(await k.router.handle('signInStaff', { staffId: '1001', pin: CLERK_PIN })).toMatchObject({ ok: true });
    k.advance(HOST_LIMIT_MS - 1);
    expect(await k.whoIsSignedIn()).toBe('1001');
    expect(k.signOuts()).toEqual([]);

    // That request started the idle time again; a whole limit without one ends the session.
    k.advance(HOST_LIMIT_MS);
    expect(await k.whoIsSignedIn()).toBeNull();
    const expiredAt = new Date(START.getTime() + 2 * HOST_LIMIT_MS - 1).toISOString();
    expect(k.signOuts()).toMatchObject([{ actor: '1001', details: { reason: 'idle-timeout', expiredAt } }]);
    expect(k.told).toEqual([{ name: 'staffSessionEnded', payload: { reason: 'idle-timeout' } }]);
  });

  it('is kept by the page’s keep-alive and the staff’s own actions', async () => {
    const k = kiosk();
    await k.router.handle('signInStaff', { staffId: '1001', pin: CLERK_PIN });
    for (const channel of ['getStaffSession', 'syncNow', 'getStaffSession']) {
      k.advance(HOST_LIMIT_MS - 1000);
      await k.router.handle(channel, {});
    }
    k.advance(HOST_LIMIT_MS - 1000);
    expect(await k.whoIsSignedIn()).toBe('1001');
    expect(k.signOuts()).toEqual([]);
    expect(k.told).toEqual([]);
  });

  it('is not kept by requests the page sends by itself: a clerk who walked away does not stay signed in for the next visitors', async () => {
    const k = kiosk();
    await k.router.handle('signInStaff', { staffId: '1001', pin: CLERK_PIN });
    // The sync status on every event-stream connection, once a minute for longer than the limit.
    for (let minute = 0; minute < (2 * HOST_LIMIT_MS) / 60_000; minute++) {
      k.advance(60_000);
      await k.router.handle('getSyncStatus', {});
    }
    expect(k.signOuts()).toMatchObject([{ actor: '1001', details: { reason: 'idle-timeout' } }]);
    expect(await k.whoIsSignedIn()).toBeNull();
  });

  it('refuses the service panel to a technician whose session expired, as to nobody signed in', async () => {
    const k = kiosk();
    await k.router.handle('signInStaff', { staffId: TEST_TECHNICIAN.staffId, pin: TEST_TECHNICIAN_PIN });
    expect(await k.router.handle('syncNow', {})).toEqual({ ok: true, value: {} });
    k.advance(HOST_LIMIT_MS);
    expect(await k.router.handle('syncNow', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await k.router.handle('getContentStatus', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await k.whoIsSignedIn()).toBeNull();
    expect(k.signOuts()).toMatchObject([{ actor: TEST_TECHNICIAN.staffId, details: { reason: 'idle-timeout' } }]);
  });

  it('ends without any request once the page has closed, by the host\'s own check, and tells the page', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const k = kiosk();
    await k.router.handle('signInStaff', { staffId: '1001', pin: CLERK_PIN });
    k.advance(HOST_LIMIT_MS);
    expect(k.signOuts()).toEqual([]);
    vi.advanceTimersByTime(5_000);
    expect(k.signOuts()).toMatchObject([{ actor: '1001', details: { reason: 'idle-timeout', expiredAt: new Date(START.getTime() + HOST_LIMIT_MS).toISOString() } }]);
    expect(k.told).toEqual([{ name: 'staffSessionEnded', payload: { reason: 'idle-timeout' } }]);
  });

  it('is not ended twice, and a sign-out the page sends after the host ended it records nothing more', async () => {
    const k = kiosk();
    await k.router.handle('signInStaff', { staffId: '1001', pin: CLERK_PIN });
    k.advance(HOST_LIMIT_MS * 3);
    await k.router.handle('signOutStaff', { reason: 'idle-timeout' });
    await k.router.handle('getStaffSession', {});
    expect(k.signOuts()).toHaveLength(1);
    expect(k.signOuts()[0]?.details).toEqual({ reason: 'idle-timeout', expiredAt: new Date(START.getTime() + HOST_LIMIT_MS).toISOString() });
    expect(k.told).toHaveLength(1);
  });

  it('records a sign-out the page sends as the page said, without an expiry time and without telling the page', async () => {
    const k = kiosk();
    await k.router.handle('signInStaff', { staffId: '1001', pin: CLERK_PIN });
    k.advance(CLERK_IDLE_SECONDS * 1000);
    await k.router.handle('signOutStaff', { reason: 'idle-timeout' });
    expect(k.signOuts().map((entry) => entry.details)).toEqual([{ reason: 'idle-timeout' }]);
    expect(k.told).toEqual([]);
  });
});
