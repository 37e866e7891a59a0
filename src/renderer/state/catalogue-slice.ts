import type { KioskApi } from '../../shared/contract/ipc.js';
import { idle, load } from './loadable.js';
import type { CatalogueSlice, SliceCreator, VisitScopedState } from './types.js';

export const catalogueVisitDefaults = {
  categories: idle(),
  services: idle(),
  service: idle(),
  searchQuery: '',
  searchResults: idle(),
} satisfies Partial<VisitScopedState>;

/** Categories, services, one service's details and search, each loaded in the visitor's language. */
export const createCatalogueSlice =
  (host: KioskApi): SliceCreator<CatalogueSlice> =>
  (set, get) => ({
    ...catalogueVisitDefaults,
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
        void load(set, 'services', () => host.listServices({ language, categoryId }), () => same() && get().categoryId === categoryId);
      } else if ((screen === 'service' || screen === 'application') && serviceId) {
        // On the application screen too: the receipt lists the service's documents in the visitor's language.
        void load(set, 'service', () => host.getService({ language, serviceId }), () => same() && get().serviceId === serviceId);
      } else if (screen === 'service-panel') {
        void get().refreshContentStatus();
      }
    },
  });
