import type { KioskApi } from '../../shared/contract/ipc.js';
import { idle, load } from './loadable.js';
import type { LookupResult, LookupSlice, SliceCreator, VisitScopedState } from './types.js';

export const lookupVisitDefaults = { lookupQuery: '', lookupResult: idle<LookupResult>() } satisfies Partial<VisitScopedState>;

/** A visitor checks an application by its receipt number. */
export const createLookupSlice =
  (host: KioskApi): SliceCreator<LookupSlice> =>
  (set, get) => ({
    ...lookupVisitDefaults,
    openLookup: () => set({ screen: 'lookup', ...lookupVisitDefaults }),
    setLookupQuery: (lookupQuery) => set({ lookupQuery, lookupResult: idle() }),
    runLookup: async () => {
      const receiptNumber = get().lookupQuery.trim();
      if (!receiptNumber) return;
      await load(set, 'lookupResult', () => host.lookupApplication({ receiptNumber }), () => get().lookupQuery.trim() === receiptNumber);
    },
  });
