import {
  StaffListRejection,
  signedStaffListSchema,
  verifySignedStaffList,
  type SignedStaffList,
  type StaffListDocument,
  type StaffListRejectionCode,
  type StaffListTrustAnchor,
} from '../../../shared/content/signed-staff-list.js';
import type { StaffRecord } from '../../../shared/content/staff-schema.js';
import type { AuditEntryInput } from '../audit/audit-kinds.js';
import type { RecordAudit } from '../audit/audit-recorder.js';
import { describeError, type Logger } from '../logger.js';
import { PortalCredentialRefused, type PortalClient } from '../portal-client/portal-client.js';
import type { KioskDatabase } from '../storage/database.js';
import { StaffListStore } from './staff-list-store.js';

export type StaffListCheckOutcome =
  | { outcome: 'applied'; version: number }
  | { outcome: 'unchanged' }
  /** The portal keeps no list for this office (or has no staff-list key). */
  | { outcome: 'none' }
  | { outcome: 'refused'; code: StaffListRejectionCode }
  | { outcome: 'failed' };

export interface StaffListPullerOptions {
  db: KioskDatabase;
  /** Absent without a portal: the held list still counts, nothing new arrives. */
  portal: Pick<PortalClient, 'staffList' | 'hasCredential'> | undefined;
  /** The staff-list keys (never the content keys); undefined when the build has none, so no list is trusted. */
  trustAnchors: readonly StaffListTrustAnchor[] | undefined;
  /** The office this kiosk serves: a list for another office is refused. */
  officeCode: string;
  /** Appends to the audit trail inside the caller's transaction (AuditTrail.append), so a list and its entry commit together. */
  appendInCommit: (entry: AuditEntryInput) => void;
  recordAudit?: RecordAudit;
  clock: () => Date;
  log: Logger;
  /** The poll interval, the manifest's. */
  intervalMs: () => number;
  /** A newer list is now the kiosk's staff. */
  onApplied: (version: number) => void;
  /** The portal refused the kiosk's credential for the list (401/403). */
  onCredentialRefused?: (status: 401 | 403, code: string) => void;
}

interface HeldList {
  signed: SignedStaffList;
  document: StaffListDocument;
}

/**
 * The office's signed staff list: polled from the portal beside the manifest, verified against the
 * staff-list keys, this office and the version held, and kept in the database in the same commit as
 * its `staff_list_applied` entry. A refused list is recorded with its code and not fetched again
 * until the portal's ETag changes; the list held before stays. What the database holds is verified
 * again at every start, so a row edited on the disk or signed by a key no longer trusted is dropped
 * and the kiosk falls back to the staff of its content package.
 *
 * An answer that the office has no list (404) leaves a held list in place: a signed list is undone
 * only by a newer signed list, never by an unsigned answer.
 */
export class StaffListPuller {
  private readonly store: StaffListStore;
  private current: HeldList | undefined;
  private etag: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<StaffListCheckOutcome> | undefined;
  private toldNone = false;
  /** The last answer refused, so that a portal sending it again without an ETag does not fill the trail. */
  private refusedAnswer: string | undefined;

  private constructor(private readonly options: StaffListPullerOptions) {
    this.store = new StaffListStore(options.db);
  }

  /** Opens the held list (verified again before it counts) and answers the puller. */
  static async open(options: StaffListPullerOptions): Promise<StaffListPuller> {
    const puller = new StaffListPuller(options);
    await puller.loadHeld();
    return puller;
  }

  /** The held list's staff, or undefined while the kiosk holds none (the content package's staff count then). */
  staff(): readonly StaffRecord[] | undefined {
    return this.current?.document.staff;
  }

  /** The held list's version, or null. */
  version(): number | null {
    return this.current?.document.version ?? null;
  }

  start(firstCheckInMs = 1000): void {
    if (!this.options.portal || !this.options.trustAnchors) return;
    this.schedule(firstCheckInMs);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Checks now; a check already under way is joined rather than doubled. */
  checkNow(): Promise<StaffListCheckOutcome> {
    this.running ??= this.check()
      .catch((error: unknown): StaffListCheckOutcome => {
        // The database went away under a check (the host closing): nothing is applied, the next start asks again.
        this.options.log.warn('staff_list_check_failed', describeError(error));
        return { outcome: 'failed' };
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.checkNow().finally(() => {
        if (this.timer) this.schedule(this.options.intervalMs());
      });
    }, delayMs);
    this.timer.unref?.();
  }

  private async loadHeld(): Promise<void> {
    const { log, trustAnchors, officeCode } = this.options;
    const row = this.store.held();
    if (!row) return;
    let answer: unknown;
    try {
      answer = JSON.parse(row.signed);
    } catch {
      answer = undefined;
    }
    try {
      if (!trustAnchors) throw new StaffListRejection('STAFF_LIST_KEY_UNTRUSTED', 'this build trusts no staff-list key');
      const document = await verifySignedStaffList(answer, { trustAnchors, officeCode, currentVersion: null });
      this.current = { signed: signedStaffListSchema.parse(answer), document };
      this.etag = row.etag ?? undefined;
      log.info('staff_list_held', { version: document.version, staff: document.staff.length });
    } catch (error) {
      const code: StaffListRejectionCode = error instanceof StaffListRejection ? error.code : 'STAFF_LIST_MALFORMED';
      this.options.db.transaction(() => {
        this.store.drop();
        this.options.appendInCommit({ kind: 'staff_list_refused', actor: null, subject: null, details: { source: 'stored', code } });
      })();
      log.error('staff_list_held_dropped', { code, ...(error instanceof StaffListRejection ? { detail: error.detail } : describeError(error)) });
    }
  }

  private async check(): Promise<StaffListCheckOutcome> {
    const { portal, log, trustAnchors } = this.options;
    // The list is answered to an enrolled kiosk only: before enrolment there is nothing to ask (and no alarm to raise).
    if (!portal || !trustAnchors || !portal.hasCredential) return { outcome: 'none' };
    let answer;
    try {
      answer = await portal.staffList(this.etag);
    } catch (error) {
      if (error instanceof PortalCredentialRefused) {
        log.error('staff_list_credential_refused', { status: error.status, code: error.code });
        this.options.onCredentialRefused?.(error.status, error.code);
      } else {
        log.warn('staff_list_check_failed', describeError(error));
      }
      return { outcome: 'failed' };
    }
    if (answer.kind === 'unchanged') return { outcome: 'unchanged' };
    if (answer.kind === 'none') {
      if (!this.toldNone) log.info('staff_list_none_at_portal', { heldVersion: this.version() ?? 0 });
      this.toldNone = true;
      return { outcome: 'none' };
    }
    this.toldNone = false;
    if (this.current && isSameList(answer.signed, this.current.signed)) {
      // The list held, under a new ETag (a portal restarted, say): nothing to apply, nothing refused.
      this.etag = answer.etag;
      this.store.rememberEtag(answer.etag ?? null);
      return { outcome: 'unchanged' };
    }
    const answerText = JSON.stringify(answer.signed) ?? '';
    if (answerText === this.refusedAnswer) {
      this.etag = answer.etag;
      return { outcome: 'unchanged' };
    }
    try {
      const document = await verifySignedStaffList(answer.signed, { trustAnchors, officeCode: this.options.officeCode, currentVersion: this.version() });
      const signed = signedStaffListSchema.parse(answer.signed);
      this.apply(signed, document, answer.etag);
      return { outcome: 'applied', version: document.version };
    } catch (error) {
      if (!(error instanceof StaffListRejection)) {
        log.warn('staff_list_apply_failed', describeError(error));
        return { outcome: 'failed' };
      }
      // Refused for good: asked again only when the portal's ETag changes.
      this.etag = answer.etag;
      this.refusedAnswer = answerText;
      log.warn('staff_list_refused', { code: error.code, detail: error.detail });
      this.options.recordAudit?.({ kind: 'staff_list_refused', actor: null, subject: null, details: { source: 'portal', code: error.code } });
      return { outcome: 'refused', code: error.code };
    }
  }

  private apply(signed: SignedStaffList, document: StaffListDocument, etag: string | undefined): void {
    const { db, clock, log } = this.options;
    db.transaction(() => {
      this.store.replace({
        signed: JSON.stringify(signed),
        officeCode: document.officeCode,
        version: document.version,
        issuedAt: document.issuedAt,
        appliedAt: clock().toISOString(),
        etag: etag ?? null,
      });
      this.options.appendInCommit({
        kind: 'staff_list_applied',
        actor: null,
        subject: String(document.version),
        details: { officeCode: document.officeCode, keyId: signed.keyId },
      });
    }).immediate();
    this.current = { signed, document };
    this.etag = etag;
    log.info('staff_list_applied', { version: document.version, keyId: signed.keyId, staff: document.staff.length });
    this.options.onApplied(document.version);
  }
}

function isSameList(answer: unknown, held: SignedStaffList): boolean {
  const parsed = signedStaffListSchema.safeParse(answer);
  return parsed.success && parsed.data.document === held.document && parsed.data.signature === held.signature && parsed.data.keyId === held.keyId;
}
