import { useTranslation } from 'react-i18next';
import { CategoryIcon } from '../../ui/CategoryIcon.js';
import { LoadState } from '../../ui/LoadState.js';
import { NavBar } from '../visit/NavBar.js';
import { SearchBox } from './SearchBox.js';
import { ServiceList } from '../../ui/ServiceCard.js';
import { useKioskStore } from '../../state/store.js';

/** Categories as large tiles, with search always on top; typing replaces the tiles with results. */
export function CatalogueScreen() {
  const { t } = useTranslation();
  const language = useKioskStore((state) => state.language);
  const categories = useKioskStore((state) => state.categories);
  const query = useKioskStore((state) => state.searchQuery);
  const results = useKioskStore((state) => state.searchResults);
  const openCategory = useKioskStore((state) => state.openCategory);
  const openService = useKioskStore((state) => state.openService);
  const reloadScreen = useKioskStore((state) => state.reloadScreen);
  const openLookup = useKioskStore((state) => state.openLookup);
  const searching = query.trim().length > 0;

  return (
    <main className="screen catalogue" data-screen="catalogue">
      <header className="screen-header with-action">
        <h1>{t('catalogue:heading')}</h1>
        <button type="button" className="button secondary" onClick={openLookup}>
          {t('lookup:open')}
        </button>
      </header>
      <SearchBox />
      <section className="screen-body" aria-live="polite">
        {searching ? (
          <LoadState loadable={results} retry={reloadScreen}>
            {(services) =>
              services.length === 0 ? (
                <p className="status-message" role="status">
                  {t('catalogue:search.nothingFound', { query: query.trim() })}
                </p>
              ) : (
                <>
                  <h2 className="results-heading">{t('catalogue:search.results', { count: services.length })}</h2>
                  <ServiceList services={services} language={language} onOpen={openService} />
                </>
              )
            }
          </LoadState>
        ) : (
          <LoadState loadable={categories} retry={reloadScreen}>
            {(list) =>
              list.length === 0 ? (
                <p className="status-message">{t('catalogue:empty')}</p>
              ) : (
                <ul className="category-grid">
                  {list.map((category) => (
                    <li key={category.id}>
                      <button type="button" className="category-tile" data-category-id={category.id} onClick={() => openCategory(category.id)}>
                        <CategoryIcon icon={category.icon} />
                        <span className="category-title">{category.title}</span>
                        <span className="category-count">{t('catalogue:count', { count: category.serviceCount })}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )
            }
          </LoadState>
        )}
      </section>
      <NavBar />
    </main>
  );
}
