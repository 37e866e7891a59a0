import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationPage, ApplicationSearch } from '../../shared/contract/applications.js';
import type { Language } from '../../shared/domain/languages.js';
import { isValidKioskCode, isValidOfficeCode, normaliseReceiptNumber } from '../../shared/domain/receipt-number.js';
import { APPLICATION_STATUSES, type ApplicationStatusName } from '../../shared/domain/submission.js';
import { useApplicationWords } from './application-words.js';

/** The filters as the officer typed them: kept as typed when one is refused, so nothing is lost. */
export interface FilterInput {
  status: ApplicationStatusName | '';
  serviceId: string;
  place: string;
  receipt: string;
}
export const NO_FILTER: FilterInput = { status: '', serviceId: '', place: '', receipt: '' };

type FilterProblem = 'place' | 'receipt';

/** The search the filters make, or which field is not understood: a place is an office (BSK) or a kiosk (BSK1), a receipt number as printed. */
export function searchOf(input: FilterInput): { ok: true; search: ApplicationSearch } | { ok: false; problem: FilterProblem } {
  const search: ApplicationSearch = {};
  if (input.status) search.status = input.status;
  if (input.serviceId) search.serviceId = input.serviceId;
  const place = input.place.trim().toUpperCase();
  if (place) {
    if (isValidOfficeCode(place)) search.officeCode = place;
    else if (isValidKioskCode(place)) search.kioskCode = place;
    else return { ok: false, problem: 'place' };
  }
  if (input.receipt.trim()) {
    const receipt = normaliseReceiptNumber(input.receipt);
    if (!receipt) return { ok: false, problem: 'receipt' };
    search.receiptNumber = receipt;
  }
  return { ok: true, search };
}

interface ApplicationListProps {
  language: Language;
  page: ApplicationPage | null;
  loading: boolean;
  pageNumber: number;
  filters: FilterInput;
  onSearch: (filters: FilterInput) => void;
  onNext: () => void;
  onPrevious: () => void;
  onOpen: (id: string) => void;
}

/** The officers' list: filters, a page of applications (metadata only) and the way to the next and previous pages. */
export function ApplicationList({ language, page, loading, pageNumber, filters, onSearch, onNext, onPrevious, onOpen }: ApplicationListProps) {
  const { t } = useTranslation('applications');
  const { statusName, time } = useApplicationWords();
  const [input, setInput] = useState<FilterInput>(filters);
  const [problem, setProblem] = useState<FilterProblem | null>(null);
  const services = page?.services ?? [];
  const serviceTitle = (id: string) => services.find((service) => service.id === id)?.title[language] ?? id;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const made = searchOf(input);
    if (!made.ok) {
      setProblem(made.problem);
      return;
    }
    setProblem(null);
    onSearch(input);
  };

  return (
    <section className="applications" aria-labelledby="applications-list-title">
      <h2 id="applications-list-title">{t('list.title')}</h2>
      <form className="applications__filters" onSubmit={submit} aria-label={t('filters.label')} noValidate>
        <div className="field">
          <label htmlFor="filter-status">{t('filters.status')}</label>
          <select id="filter-status" value={input.status} onChange={(event) => setInput({ ...input, status: event.target.value as FilterInput['status'] })}>
            <option value="">{t('filters.anyStatus')}</option>
            {APPLICATION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {statusName(status)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-service">{t('filters.service')}</label>
          <select id="filter-service" value={input.serviceId} onChange={(event) => setInput({ ...input, serviceId: event.target.value })}>
            <option value="">{t('filters.anyService')}</option>
            {services.map((service) => (
              <option key={service.id} value={service.id}>
                {service.title[language]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-place">{t('filters.place')}</label>
          <input
            id="filter-place"
            value={input.place}
            autoComplete="off"
            aria-describedby="filter-place-hint filter-place-error"
            aria-invalid={problem === 'place'}
            onChange={(event) => setInput({ ...input, place: event.target.value })}
          />
          <p id="filter-place-hint" className="hint">
            {t('filters.placeHint')}
          </p>
          <p id="filter-place-error" className="error">
            {problem === 'place' ? t('filters.placeInvalid') : ''}
          </p>
        </div>
        <div className="field">
          <label htmlFor="filter-receipt">{t('filters.receipt')}</label>
          <input
            id="filter-receipt"
            value={input.receipt}
            autoComplete="off"
            aria-describedby="filter-receipt-error"
            aria-invalid={problem === 'receipt'}
            onChange={(event) => setInput({ ...input, receipt: event.target.value })}
          />
          <p id="filter-receipt-error" className="error">
            {problem === 'receipt' ? t('filters.receiptInvalid') : ''}
          </p>
        </div>
        <div className="applications__filter-actions">
          <button type="submit" className="primary">
            {t('filters.apply')}
          </button>
          <button
            type="button"
            onClick={() => {
              setInput(NO_FILTER);
              setProblem(null);
              onSearch(NO_FILTER);
            }}
          >
            {t('filters.clear')}
          </button>
        </div>
      </form>

      <p className="applications__progress" role="status">
        {loading ? t('list.loading') : page ? t('list.pageNumber', { number: pageNumber }) : ''}
      </p>
      {page && page.applications.length === 0 && !loading && <p className="notice">{t('list.empty')}</p>}
      {page && page.applications.length > 0 && (
        <table className="applications__table" aria-busy={loading}>
          <caption>{t('list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('list.columns.receipt')}</th>
              <th scope="col">{t('list.columns.service')}</th>
              <th scope="col">{t('list.columns.kiosk')}</th>
              <th scope="col">{t('list.columns.clerk')}</th>
              <th scope="col">{t('list.columns.time')}</th>
              <th scope="col">{t('list.columns.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('list.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {page.applications.map((application) => (
              <tr key={application.id} data-receipt={application.receiptNumber}>
                <th scope="row" className="applications__receipt">
                  {application.receiptNumber}
                </th>
                <td>{serviceTitle(application.serviceId)}</td>
                <td>{application.kioskCode}</td>
                <td>{application.assistedBy ?? t('list.notAssisted')}</td>
                <td>{time(application.createdAt)}</td>
                <td>{statusName(application.status)}</td>
                <td>
                  <button type="button" onClick={() => onOpen(application.id)}>
                    {t('list.open')}
                    <span className="visually-hidden"> {application.receiptNumber}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {/* A group, not a second navigation landmark: the shell's section list is the page's navigation. */}
      <div className="applications__paging" role="group" aria-label={t('list.paging')}>
        <button type="button" disabled={loading || pageNumber <= 1} onClick={onPrevious}>
          {t('list.previous')}
        </button>
        <button type="button" disabled={loading || !page?.next} onClick={onNext}>
          {t('list.next')}
        </button>
      </div>
    </section>
  );
}
