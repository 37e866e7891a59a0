import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { evaluateForm } from '../../../shared/forms/form-engine.js';
import { REGION_CODES, type AnswerValue, type FormField, type RepeatItem } from '../../../shared/forms/form-schema.js';
import type { Language } from '../../../shared/domain/languages.js';
import { today, type ApplicationInProgress } from '../../state/application-slice.js';
import { formatPrice } from '../../ui/format.js';
import { useKioskStore } from '../../state/store.js';
import { textOf } from './answer-paths.js';
import { dateForDisplay } from './keyboard-target.js';

/** "Check your answers": every answer in a summary list, each with Change, then the declaration. */
export function CheckStep({ application, serviceTitle }: { application: ApplicationInProgress; serviceTitle: string }) {
  const { t } = useTranslation();
  const language = useKioskStore((state) => state.language);
  const changeAnswer = useKioskStore((state) => state.changeAnswer);
  const confirm = useKioskStore((state) => state.confirmCheck);
  const backFromCheck = useKioskStore((state) => state.changeAnswer);
  const form = application.started!.form;
  const state = useMemo(() => evaluateForm(form, application.answers, { today: today() }), [form, application.answers]);
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
            <dd>{describeAnswer(field, field.type === 'calculated' ? state.calculated[field.id] : application.answers[field.id], language, t)}</dd>
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

export function describeAnswer(field: FormField, value: AnswerValue | undefined, language: Language, t: TFunction): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t('application:check.notAnswered');
  switch (field.type) {
    case 'yesNo':
      return value === true ? t('application:form.yes') : t('application:form.no');
    case 'singleChoice':
      return field.options.find((option) => option.value === value)?.label[language] ?? textOf(value);
    case 'multipleChoice':
      return (value as string[]).map((item) => field.options.find((option) => option.value === item)?.label[language] ?? item).join(', ');
    case 'date':
      return dateForDisplay(textOf(value));
    case 'calculated':
      return field.format === 'som' && typeof value === 'number' ? formatPrice(t, language, value) : textOf(value);
    case 'address': {
      const address = value as unknown as Record<string, string | undefined>;
      const region = REGION_CODES.find((code) => code === address.region);
      return [region && t(`application:form.regions.${region}`), address.district, address.locality, address.street, address.house, address.flat]
        .filter(Boolean)
        .join(', ');
    }
    case 'repeatGroup':
      return (value as RepeatItem[])
        .map(
          (item, index) =>
            `${field.itemLabel[language]} ${index + 1}: ${field.fields.map((child) => describeAnswer(child, item[child.id], language, t)).join(', ')}`,
        )
        .join('; ');
    default:
      return textOf(value);
  }
}
