import { useTranslation } from 'react-i18next';
import { useKioskStore } from '../../state/store.js';

/** The declaration: one deliberate action that submits. */
export function DeclarationStep({ serviceTitle, submitting }: { serviceTitle: string; submitting: boolean }) {
  const { t } = useTranslation();
  const submit = useKioskStore((state) => state.submitApplication);
  const back = useKioskStore((state) => state.backToCheck);
  return (
    <main className="screen declaration" data-screen="declaration">
      <p className="form-context">
        <span className="form-service">{serviceTitle}</span>
      </p>
      <h1>{t('application:declaration.heading')}</h1>
      <div className="screen-body">
        <p className="declaration-text">{t('application:declaration.text')}</p>
        {submitting && (
          <p className="status-message" role="status">
            {t('application:declaration.sending')}
          </p>
        )}
      </div>
      <nav className="screen-actions">
        <button type="button" className="button secondary" disabled={submitting} onClick={back}>
          <span aria-hidden="true">← </span>
          {t('common:nav.back')}
        </button>
        <button type="button" className="button primary submit-button" disabled={submitting} onClick={() => void submit()}>
          {t('application:declaration.submit')}
        </button>
      </nav>
    </main>
  );
}
