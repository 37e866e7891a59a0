import { describe, expect, it } from 'vitest';
import type { ChannelResponse } from '../../../../src/shared/contract/ipc.js';
import { ok } from '../../../../src/shared/contract/result.js';
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
});
