import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatusReason } from '../../shared/domain/application-status-reasons.js';
import { needsReason } from '../../shared/domain/application-status.js';
import type { Language } from '../../shared/domain/languages.js';
import type { ApplicationStatusName } from '../../shared/domain/submission.js';
import { useApplicationWords } from './application-words.js';

const LANGUAGE_NAMES = { ky: 'languages.ky', ru: 'languages.ru', en: 'languages.en' } as const satisfies Record<Language, string>;

interface MoveDialogProps {
  language: Language;
  /** The language the visitor applied in: what they will read at the kiosk's lookup. */
  visitorLanguage: Language;
  receiptNumber: string;
  from: ApplicationStatusName;
  to: ApplicationStatusName;
  reasons: readonly StatusReason[];
  busy: boolean;
  onConfirm: (reasonId: string | null) => void;
  onCancel: () => void;
}

/**
 * Confirms one move. For needs-action and rejected the officer picks a reason template: the
 * dialog shows it in the desk's language and, beside it, what the visitor will read (the reason
 * and the next step in the language they applied in). A modal <dialog>, so focus stays in it and
 * Escape cancels.
 */
export function MoveDialog({ language, visitorLanguage, receiptNumber, from, to, reasons, busy, onConfirm, onCancel }: MoveDialogProps) {
  const { t } = useTranslation('applications');
  const { statusName } = useApplicationWords();
  const dialog = useRef<HTMLDialogElement>(null);
  const withReason = needsReason(to);
  const offered = withReason ? reasons.filter((reason) => (reason.for as readonly string[]).includes(to)) : [];
  const [reasonId, setReasonId] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const chosen = offered.find((reason) => reason.id === reasonId);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (withReason && !reasonId) {
      setMissing(true);
      return;
    }
    onConfirm(withReason ? reasonId : null);
  };

  return (
    <dialog
      ref={dialog}
      className="move-dialog"
      aria-labelledby="move-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <form onSubmit={submit}>
        <h2 id="move-dialog-title">{t('move.dialogTitle', { receipt: receiptNumber })}</h2>
        <p>{t('move.fromTo', { from: statusName(from), to: statusName(to) })}</p>
        {withReason && (
          <fieldset className="move-dialog__reasons" aria-describedby="move-reason-error">
            <legend>{t('move.chooseReason')}</legend>
            {offered.map((reason) => (
              <div key={reason.id} className="move-dialog__reason">
                <input
                  type="radio"
                  id={`reason-${reason.id}`}
                  name="reason"
                  value={reason.id}
                  checked={reasonId === reason.id}
                  onChange={() => {
                    setReasonId(reason.id);
                    setMissing(false);
                  }}
                />
                <label htmlFor={`reason-${reason.id}`}>{reason.text[language]}</label>
              </div>
            ))}
            <p id="move-reason-error" className="error" role="alert">
              {missing ? t('move.reasonMissing') : ''}
            </p>
          </fieldset>
        )}
        {chosen && (
          <section className="move-dialog__visitor" aria-labelledby="move-visitor-title" lang={visitorLanguage}>
            <h3 id="move-visitor-title" lang={language}>
              {t('move.visitorReads', { language: t(LANGUAGE_NAMES[visitorLanguage]) })}
            </h3>
            <p data-visitor-text>{chosen.text[visitorLanguage]}</p>
            <p data-visitor-next-step>{chosen.nextStep[visitorLanguage]}</p>
          </section>
        )}
        <div className="move-dialog__actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('move.saving') : t('move.confirm')}
          </button>
          <button type="button" disabled={busy} onClick={onCancel}>
            {t('move.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
