import { describe, expect, it } from 'vitest';
import type { ChannelResponse } from '../../../../src/shared/contract/ipc.js';
import { fail, ok } from '../../../../src/shared/contract/result.js';
import { MAX_LOOKUPS_PER_VISIT } from '../../../../src/renderer/state/lookup-slice.js';
import { fakeHost, storeWith } from './fake-host.js';

const service = (title: string) =>
  ({
    id: 'cloud-e-signature',
    categoryId: 'e-signature',
    title,
    summary: '',
    priceSom: 0,
    priceAssumed: false,
    processingDays: 1,
    processingAssumed: false,
    description: '',
    whoMayApply: '',
    agency: '',
    urgencyTiers: [],
    documents: [],
    samples: [],
  }) as unknown as ChannelResponse<'getService'>;

describe('lookup slice', () => {
  it('titles the looked-up application’s service in the visitor’s language', async () => {
    const host = fakeHost({
      lookupApplication: ({ receiptNumber }) => ok({ receiptNumber, serviceId: 'cloud-e-signature', status: 'ready-for-pickup', reason: null, updatedAt: '2026-12-01T10:00:00Z', queuedHere: false }),
      getService: ({ language }) => ok(service(language === 'ru' ? 'Облачная ЭЦП' : 'Cloud electronic signature')),
    });
    const store = storeWith(host.api);
    store.getState().chooseLanguage('ru');
    store.getState().openLookup();
    store.getState().setLookupQuery('DEV1-AB12-CD');
    await store.getState().runLookup();
    expect(store.getState().lookupResult.status).toBe('ready');
    expect(store.getState().lookupServiceTitle).toBe('Облачная ЭЦП');
    expect(host.callsTo('getService')).toEqual([{ language: 'ru', serviceId: 'cloud-e-signature' }]);
    // A new number forgets the old service.
    store.getState().setLookupQuery('DEV1-');
    expect(store.getState().lookupServiceTitle).toBeUndefined();
  });

  it('shows the status without a title when the catalogue does not know the service', async () => {
    const host = fakeHost({
      lookupApplication: ({ receiptNumber }) => ok({ receiptNumber, serviceId: 'retired-service', status: 'in-review', reason: null, updatedAt: '2026-12-01T10:00:00Z', queuedHere: false }),
    });
    const store = storeWith(host.api);
    store.getState().openLookup();
    store.getState().setLookupQuery('DEV1-AB12-CD');
    await store.getState().runLookup();
    expect(store.getState().lookupResult.status).toBe('ready');
    expect(store.getState().lookupServiceTitle).toBeUndefined();
  });

  it('asks the host about at most MAX_LOOKUPS_PER_VISIT numbers in one visit; reopening the screen gives none back, a new visit does', async () => {
    const host = fakeHost({ lookupApplication: () => fail('NOT_FOUND', 'no such number') });
    const store = storeWith(host.api);
    store.getState().openLookup();
    for (let index = 0; index < MAX_LOOKUPS_PER_VISIT; index++) {
      store.getState().setLookupQuery(`BSK1-0000-000${index % 10}-X`);
      await store.getState().runLookup();
    }
    expect(host.callsTo('lookupApplication')).toHaveLength(MAX_LOOKUPS_PER_VISIT);
    expect(store.getState().lookupsThisVisit).toBe(MAX_LOOKUPS_PER_VISIT);

    store.getState().goBack();
    store.getState().openLookup();
    store.getState().setLookupQuery('BSK1-7K4Q-2MXR-Q');
    await store.getState().runLookup();
    expect(host.callsTo('lookupApplication')).toHaveLength(MAX_LOOKUPS_PER_VISIT);
    expect(store.getState().lookupResult.status).toBe('idle');

    store.getState().endVisit();
    expect(store.getState().lookupsThisVisit).toBe(0);
    store.getState().openLookup();
    store.getState().setLookupQuery('BSK1-7K4Q-2MXR-Q');
    await store.getState().runLookup();
    expect(host.callsTo('lookupApplication')).toHaveLength(MAX_LOOKUPS_PER_VISIT + 1);
  });

  it('does not count a number the host refused as malformed, nor lose count when the portal limits the kiosk', async () => {
    let answer = fail('VALIDATION', 'not a receipt number');
    const host = fakeHost({ lookupApplication: () => answer });
    const store = storeWith(host.api);
    store.getState().openLookup();
    store.getState().setLookupQuery('BSK1-7K4Q');
    await store.getState().runLookup();
    expect(store.getState().lookupsThisVisit).toBe(0);
    answer = fail('RATE_LIMITED', 'the portal refuses more lookups for now');
    store.getState().setLookupQuery('BSK1-7K4Q-2MXR-Q');
    await store.getState().runLookup();
    expect(store.getState().lookupResult).toEqual({ status: 'failed', error: 'RATE_LIMITED' });
    expect(store.getState().lookupsThisVisit).toBe(1);
  });
});
