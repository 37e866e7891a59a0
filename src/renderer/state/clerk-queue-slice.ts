import type { KioskApi } from '../../shared/contract/ipc.js';
import { idle, load } from './loadable.js';
import type { ClerkQueueSlice, SliceCreator, VisitScopedState } from './types.js';

export const clerkQueueVisitDefaults = { clerkQueue: idle(), queueReprints: {} } satisfies Partial<VisitScopedState>;

/**
 * The clerk's view of this kiosk's queue: receipt numbers, services, states and the clerk who
 * assisted, as the host lists them (never an answer). Reprints go through the same host channel
 * as the receipt screen's, so the host words the paper and records the reprint.
 */
export const createClerkQueueSlice =
  (host: KioskApi): SliceCreator<ClerkQueueSlice> =>
  (set, get) => ({
    ...clerkQueueVisitDefaults,
    openClerkQueue: () => {
      set({ screen: 'clerk-queue', clerkQueue: idle(), queueReprints: {} });
      void get().loadClerkQueue();
      void get().loadSyncStatus();
    },
    loadClerkQueue: () => {
      const language = get().language;
      return load(set, 'clerkQueue', () => host.listQueue({ language }), () => get().screen === 'clerk-queue' && get().language === language);
    },
    reprintReceipt: async (receiptNumber) => {
      const mark = (state: ClerkQueueSlice['queueReprints'][string]) => set({ queueReprints: { ...get().queueReprints, [receiptNumber]: state } });
      mark({ status: 'printing' });
      const result = await host.printReceipt({ receiptNumber });
      if (get().screen !== 'clerk-queue') return;
      const outcome = !result.ok ? 'PRINT_FAILED' : result.value.outcome === 'failed' ? result.value.reason : result.value.outcome;
      mark({ status: 'done', outcome });
    },
  });
