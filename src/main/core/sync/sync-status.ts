import type { KioskAlarm } from '../../../shared/contract/kiosk-alarms.js';
import type { SyncStatusView } from '../../../shared/contract/ipc.js';
import type { Outbox } from '../applications/outbox.js';
import type { AuditAlarm } from './audit-upload.js';
import type { SyncEngine, SyncStatus } from './sync-engine.js';

const NOT_CONFIGURED: SyncStatus = { state: 'not-configured', online: null, lastSyncAt: null, lastError: null, pausedReason: null };

/** Delivery as staff see it: the engine's state joined with the outbox's counts, and an audit chain the portal refused. */
export function syncStatusOf(
  outbox: Outbox,
  engine: SyncEngine | undefined,
  now: Date,
  auditAlarm: AuditAlarm | null = null,
  kioskAlarms: KioskAlarm[] = [],
): SyncStatusView {
  return { ...(engine?.status() ?? NOT_CONFIGURED), ...outbox.counts(now), auditAlarm, kioskAlarms };
}

/**
 * Passes a status on only when it differs from the last one passed on: the age of the oldest
 * application ticks every second and is not a change staff need to be told about.
 */
export function onlyChanges(emit: (status: SyncStatusView) => void): (status: SyncStatusView) => void {
  let lastKey = '';
  return (status) => {
    const key = JSON.stringify({ ...status, oldestQueuedAgeSeconds: status.oldestQueuedAgeSeconds === null });
    if (key === lastKey) return;
    lastKey = key;
    emit(status);
  };
}
