import type { ApplicationStatus } from '../../shared/contract/portal.js';
import { checkStatusMove, LEGACY_STATUS_OF, needsReason, type StatusMoveRefusal } from '../../shared/domain/application-status.js';
import type { ApplicationStatusName } from '../../shared/domain/submission.js';
import { portalAuditActor } from '../audit/portal-audit-entry.js';
import type { PortalLog } from '../portal-log.js';
import type {
  ApplicationListCursor,
  ApplicationListFilter,
  ApplicationStatusStore,
  ApplicationSummary,
} from '../storage/application-status-store.js';
import type { StatusReason } from '../../shared/domain/application-status-reasons.js';
import type { StatusReasons } from './status-reasons.js';

/** Who acts in the back office: the signed-in user's id. */
export interface BackOfficeActor {
  userId: number;
}

export type StatusChangeOutcome =
  | { outcome: 'changed'; status: ApplicationStatusName; reasonId: string | null }
  | { outcome: 'not-found' }
  | { outcome: 'refused'; refusal: StatusMoveRefusal | 'UNKNOWN_REASON' | 'REASON_NOT_FOR_STATUS' | 'STATUS_MOVED'; from: ApplicationStatusName };

/**
 * The status workflow at the portal: officers move applications through the allowed steps, each
 * change stored with its audit entry in one transaction; visitors read where theirs stands in their
 * language. Log lines carry receipt numbers and statuses, never anything a visitor wrote.
 */
export class ApplicationStatusService {
  constructor(private readonly deps: { store: ApplicationStatusStore; reasons: StatusReasons; now: () => Date; log: PortalLog }) {}

  /**
   * Moves the application to `to`, from `expected` (the status the officer saw) when given. When it stands
   * elsewhere now (another officer moved it meanwhile) the move is refused as STATUS_MOVED with
   * where it stands, so nobody decides on a state they never saw.
   */
  async changeStatus(
    actor: BackOfficeActor,
    receiptNumber: string,
    to: ApplicationStatusName,
    reasonId: string | null,
    expected?: ApplicationStatusName,
  ): Promise<StatusChangeOutcome> {
    const current = await this.deps.store.current(receiptNumber);
    if (!current) return { outcome: 'not-found' };
    const from = current.status;
    if (expected !== undefined && from !== expected) return { outcome: 'refused', refusal: 'STATUS_MOVED', from };
    const move = checkStatusMove(from, to, reasonId);
    if (!move.ok) return { outcome: 'refused', refusal: move.refusal, from };
    if (reasonId !== null) {
      const reason = this.deps.reasons.get(reasonId);
      if (!reason) return { outcome: 'refused', refusal: 'UNKNOWN_REASON', from };
      if (!needsReason(to) || !reason.for.includes(to)) return { outcome: 'refused', refusal: 'REASON_NOT_FOR_STATUS', from };
    }
    const stored = await this.deps.store.changeStatus(
      { submissionId: current.id, at: this.deps.now(), by: actor.userId, from, to, reasonId },
      { kind: 'status_changed', actor: portalAuditActor(actor.userId), subject: receiptNumber, details: { from, to, reason: reasonId } },
    );
    if (stored === 'status-moved') {
      const now = await this.deps.store.current(receiptNumber);
      return { outcome: 'refused', refusal: 'STATUS_MOVED', from: now?.status ?? from };
    }
    this.deps.log('application_status_changed', { receiptNumber, from, to, reason: reasonId ?? 'none', user: actor.userId });
    return { outcome: 'changed', status: to, reasonId };
  }

  /** What a kiosk shows a visitor: the status in both vocabularies, and the reason's texts in every language. */
  async lookup(receiptNumber: string): Promise<ApplicationStatus | null> {
    const current = await this.deps.store.current(receiptNumber);
    if (!current) return null;
    const reason = current.reasonId === null ? undefined : this.deps.reasons.get(current.reasonId);
    return {
      receiptNumber: current.receiptNumber,
      serviceId: current.serviceId,
      status: LEGACY_STATUS_OF[current.status],
      updatedAt: current.updatedAt,
      state: current.status,
      // A template removed from the list since: the status still shows, with its general next step.
      reason: reason ? { id: reason.id, text: reason.text, nextStep: reason.nextStep } : null,
    };
  }

  /** Every reason template, for the officer's choice. */
  reasonTemplates(): StatusReason[] {
    return [...this.deps.reasons.values()];
  }

  list(filter: ApplicationListFilter, after: ApplicationListCursor | null, limit: number): Promise<ApplicationSummary[]> {
    return this.deps.store.list(filter, after, limit);
  }
}
