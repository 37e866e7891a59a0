import type { SyncStatusView } from '../../../shared/contract/ipc.js';
import type { Outbox } from '../applications/outbox.js';
import type { SyncEngine, SyncStatus } from './sync-engine.js';

const NOT_CONFIGURED: SyncStatus = { state: 'not-configured', online: null, lastSyncAt: null, lastError: null, pausedReason: null };

/**
 * Delivery as staff see it: the engine's state joined with the outbox's counts. `changed()` is
 * called whenever either may have moved; listeners hear only real changes (the age of the oldest
 * application ticks every second and is not one), so the page is told within a moment and never flooded.
 */
export class SyncStatusReporter {
  private lastKey = '';

  constructor(
    private readonly outbox: Outbox,
    private readonly engine: SyncEngine | undefined,
    private readonly clock: () => Date,
    private readonly onChange: (status: SyncStatusView) => void,
  ) {}

  current(): SyncStatusView {
    return { ...(this.engine?.status() ?? NOT_CONFIGURED), ...this.outbox.counts(this.clock()) };
  }

  changed(): void {
    const status = this.current();
    const key = JSON.stringify({ ...status, oldestQueuedAgeSeconds: status.oldestQueuedAgeSeconds === null });
    if (key === this.lastKey) return;
    this.lastKey = key;
    this.onChange(status);
  }
}
