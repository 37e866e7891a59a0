import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../../src/shared/contract/result.js';
import type { QueueView } from '../../../../src/shared/contract/ipc.js';
import { deferred, fakeHost, storeWith } from './fake-host.js';

const CLERK = { staffId: '1001', displayName: 'Айгүл Токтогулова', roles: ['clerk' as const] };
const QUEUE: QueueView = {
  applications: [
    {
      receiptNumber: 'BSK1-0002-7Q',
      serviceId: 'passport-id-card',
      serviceTitle: 'ID-карта',
      createdAt: '2026-12-02T09:00:00.000Z',
      state: 'queued',
      quarantineReason: null,
      assistedBy: { staffId: '1001', displayName: 'Айгүл Токтогулова' },
    },
  ],
  totalInQueue: 1,
  printer: 'pdf',
};

describe('clerk queue slice', () => {
  it('opens the queue in the clerk’s language and loads it with the sync status', async () => {
    const host = fakeHost({ signInStaff: () => ok(CLERK), listQueue: () => ok(QUEUE), getSyncStatus: () => fail('UNAVAILABLE', 'not needed') });
    const store = storeWith(host.api);
    store.getState().chooseStaffLanguage('en');
    await store.getState().signInStaff({ staffId: '1001', pin: '246810' });
    store.getState().openClerkQueue();
    expect(store.getState().screen).toBe('clerk-queue');
    await store.getState().loadClerkQueue();
    expect(store.getState().clerkQueue).toEqual({ status: 'ready', value: QUEUE });
    expect(host.callsTo('listQueue')).toContainEqual({ language: 'en' });
    expect(host.callsTo('getSyncStatus')).toHaveLength(1);
  });

  it('shows the host’s refusal as a failed load, for the screen to word', async () => {
    const host = fakeHost({ listQueue: () => fail('FORBIDDEN', 'no clerk') });
    const store = storeWith(host.api);
    store.setState({ screen: 'clerk-queue' });
    await store.getState().loadClerkQueue();
    expect(store.getState().clerkQueue).toEqual({ status: 'failed', error: 'FORBIDDEN' });
  });

  it('reprints through the host by receipt number only and keeps how each reprint went', async () => {
    const printed = deferred<ReturnType<typeof ok<{ outcome: 'saved'; file: string }>>>();
    const host = fakeHost({ printReceipt: () => printed.promise });
    const store = storeWith(host.api);
    store.setState({ screen: 'clerk-queue' });
    const reprint = store.getState().reprintReceipt('BSK1-0002-7Q');
    expect(store.getState().queueReprints['BSK1-0002-7Q']).toEqual({ status: 'printing' });
    printed.resolve(ok({ outcome: 'saved', file: 'receipt.pdf' }));
    await reprint;
    expect(store.getState().queueReprints['BSK1-0002-7Q']).toEqual({ status: 'done', outcome: 'saved' });
    expect(host.callsTo('printReceipt')).toEqual([{ receiptNumber: 'BSK1-0002-7Q' }]);
  });

  it('forgets the queue and its reprints when the session ends', async () => {
    const host = fakeHost({ signInStaff: () => ok(CLERK), signOutStaff: () => ok({}), listQueue: () => ok(QUEUE) });
    const store = storeWith(host.api);
    await store.getState().signInStaff({ staffId: '1001', pin: '246810' });
    store.getState().openClerkQueue();
    await store.getState().loadClerkQueue();
    await store.getState().signOutStaff();
    expect(store.getState().clerkQueue).toEqual({ status: 'idle' });
    expect(store.getState().queueReprints).toEqual({});
  });
});
