import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskStore } from '../../state/store.js';
import '../../styles/help.css';

const FOCUSABLE = 'button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/**
 * Help over the current screen: the support service's contacts and the office's address from the
 * content settings, and the counter where staff help. It only covers the screen, so whatever the
 * visitor has typed stays as it was; the idle warning still comes above it when nobody touches it.
 */
export function HelpDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const language = useKioskStore((state) => state.language);
  const support = useKioskStore((state) => state.info?.support ?? null);
  const officeName = useKioskStore((state) => state.info?.officeName?.[language]);
  const officeAddress = useKioskStore((state) => state.info?.officeAddress?.[language]);
  const inApplication = useKioskStore((state) => state.screen === 'application');
  const dialog = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    close.current?.focus();
  }, []);

  // Tab stays inside the dialog and Escape closes it, as in any modal dialog.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="dialog-backdrop help-backdrop">
      <div
        className="dialog help-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        aria-describedby="help-intro"
        ref={dialog}
        onKeyDown={onKeyDown}
        data-testid="help-dialog"
      >
        {/* Focusable, so with larger text the part that scrolls can be scrolled without touch too. */}
        <div className="help-content" tabIndex={0}>
          <h2 id="help-title">
            <span aria-hidden="true">? </span>
            {t('help:title')}
          </h2>
          <p id="help-intro">{t('help:intro')}</p>
          {support ? (
            <dl className="help-contacts">
              <div>
                <dt>{t('help:phone')}</dt>
                <dd className="help-phone" data-testid="help-phone">
                  {support.phone}
                </dd>
              </div>
              <div>
                <dt>{t('help:email')}</dt>
                <dd data-testid="help-email">{support.email}</dd>
              </div>
              <div>
                <dt>{t('help:hours')}</dt>
                <dd data-testid="help-hours">{support.hours[language]}</dd>
              </div>
              {officeAddress && (
                <div>
                  <dt>{t('help:address')}</dt>
                  <dd data-testid="help-address">
                    {officeName && <span className="help-office">{officeName}</span>}
                    {officeAddress}
                  </dd>
                </div>
              )}
            </dl>
          ) : (
            <p className="help-no-contacts">{t('help:noContacts')}</p>
          )}
          <section className="help-staff" aria-labelledby="help-staff-heading">
            <h3 id="help-staff-heading">{t('help:staffHeading')}</h3>
            <p data-testid="help-staff">{t('help:staff')}</p>
          </section>
          {inApplication && <p className="help-answers-kept">{t('help:answersKept')}</p>}
        </div>
        <button type="button" className="button primary help-close" ref={close} onClick={onClose}>
          {t('help:close')}
        </button>
      </div>
    </div>
  );
}
