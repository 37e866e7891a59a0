/** The kinds this back office has words for, as literal keys so a missing translation fails the locale test. */
export const KIND_LABELS = {
  application_opened: 'kinds.application_opened',
  status_changed: 'kinds.status_changed',
  staff_sign_in: 'kinds.staff_sign_in',
  staff_sign_out: 'kinds.staff_sign_out',
  staff_sign_in_failed: 'kinds.staff_sign_in_failed',
  staff_locked: 'kinds.staff_locked',
  assisted_application: 'kinds.assisted_application',
  receipt_reprint: 'kinds.receipt_reprint',
  content_applied: 'kinds.content_applied',
  content_refused: 'kinds.content_refused',
  usb_import: 'kinds.usb_import',
  sync_alarm: 'kinds.sync_alarm',
  kiosk_enrolled: 'kinds.kiosk_enrolled',
  panel_action: 'kinds.panel_action',
} as const;
