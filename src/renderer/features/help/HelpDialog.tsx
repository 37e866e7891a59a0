import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskStore } from '../../state/store.js';
import { onModalKeyDown } from '../../ui/modal-keys.js';
import '../../styles/help.css';

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
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    close.current?.focus();
  }, []);

  return (
    <div className="dialog-backdrop help-backdrop">
      <div
        className="dialog help-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        aria-describedby="help-intro"
        onKeyDown={(event) => onModalKeyDown(event, onClose)}
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
