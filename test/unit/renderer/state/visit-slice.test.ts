import { describe, expect, it } from 'vitest';
import { ok } from '../../../../src/shared/contract/result.js';
import type { KioskState } from '../../../../src/renderer/state/types.js';
import { fakeHost, settle, startedApplication, storeWith } from './fake-host.js';

/** The state's data, without its actions. */
const dataOf = (state: KioskState) => Object.fromEntries(Object.entries(state).filter(([, value]) => typeof value !== 'function'));
/** Not the visitor's: the office, the delivery and content status stay for staff and the next visitor. */
const KIOSK_SCOPED = ['info', 'syncStatus', 'contentStatus'];
const withoutKioskScoped = (data: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(data).filter(([key]) => !KIOSK_SCOPED.includes(key)));

const VISIT_SCOPED = [
  'screen',
  'language',
  'categoryId',
  'serviceId',
  'returnScreen',
  'confirmingExit',
  'largeText',
  'highContrast',
  'categories',
  'services',
  'service',
  'searchQuery',
  'searchResults',
  'lookupQuery',
  'lookupResult',
  'lastAction',
  'application',
];

function hostForAWholeVisit() {
  return fakeHost({
    listCategories: () => ok([{ id: 'civil', icon: 'document', title: 'Гражданские', description: '', serviceCount: 1 }]),
    listServices: () => ok([]),
    getService: () => ok({} as never),
    searchServices: () => ok([]),
    lookupApplication: ({ receiptNumber }) => ok({ receiptNumber, serviceId: 'passport', status: 'received', reason: null, updatedAt: '2026-11-21T10:00:00Z', queuedHere: false }),
    checkForContentUpdate: () => ok({ outcome: 'unchanged' }),
    startApplication: () => ok(startedApplication),
    cancelApplication: () => ok({}),
  });
}

describe('visit slice', () => {
  it('endVisit sets every visit-scoped field back and forgets the answers', async () => {
    const host = hostForAWholeVisit();
    const store = storeWith(host.api);
    const initial = withoutKioskScoped(dataOf(store.getState()));
    const state = () => store.getState();

    state().startVisit();
    state().chooseLanguage('ru');
    state().openCategory('civil');
    state().openService('passport');
    state().setSearchQuery('паспорт');
    state().toggleLargeText();
    state().toggleHighContrast();
    state().setLookupQuery('ABCD-1234-EF');
    await state().runLookup();
    await state().checkForContentUpdate();
    await state().startApplication('passport');
    state().acceptConsent();
    state().setAnswer('fullName', 'Айгүл Асанова');
    state().changeLanguage();
    state().requestExit();
    await settle();

    const during = withoutKioskScoped(dataOf(state()));
    // The visit really touched every visit-scoped field, so the reset below is checked for each.
    expect(VISIT_SCOPED.filter((key) => JSON.stringify(during[key]) === JSON.stringify(initial[key]))).toEqual([]);
    expect(JSON.stringify(state())).toContain('Айгүл Асанова');

    state().endVisit();

    expect(withoutKioskScoped(dataOf(state()))).toEqual(initial);
    expect(JSON.stringify(state())).not.toContain('Айгүл Асанова');
    expect(host.callsTo('cancelApplication')).toEqual([{ applicationId: startedApplication.applicationId }]);
  });

  it('keeps what belongs to the kiosk when a visit ends', async () => {
    const host = fakeHost({ getKioskInfo: () => ok({ appVersion: '0.1.0', contentVersion: 3, officeName: null, support: null, officeAddress: null, payment: null, visitorIdleSeconds: 90, idleWarningSeconds: 20, clerkIdleSeconds: 900, demo: false }) });
    const store = storeWith(host.api);
    await store.getState().loadKioskInfo();
    store.getState().endVisit();
    expect(store.getState().info?.visitorIdleSeconds).toBe(90);
  });
});
