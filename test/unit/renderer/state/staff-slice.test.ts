import { describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../../../../src/shared/contract/result.js';
import { followHostEvents } from '../../../../src/renderer/state/store.js';
import { STAFF_KEEP_ALIVE_MS } from '../../../../src/renderer/state/staff-slice.js';
import { fakeHost, startedApplication, storeWith } from './fake-host.js';

const TECHNICIAN = { staffId: '2001', displayName: 'Бакыт Садыков', roles: ['technician' as const] };
const CLERK = { staffId: '1001', displayName: 'Айгүл Токтогулова', roles: ['clerk' as const] };

describe('staff slice', () => {
  it('opens the service panel for a technician and loads what it shows', async () => {
    const host = fakeHost({ signInStaff: () => ok(TECHNICIAN), getContentStatus: () => fail('UNAVAILABLE', 'not needed'), getSyncStatus: () => fail('UNAVAILABLE', 'not needed') });
    const store = storeWith(host.api);
    store.getState().openStaffSignIn();
    expect(store.getState().screen).toBe('staff-sign-in');

    await expect(store.getState().signInStaff({ staffId: '2001', pin: '135790' })).resolves.toBeUndefined();
    expect(store.getState().screen).toBe('service-panel');
    expect(store.getState().staff).toEqual(TECHNICIAN);
    expect(host.callsTo('getContentStatus')).toHaveLength(1);
  });

  it('sends a clerk to the clerk home, never to the service panel', async () => {
    const host = fakeHost({ signInStaff: () => ok(CLERK) });
    const store = storeWith(host.api);
    store.getState().openStaffSignIn();
    await store.getState().signInStaff({ cardNumber: '9417000000001001', pin: '246810' });
    expect(store.getState().screen).toBe('clerk-home');
    expect(host.callsTo('getContentStatus')).toEqual([]);
  });

  it('sends someone who is both clerk and technician to the clerk home, from which the service panel opens', async () => {
    const both = { staffId: '3001', displayName: 'Нурлан Абдыкеримов', roles: ['clerk' as const, 'technician' as const] };
    const host = fakeHost({ signInStaff: () => ok(both), getContentStatus: () => fail('UNAVAILABLE', 'not needed'), getSyncStatus: () => fail('UNAVAILABLE', 'not needed') });
    const store = storeWith(host.api);
    await store.getState().signInStaff({ staffId: '3001', pin: '314159' });
    expect(store.getState().screen).toBe('clerk-home');
    store.getState().openServicePanel();
    expect(store.getState().screen).toBe('service-panel');
  });

  it('hands a refusal back to the sign-in screen and stays there, signed out', async () => {
    const host = fakeHost({ signInStaff: () => fail('WRONG_PIN', 'the staff id or PIN is wrong', { attemptsLeft: 3 }) });
    const store = storeWith(host.api);
    store.getState().openStaffSignIn();
    await expect(store.getState().signInStaff({ staffId: '2001', pin: '000000' })).resolves.toMatchObject({ code: 'WRONG_PIN', details: { attemptsLeft: 3 } });
    expect(store.getState().screen).toBe('staff-sign-in');
    expect(store.getState().staff).toBeUndefined();
  });

  it('signs out on the host and returns to the attract screen', async () => {
    const host = fakeHost({ signInStaff: () => ok(CLERK), signOutStaff: () => ok({}) });
    const store = storeWith(host.api);
    await store.getState().signInStaff({ staffId: '1001', pin: '246810' });
    await store.getState().signOutStaff();
    expect(store.getState().screen).toBe('attract');
    expect(store.getState().staff).toBeUndefined();
    expect(host.callsTo('signOutStaff')).toEqual([{ reason: 'signed-out' }]);
  });

  it('keeps a card read on the attract screen for the sign-in screen until the visit ends', () => {
    const store = storeWith(fakeHost().api);
    store.getState().openStaffSignIn('9417000000001001');
    expect(store.getState()).toMatchObject({ screen: 'staff-sign-in', staffSignInCard: '9417000000001001' });
    store.getState().endVisit();
    expect(store.getState().staffSignInCard).toBeUndefined();
    store.getState().openStaffSignIn();
    expect(store.getState().staffSignInCard).toBeUndefined();
  });

  it('ends a clerk-assisted visit on the clerk home, in the clerk’s language, with the visitor’s choices gone and the clerk still signed in', async () => {
    const host = fakeHost({ signInStaff: () => ok(CLERK) });
    const store = storeWith(host.api);
    store.getState().openStaffSignIn();
    store.getState().chooseStaffLanguage('ru');
    await store.getState().signInStaff({ staffId: '1001', pin: '246810' });
    store.getState().helpVisitor();
    expect(store.getState().screen).toBe('language');
    store.getState().chooseLanguage('en');
    store.getState().toggleLargeText();
    store.getState().endVisit();
    expect(store.getState()).toMatchObject({ screen: 'clerk-home', language: 'ru', largeText: false, staff: CLERK });
    expect(host.callsTo('signOutStaff')).toEqual([]);
  });

  it('"Next visitor" asks first, then forgets the application on screen and starts the next visit with the clerk signed in', async () => {
    const host = fakeHost({ signInStaff: () => ok(CLERK), cancelApplication: () => ok({}) });
    const store = storeWith(host.api);
    await store.getState().signInStaff({ staffId: '1001', pin: '246810' });
    store.getState().helpVisitor();
    store.setState({
      screen: 'application',
      application: { phase: 'question', started: startedApplication, answers: { lastName: 'Асанов' }, shownIssues: [], refusedContinues: 0, returnToCheck: false, print: { status: 'idle' } },
    });
    store.getState().requestNextVisitor();
    expect(store.getState().confirmingNextVisitor).toBe(true);
    store.getState().cancelNextVisitor();
    expect(store.getState().application?.answers).toEqual({ lastName: 'Асанов' });

    store.getState().requestNextVisitor();
    store.getState().nextVisitor();
    expect(store.getState()).toMatchObject({ screen: 'language', confirmingNextVisitor: false, staff: CLERK });
    expect(store.getState().application).toBeUndefined();
    // The host forgets the started application too, so nothing of it waits there for the next visitor.
    expect(host.callsTo('cancelApplication')).toEqual([{ applicationId: startedApplication.applicationId }]);
  });

  it('the clerk’s idle timer signs out on the host as an idle timeout and leaves nothing on screen', async () => {
    const host = fakeHost({ signInStaff: () => ok(CLERK), signOutStaff: () => ok({}) });
    const store = storeWith(host.api);
    await store.getState().signInStaff({ staffId: '1001', pin: '246810' });
    store.getState().helpVisitor();
    await store.getState().staffIdleTimedOut();
    expect(store.getState()).toMatchObject({ screen: 'attract', staff: undefined });
    expect(host.callsTo('signOutStaff')).toEqual([{ reason: 'idle-timeout' }]);
  });

  it('asks the host at most every 30 s whether the session lives, and wipes when the host has ended it', async () => {
    let session: typeof CLERK | null = CLERK;
    const host = fakeHost({ signInStaff: () => ok(CLERK), getStaffSession: () => ok(session) });
    const store = storeWith(host.api);
    const start = Date.now();
    vi.useFakeTimers({ now: start });
    try {
      await store.getState().signInStaff({ staffId: '1001', pin: '246810' });
      store.getState().helpVisitor();
      await store.getState().keepStaffSessionAlive();
      expect(host.callsTo('getStaffSession')).toHaveLength(0);
      vi.setSystemTime(start + STAFF_KEEP_ALIVE_MS);
      await store.getState().keepStaffSessionAlive();
      await store.getState().keepStaffSessionAlive();
      expect(host.callsTo('getStaffSession')).toHaveLength(1);
      expect(store.getState().staff).toEqual(CLERK);

      session = null;
      vi.setSystemTime(start + 2 * STAFF_KEEP_ALIVE_MS);
      await store.getState().keepStaffSessionAlive();
      expect(store.getState()).toMatchObject({ screen: 'attract', staff: undefined });
    } finally {
      vi.useRealTimers();
    }
  });

  it('follows the host’s word that it ended the session', async () => {
    const host = fakeHost({ signInStaff: () => ok(CLERK) });
    const store = storeWith(host.api);
    const stop = followHostEvents(store, host.api);
    await store.getState().signInStaff({ staffId: '1001', pin: '246810' });
    store.getState().openClerkQueue();
    host.emit('staffSessionEnded', { reason: 'staff-record-removed' });
    expect(store.getState()).toMatchObject({ screen: 'attract', staff: undefined });
    stop();
  });

  it('Back from the language screen of an assisted visit returns to the clerk home, not the attract screen that would sign the clerk out', async () => {
    const host = fakeHost({ signInStaff: () => ok(CLERK) });
    const store = storeWith(host.api);
    await store.getState().signInStaff({ staffId: '1001', pin: '246810' });
    store.getState().helpVisitor();
    store.getState().goBack();
    expect(store.getState()).toMatchObject({ screen: 'clerk-home', staff: CLERK });
  });
});
