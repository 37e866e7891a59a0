import { describe, expect, it } from 'vitest';
import type { SyncStatusView } from '../../../../src/shared/contract/ipc.js';
import { ok, type Result } from '../../../../src/shared/contract/result.js';
import { followHostEvents } from '../../../../src/renderer/state/store.js';
import { deferred, fakeHost, settle, storeWith, syncStatus } from './fake-host.js';

describe('sync slice', () => {
  it('follows a syncStatusChanged event into the attract indicator state, until unsubscribed', () => {
    const host = fakeHost();
    const store = storeWith(host.api);
    const stop = followHostEvents(store, host.api);

    host.emit('syncStatusChanged', syncStatus({ state: 'paused', pausedReason: 'credential refused', queued: 4 }));
    expect(store.getState().syncStatus).toMatchObject({ state: 'paused', pausedReason: 'credential refused', queued: 4 });

    stop();
    host.emit('syncStatusChanged', syncStatus({ state: 'idle', queued: 0 }));
    expect(store.getState().syncStatus?.state).toBe('paused');
  });

  it('loads the status once and asks the host nothing more while it waits for events', async () => {
    const host = fakeHost({ getSyncStatus: () => ok(syncStatus({ state: 'sending', queued: 2 })) });
    const store = storeWith(host.api);
    followHostEvents(store, host.api);
    await store.getState().loadSyncStatus();
    expect(store.getState().syncStatus).toMatchObject({ state: 'sending', queued: 2 });

    host.emit('syncStatusChanged', syncStatus({ state: 'idle', queued: 0, delivered: 2 }));
    await new Promise((done) => setTimeout(done, 50));
    expect(store.getState().syncStatus).toMatchObject({ state: 'idle', queued: 0, delivered: 2 });
    expect(host.callsTo('getSyncStatus')).toHaveLength(1);
  });

  it('drops a load answered after an event, which would carry an older state', async () => {
    const answer = deferred<Result<SyncStatusView>>();
    const host = fakeHost({ getSyncStatus: () => answer.promise });
    const store = storeWith(host.api);
    followHostEvents(store, host.api);
    const loading = store.getState().loadSyncStatus();
    await settle();
    host.emit('syncStatusChanged', syncStatus({ state: 'idle', quarantined: 1 }));
    answer.resolve(ok(syncStatus({ state: 'sending', quarantined: 0 })));
    await loading;
    expect(store.getState().syncStatus).toMatchObject({ state: 'idle', quarantined: 1 });
  });

  it('keeps the last known status when a load fails', async () => {
    const host = fakeHost();
    const store = storeWith(host.api);
    followHostEvents(store, host.api);
    host.emit('syncStatusChanged', syncStatus({ state: 'waiting', queued: 7 }));
    await store.getState().loadSyncStatus();
    expect(store.getState().syncStatus).toMatchObject({ state: 'waiting', queued: 7 });
  });
});
