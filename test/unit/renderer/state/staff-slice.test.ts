import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../../src/shared/contract/result.js';
import { fakeHost, storeWith } from './fake-host.js';

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
    expect(host.callsTo('signOutStaff')).toEqual([{}]);
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
});
