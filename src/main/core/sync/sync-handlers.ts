import type { SyncStatusView } from '../../../shared/contract/ipc.js';
import { ok } from '../../../shared/contract/result.js';
import type { RecordAudit } from '../audit/audit-recorder.js';
import type { HandlersFor } from '../handlers.js';
import type { SyncEngine } from './sync-engine.js';

/** Staff's view of delivery on the service panel, and their "send now". */
export function syncHandlers(
  status: () => SyncStatusView,
  engine: SyncEngine | undefined,
  recordAudit?: RecordAudit,
  /** The staff member "send now" is recorded under (the signed-in technician), or null. */
  actor?: () => string | null,
): HandlersFor<'getSyncStatus' | 'syncNow'> {
  return {
    getSyncStatus: () => ok(status()),
    syncNow: () => {
      recordAudit?.({ kind: 'panel_action', actor: actor?.() ?? null, subject: null, details: { action: 'send-now' } });
      engine?.syncNow();
      return ok({});
    },
  };
}
