import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useModalDialog } from '../modal-dialog.js';
import type { StaffMember } from '../../shared/contract/staff-page.js';
import type { StaffCallFailure } from '../api/staff-api.js';

export type StaffAction = 'disable' | 'enable' | 'reset';

/** The staff strings for each failure: the portal's refusals by reason, the call's failures by kind. */
export function staffFailureKey(failure: StaffCallFailure) {
  if (failure.kind === 'refused') {
    return ({ STAFF_ID_TAKEN: 'errors.staffIdTaken', CARD_TAKEN: 'errors.cardTaken', STAFF_NOT_FOUND: 'errors.notFound' } as const)[failure.reason];
  }
  return ({ 'signed-out': 'errors.signedOut', forbidden: 'errors.forbidden', refused: 'errors.invalid', unavailable: 'errors.unavailable' } as const)[failure.failure];
}

/**
 * Asks before a change that reaches every kiosk of the office, naming the person and what will
 * happen there; a modal dialog, so the keyboard stays in it and Escape cancels.
 */
export function StaffActionDialog({
  member,
  action,
  onCancel,
  onConfirm,
}: {
  member: StaffMember;
  action: StaffAction;
  onCancel: () => void;
  onConfirm: () => Promise<StaffCallFailure | null>;
}) {
  const { t } = useTranslation('staff');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<StaffCallFailure | null>(null);
  const names = { name: member.displayName, staffId: member.staffId, officeCode: member.officeCode };

  const { ref: dialog, onCancel: cancelDialog } = useModalDialog(onCancel, busy);

  return (
    <dialog
      ref={dialog}
      className="kiosks__dialog"
      aria-labelledby="staff-action-title"
      aria-describedby="staff-action-explain"
      data-testid="staff-action-dialog"
      onCancel={cancelDialog}
    >
      <h2 id="staff-action-title">{t(`confirm.${action}.title`, names)}</h2>
      <p id="staff-action-explain">{t(`confirm.${action}.explain`, names)}</p>
      <p className="error" role="alert">
        {failure ? t(staffFailureKey(failure)) : ''}
      </p>
      <div className="kiosks__actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void onConfirm().then((result) => {
              setBusy(false);
              setFailure(result);
            });
          }}
        >
          {busy ? t('confirm.working') : t(`confirm.${action}.confirm`, names)}
        </button>
        <button type="button" disabled={busy} onClick={onCancel} autoFocus>
          {t('confirm.cancel')}
        </button>
      </div>
    </dialog>
  );
}
