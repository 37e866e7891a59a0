import { describe, expect, it } from 'vitest';
import { ok } from '../../../../src/shared/contract/result.js';
import { reportVisits } from '../../../../src/renderer/state/store.js';
import { fakeHost, settle, storeWith } from './fake-host.js';

describe('what the page tells the host of visits', () => {
  it('says at the start there is none, then each opening and each end, once', async () => {
    const host = fakeHost({ reportVisit: () => ok({}) });
    const store = storeWith(host.api);
    const stop = reportVisits(store, host.api);
    expect(host.callsTo('reportVisit')).toEqual([{ open: false }]);

    store.getState().startVisit();
    store.getState().chooseLanguage('ru');
    store.getState().openCategory('civil');
    expect(host.callsTo('reportVisit')).toEqual([{ open: false }, { open: true }]);

    store.getState().endVisit();
    await settle();
    expect(host.callsTo('reportVisit')).toEqual([{ open: false }, { open: true }, { open: false }]);

    stop();
    store.getState().startVisit();
    expect(host.callsTo('reportVisit')).toHaveLength(3);
  });
});

describe('the service panel\'s update section', () => {
  it('loads where the kiosk\'s software update stands when the panel opens', async () => {
    const update = { state: 'ready' as const, version: '1.4.0', percent: null, lastCheckAt: null, window: { from: '02:00', to: '05:00' }, nightlyRestart: false };
    const host = fakeHost({ getUpdateStatus: () => ok(update) });
    const store = storeWith(host.api);
    store.getState().openServicePanel();
    await settle();
    expect(store.getState().updateStatus).toEqual({ status: 'ready', value: update });
  });
});
