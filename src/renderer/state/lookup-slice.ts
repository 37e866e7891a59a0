import type { KioskApi } from '../../shared/contract/ipc.js';
import { idle, load } from './loadable.js';
import type { LookupResult, LookupSlice, SliceCreator, VisitScopedState } from './types.js';

export const lookupVisitDefaults = {
  lookupQuery: '',
  lookupResult: idle<LookupResult>(),
  lookupServiceTitle: undefined,
} satisfies Partial<VisitScopedState>;

/** A visitor checks an application by its receipt number. */
export const createLookupSlice =
  (host: KioskApi): SliceCreator<LookupSlice> =>
  (set, get) => ({
    ...lookupVisitDefaults,
    openLookup: () => set({ screen: 'lookup', ...lookupVisitDefaults }),
    setLookupQuery: (lookupQuery) => set({ lookupQuery, lookupResult: idle(), lookupServiceTitle: undefined }),
    runLookup: async () => {
      const receiptNumber = get().lookupQuery.trim();
      if (!receiptNumber) return;
      const stillWanted = () => get().lookupQuery.trim() === receiptNumber;
      set({ lookupServiceTitle: undefined });
      await load(set, 'lookupResult', () => host.lookupApplication({ receiptNumber }), stillWanted);
      const found = get().lookupResult;
      if (found.status !== 'ready' || !found.value) return;
      // The portal names the service by id; the visitor reads its title from this kiosk's catalogue.
      const language = get().language;
      const service = await host.getService({ language, serviceId: found.value.serviceId });
      if (service.ok && stillWanted() && get().language === language) set({ lookupServiceTitle: service.value.title });
    },
  });
