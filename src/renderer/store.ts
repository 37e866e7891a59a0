import { create, type StateCreator } from 'zustand';
import type { KioskInfo, ServiceSummary } from '../shared/ipc-contract.js';
import type { Language } from '../shared/languages.js';
import type { ErrorCode } from '../shared/result.js';
import { errorCodeOf, kiosk, unwrap } from './kiosk-client.js';

export type Screen = 'attract' | 'language' | 'catalogue';

interface VisitSlice {
  screen: Screen;
  language: Language;
  startVisit: () => void;
  chooseLanguage: (language: Language) => void;
  /** Ends the visit: every visit-scoped field goes back to its initial value. */
  endVisit: () => void;
}

type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed';

interface CatalogueSlice {
  services: ServiceSummary[];
  catalogueStatus: LoadStatus;
  catalogueError?: ErrorCode;
  loadCatalogue: (language: Language) => Promise<void>;
}

interface KioskSlice {
  info?: KioskInfo;
  loadKioskInfo: () => Promise<void>;
}

export type KioskState = VisitSlice & CatalogueSlice & KioskSlice;

const initialVisit = { screen: 'attract' as Screen, language: 'ky' as Language };
const initialCatalogue = { services: [] as ServiceSummary[], catalogueStatus: 'idle' as LoadStatus, catalogueError: undefined };

const createVisitSlice: StateCreator<KioskState, [], [], VisitSlice> = (set, get) => ({
  ...initialVisit,
  startVisit: () => set({ screen: 'language' }),
  chooseLanguage: (language) => {
    set({ language, screen: 'catalogue' });
    void get().loadCatalogue(language);
  },
  endVisit: () => set({ ...initialVisit, ...initialCatalogue }),
});

const createCatalogueSlice: StateCreator<KioskState, [], [], CatalogueSlice> = (set, get) => ({
  ...initialCatalogue,
  loadCatalogue: async (language) => {
    set({ catalogueStatus: 'loading', catalogueError: undefined });
    try {
      const services = unwrap(await kiosk().listServices({ language }));
      // A slower answer for a language the visitor has since left must not overwrite the newer one.
      if (get().language === language) set({ services, catalogueStatus: 'ready' });
    } catch (error) {
      if (get().language === language) set({ catalogueStatus: 'failed', catalogueError: errorCodeOf(error) });
    }
  },
});

const createKioskSlice: StateCreator<KioskState, [], [], KioskSlice> = (set) => ({
  info: undefined,
  loadKioskInfo: async () => {
    try {
      set({ info: unwrap(await kiosk().getKioskInfo({})) });
    } catch {
      // The attract screen still works without the office name; the catalogue reports host errors.
    }
  },
});

export const useKioskStore = create<KioskState>()((...a) => ({
  ...createVisitSlice(...a),
  ...createCatalogueSlice(...a),
  ...createKioskSlice(...a),
}));
