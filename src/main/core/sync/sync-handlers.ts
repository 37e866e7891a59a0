import type { SyncStatusView } from '../../../shared/contract/ipc.js';
import { ok } from '../../../shared/contract/result.js';
import type { HandlersFor } from '../handlers.js';
import type { SyncEngine } from './sync-engine.js';

/** Staff's view of delivery on the service panel, and their "send now". */
export function syncHandlers(status: () => SyncStatusView, engine: SyncEngine | undefined): HandlersFor<'getSyncStatus' | 'syncNow'> {
  return {
    getSyncStatus: () => ok(status()),
    syncNow: () => {
      engine?.syncNow();
      return ok({});
    },
  };
}
