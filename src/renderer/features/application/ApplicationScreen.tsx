import { useTranslation } from 'react-i18next';
import { useKioskStore } from '../../state/store.js';
import { wipeVisit } from '../visit/wipe.js';
import { CheckStep } from './CheckStep.js';
import { ConsentStep } from './ConsentStep.js';
import { DeclarationStep } from './DeclarationStep.js';
import { QuestionStep } from './QuestionStep.js';
import { ReceiptStep } from './ReceiptStep.js';

/** The visit's application, one step at a time: consent, questions, check, declaration, receipt. */
export function ApplicationScreen() {
  const { t } = useTranslation();
  const application = useKioskStore((state) => state.application);
  const service = useKioskStore((state) => state.service.value);
  const language = useKioskStore((state) => state.language);
  if (!application) return null;
  const serviceTitle = service?.title ?? application.started?.form.title[language] ?? '';

  switch (application.phase) {
    case 'starting':
      return (
        <main className="screen" data-screen="starting">
          <p className="status-message">{t('common:loading')}</p>
        </main>
      );
    case 'consent':
      return <ConsentStep started={application.started!} serviceTitle={serviceTitle} />;
    case 'question':
      return <QuestionStep key={application.pageId} application={application} serviceTitle={serviceTitle} />;
    case 'check':
      return <CheckStep application={application} serviceTitle={serviceTitle} />;
    case 'declaration':
    case 'submitting':
      return <DeclarationStep serviceTitle={serviceTitle} submitting={application.phase === 'submitting'} />;
    case 'receipt':
      return <ReceiptStep receipt={application.receipt!} service={service} print={application.print} />;
    case 'failed':
      // Never a false receipt: when the application was not saved the visitor is sent to a clerk.
      return (
        <main className="screen failed" data-screen="application-failed">
          <div className="error-panel" role="alert">
            <h1>
              <span aria-hidden="true">⚠ </span>
              {application.error === 'NOT_SAVED' ? t('application:failed.notSavedHeading') : t('application:failed.heading')}
            </h1>
            <p>{application.error === 'NOT_SAVED' ? t('application:failed.notSaved') : t(`errors:${application.error ?? 'UNAVAILABLE'}`)}</p>
          </div>
          <nav className="screen-actions">
            <button type="button" className="button primary" onClick={wipeVisit}>
              {t('application:failed.finish')}
            </button>
          </nav>
        </main>
      );
  }
}
