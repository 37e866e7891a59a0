import { describe, expect, it } from 'vitest';
import type { ContentStatus } from '../../../../src/shared/contract/ipc.js';
import { fail, ok } from '../../../../src/shared/contract/result.js';
import { followHostEvents } from '../../../../src/renderer/state/store.js';
import { fakeHost, settle, storeWith, syncStatus } from './fake-host.js';

const contentStatus = (patch: Partial<ContentStatus> = {}): ContentStatus => ({
  activeVersion: 3,
  activeKeyId: 'content-2026-a',
  signedWithDemoKey: false,
  expires: null,
  previousVersion: 2,
  portalUrl: null,
  lastCheckAt: null,
  download: { state: 'idle', receivedBytes: 0, totalBytes: 0 },
  events: [],
  ...patch,
});

describe('service panel slice', () => {
  it('loads content and sync status once on open, then follows contentStatusChanged', async () => {
    const host = fakeHost({ getContentStatus: () => ok(contentStatus()), getSyncStatus: () => ok(syncStatus({ queued: 1 })) });
    const store = storeWith(host.api);
    followHostEvents(store, host.api);
    store.getState().openServicePanel();
    await settle();
    expect(store.getState().contentStatus).toEqual({ status: 'ready', value: contentStatus() });
    expect(store.getState().syncStatus?.queued).toBe(1);

    const downloading = contentStatus({ download: { state: 'downloading', receivedBytes: 512, totalBytes: 2048 } });
    host.emit('contentStatusChanged', downloading);
    expect(store.getState().contentStatus).toEqual({ status: 'ready', value: downloading });
    expect(host.callsTo('getContentStatus')).toHaveLength(1);
  });

  it('stores the error code and no value when the content status cannot be loaded', async () => {
    const host = fakeHost({ getContentStatus: () => fail('INTERNAL', 'database is locked') });
    const store = storeWith(host.api);
    store.getState().openServicePanel();
    await settle();
    expect(store.getState().contentStatus).toEqual({ status: 'failed', error: 'INTERNAL' });
  });

  it('shows a refused action as failed with its error code', async () => {
    const host = fakeHost({ getContentStatus: () => ok(contentStatus()), importContentFromRemovableMedia: () => fail('UNAVAILABLE', 'no host') });
    const store = storeWith(host.api);
    store.getState().openServicePanel();
    await store.getState().importFromRemovableMedia();
    expect(store.getState().lastAction).toEqual({ kind: 'import', outcome: { outcome: 'failed', detail: 'UNAVAILABLE' } });
  });
});
