import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavBar } from '../visit/NavBar.js';
import { formatDateTime } from '../../ui/format.js';
import { OnScreenKeyboard } from '../../ui/keyboard/OnScreenKeyboard.js';
import type { KeyboardLayoutName } from '../../ui/keyboard/layouts.js';
import type { ErrorCode } from '../../../shared/contract/result.js';
import { useKioskStore } from '../../state/store.js';
import { MAX_LOOKUPS_PER_VISIT, lookupsLeft } from '../../state/lookup-slice.js';

/** Room for a receipt number (BSK1-7K4Q-2MXR-Q, 16 characters) typed with a space or two more. */
const MAX_TYPED_LENGTH = 20;

/** The refusals the screen words in its own way; any other reads as "cannot be reached". */
const SHOWN_ERRORS = ['NOT_FOUND', 'VALIDATION', 'RATE_LIMITED'] as const;
type ShownError = (typeof SHOWN_ERRORS)[number] | 'UNAVAILABLE';
const shownError = (code: ErrorCode | undefined): ShownError => SHOWN_ERRORS.find((shown) => shown === code) ?? 'UNAVAILABLE';

/** A visitor checks an application by the number on their receipt (the portal answers when online). */
export function LookupScreen() {
  const { t } = useTranslation();
  const query = useKioskStore((state) => state.lookupQuery);
  const result = useKioskStore((state) => state.lookupResult);
  const serviceTitle = useKioskStore((state) => state.lookupServiceTitle);
  const language = useKioskStore((state) => state.language);
  const setQuery = useKioskStore((state) => state.setLookupQuery);
  const runLookup = useKioskStore((state) => state.runLookup);
  const visitLimitReached = useKioskStore((state) => lookupsLeft(state.lookupsThisVisit) === 0);
  const [keyboardOpen, setKeyboardOpen] = useState(false);
  const [layout, setLayout] = useState<KeyboardLayoutName>('lat');
  const input = useRef<HTMLInputElement>(null);

  const applyKey = (key: string) => {
    const current = useKioskStore.getState().lookupQuery;
    setQuery(key === 'Backspace' ? current.slice(0, -1) : (current + key).toUpperCase().slice(0, MAX_TYPED_LENGTH));
    input.current?.focus();
  };

  return (
    <main className={`screen lookup${keyboardOpen ? ' with-keyboard' : ''}`} data-screen="lookup">
      <header className="screen-header">
        <h1>{t('lookup:heading')}</h1>
      </header>
      <div className="screen-body">
        <label htmlFor="receipt-number" className="field-part-label">
          {t('lookup:label')}
        </label>
        <p className="field-hint">{t('lookup:hint')}</p>
        <div className="search-row">
          <input
            id="receipt-number"
            ref={input}
            className="text-input"
            inputMode="none"
            autoComplete="off"
            spellCheck={false}
            value={query}
            onChange={(event) => setQuery(event.target.value.toUpperCase())}
            onFocus={() => setKeyboardOpen(true)}
            onClick={() => setKeyboardOpen(true)}
          />
          <button type="button" className="button primary" disabled={!query.trim() || result.status === 'loading' || visitLimitReached} onClick={() => void runLookup()}>
            {t('lookup:check')}
          </button>
        </div>
        <div aria-live="polite">
          {result.status === 'loading' && <p className="status-message">{t('common:loading')}</p>}
          {result.status === 'failed' && (
            <p className="error-panel" role="alert" data-lookup-error={result.error}>
              <span aria-hidden="true">⚠ </span>
              {t(`lookup:errors.${shownError(result.error)}`)}
            </p>
          )}
          {visitLimitReached && result.status !== 'loading' && (
            <p className="error-panel" role="alert" data-lookup-error="VISIT_LIMIT">
              <span aria-hidden="true">⚠ </span>
              {t('lookup:visitLimit', { limit: MAX_LOOKUPS_PER_VISIT })}
            </p>
          )}
          {result.status === 'ready' && result.value && (
            <section className="lookup-result" data-lookup-status={result.value.status}>
              <h2>{result.value.receiptNumber}</h2>
              {serviceTitle && (
                <p className="lookup-service" data-testid="lookup-service">
                  {serviceTitle}
                </p>
              )}
              <p className="status-message">{t(result.value.queuedHere ? 'lookup:queuedHere' : `lookup:status.${result.value.status}`)}</p>
              {result.value.reason ? (
                <>
                  <p className="lookup-reason" data-testid="lookup-reason" lang={language}>
                    {t('lookup:reasonHeading')}: {result.value.reason.text[language]}
                  </p>
                  <p className="lookup-next-step" data-testid="lookup-next-step" lang={language}>
                    {t('lookup:nextStepHeading')}: {result.value.reason.nextStep[language]}
                  </p>
                </>
              ) : (
                <p className="lookup-next-step" data-testid="lookup-next-step">
                  {t(`lookup:nextStep.${result.value.status}`)}
                </p>
              )}
              <p>
                {t('lookup:updated')}: {formatDateTime(result.value.updatedAt)}
              </p>
            </section>
          )}
        </div>
      </div>
      <NavBar />
      {keyboardOpen && <OnScreenKeyboard layout={layout} onLayoutChange={setLayout} onKey={applyKey} onClose={() => setKeyboardOpen(false)} />}
    </main>
  );
}
