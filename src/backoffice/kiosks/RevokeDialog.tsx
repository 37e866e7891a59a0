import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from '../modal-dialog.js';
import type { FleetCallFailure } from '../api/fleet-api.js';

const FAILURE_TEXTS = { 'signed-out': 'errors.signedOut', forbidden: 'errors.forbidden', invalid: 'errors.unavailable', unavailable: 'errors.unavailable' } as const satisfies Record<
  FleetCallFailure,
  string
>;

/** Asks before a kiosk is cut off, naming it; a modal dialog, so the keyboard stays in it and Escape cancels. */
export function RevokeDialog({ kioskCode, onCancel, onRevoke }: { kioskCode: string; onCancel: () => void; onRevoke: () => Promise<FleetCallFailure | null> }) {
  const { t } = useTranslation('kiosks');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<FleetCallFailure | null>(null);

  const { ref: dialog, onCancel: cancelDialog } = useModalDialog(onCancel, busy);

  return (
    <dialog
      ref={dialog}
      className="kiosks__dialog"
      aria-labelledby="revoke-title"
      aria-describedby="revoke-explain"
      onCancel={cancelDialog}
    >
      <h2 id="revoke-title">{t('revoke.title', { kioskCode })}</h2>
      <p id="revoke-explain">{t('revoke.explain')}</p>
      <p className="error" role="alert">
        {failure ? t(FAILURE_TEXTS[failure]) : ''}
      </p>
      <div className="kiosks__actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void onRevoke().then((result) => {
              setBusy(false);
              setFailure(result);
            });
          }}
        >
          {busy ? t('revoke.revoking') : t('revoke.confirm', { kioskCode })}
        </button>
        <button type="button" disabled={busy} onClick={onCancel} autoFocus>
          {t('revoke.cancel')}
        </button>
      </div>
    </dialog>
  );
}
