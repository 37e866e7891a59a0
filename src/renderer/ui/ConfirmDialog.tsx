import { useEffect, useRef } from 'react';

export interface ConfirmDialogProps {
  /** Distinguishes the dialog's heading and text ids on the page. */
  id: string;
  title: string;
  text: string;
  stayLabel: string;
  confirmLabel: string;
  /** `exit` for a step that ends something (the dark red of Exit), `primary` otherwise. */
  confirmKind: 'exit' | 'primary';
  onStay: () => void;
  onConfirm: () => void;
}

/**
 * "Are you sure?" before a step that erases what is on screen. Staying is the default: it takes
 * the focus, so a stray tap or Enter keeps the visitor's work.
 */
export function ConfirmDialog({ id, title, text, stayLabel, confirmLabel, confirmKind, onStay, onConfirm }: ConfirmDialogProps) {
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => stay.current?.focus(), []);
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`}>
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-text`}>{text}</p>
        <div className="dialog-actions">
          <button type="button" className="button secondary" ref={stay} onClick={onStay}>
            {stayLabel}
          </button>
          <button type="button" className={`button ${confirmKind}`} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
