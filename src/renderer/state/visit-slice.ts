import type { KioskApi } from '../../shared/contract/ipc.js';
import { idle } from './loadable.js';
import type { Screen, SliceCreator, VisitScopedState, VisitSlice } from './types.js';

export const visitSliceDefaults = {
  screen: 'attract' as Screen,
  language: 'ky',
  categoryId: undefined,
  serviceId: undefined,
  returnScreen: undefined,
  confirmingExit: false,
  screenFailure: undefined,
} satisfies Partial<VisitScopedState>;

/**
 * Where the visitor is and how they move. `visitDefaults` holds the initial value of every
 * visit-scoped field of every slice, so ending the visit forgets all of it at once.
 */
export const createVisitSlice =
  (host: KioskApi, visitDefaults: VisitScopedState): SliceCreator<VisitSlice> =>
  (set, get) => ({
    ...visitSliceDefaults,
    startVisit: () => set({ screen: 'language', returnScreen: undefined }),
    changeLanguage: () => set({ screen: 'language', returnScreen: get().screen }),
    chooseLanguage: (language) => {
      set({ language, screen: get().returnScreen ?? 'catalogue', returnScreen: undefined });
      get().reloadScreen();
    },
    openCategory: (categoryId) => {
      set({ screen: 'category', categoryId, services: idle() });
      get().reloadScreen();
    },
    openService: (serviceId) => {
      set({ screen: 'service', serviceId, service: idle() });
      get().reloadScreen();
    },
    goBack: () => {
      const { screen, categoryId, searchQuery } = get();
      if (screen === 'service') set({ screen: categoryId && !searchQuery ? 'category' : 'catalogue', service: idle() });
      else if (screen === 'category') set({ screen: 'catalogue', categoryId: undefined });
      else if (screen === 'lookup') set({ screen: 'catalogue', lookupQuery: '', lookupResult: idle() });
      else if (screen === 'catalogue') set({ screen: 'language', returnScreen: undefined });
      else if (screen === 'language' && get().returnScreen) set({ screen: get().returnScreen, returnScreen: undefined });
      // Back from the first screen of a visit ends it: to the attract screen, or a clerk's home.
      else if (screen === 'language') return get().endVisit();
      get().reloadScreen();
    },
    screenFailed: (kind, errorName) => {
      if (get().screenFailure) return;
      const { screen, serviceId, application } = get();
      set({ screenFailure: kind, confirmingExit: false });
      // Once the application is being submitted or has its receipt, the form did its work: a failure
      // then is the screen's, and the service stays in use.
      const afterTheForm = application?.phase === 'submitting' || application?.phase === 'receipt';
      void host.reportScreenFailure({
        screen,
        kind,
        // A name only, and only letters: the contract refuses anything that could carry an answer.
        errorName: /^[A-Za-z]{1,60}$/.test(errorName) ? errorName : 'Error',
        serviceId: afterTheForm ? undefined : (application?.started?.serviceId ?? serviceId),
      });
    },
    requestExit: () => set({ confirmingExit: true }),
    cancelExit: () => set({ confirmingExit: false }),
    endVisit: () => {
      const applicationId = get().application?.started?.applicationId;
      if (applicationId) void host.cancelApplication({ applicationId });
      // A clerk stays signed in between visitors: their visit ends on the clerk's home, in the clerk's language.
      const clerk = get().staff?.roles.includes('clerk') ?? false;
      set({ ...visitDefaults, ...(clerk ? { screen: 'clerk-home' as Screen, language: get().staffLanguage } : {}) });
    },
  });
