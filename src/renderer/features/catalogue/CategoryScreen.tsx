import { useTranslation } from 'react-i18next';
import { LoadState } from '../../ui/LoadState.js';
import { NavBar } from '../visit/NavBar.js';
import { ServiceList } from '../../ui/ServiceCard.js';
import { useKioskStore } from '../../state/store.js';

export function CategoryScreen() {
  const { t } = useTranslation();
  const language = useKioskStore((state) => state.language);
  const categoryId = useKioskStore((state) => state.categoryId);
  const categories = useKioskStore((state) => state.categories.value);
  const services = useKioskStore((state) => state.services);
  const openService = useKioskStore((state) => state.openService);
  const reloadScreen = useKioskStore((state) => state.reloadScreen);
  const paging = useKioskStore((state) => state.servicesPaging);
  const loadMore = useKioskStore((state) => state.loadMoreServices);
  const category = categories?.find((candidate) => candidate.id === categoryId);

  return (
    <main className="screen category" data-screen="category">
      <header className="screen-header">
        <h1>{category?.title ?? t('catalogue:heading')}</h1>
        {category && <p className="screen-subheading">{category.description}</p>}
      </header>
      <section className="screen-body">
        <LoadState loadable={services} retry={reloadScreen}>
          {(list) => (
            <>
              <ServiceList services={list} language={language} onOpen={openService} />
              {category && list.length < category.serviceCount && (
                <div className="list-more">
                  <p className="list-count" role="status">
                    {t('catalogue:shownOf', { shown: list.length, total: category.serviceCount })}
                  </p>
                  {paging === 'failed' && (
                    <p className="field-error" role="alert">
                      {t('catalogue:moreFailed')}
                    </p>
                  )}
                  <button type="button" className="button secondary" disabled={paging === 'loading'} onClick={loadMore}>
                    {paging === 'loading' ? t('common:loading') : t('catalogue:showMore')}
                  </button>
                </div>
              )}
            </>
          )}
        </LoadState>
      </section>
      <NavBar />
    </main>
  );
}
