import type { ApplicationStatus } from '../../../shared/contract/portal.js';
import type { ApplicationStatusName, LegacyApplicationStatusName } from '../../../shared/domain/submission.js';
import type { LocalizedText } from '../../../shared/domain/languages.js';

/** Where an application stands, as the visitor's lookup shows it. */
export interface VisitorStatus {
  receiptNumber: string;
  serviceId: string;
  status: ApplicationStatusName;
  reason: { text: LocalizedText; nextStep: LocalizedText } | null;
  updatedAt: string;
}

/** A portal older than the six statuses says one of the four first words: each read as the nearest status. */
const STATUS_FROM_LEGACY: Readonly<Record<LegacyApplicationStatusName, ApplicationStatusName>> = {
  received: 'received',
  processing: 'in-review',
  ready: 'ready-for-pickup',
  rejected: 'rejected',
};

/** The portal's answer as the visitor reads it: the six-status `state` when the portal gives it, the reason's texts and next step. */
export function visitorStatusOf(answer: ApplicationStatus): VisitorStatus {
  return {
    receiptNumber: answer.receiptNumber,
    serviceId: answer.serviceId,
    status: answer.state ?? STATUS_FROM_LEGACY[answer.status],
    reason: answer.reason ? { text: answer.reason.text, nextStep: answer.reason.nextStep } : null,
    updatedAt: answer.updatedAt,
  };
}
