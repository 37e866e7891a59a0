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
  const category = categories?.find((candidate) => candidate.id === categoryId);

  return (
    <main className="screen category" data-screen="category">
      <header className="screen-header">
        <h1>{category?.title ?? t('catalogue:heading')}</h1>
        {category && <p className="screen-subheading">{category.description}</p>}
      </header>
      <section className="screen-body">
        <LoadState loadable={services} retry={reloadScreen}>
          {(list) => <ServiceList services={list} language={language} onOpen={openService} />}
        </LoadState>
      </section>
      <NavBar />
    </main>
  );
}
