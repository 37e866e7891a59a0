import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HeartbeatLoop, heartbeatOf } from '../../../../src/main/core/sync/heartbeat.js';
import { onlyChanges } from '../../../../src/main/core/sync/sync-status.js';
import type { SyncStatusView } from '../../../../src/shared/contract/ipc.js';

const STATUS: SyncStatusView = {
  state: 'waiting',
  online: true,
  lastSyncAt: '2026-12-01T10:00:00.000Z',
  lastError: null,
  pausedReason: null,
  queued: 2,
  quarantined: 1,
  delivered: 40,
  oldestQueuedAgeSeconds: 12.5,
};

describe('sync status pushed to staff', () => {
  it('passes on a status only when something staff see has changed, not the ticking age of the queue', () => {
    const pushed: SyncStatusView[] = [];
    const push = onlyChanges((status) => pushed.push(status));
    push(STATUS);
    push({ ...STATUS, oldestQueuedAgeSeconds: 13.5 });
    push({ ...STATUS, oldestQueuedAgeSeconds: 14.5 });
    expect(pushed).toHaveLength(1);
    push({ ...STATUS, queued: 3 });
    push({ ...STATUS, queued: 3, state: 'paused', pausedReason: 'FORBIDDEN' });
    push({ ...STATUS, queued: 0, oldestQueuedAgeSeconds: null });
    expect(pushed.map((status) => [status.queued, status.state])).toEqual([
      [2, 'waiting'],
      [3, 'waiting'],
      [3, 'paused'],
      [0, 'waiting'],
    ]);
  });
});

describe('heartbeat', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('reports the queue as delivery sees it, with the kiosk’s versions and printer', () => {
    expect(heartbeatOf(STATUS, { appVersion: '1.2.3', contentVersion: 4, printerState: 'pdf' })).toEqual({
      appVersion: '1.2.3',
      contentVersion: 4,
      printerState: 'pdf',
      queueDepth: 2,
      oldestQueuedAgeSeconds: 12.5,
      quarantined: 1,
      lastSyncAt: '2026-12-01T10:00:00.000Z',
    });
  });

  it('sends a fresh snapshot every interval until stopped', () => {
    let queued = 0;
    const sent: (number | null)[] = [];
    const loop = new HeartbeatLoop({
      intervalSeconds: 60,
      snapshot: () => heartbeatOf({ ...STATUS, queued: queued++ }, { appVersion: '1.0.0', contentVersion: null, printerState: 'ready' }),
      send: (beat) => Promise.resolve(void sent.push(beat.queueDepth)),
    });
    loop.start();
    vi.advanceTimersByTime(59_000);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(121_000);
    expect(sent).toEqual([0, 1, 2]);
    loop.stop();
    vi.advanceTimersByTime(600_000);
    expect(sent).toEqual([0, 1, 2]);
  });
});
