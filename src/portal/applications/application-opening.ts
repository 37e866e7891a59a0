import type { Language } from '../../shared/domain/languages.js';
import { portalAuditActor } from '../audit/portal-audit-entry.js';
import { openSubmissionDocument, SubmissionOpenError } from '../open-submission.js';
import type { PortalLog } from '../portal-log.js';
import type { ApplicationStatusStore, ApplicationSummary, StoredStatusChange } from '../storage/application-status-store.js';
import type { StoredSubmission } from '../storage/portal-store.js';
import type { BackOfficeActor } from './application-status-service.js';
import { openedAnswers, type OpenedAnswer } from './opened-answers.js';
import type { PortalKeyring } from './portal-private-key.js';
import type { FormLookup } from './published-forms.js';

export type OpeningOutcome =
  | {
      outcome: 'opened';
      application: ApplicationSummary & { formId: string; formVersion: number; language: Language };
      answers: OpenedAnswer[];
      history: StoredStatusChange[];
    }
  | { outcome: 'not-found' }
  /** The portal cannot show it: no key configured, sealed to another key, or the form's package is not in the library. */
  | { outcome: 'cannot-open'; reason: 'NO_KEY' | 'OTHER_KEY' | 'DOES_NOT_OPEN' | 'FORM_UNKNOWN' }
  /** The retention policy emptied its answers at `purgedAt`: nothing is left to open. */
  | { outcome: 'purged'; purgedAt: string };

/**
 * An officer opens an application: the portal unseals it here with its private key and names each
 * answer by the question of the form version the visitor answered, in the officer's language. The
 * opening is in the portal's audit trail before any answer leaves this function, so an opening
 * the trail does not hold never showed anyone anything.
 */
export class ApplicationOpening {
  constructor(
    private readonly deps: {
      submission: (id: string) => Promise<StoredSubmission | null>;
      applications: ApplicationStatusStore;
      forms: FormLookup;
      /** Every key the portal holds; an application opens with the one whose id it was sealed to. */
      keys: PortalKeyring;
      now: () => Date;
      log: PortalLog;
    },
  ) {}

  async open(actor: BackOfficeActor, submissionId: string, language: Language): Promise<OpeningOutcome> {
    const row = await this.deps.submission(submissionId);
    if (!row) return { outcome: 'not-found' };
    if (row.sealedPurgedAt !== null) return { outcome: 'purged', purgedAt: row.sealedPurgedAt };
    const { keys } = this.deps;
    if (keys.keyIds.length === 0) return { outcome: 'cannot-open', reason: 'NO_KEY' };
    const privateKey = keys.byId(row.sealedKeyId);
    if (!privateKey) return { outcome: 'cannot-open', reason: 'OTHER_KEY' };
    const form = this.deps.forms(row.contentVersion, row.formId, row.formVersion);
    if (!form) return { outcome: 'cannot-open', reason: 'FORM_UNKNOWN' };
    let document: unknown;
    try {
      document = await openSubmissionDocument(row, privateKey.privateKeyJwk);
    } catch (error) {
      if (error instanceof SubmissionOpenError || error instanceof SyntaxError) {
        this.deps.log('application_does_not_open', { receiptNumber: row.receiptNumber });
        return { outcome: 'cannot-open', reason: 'DOES_NOT_OPEN' };
      }
      throw error;
    }
    const answers = (document as { answers?: unknown } | null)?.answers;
    const history = await this.deps.applications.history(row.id);
    await this.deps.applications.record(
      { kind: 'application_opened', actor: portalAuditActor(actor.userId), subject: row.receiptNumber, details: { submissionId: row.id, language } },
      this.deps.now(),
    );
    this.deps.log('application_opened', { receiptNumber: row.receiptNumber, user: actor.userId });
    return {
      outcome: 'opened',
      application: {
        id: row.id,
        receiptNumber: row.receiptNumber,
        serviceId: row.serviceId,
        kioskCode: row.kioskCode,
        assistedBy: row.assistedBy ?? null,
        createdAt: row.createdAt,
        status: row.status,
        statusUpdatedAt: row.statusUpdatedAt,
        formId: row.formId,
        formVersion: row.formVersion,
        language: row.language,
      },
      answers: openedAnswers(form, typeof answers === 'object' && answers !== null ? (answers as Record<string, unknown>) : {}, language),
      history,
    };
  }
}
