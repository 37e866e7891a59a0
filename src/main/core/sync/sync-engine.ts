import type { ApplicationStatus, Heartbeat, SubmissionRequest } from '../../../shared/contract/portal.js';
import type { SyncState } from '../../../shared/domain/submission.js';
import type { DeliveryAnswer, PortalClient } from '../portal-client/portal-client.js';
import type { RecordAudit } from '../audit/audit-recorder.js';
import { describeError, type Logger } from '../logger.js';
import type { Outbox, OutboxDelivery } from '../applications/outbox.js';
import { DEFAULT_BACKOFF, fullJitterDelay, parseRetryAfter, type BackoffPolicy } from './backoff.js';

export interface SyncStatus {
  state: SyncState;
  online: boolean | null;
  lastSyncAt: string | null;
  lastError: string | null;
  pausedReason: string | null;
}

export interface SyncEngineOptions {
  outbox: Outbox;
  portal: PortalClient;
  clock: () => Date;
  log: Logger;
  policy?: BackoffPolicy;
  random?: () => number;
  /** While offline, how often to look for the portal again. */
  probeIntervalMs?: number;
  onDelivered: (receiptNumber: string) => void;
  onStatusChange?: (status: SyncStatus) => void;
  /** The audit trail: a refused credential stops sending until an administrator acts, so it is recorded. */
  recordAudit?: RecordAudit;
  /** The outbox could not record a step of delivery; the kiosk's health hears of it (a full disk). */
  onStorageFailed?: (error: unknown) => void;
}

type SendOutcome = 'delivered' | 'quarantined' | 'retry' | 'offline' | 'paused';
/** A window stops the drain when the portal cannot be reached or refused the credential. */
type WindowOutcome = 'delivered' | 'offline' | 'paused';

/** Statuses that will not change by trying again: the row is set aside for a person to look at. */
const PERMANENT_CLIENT_ERRORS = new Set([400, 404, 405, 409, 410, 413, 415, 422]);
const RETRYABLE = (status: number) => status === 408 || status === 429 || status >= 500;
const CHECKPOINT_EVERY = 50;
/**
 * How many applications are on the wire at once. One at a time, a drain after an outage waits a
 * round trip and the portal's commit per application; a window of them lets the portal commit them
 * together (its group commit) and the kiosk record them with one flush, while a recovering portal
 * still sees a bounded load from each kiosk.
 */
export const DELIVERY_WINDOW = 16;
/** After the outbox refused a write, delivery waits this long before it tries again. */
const STORAGE_RETRY_MS = 5000;

/**
 * Delivers the outbox to the portal, oldest first, a window of applications at a time. Each row carries
 * its own schedule, so a row that keeps failing never holds up the others; the portal's
 * idempotency makes every resend safe, so a crash between sending and marking costs nothing.
 */
export class SyncEngine {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private requeueBeforeNextDrain = false;
  private stopped = true;
  private deliveredSinceCheckpoint = 0;
  private state: SyncStatus;
  private readonly policy: BackoffPolicy;

  constructor(private readonly options: SyncEngineOptions) {
    this.policy = options.policy ?? DEFAULT_BACKOFF;
    const credential = options.portal.hasCredential;
    this.state = { state: credential ? 'idle' : 'paused', online: null, lastSyncAt: null, lastError: null, pausedReason: credential ? null : 'NO_CREDENTIAL' };
  }

  status(): SyncStatus {
    return { ...this.state };
  }

  start(): void {
    this.stopped = false;
    const requeued = this.options.outbox.requeueInterrupted();
    if (requeued > 0) this.options.log.info('sync_requeued_interrupted', { count: requeued });
    if (!this.options.portal.hasCredential) this.options.log.error('sync_no_credential');
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** A new application was queued: try at once. */
  notifyQueued(): void {
    if (this.state.online !== false) this.schedule(0);
  }

  /** Staff asked to sync now, or connectivity came back: everything queued is due, a pause is lifted. */
  syncNow(): void {
    if (this.options.portal.hasCredential && this.state.state === 'paused') this.update({ state: 'idle', pausedReason: null });
    this.options.outbox.makeAllDue(this.options.clock());
    this.schedule(0);
  }

  /** Sends everything that is due now; resolves when nothing due is left or sending must wait. */
  async drain(): Promise<void> {
    if (this.running || this.state.state === 'paused') return;
    this.running = true;
    try {
      if (this.requeueBeforeNextDrain) {
        this.options.outbox.requeueInterrupted();
        this.requeueBeforeNextDrain = false;
      }
      for (;;) {
        const rows = this.options.outbox.claimDue(this.options.clock(), DELIVERY_WINDOW);
        if (rows.length === 0) break;
        const outcome = await this.deliverWindow(rows);
        if (outcome === 'offline' || outcome === 'paused') break;
      }
      if (this.deliveredSinceCheckpoint > 0 && !this.options.outbox.nextDue(this.options.clock())) this.checkpoint();
    } finally {
      this.running = false;
    }
    if (this.state.state === 'sending') this.update({ state: this.options.outbox.nextAttemptAt() ? 'waiting' : 'idle' });
  }

  /** Asks the portal where an application stands; undefined when the portal does not know it. */
  async lookup(receiptNumber: string): Promise<ApplicationStatus | undefined> {
    const status = await this.options.portal.applicationStatus(receiptNumber);
    this.noteReachable();
    return status;
  }

  async sendHeartbeat(heartbeat: Heartbeat): Promise<boolean> {
    if (!this.options.portal.hasCredential) return false;
    try {
      const recorded = await this.options.portal.heartbeat(heartbeat);
      this.noteReachable();
      return recorded;
    } catch {
      return false;
    }
  }

  /**
   * One window: its applications go to the portal at once, and what came of them is recorded in
   * one transaction (one flush to disk for the lot); the log, the status and the events follow the
   * commit, so nothing is announced that the outbox did not keep.
   */
  private async deliverWindow(rows: OutboxDelivery[]): Promise<WindowOutcome> {
    this.update({ state: 'sending' });
    const answers = await Promise.all(rows.map((row) => this.post(row)));
    const settled = this.options.outbox.inOneTransaction(() => rows.map((row, index) => this.settle(row, answers[index]!)));
    if (answers.some((answer) => answer.kind !== 'network')) this.noteReachable();
    for (const { announce } of settled) announce();
    const outcomes = new Set(settled.map(({ outcome }) => outcome));
    if (outcomes.has('paused')) return 'paused';
    if (outcomes.has('offline')) {
      const error = answers.find((answer) => answer.kind === 'network');
      this.options.log.warn('sync_network_error', describeError(error?.kind === 'network' ? error.error : undefined));
      this.update({ state: 'offline', online: false, lastError: 'NETWORK' });
      this.scheduleProbe();
      return 'offline';
    }
    if (this.deliveredSinceCheckpoint >= CHECKPOINT_EVERY) this.checkpoint();
    return 'delivered';
  }

  private async post(row: OutboxDelivery): Promise<DeliveryAnswer | { kind: 'network'; error: unknown }> {
    try {
      return await this.options.portal.submit(submissionRequest(row));
    } catch (error) {
      return { kind: 'network', error };
    }
  }

  /** Records what came of one application (inside the window's transaction) and says what to announce once it commits. */
  private settle(row: OutboxDelivery, answer: DeliveryAnswer | { kind: 'network'; error: unknown }): { outcome: SendOutcome; announce: () => void } {
    const { outbox, clock, log } = this.options;
    const quiet = () => undefined;
    if (answer.kind === 'network') {
      outbox.markRetry(row.id, this.later(row.attempts), 'NETWORK');
      return { outcome: 'offline', announce: quiet };
    }
    if (answer.kind === 'bad-answer') {
      outbox.markRetry(row.id, this.later(row.attempts), 'BAD_RESPONSE');
      return { outcome: 'retry', announce: quiet };
    }
    if (answer.kind === 'accepted') {
      const deliveredAt = clock();
      outbox.markDelivered(row.id, deliveredAt);
      this.deliveredSinceCheckpoint++;
      return {
        outcome: 'delivered',
        announce: () => {
          this.update({ lastSyncAt: deliveredAt.toISOString(), lastError: null });
          log.info('sync_delivered', { receiptNumber: row.receiptNumber, attempts: row.attempts + 1 });
          this.options.onDelivered(row.receiptNumber);
        },
      };
    }
    const { status, code } = answer;
    if (status === 401 || status === 403) {
      // The kiosk's credential is wrong or revoked: more attempts cannot help, an administrator must act.
      outbox.markRetry(row.id, clock(), code, false);
      return { outcome: 'paused', announce: () => this.pauseForCredential(status, code) };
    }
    if (RETRYABLE(status)) {
      const retryAfter = parseRetryAfter(answer.retryAfter, clock(), this.policy);
      outbox.markRetry(row.id, retryAfter === undefined ? this.later(row.attempts) : new Date(clock().getTime() + retryAfter), `HTTP_${status}`);
      return {
        outcome: 'retry',
        announce: () => {
          log.warn('sync_retry', { status, attempts: row.attempts + 1 });
          this.update({ lastError: `HTTP_${status}` });
        },
      };
    }
    const reason = PERMANENT_CLIENT_ERRORS.has(status) ? code : `HTTP_${status}`;
    outbox.markQuarantined(row.id, reason);
    return { outcome: 'quarantined', announce: () => log.warn('sync_quarantined', { receiptNumber: row.receiptNumber, status, reason }) };
  }

  /**
   * Another request (the staff-list poll) had the credential refused: delivery pauses and the alarm
   * is raised as for a refused delivery, once; a pause already under way for it is left as it is.
   */
  credentialRefused(status: 401 | 403, code: string): void {
    if (this.state.state === 'paused' && this.state.pausedReason === code) return;
    this.pauseForCredential(status, code);
  }

  private pauseForCredential(status: 401 | 403, code: string): void {
    this.options.log.error('sync_paused_credentials', { status, code });
    this.options.recordAudit?.({
      kind: 'sync_alarm',
      actor: null,
      subject: null,
      details: { alarm: 'CREDENTIAL_REFUSED', status, ...(/^[A-Z][A-Z0-9_]{0,39}$/.test(code) ? { code } : {}) },
    });
    this.update({ state: 'paused', pausedReason: code, lastError: code });
  }

  private later(attempts: number): Date {
    return new Date(this.options.clock().getTime() + fullJitterDelay(attempts, this.policy, this.options.random));
  }

  private noteReachable(): void {
    if (this.state.online === false) {
      // Connectivity is back: what waited for it goes now rather than at its backed-off time.
      this.options.outbox.makeAllDue(this.options.clock());
      this.schedule(0);
    }
    this.update({ online: true, ...(this.state.state === 'offline' ? { state: 'idle' as const } : {}) });
  }

  private scheduleProbe(): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.probe(), this.options.probeIntervalMs ?? 10_000);
    this.timer.unref?.();
  }

  /** Asks the portal for its API document: any answer at all means the network is back. */
  private async probe(): Promise<void> {
    try {
      await this.options.portal.probe();
      this.noteReachable();
    } catch {
      this.scheduleProbe();
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.drain().then(
        () => this.scheduleNext(),
        (error: unknown) => this.storageFailed(error),
      );
    }, delayMs);
    this.timer.unref?.();
  }

  /**
   * The outbox could not record a step of delivery (a full disk): the kiosk stays up, the
   * application stays queued (one marked as sending is queued again first on the next try, and the
   * portal answers a resend of one it already holds as a replay), and delivery tries again later.
   */
  private storageFailed(error: unknown): void {
    this.options.log.error('sync_storage_failed', describeError(error));
    this.requeueBeforeNextDrain = true;
    try {
      this.options.onStorageFailed?.(error);
    } catch {
      // Telling the kiosk's health is never worth stopping delivery for.
    }
    this.update({ state: 'waiting', lastError: 'STORAGE' });
    this.schedule(STORAGE_RETRY_MS);
  }

  private scheduleNext(): void {
    if (this.stopped || this.state.state === 'offline' || this.state.state === 'paused') return;
    const next = this.options.outbox.nextAttemptAt();
    if (!next) return;
    this.update({ state: 'waiting' });
    this.schedule(Math.max(0, Date.parse(next) - this.options.clock().getTime()));
  }

  private checkpoint(): void {
    try {
      this.options.outbox.checkpoint();
      this.deliveredSinceCheckpoint = 0;
    } catch (error) {
      this.options.log.warn('sync_checkpoint_failed', describeError(error));
    }
  }

  private update(patch: Partial<SyncStatus>): void {
    this.state = { ...this.state, ...patch };
    this.options.onStatusChange?.(this.status());
  }
}

/** The envelope as stored, with the sealed answers in base64: the body of the portal request. */
function submissionRequest({ attempts: _attempts, sealed, ...envelope }: OutboxDelivery): SubmissionRequest {
  return { ...envelope, sealed: Buffer.from(sealed).toString('base64') };
}
