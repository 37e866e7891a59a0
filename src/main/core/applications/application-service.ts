import { v7 as uuidv7 } from 'uuid';
import { portalKeyToSealWith, type CatalogueDocument, type KioskSettings, type LegalText, type PortalEncryptionKey, type Service } from '../../../shared/content/content-schema.js';
import { amountToPaySom, documentsThatApply, statusLookupAddress } from '../../../shared/content/what-to-bring.js';
import type { FormDefinition } from '../../../shared/forms/form-schema.js';
import { validateSubmission } from '../../../shared/forms/form-engine.js';
import { localIsoDate } from '../../../shared/forms/validators.js';
import type { LegalTextForConsent, StartedApplication, SubmittedApplication } from '../../../shared/contract/ipc.js';
import type { Language } from '../../../shared/domain/languages.js';
import { describeError, type Logger } from '../logger.js';
import { fail, ok, type Result } from '../../../shared/contract/result.js';
import type { AuditEntryInput } from '../audit/audit-kinds.js';
import type { AssistingClerk } from './assisting-clerk.js';
import type { NewOutboxEntry, Outbox, OutboxReceipt } from './outbox.js';
import { SEALED_FORMAT, sealToPortal, submissionAssociatedData } from './sealing.js';

/** What the host remembers of an application between its start and its submission: nothing personal. */
interface PinnedApplication {
  serviceId: string;
  service: Service;
  form: FormDefinition;
  settings: KioskSettings;
  contentVersion: number;
  privacyPolicyVersion: string;
  userAgreementVersion: string;
  /** The additional texts the service asked the visitor to accept, kind and version. */
  additionalLegalTexts: { kind: LegalText['kind']; version: string }[];
  portalKey: PortalEncryptionKey;
  startedAt: number;
}

export interface ApplicationServiceOptions {
  outbox: Outbox;
  /** The active catalogue and its package version, or undefined before the first package. */
  currentContent: () => { document: CatalogueDocument; version: number } | undefined;
  clock: () => Date;
  log: Logger;
  /** Told after each commit, so delivery starts at once when the network is up. */
  onQueued?: () => void;
  /** Told when the outbox could not take an application (a full disk among the reasons). */
  onNotSaved?: (error: unknown) => void;
  /** False for a service whose form failed on this kiosk's screen: it is not started again here. */
  availableHere?: (serviceId: string) => boolean;
  /**
   * Applications a clerk fills for a visitor: who is assisting at submit time (the host's staff
   * session, never the page), and how to write the `assisted_application` audit entry inside the
   * outbox's transaction, so an assisted application never exists without its entry or the reverse.
   * Without it every application is the visitor's own.
   */
  assistance?: {
    clerk: () => AssistingClerk | null;
    recordInCommit: (entry: AuditEntryInput) => void;
  };
}

export type ReceiptDetails = Pick<SubmittedApplication, 'amountToPaySom' | 'documentIds'>;

const MAX_OPEN_APPLICATIONS = 200;
/** Longer than any visit: a reprint during the visit gets the same slip, a later one the service's full list. */
const RECEIPT_DETAILS_TTL_MS = 30 * 60 * 1000;
const OPEN_APPLICATION_TTL_MS = 4 * 60 * 60 * 1000;

/**
 * Starts applications (pinning the form version, so a content update mid-visit does not change
 * the questions) and accepts them: re-validates with the same engine the screen used, seals the
 * answers to the portal's key, and commits the sealed blob and its metadata in one transaction.
 * The answers exist in clear only in memory, for the duration of this call.
 */
export class ApplicationService {
  private readonly open = new Map<string, PinnedApplication>();
  private readonly details = new Map<string, { details: ReceiptDetails; at: number }>();
  private latestReceiptNumber: string | undefined;

  constructor(private readonly options: ApplicationServiceOptions) {}

  start(serviceId: string): Result<StartedApplication> {
    const content = this.options.currentContent();
    if (!content) return fail('UNAVAILABLE', 'The kiosk has no content yet.');
    const service = content.document.services.find((candidate) => candidate.id === serviceId);
    const form = service && content.document.forms.find((candidate) => candidate.id === service.formId);
    if (!service || !form) return fail('NOT_FOUND', 'No such service or form.');
    if (this.options.availableHere?.(serviceId) === false) return fail('UNAVAILABLE', 'This service is out of use on this kiosk.');
    const privacyPolicy = legalText(content.document, 'privacy-policy');
    const userAgreement = legalText(content.document, 'user-agreement');
    if (!privacyPolicy || !userAgreement) return fail('UNAVAILABLE', 'The content has no privacy policy or user agreement.');
    const additional = service.additionalLegalTexts.map((kind) => legalText(content.document, kind));
    if (additional.some((text) => text === undefined)) return fail('UNAVAILABLE', 'The content lacks a legal text this service requires.');
    const additionalLegalTexts = additional as LegalText[];
    this.forgetStale();
    const applicationId = uuidv7();
    this.open.set(applicationId, {
      serviceId,
      service,
      form,
      settings: content.document.settings,
      contentVersion: content.version,
      privacyPolicyVersion: privacyPolicy.version,
      userAgreementVersion: userAgreement.version,
      additionalLegalTexts: additionalLegalTexts.map((text) => ({ kind: text.kind, version: text.version })),
      // Chosen when the visit opens the form: the key the application is sealed to does not change under the visitor.
      portalKey: portalKeyToSealWith(content.document, this.options.clock()),
      startedAt: this.options.clock().getTime(),
    });
    return ok({
      applicationId,
      serviceId,
      contentVersion: content.version,
      form,
      privacyPolicy: forConsent(privacyPolicy),
      userAgreement: forConsent(userAgreement),
      additionalLegalTexts: additionalLegalTexts.map(forConsent),
    });
  }

  cancel(applicationId: string): void {
    this.open.delete(applicationId);
  }

  async submit(request: {
    applicationId: string;
    language: Language;
    consent: {
      privacyPolicyVersion: string;
      userAgreementVersion: string;
      additional?: { kind: LegalText['kind']; version: string }[];
    };
    answers: Record<string, unknown>;
  }): Promise<Result<SubmittedApplication>> {
    const pinned = this.open.get(request.applicationId);
    if (!pinned) return fail('APPLICATION_UNKNOWN', 'This application is not open on the kiosk.');
    if (
      request.consent.privacyPolicyVersion !== pinned.privacyPolicyVersion ||
      request.consent.userAgreementVersion !== pinned.userAgreementVersion ||
      !sameTexts(request.consent.additional ?? [], pinned.additionalLegalTexts)
    ) {
      return fail('VALIDATION', 'The consent does not name the texts the visitor was shown.');
    }
    const now = this.options.clock();
    // The kiosk's local date, as the screen uses: in Bishkek (UTC+6) the UTC date lags until 06:00.
    const today = localIsoDate(now);
    const checked = validateSubmission(pinned.form, request.answers, { today });
    if (!checked.ok) {
      // Paths and codes only: the values are the visitor's and stay out of logs and errors.
      const where = checked.issues.map((issue) => `${issue.path}:${issue.code}`).slice(0, 10).join(', ');
      this.options.log.warn('application_refused', { formId: pinned.form.id, issues: where });
      return fail('VALIDATION', `The answers do not satisfy the form: ${where}`);
    }

    // Read once, before sealing: the sealed consent, the outbox row and the receipt name the same clerk.
    const clerk = this.options.assistance?.clerk() ?? null;
    const createdAt = now.toISOString();
    const document = {
      applicationId: request.applicationId,
      serviceId: pinned.serviceId,
      formId: pinned.form.id,
      formVersion: pinned.form.version,
      contentVersion: pinned.contentVersion,
      language: request.language,
      // A clerk's presence is part of the consent: the visitor consented with the clerk beside them.
      consent: { ...request.consent, additional: pinned.additionalLegalTexts, inPresenceOfClerk: clerk?.staffId ?? null },
      createdAt,
      answers: checked.answers,
    };
    const sealed = await sealToPortal(
      pinned.portalKey.publicKey,
      new TextEncoder().encode(JSON.stringify(document)),
      submissionAssociatedData(request.applicationId, pinned.form.id, pinned.form.version),
    );
    const entry: NewOutboxEntry = {
      id: request.applicationId,
      serviceId: pinned.serviceId,
      formId: pinned.form.id,
      formVersion: pinned.form.version,
      contentVersion: pinned.contentVersion,
      privacyPolicyVersion: pinned.privacyPolicyVersion,
      userAgreementVersion: pinned.userAgreementVersion,
      language: request.language,
      createdAt,
      sealed,
      sealedFormat: SEALED_FORMAT,
      sealedKeyId: pinned.portalKey.keyId,
      assistedBy: clerk?.staffId ?? null,
    };
    // Worked out before the commit: once the application is saved, nothing may fail and tell the
    // visitor it was not, or they would apply again.
    const details: ReceiptDetails = {
      amountToPaySom: amountToPaySom(pinned.service, checked.answers),
      documentIds: documentsThatApply(pinned.service, checked.answers, today),
    };
    const recordInCommit = this.options.assistance?.recordInCommit;
    const inSameCommit =
      clerk && recordInCommit
        ? (queued: OutboxReceipt) =>
            recordInCommit({
              kind: 'assisted_application',
              actor: clerk.staffId,
              subject: queued.receiptNumber,
              details: { serviceId: pinned.serviceId, contentVersion: pinned.contentVersion },
            })
        : undefined;
    let receipt;
    try {
      receipt = this.options.outbox.enqueue(entry, { inSameCommit });
    } catch (error) {
      this.options.log.error('application_not_saved', { formId: pinned.form.id, ...describeError(error) });
      try {
        this.options.onNotSaved?.(error);
      } catch (noticeError) {
        this.options.log.warn('application_not_saved_notice_failed', describeError(noticeError));
      }
      return fail('NOT_SAVED', 'The application could not be saved.');
    }
    this.open.delete(request.applicationId);
    try {
      this.options.onQueued?.();
    } catch (error) {
      // The application is committed and its receipt exists: a failed notice must not tell the visitor otherwise.
      this.options.log.warn('application_queued_notice_failed', describeError(error));
    }
    this.options.log.info('application_queued', { formId: pinned.form.id, receiptNumber: receipt.receiptNumber });
    this.rememberDetails(receipt.receiptNumber, details);
    return ok({
      receiptNumber: receipt.receiptNumber,
      createdAt: receipt.createdAt,
      state: receipt.state,
      ...details,
      statusLookupUrl: statusLookupAddress(pinned.settings, receipt.receiptNumber),
      assistedBy: clerk,
    });
  }

  /**
   * The fee and documents worked out for a receipt this kiosk issued recently, for its printout.
   * They follow from the answers (a divorce certificate says the visitor was married before), so
   * they live in memory only, for as long as a visit could still ask for a reprint.
   */
  receiptDetails(receiptNumber: string): ReceiptDetails | undefined {
    const remembered = this.details.get(receiptNumber);
    if (!remembered || remembered.at < this.options.clock().getTime() - RECEIPT_DETAILS_TTL_MS) return undefined;
    return remembered.details;
  }

  /**
   * Whether this is the receipt of the last application submitted here, within the time a visit
   * could still ask for it again: what a visitor's receipt screen may print without staff.
   */
  isLatestReceipt(receiptNumber: string): boolean {
    return this.latestReceiptNumber === receiptNumber && this.receiptDetails(receiptNumber) !== undefined;
  }

  private rememberDetails(receiptNumber: string, details: ReceiptDetails): void {
    this.latestReceiptNumber = receiptNumber;
    const now = this.options.clock().getTime();
    for (const [number, remembered] of this.details) {
      if (remembered.at < now - RECEIPT_DETAILS_TTL_MS || this.details.size >= MAX_OPEN_APPLICATIONS) this.details.delete(number);
    }
    this.details.set(receiptNumber, { details, at: now });
  }

  private forgetStale(): void {
    const oldest = this.options.clock().getTime() - OPEN_APPLICATION_TTL_MS;
    for (const [id, application] of this.open) {
      if (application.startedAt < oldest || this.open.size >= MAX_OPEN_APPLICATIONS) this.open.delete(id);
    }
  }
}

function legalText(document: CatalogueDocument, kind: LegalText['kind']): LegalText | undefined {
  return document.legalTexts.find((candidate) => candidate.kind === kind);
}

function forConsent(text: LegalText): LegalTextForConsent {
  return { kind: text.kind, version: text.version, title: text.title, summary: text.summary, body: text.body };
}

/** The same kinds at the same versions, in any order, each once. */
function sameTexts(given: { kind: string; version: string }[], pinned: { kind: string; version: string }[]): boolean {
  const key = (text: { kind: string; version: string }) => `${text.kind}@${text.version}`;
  const wanted = new Set(pinned.map(key));
  return given.length === wanted.size && new Set(given.map(key)).size === given.length && given.every((text) => wanted.has(key(text)));
}
