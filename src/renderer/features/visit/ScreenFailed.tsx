import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskStore } from '../../state/store.js';
import { wipeVisit } from './wipe.js';

/** What a visitor sees when a screen failed: nothing was sent, and one button back to the start. */
export function ScreenFailed() {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const phase = useKioskStore((state) => state.application?.phase);
  const receiptNumber = useKioskStore((state) => state.application?.receipt?.receiptNumber);
  useEffect(() => heading.current?.focus(), []);
  return (
    <main className="screen failed" data-screen="screen-failed">
      <div className="error-panel" role="alert">
        <h1 ref={heading} tabIndex={-1}>
          <span aria-hidden="true">⚠ </span>
          {t('errors:screenFailed.heading')}
        </h1>
        {/* After submitting, "nothing was sent" would be false: the visitor must not apply twice. */}
        {receiptNumber ? (
          <>
            <p>{t('errors:screenFailed.saved')}</p>
            <p className="receipt-number" data-testid="receipt-number">
              {receiptNumber}
            </p>
          </>
        ) : phase === 'submitting' ? (
          <p>{t('errors:screenFailed.maybeSaved')}</p>
        ) : (
          <p>{t('errors:screenFailed.body')}</p>
        )}
      </div>
      <nav className="screen-actions">
        <button type="button" className="button primary" onClick={wipeVisit}>
          {t('errors:screenFailed.startAgain')}
        </button>
      </nav>
    </main>
  );
}
