import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LegalTextForConsent } from '../../../shared/contract/ipc.js';
import type { Language } from '../../../shared/domain/languages.js';
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
  const dialog = useRef<HTMLDivElement>(null);
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => region.current?.focus(), []);

  const keepFocusInside = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const stops = [...dialog.current.querySelectorAll<HTMLElement>('button, [tabindex="0"]')];
    const first = stops[0];
    const last = stops[stops.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  return (
    <div className="dialog-backdrop">
      <div
        className="legal-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="legal-dialog-title"
        aria-describedby="legal-dialog-version"
        data-legal-dialog={text.kind}
        ref={dialog}
        onKeyDown={keepFocusInside}
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
