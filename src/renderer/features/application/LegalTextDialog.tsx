import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LegalTextForConsent } from '../../../shared/contract/ipc.js';
import type { Language } from '../../../shared/domain/languages.js';
import { onModalKeyDown } from '../../ui/modal-keys.js';
import { LegalText } from './LegalText.js';

interface LegalTextDialogProps {
  text: LegalTextForConsent;
  language: Language;
  onClose: () => void;
}

/**
 * One legal text in full, over the consent screen: its title and version on top, the text in a
 * region that scrolls by itself, and Close where the primary action always is. Focus starts in the
 * text (so the arrow keys scroll it) and stays inside until the dialog closes.
 */
export function LegalTextDialog({ text, language, onClose }: LegalTextDialogProps) {
  const { t } = useTranslation();
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => region.current?.focus(), []);

  return (
    <div className="dialog-backdrop">
      <div
        className="legal-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="legal-dialog-title"
        aria-describedby="legal-dialog-version"
        data-legal-dialog={text.kind}
        onKeyDown={(event) => onModalKeyDown(event, onClose)}
      >
        <header className="legal-dialog-header">
          <h2 id="legal-dialog-title">{text.title[language]}</h2>
          <p id="legal-dialog-version" className="consent-version">
            {t('application:consent.version', { version: text.version })}
          </p>
        </header>
        <LegalText body={text.body[language]} headingId="legal-dialog-title" ref={region} />
        <div className="legal-dialog-actions">
          <button type="button" className="button primary" onClick={onClose}>
            {t('application:consent.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
