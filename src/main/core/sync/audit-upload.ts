import type { ChainBreak } from '../../../shared/audit/audit-chain.js';
import { MAX_AUDIT_ENTRIES_PER_UPLOAD, type AuditUploadEntry } from '../../../shared/contract/portal.js';
import { UnreadableAuditEntry, type AuditEntry, type AuditTrail } from '../audit/audit-trail.js';
import type { RecordAudit } from '../audit/audit-recorder.js';
import { describeError, type Logger } from '../logger.js';
import type { PortalClient } from '../portal-client/portal-client.js';

/** The portal holds a chain this kiosk's trail does not continue: where it breaks and why. Staff see it in the sync status. */
export interface AuditAlarm {
  brokenAt: number;
  reason: ChainBreak | 'REFUSED';
}

export interface AuditUploadOptions {
  trail: Pick<AuditTrail, 'entriesAfter' | 'head'>;
  portal: Pick<PortalClient, 'uploadAudit' | 'hasCredential'>;
  clock: () => Date;
  log: Logger;
  onAlarmChange?: () => void;
  /** Records a new alarm in the trail itself, so the kiosk's own log says when the portal stopped taking it. */
  recordAudit?: RecordAudit;
  /** The longest one tick goes on sending a backlog, in batches; the rest goes on the next ticks. */
  maxBatchesPerTick?: number;
}

/** After a refusal the same entries go again only after this long, doubling up to the cap: a refused chain costs one request per wait, never a storm. */
export const AUDIT_REFUSAL_BACKOFF = { firstMs: 2 * 60_000, capMs: 60 * 60_000 } as const;

/**
 * Sends the audit trail to the portal on each heartbeat tick, in seq order, in batches the
 * endpoint takes, until the portal holds all of it. The portal answers the head it stores and the
 * next batch starts after it. That head is taken from each answer rather than kept on the disk: a
 * copy there is one more thing a tamperer could edit, and the portal's word is what counts. After
 * a start the first batch repeats entries the portal has (accepted, changing nothing) and its answer
 * says where to go on.
 */
export class AuditUpload {
  private acknowledgedSeq = 0;
  private running = false;
  private refusals = 0;
  private waitUntil = 0;
  private currentAlarm: AuditAlarm | null = null;

  constructor(private readonly options: AuditUploadOptions) {}

  alarm(): AuditAlarm | null {
    return this.currentAlarm;
  }

  /** One heartbeat tick: sends what the portal does not hold yet. Never throws; a failure waits for the next tick. */
  async tick(): Promise<void> {
    const { portal, clock } = this.options;
    if (this.running || !portal.hasCredential || clock().getTime() < this.waitUntil) return;
    this.running = true;
    try {
      for (let batch = 0; batch < (this.options.maxBatchesPerTick ?? 20); batch++) {
        if (!(await this.sendBatch())) break;
      }
    } catch (error) {
      this.options.log.warn('audit_upload_failed', describeError(error));
    } finally {
      this.running = false;
    }
  }

  /** True when a full batch was taken and more may follow. */
  private async sendBatch(): Promise<boolean> {
    const { trail, portal, log } = this.options;
    let entries: AuditEntry[];
    try {
      entries = trail.entriesAfter(this.acknowledgedSeq, MAX_AUDIT_ENTRIES_PER_UPLOAD);
    } catch (error) {
      if (!(error instanceof UnreadableAuditEntry)) throw error;
      // An entry whose details no longer read: the trail was edited on the disk, and cannot be sent as it was hashed.
      log.error('audit_upload_unreadable', { seq: error.seq });
      this.refused({ brokenAt: error.seq, reason: 'CONTENT_EDITED' });
      return false;
    }
    if (entries.length === 0) return false;
    const answer = await portal.uploadAudit(entries.map(uploadEntry));
    if (answer.kind === 'accepted') {
      const head = answer.accepted.head;
      const localHead = trail.head()?.seq ?? 0;
      if (head && head.seq > localHead) {
        // The portal holds entries this trail no longer has: it was cut short or replaced on the disk.
        log.error('audit_chain_behind_portal', { portalSeq: head.seq, kioskSeq: localHead });
        this.refused({ brokenAt: localHead + 1, reason: 'TRUNCATED' });
        return false;
      }
      this.acknowledgedSeq = head?.seq ?? 0;
      this.refusals = 0;
      this.setAlarm(null);
      log.info('audit_uploaded', { stored: answer.accepted.stored, head: this.acknowledgedSeq });
      return entries.length === MAX_AUDIT_ENTRIES_PER_UPLOAD && this.acknowledgedSeq >= entries[entries.length - 1]!.seq;
    }
    if (answer.kind === 'chain-refused') {
      if (answer.reason === 'SEQ_GAP' && answer.brokenAt === entries[0]!.seq && this.acknowledgedSeq > 0) {
        // The portal holds less than it acknowledged (its database was restored from a backup): send
        // again from the start, which it takes as repeats up to its head and then as new entries.
        log.warn('audit_upload_portal_behind', { acknowledgedSeq: this.acknowledgedSeq });
        this.acknowledgedSeq = 0;
        return true;
      }
      log.error('audit_upload_refused', { brokenAt: answer.brokenAt, reason: answer.reason });
      this.refused({ brokenAt: answer.brokenAt, reason: answer.reason as ChainBreak });
      return false;
    }
    if (answer.status === 404) {
      // A portal without the endpoint yet (updated after the kiosks): nothing is wrong with the chain, so no alarm; ask again in an hour.
      log.warn('audit_upload_unsupported', { status: answer.status });
      this.waitUntil = this.options.clock().getTime() + AUDIT_REFUSAL_BACKOFF.capMs;
      return false;
    }
    if (answer.status === 400 || answer.status === 413) {
      // The portal does not take these entries as they are: trying again soon would not help.
      log.error('audit_upload_not_taken', { status: answer.status, code: answer.code });
      this.refused({ brokenAt: entries[0]!.seq, reason: 'REFUSED' });
      return false;
    }
    // A refused credential pauses delivery and raises its own alarm; 429 and 5xx wait for the next tick.
    log.warn('audit_upload_retry', { status: answer.status, code: answer.code });
    return false;
  }

  private refused(alarm: AuditAlarm): void {
    const wait = Math.min(AUDIT_REFUSAL_BACKOFF.capMs, AUDIT_REFUSAL_BACKOFF.firstMs * 2 ** Math.min(this.refusals, 20));
    this.refusals++;
    this.waitUntil = this.options.clock().getTime() + wait;
    this.setAlarm(alarm);
  }

  private setAlarm(alarm: AuditAlarm | null): void {
    if (JSON.stringify(alarm) === JSON.stringify(this.currentAlarm)) return;
    this.currentAlarm = alarm;
    if (alarm) {
      this.options.recordAudit?.({
        kind: 'sync_alarm',
        actor: null,
        subject: null,
        details: { alarm: 'AUDIT_CHAIN_REFUSED', brokenAt: alarm.brokenAt, reason: alarm.reason },
      });
    }
    this.options.onAlarmChange?.();
  }
}

/** The entry exactly as the trail holds and hashed it. */
function uploadEntry(entry: AuditEntry): AuditUploadEntry {
  const { seq, at, kind, actor, subject, details, contentHash, previousHash, entryHash } = entry;
  // The trail's details are read-only lists and values; on the wire they are the same JSON.
  return { seq, at, kind, actor, subject, details: details as AuditUploadEntry['details'], contentHash, previousHash, entryHash };
}
