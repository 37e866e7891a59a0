import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HelpDialog } from './HelpDialog.js';

/** The Help control of the visit bar, on every visit screen; focus returns to it when Help closes. */
export function HelpButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button type="button" className="button secondary aid help-button" ref={button} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        <span className="aid-icon" aria-hidden="true">? </span>
        {t('help:button')}
      </button>
      {open && (
        <HelpDialog
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      )}
    </>
  );
}
