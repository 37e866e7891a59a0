import { useTranslation } from 'react-i18next';
import { ServiceCard } from '../components/ServiceCard.js';
import { useKioskStore } from '../store.js';

/** The list of services in the visitor's language, read from the kiosk's own database. */
export function CatalogueScreen() {
  const { t } = useTranslation();
  const language = useKioskStore((state) => state.language);
  const services = useKioskStore((state) => state.services);
  const status = useKioskStore((state) => state.catalogueStatus);
  const errorCode = useKioskStore((state) => state.catalogueError);
  const loadCatalogue = useKioskStore((state) => state.loadCatalogue);
  const startVisit = useKioskStore((state) => state.startVisit);
  const endVisit = useKioskStore((state) => state.endVisit);

  return (
    <main className="screen catalogue" data-screen="catalogue">
      <header className="screen-header">
        <h1>{t('catalogue.heading')}</h1>
        {status === 'ready' && <p className="screen-subheading">{t('catalogue.count', { count: services.length })}</p>}
      </header>

      <section className="screen-body" aria-live="polite" aria-busy={status === 'loading'}>
        {status === 'loading' && <p className="status-message">{t('catalogue.loading')}</p>}
        {status === 'failed' && (
          <div className="error-panel" role="alert">
            <h2>
              <span aria-hidden="true">⚠ </span>
              {t('catalogue.failed')}
            </h2>
            <p>{t(`errors.${errorCode ?? 'UNAVAILABLE'}`)}</p>
            <button type="button" className="button primary" onClick={() => void loadCatalogue(language)}>
              {t('catalogue.retry')}
            </button>
          </div>
        )}
        {status === 'ready' && services.length === 0 && <p className="status-message">{t('catalogue.empty')}</p>}
        {status === 'ready' && services.length > 0 && (
          <ul className="service-list">
            {services.map((service) => (
              <li key={service.id}>
                <ServiceCard service={service} language={language} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <nav className="screen-actions">
        <button type="button" className="button secondary" onClick={startVisit}>
          {t('nav.changeLanguage')}
        </button>
        <button type="button" className="button exit" onClick={endVisit}>
          {t('nav.exit')}
        </button>
      </nav>
    </main>
  );
}
