import type { KioskApi } from '../../shared/contract/ipc.js';
import { idle, load } from './loadable.js';
import type { LookupResult, LookupSlice, SliceCreator, VisitScopedState } from './types.js';

/**
 * Numbers one visit may look up. Receipt numbers cannot be guessed (40 random bits) and the portal
 * limits every kiosk, but a visitor trying number after number is sent to the counter all the same:
 * a visitor with a family's receipts needs a handful, not more.
 */
export const MAX_LOOKUPS_PER_VISIT = 10;

/** The lookup screen as it opens: no number, no answer. */
const lookupScreenDefaults = {
  lookupQuery: '',
  lookupResult: idle<LookupResult>(),
  lookupServiceTitle: undefined,
} satisfies Partial<VisitScopedState>;

export const lookupVisitDefaults = {
  ...lookupScreenDefaults,
  lookupsThisVisit: 0,
} satisfies Partial<VisitScopedState>;

/** A visitor checks an application by its receipt number. */
export const createLookupSlice =
  (host: KioskApi): SliceCreator<LookupSlice> =>
  (set, get) => ({
    ...lookupVisitDefaults,
    // Opening the screen again in the same visit does not give the visitor more lookups.
    openLookup: () => set({ screen: 'lookup', ...lookupScreenDefaults }),
    setLookupQuery: (lookupQuery) => set({ lookupQuery, lookupResult: idle(), lookupServiceTitle: undefined }),
    runLookup: async () => {
      const receiptNumber = get().lookupQuery.trim();
      if (!receiptNumber || lookupsLeft(get().lookupsThisVisit) === 0) return;
      const stillWanted = () => get().lookupQuery.trim() === receiptNumber;
      set({ lookupServiceTitle: undefined });
      await load(
        set,
        'lookupResult',
        async () => {
          const answer = await host.lookupApplication({ receiptNumber });
          // Counted whatever the answer but a malformed number, which the kiosk refuses without asking anyone.
          if (answer.ok || answer.error.code !== 'VALIDATION') set({ lookupsThisVisit: get().lookupsThisVisit + 1 });
          return answer;
        },
        stillWanted,
      );
      const found = get().lookupResult;
      if (found.status !== 'ready' || !found.value) return;
      // The portal names the service by id; the visitor reads its title from this kiosk's catalogue.
      const language = get().language;
      const service = await host.getService({ language, serviceId: found.value.serviceId });
      if (service.ok && stillWanted() && get().language === language) set({ lookupServiceTitle: service.value.title });
    },
  });

/** How many more numbers this visit may look up. */
export function lookupsLeft(lookupsThisVisit: number): number {
  return Math.max(0, MAX_LOOKUPS_PER_VISIT - lookupsThisVisit);
}
