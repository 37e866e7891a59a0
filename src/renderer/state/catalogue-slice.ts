import type { KioskApi } from '../../shared/contract/ipc.js';
import { idle, load } from './loadable.js';
import type { CatalogueSlice, SliceCreator, VisitScopedState } from './types.js';

export const catalogueVisitDefaults = {
  categories: idle(),
  services: idle(),
  servicesPaging: 'idle' as const,
  service: idle(),
  searchQuery: '',
  searchResults: idle(),
} satisfies Partial<VisitScopedState>;

/** A screenful and a little more: the first page paints at once however large the category is. */
export const CATEGORY_PAGE_SIZE = 40;

/** Categories, services, one service's details and search, each loaded in the visitor's language. */
export const createCatalogueSlice =
  (host: KioskApi): SliceCreator<CatalogueSlice> =>
  (set, get) => ({
    ...catalogueVisitDefaults,
    loadMoreServices: () => {
      const { language, categoryId, services, servicesPaging } = get();
      const loaded = services.status === 'ready' ? services.value : undefined;
      if (!categoryId || !loaded || servicesPaging === 'loading') return;
      set({ servicesPaging: 'loading' });
      void host.listServices({ language, categoryId, offset: loaded.length, limit: CATEGORY_PAGE_SIZE }).then((result) => {
        const current = get().services;
        // The visitor may have left the category, changed language or had the content reloaded meanwhile.
        if (get().categoryId !== categoryId || get().language !== language || current.status !== 'ready' || current.value !== loaded) return;
        if (!result.ok) return set({ servicesPaging: 'failed' });
        set({ services: { status: 'ready', value: [...loaded, ...result.value] }, servicesPaging: 'idle' });
      });
    },
    setSearchQuery: (searchQuery) => {
      set({ searchQuery });
      const query = searchQuery.trim();
      if (!query) return set({ searchResults: idle() });
      const { language } = get();
      void load(set, 'searchResults', () => host.searchServices({ language, query }), () => get().searchQuery === searchQuery && get().language === language);
    },
    reloadScreen: () => {
      const { screen, language, categoryId, serviceId, searchQuery } = get();
      const same = () => get().language === language;
      if (screen === 'catalogue') {
        void load(set, 'categories', () => host.listCategories({ language }), same);
        if (searchQuery.trim()) get().setSearchQuery(searchQuery);
      } else if (screen === 'category' && categoryId) {
        void load(set, 'categories', () => host.listCategories({ language }), same);
        set({ servicesPaging: 'idle' });
        void load(
          set,
          'services',
          () => host.listServices({ language, categoryId, limit: CATEGORY_PAGE_SIZE }),
          () => same() && get().categoryId === categoryId,
        );
      } else if ((screen === 'service' || screen === 'application') && serviceId) {
        // On the application screen too: the receipt lists the service's documents in the visitor's language.
        void load(set, 'service', () => host.getService({ language, serviceId }), () => same() && get().serviceId === serviceId);
      } else if (screen === 'service-panel') {
        void get().refreshContentStatus();
      }
    },
  });
