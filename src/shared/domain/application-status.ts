import { APPLICATION_STATUSES, type ApplicationStatusName, type LegacyApplicationStatusName } from './submission.js';

export { APPLICATION_STATUSES, type ApplicationStatusName };

/**
 * The moves an officer may make, from each status. Issued and rejected are final: a visitor who
 * was refused applies again, as a new application with its own receipt.
 */
export const STATUS_MOVES: Readonly<Record<ApplicationStatusName, readonly ApplicationStatusName[]>> = {
  received: ['in-review'],
  'in-review': ['needs-action', 'ready-for-pickup', 'rejected'],
  'needs-action': ['in-review'],
  'ready-for-pickup': ['issued'],
  issued: [],
  rejected: [],
};

/** The statuses a visitor must be told why about: they reach it only with a reason from the templates. */
export const STATUSES_WITH_REASON = ['needs-action', 'rejected'] as const satisfies readonly ApplicationStatusName[];
export type StatusWithReason = (typeof STATUSES_WITH_REASON)[number];

export const needsReason = (status: ApplicationStatusName): status is StatusWithReason => (STATUSES_WITH_REASON as readonly string[]).includes(status);

/**
 * Why a move is refused:
 * - MOVE_NOT_ALLOWED: the workflow has no such step from the current status (or it is final).
 * - REASON_REQUIRED: needs-action and rejected must say why.
 * - REASON_NOT_TAKEN: the other statuses carry no reason, so none is kept that the visitor would read wrongly.
 */
export const STATUS_MOVE_REFUSALS = ['MOVE_NOT_ALLOWED', 'REASON_REQUIRED', 'REASON_NOT_TAKEN'] as const;
export type StatusMoveRefusal = (typeof STATUS_MOVE_REFUSALS)[number];

export type StatusMoveCheck = { ok: true } | { ok: false; refusal: StatusMoveRefusal };

/** Whether an officer may move an application from `from` to `to`, with this reason (a template id) or none. */
export function checkStatusMove(from: ApplicationStatusName, to: ApplicationStatusName, reasonId: string | null): StatusMoveCheck {
  if (!STATUS_MOVES[from].includes(to)) return { ok: false, refusal: 'MOVE_NOT_ALLOWED' };
  if (needsReason(to) && reasonId === null) return { ok: false, refusal: 'REASON_REQUIRED' };
  if (!needsReason(to) && reasonId !== null) return { ok: false, refusal: 'REASON_NOT_TAKEN' };
  return { ok: true };
}

/** The word an older kiosk knows for each status (see LEGACY_APPLICATION_STATUSES). */
export const LEGACY_STATUS_OF: Readonly<Record<ApplicationStatusName, LegacyApplicationStatusName>> = {
  received: 'received',
  'in-review': 'processing',
  // Still open at the office: an older kiosk cannot show the reason, and "processing" sends nobody to the counter for nothing.
  'needs-action': 'processing',
  'ready-for-pickup': 'ready',
  // Older kiosks had no word for a collected document; "ready" is the nearest they can say.
  issued: 'ready',
  rejected: 'rejected',
};
