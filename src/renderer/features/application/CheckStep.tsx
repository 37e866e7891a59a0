import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { evaluateWithinBudget } from './form-budget.js';
import { today, type ApplicationInProgress } from '../../state/application-slice.js';
import { useKioskStore } from '../../state/store.js';
import { describeAnswer } from './answer-display.js';

/** "Check your answers": every answer in a summary list, each with Change, then the declaration. */
export function CheckStep({ application, serviceTitle }: { application: ApplicationInProgress; serviceTitle: string }) {
  const { t } = useTranslation();
  const language = useKioskStore((state) => state.language);
  const changeAnswer = useKioskStore((state) => state.changeAnswer);
  const confirm = useKioskStore((state) => state.confirmCheck);
  const backFromCheck = useKioskStore((state) => state.changeAnswer);
  const form = application.started!.form;
  const state = useMemo(() => evaluateWithinBudget(form, application.answers, { today: today() }), [form, application.answers]);
  const rows = form.pages
    .filter((page) => state.visiblePageIds.includes(page.id))
    .flatMap((page) => page.fields.filter((field) => state.visibleFieldPaths.includes(field.id)).map((field) => ({ page, field })));
  const lastPage = state.visiblePageIds[state.visiblePageIds.length - 1];

  return (
    <main className="screen check" data-screen="check">
      <p className="form-context">
        <span className="form-service">{serviceTitle}</span>
      </p>
      <h1>{t('application:check.heading')}</h1>
      <dl className="screen-body summary-list">
        {rows.map(({ page, field }) => (
          <div key={field.id} className="summary-row" data-field-id={field.id}>
            <dt>{field.label[language]}</dt>
            <dd>{describeAnswer(field, field.id, application.answers, state.calculated, language, t)}</dd>
            <dd className="summary-change">
              {field.type !== 'calculated' && (
                <button type="button" className="button secondary" onClick={() => changeAnswer(page.id)}>
                  {t('application:check.change')}
                  <span className="visually-hidden"> {field.label[language]}</span>
                </button>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <nav className="screen-actions">
        <button type="button" className="button secondary" onClick={() => lastPage && backFromCheck(lastPage)}>
          <span aria-hidden="true">← </span>
          {t('common:nav.back')}
        </button>
        <button type="button" className="button primary" onClick={confirm}>
          {t('application:form.continue')}
          <span aria-hidden="true"> →</span>
        </button>
      </nav>
    </main>
  );
}
