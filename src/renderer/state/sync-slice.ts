import type { KioskApi } from '../../shared/contract/ipc.js';
import type { SliceCreator, SyncSlice } from './types.js';

/**
 * Delivery state for staff (attract indicator, service panel). Loaded once when a screen showing
 * it opens; after that the host pushes every change, so nothing polls.
 */
export const createSyncSlice =
  (host: KioskApi): SliceCreator<SyncSlice> =>
  (set, get) => {
    // A load answered after an event carries an older state than the event: it is dropped.
    let eventsSeen = 0;
    return {
      syncStatus: undefined,
      loadSyncStatus: async () => {
        const eventsBefore = eventsSeen;
        const result = await host.getSyncStatus({});
        if (result.ok && eventsSeen === eventsBefore) set({ syncStatus: result.value });
      },
      syncStatusChanged: (syncStatus) => {
        eventsSeen += 1;
        set({ syncStatus });
      },
      syncNow: async () => {
        await host.syncNow({});
        await get().loadSyncStatus();
      },
    };
  };
