import { AUDIT_KINDS, type AuditEntryInput, type AuditKind } from '../../../../src/main/core/audit/audit-kinds.js';
import { receiptNumberOf } from '../../../support/receipt-numbers.js';

/** One ordinary entry of every kind, as the kiosk would record them over a working day. */
export const EXAMPLE_ENTRIES = {
  staff_sign_in: { kind: 'staff_sign_in', actor: '1042', subject: null, details: { roles: ['clerk'], method: 'staff_id' } },
  staff_sign_out: { kind: 'staff_sign_out', actor: '1042', subject: null, details: { reason: 'idle-timeout' } },
  staff_sign_in_failed: { kind: 'staff_sign_in_failed', actor: '1042', subject: null, details: { reason: 'WRONG_PIN', failedAttempts: 2 } },
  staff_locked: { kind: 'staff_locked', actor: '1042', subject: null, details: { failedAttempts: 5, lockedMinutes: 15 } },
  assisted_application: {
    kind: 'assisted_application',
    actor: '1042',
    subject: receiptNumberOf('BSK1', 7),
    details: { serviceId: 'id-card-replacement', contentVersion: 2 },
  },
  receipt_reprint: { kind: 'receipt_reprint', actor: '1042', subject: receiptNumberOf('BSK1', 7), details: { outcome: 'printed' } },
  content_applied: { kind: 'content_applied', actor: null, subject: '3', details: { source: 'portal', keyId: 'demo-content-2026-a' } },
  content_refused: { kind: 'content_refused', actor: '2001', subject: null, details: { source: 'folder', code: 'SIGNATURE_INVALID' } },
  staff_list_applied: { kind: 'staff_list_applied', actor: null, subject: '4', details: { officeCode: 'BSK', keyId: 'demo-staff-list-2026' } },
  staff_list_refused: { kind: 'staff_list_refused', actor: null, subject: null, details: { source: 'portal', code: 'STAFF_LIST_NOT_NEWER' } },
  usb_import: { kind: 'usb_import', actor: '2001', subject: null, details: { outcome: 'rejected' } },
  sync_alarm: { kind: 'sync_alarm', actor: null, subject: null, details: { alarm: 'CREDENTIAL_REFUSED', status: 401, code: 'UNAUTHORIZED' } },
  kiosk_enrolled: { kind: 'kiosk_enrolled', actor: '2001', subject: null, details: { replacedCredential: false } },
  panel_action: { kind: 'panel_action', actor: '2001', subject: null, details: { action: 'send-now' } },
} as const satisfies { [K in AuditKind]: Extract<AuditEntryInput, { kind: K }> };

/** The n-th entry of a day's mixture: every kind in turn, with receipt numbers that differ. */
export function exampleEntry(index: number): AuditEntryInput {
  const kind = AUDIT_KINDS[index % AUDIT_KINDS.length]!;
  const entry: AuditEntryInput = EXAMPLE_ENTRIES[kind];
  if (entry.kind === 'assisted_application' || entry.kind === 'receipt_reprint') {
    return { ...entry, subject: receiptNumberOf('BSK1', 100 + index) };
  }
  return entry;
}

/** A clock that moves one second per reading, so every entry has its own time. */
export function steppingClock(start = Date.parse('2026-12-01T08:00:00.000Z')): () => Date {
  let readings = 0;
  return () => new Date(start + 1000 * readings++);
}
