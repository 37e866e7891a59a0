import { useTranslation } from 'react-i18next';
import type { StartedApplication } from '../../../shared/contract/ipc.js';
import { useKioskStore } from '../../state/store.js';
import { LegalText } from './LegalText.js';

/** Consent before any personal data: the current privacy policy and user agreement, accepted explicitly. */
export function ConsentStep({ started, serviceTitle }: { started: StartedApplication; serviceTitle: string }) {
  const { t } = useTranslation();
  const language = useKioskStore((state) => state.language);
  const accept = useKioskStore((state) => state.acceptConsent);
  const decline = useKioskStore((state) => state.declineConsent);
  return (
    <main className="screen consent" data-screen="consent">
      <p className="form-context">
        <span className="form-service">{serviceTitle}</span>
      </p>
      <h1>{t('application:consent.heading')}</h1>
      <p>{t('application:consent.intro')}</p>
      <div className="screen-body consent-texts">
        {[
          { id: 'privacy-policy', text: started.privacyPolicy },
          { id: 'user-agreement', text: started.userAgreement },
        ].map(({ id, text }) => (
          <section key={id} className="consent-document" data-legal-kind={id} data-legal-version={text.version}>
            <h2 id={`legal-${id}`}>{text.title[language]}</h2>
            <LegalText body={text.body[language]} headingId={`legal-${id}`} />
          </section>
        ))}
      </div>
      <nav className="screen-actions">
        <button type="button" className="button secondary" onClick={decline}>
          {t('application:consent.decline')}
        </button>
        <button type="button" className="button primary" onClick={accept}>
          <span aria-hidden="true">✓ </span>
          {t('application:consent.accept')}
        </button>
      </nav>
    </main>
  );
}
