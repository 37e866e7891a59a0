import { create, type StateCreator } from 'zustand';
import type {
  CategorySummary,
  ContentStatus,
  InstallOutcome,
  KioskInfo,
  ServiceDetail,
  ServiceSummary,
  SyncStatusView,
  ChannelResponse,
} from '../../shared/contract/ipc.js';
import type { Language } from '../../shared/domain/languages.js';
import type { ErrorCode } from '../../shared/contract/result.js';
import { createApplicationSlice, type ApplicationSlice } from './application-slice.js';
import { errorCodeOf, kiosk, unwrap } from '../host/kiosk-client.js';

export type Screen = 'attract' | 'language' | 'catalogue' | 'category' | 'service' | 'application' | 'lookup' | 'service-panel';

/** Data a screen loads from the host, with the state of that load. */
export interface Loadable<T> {
  status: 'idle' | 'loading' | 'ready' | 'failed';
  value?: T;
  error?: ErrorCode;
}
const idle = <T>(): Loadable<T> => ({ status: 'idle' });

interface VisitSlice {
  screen: Screen;
  language: Language;
  categoryId?: string;
  serviceId?: string;
  /** Where "change language" came from, so choosing a language returns the visitor there. */
  returnScreen?: Screen;
  startVisit: () => void;
  changeLanguage: () => void;
  chooseLanguage: (language: Language) => void;
  openCategory: (categoryId: string) => void;
  openService: (serviceId: string) => void;
  goBack: () => void;
  /** Ends the visit: every visit-scoped field goes back to its initial value. */
  endVisit: () => void;
  /** Exit asks first; the visit ends only when the visitor confirms. */
  confirmingExit: boolean;
  requestExit: () => void;
  cancelExit: () => void;
}

interface CatalogueSlice {
  categories: Loadable<CategorySummary[]>;
  services: Loadable<ServiceSummary[]>;
  service: Loadable<ServiceDetail>;
  searchQuery: string;
  searchResults: Loadable<ServiceSummary[]>;
  setSearchQuery: (query: string) => void;
  /** Reloads whatever the current screen shows (after a language change or a content update). */
  reloadScreen: () => void;
}

type LookupResult = ChannelResponse<'lookupApplication'>;

interface LookupSlice {
  lookupQuery: string;
  lookupResult: Loadable<LookupResult>;
  openLookup: () => void;
  setLookupQuery: (query: string) => void;
  runLookup: () => Promise<void>;
}

interface KioskSlice {
  info?: KioskInfo;
  loadKioskInfo: () => Promise<void>;
}

interface ServicePanelSlice {
  contentStatus: Loadable<ContentStatus>;
  syncStatus?: SyncStatusView;
  syncNow: () => Promise<void>;
  lastAction?: { kind: 'check' | 'import'; outcome: InstallOutcome | { outcome: 'busy' } };
  openServicePanel: () => void;
  refreshContentStatus: () => Promise<void>;
  checkForContentUpdate: () => Promise<void>;
  importFromRemovableMedia: () => Promise<void>;
}

interface PresentationSlice {
  /** Visit-scoped reading aids: survive page changes within a visit, reset when it ends. */
  largeText: boolean;
  highContrast: boolean;
  toggleLargeText: () => void;
  toggleHighContrast: () => void;
}

export type KioskState = VisitSlice &
  CatalogueSlice &
  KioskSlice &
  ServicePanelSlice &
  PresentationSlice &
  ApplicationSlice &
  LookupSlice;

const initialVisit = {
  screen: 'attract' as Screen,
  language: 'ky' as Language,
  categoryId: undefined,
  serviceId: undefined,
  returnScreen: undefined,
  categories: idle<CategorySummary[]>(),
  services: idle<ServiceSummary[]>(),
  service: idle<ServiceDetail>(),
  searchQuery: '',
  searchResults: idle<ServiceSummary[]>(),
  lastAction: undefined,
  largeText: false,
  highContrast: false,
  application: undefined,
  confirmingExit: false,
  lookupQuery: '',
  lookupResult: idle<LookupResult>(),
};

type Setter = (partial: Partial<KioskState>) => void;

/**
 * Runs one host request into a Loadable field; an answer that arrives after the visitor has moved
 * on (another language, another service, a new search) is dropped by `stillWanted`.
 */
async function load<K extends 'categories' | 'services' | 'service' | 'searchResults' | 'contentStatus' | 'lookupResult'>(
  set: Setter,
  key: K,
  request: () => Promise<NonNullable<KioskState[K]['value']>>,
  stillWanted: () => boolean,
): Promise<void> {
  set({ [key]: { status: 'loading' } });
  try {
    const value = await request();
    if (stillWanted()) set({ [key]: { status: 'ready', value } });
  } catch (error) {
    if (stillWanted()) set({ [key]: { status: 'failed', error: errorCodeOf(error) } });
  }
}

const createVisitSlice: StateCreator<KioskState, [], [], VisitSlice> = (set, get) => ({
  ...initialVisit,
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
    else if (screen === 'language') set({ screen: get().returnScreen ?? 'attract', returnScreen: undefined });
    get().reloadScreen();
  },
  requestExit: () => set({ confirmingExit: true }),
  cancelExit: () => set({ confirmingExit: false }),
  endVisit: () => {
    const applicationId = get().application?.started?.applicationId;
    if (applicationId) void kiosk().cancelApplication({ applicationId });
    set({ ...initialVisit });
  },
});

const createCatalogueSlice: StateCreator<KioskState, [], [], CatalogueSlice> = (set, get) => ({
  categories: idle(),
  services: idle(),
  service: idle(),
  searchQuery: '',
  searchResults: idle(),
  setSearchQuery: (searchQuery) => {
    set({ searchQuery });
    const query = searchQuery.trim();
    if (!query) return set({ searchResults: idle() });
    const { language } = get();
    void load(set, 'searchResults', async () => unwrap(await kiosk().searchServices({ language, query })), () => get().searchQuery === searchQuery && get().language === language);
  },
  reloadScreen: () => {
    const { screen, language, categoryId, serviceId, searchQuery } = get();
    const same = () => get().language === language;
    if (screen === 'catalogue') {
      void load(set, 'categories', async () => unwrap(await kiosk().listCategories({ language })), same);
      if (searchQuery.trim()) get().setSearchQuery(searchQuery);
    } else if (screen === 'category' && categoryId) {
      void load(set, 'categories', async () => unwrap(await kiosk().listCategories({ language })), same);
      void load(set, 'services', async () => unwrap(await kiosk().listServices({ language, categoryId })), () => same() && get().categoryId === categoryId);
    } else if (screen === 'service' && serviceId) {
      void load(set, 'service', async () => unwrap(await kiosk().getService({ language, serviceId })), () => same() && get().serviceId === serviceId);
    } else if (screen === 'application' && serviceId) {
      // The receipt lists the service's documents in the visitor's language.
      void load(set, 'service', async () => unwrap(await kiosk().getService({ language, serviceId })), () => same() && get().serviceId === serviceId);
    } else if (screen === 'service-panel') {
      void get().refreshContentStatus();
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

const createServicePanelSlice: StateCreator<KioskState, [], [], ServicePanelSlice> = (set, get) => ({
  contentStatus: idle(),
  lastAction: undefined,
  openServicePanel: () => {
    set({ screen: 'service-panel', lastAction: undefined });
    void get().refreshContentStatus();
  },
  syncStatus: undefined,
  refreshContentStatus: async () => {
    const sync = await kiosk().getSyncStatus({});
    if (sync.ok) set({ syncStatus: sync.value });
    await load(set, 'contentStatus', async () => unwrap(await kiosk().getContentStatus({})), () => get().screen === 'service-panel');
  },
  syncNow: async () => {
    await kiosk().syncNow({});
    await get().refreshContentStatus();
  },
  checkForContentUpdate: async () => {
    set({ lastAction: { kind: 'check', outcome: { outcome: 'busy' } } });
    const outcome = await kiosk().checkForContentUpdate({});
    set({ lastAction: { kind: 'check', outcome: outcome.ok ? outcome.value : { outcome: 'failed', detail: outcome.error.code } } });
    await get().refreshContentStatus();
  },
  importFromRemovableMedia: async () => {
    set({ lastAction: { kind: 'import', outcome: { outcome: 'busy' } } });
    const outcome = await kiosk().importContentFromRemovableMedia({});
    set({ lastAction: { kind: 'import', outcome: outcome.ok ? outcome.value : { outcome: 'failed', detail: outcome.error.code } } });
    await get().refreshContentStatus();
  },
});

const createLookupSlice: StateCreator<KioskState, [], [], LookupSlice> = (set, get) => ({
  lookupQuery: '',
  lookupResult: idle(),
  openLookup: () => set({ screen: 'lookup', lookupQuery: '', lookupResult: idle() }),
  setLookupQuery: (lookupQuery) => set({ lookupQuery, lookupResult: idle() }),
  runLookup: async () => {
    const receiptNumber = get().lookupQuery.trim();
    if (!receiptNumber) return;
    await load(set, 'lookupResult', async () => unwrap(await kiosk().lookupApplication({ receiptNumber })), () => get().lookupQuery.trim() === receiptNumber);
  },
});

const createPresentationSlice: StateCreator<KioskState, [], [], PresentationSlice> = (set, get) => ({
  largeText: false,
  highContrast: false,
  toggleLargeText: () => set({ largeText: !get().largeText }),
  toggleHighContrast: () => set({ highContrast: !get().highContrast }),
});

export const useKioskStore = create<KioskState>()((...a) => ({
  ...createVisitSlice(...a),
  ...createPresentationSlice(...a),
  ...createLookupSlice(...a),
  ...createApplicationSlice(...a),
  ...createCatalogueSlice(...a),
  ...createKioskSlice(...a),
  ...createServicePanelSlice(...a),
}));
