import type { SubmissionAccepted, SubmissionRequest } from '../../shared/contract/portal.js';
import type { PortalLog } from '../portal-log.js';
import type { PortalStore } from '../storage/portal-store.js';
import { submissionBodyHash, submissionProblem } from './submission-checks.js';


export type SubmitOutcome =
  | { outcome: 'created' | 'replayed'; accepted: SubmissionAccepted }
  | { outcome: 'invalid'; message: string }
  | { outcome: 'other-kiosk' }
  | { outcome: 'conflict'; reason: 'different-body' | 'receipt-number-taken' };

/**
 * Submission intake, exactly once in effect: a kiosk's submission is stored once under its id;
 * the same body again answers the first result, another body for the id (or another id for the
 * receipt number) is a conflict. Log lines carry kiosk codes and receipt numbers, never a body.
 */
export class IntakeService {
  constructor(private readonly deps: { store: PortalStore; now: () => Date; log: PortalLog }) {}

  async submit(kioskCode: string, request: SubmissionRequest): Promise<SubmitOutcome> {
    const problem = submissionProblem(request);
    if (problem) return { outcome: 'invalid', message: problem };
    // A kiosk numbers its own receipts: another kiosk's number is not this kiosk's to deliver.
    if (!request.receiptNumber.startsWith(`${kioskCode}-`)) return { outcome: 'other-kiosk' };
    const result = await this.deps.store.acceptSubmission(kioskCode, request, submissionBodyHash(request), this.deps.now());
    if (result.outcome === 'conflict') {
      this.deps.log('submission_conflict', { kiosk: kioskCode, receiptNumber: request.receiptNumber, reason: result.reason });
      return result;
    }
    this.deps.log('submission_accepted', { kiosk: kioskCode, receiptNumber: result.accepted.receiptNumber, outcome: result.outcome });
    return result;
  }
}
