import { ok } from '../../../shared/contract/result.js';
import type { HandlersFor } from '../handlers.js';
import type { SyncEngine } from './sync-engine.js';
import type { SyncStatusReporter } from './sync-status.js';

/** Staff's view of delivery on the service panel, and their "send now". */
export function syncHandlers(reporter: SyncStatusReporter, engine: SyncEngine | undefined): HandlersFor<'getSyncStatus' | 'syncNow'> {
  return {
    getSyncStatus: () => ok(reporter.current()),
    syncNow: () => {
      engine?.syncNow();
      return ok({});
    },
  };
}
