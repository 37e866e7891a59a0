import { RETENTION_AUDIT_ACTOR } from '../audit/portal-audit-entry.js';
import type { PortalLog } from '../portal-log.js';
import type { ApplicationStatusStore } from '../storage/application-status-store.js';

/**
 * How long the sealed answers of an issued or rejected application are kept. The privacy policy
 * keeps personal data only as long as its purpose needs it (the application's decision and a
 * while for a complaint or a correction); the metadata, status history and audit trail stay.
 */
export const DEFAULT_SEALED_ANSWERS_RETENTION_DAYS = 90;
/** Ten years: a longer setting is a typo, not a policy. */
const MAX_RETENTION_DAYS = 3650;
const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_BATCH = 500;
const DEFAULT_INTERVAL_MS = 60 * 60 * 1000;

/** PORTAL_SEALED_ANSWERS_RETENTION_DAYS as the operator wrote it: unset is the default; anything but a whole number of days from 1 to 3650 stops the start. */
export function sealedAnswersRetentionDays(setting: string | undefined): number {
  if (setting === undefined || setting.trim() === '') return DEFAULT_SEALED_ANSWERS_RETENTION_DAYS;
  const days = /^\d+$/.test(setting.trim()) ? Number(setting.trim()) : Number.NaN;
  if (!Number.isInteger(days) || days < 1 || days > MAX_RETENTION_DAYS) {
    throw new RangeError(`PORTAL_SEALED_ANSWERS_RETENTION_DAYS must be a whole number of days from 1 to ${MAX_RETENTION_DAYS}, not "${setting}"`);
  }
  return days;
}

export interface SealedAnswersRetentionOptions {
  store: ApplicationStatusStore;
  retentionDays: number;
  now: () => Date;
  log: PortalLog;
  batchSize?: number;
  intervalMs?: number;
}

/**
 * Empties the sealed answers of applications finished (issued or rejected) longer ago than the
 * retention, in batches of their own transaction so the portal's other writes are never held up
 * long; each run that emptied any writes one sealed_answers_purged entry with the count. Runs at
 * start and then every hour on an unref'd timer that stop() clears; runs never overlap.
 */
export class SealedAnswersRetention {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopping = false;

  constructor(private readonly options: SealedAnswersRetentionOptions) {
    sealedAnswersRetentionDays(String(options.retentionDays));
  }

  start(): void {
    if (this.timer) return;
    // The start's run reads the clock now, while the portal starts, so it is read at one known moment; the purge itself runs after.
    void this.runGuarded(this.options.now());
    this.timer = setInterval(() => void this.runGuarded(), this.options.intervalMs ?? DEFAULT_INTERVAL_MS);
    this.timer.unref();
  }

  /** Clears the timer and waits for a run in progress, so the store can close after it. */
  async stop(): Promise<void> {
    // A first run over years of finished applications must not hold the portal's close: it ends after the batch in hand.
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** One run now (a run already in progress is waited for instead); answers how many applications it emptied. */
  runOnce(startedAt: Date = this.options.now()): Promise<number> {
    this.running ??= this.purgeAll(startedAt).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runGuarded(startedAt?: Date): Promise<void> {
    try {
      await this.runOnce(startedAt);
    } catch (error) {
      this.options.log('sealed_answers_purge_failed', { errorType: error instanceof Error ? error.name : 'unknown' });
    }
  }

  private async purgeAll(startedAt: Date): Promise<number> {
    const { store, retentionDays, log } = this.options;
    const batchSize = this.options.batchSize ?? DEFAULT_BATCH;
    const finishedBefore = new Date(startedAt.getTime() - retentionDays * DAY_MS);
    let total = 0;
    for (;;) {
      const purged = await store.purgeSealedAnswers(finishedBefore, startedAt, batchSize);
      total += purged;
      if (purged < batchSize || this.stopping) break;
    }
    if (total > 0) {
      await store.record(
        {
          kind: 'sealed_answers_purged',
          actor: RETENTION_AUDIT_ACTOR,
          subject: 'sealed-answers',
          details: { count: total, retentionDays, finishedBefore: finishedBefore.toISOString() },
        },
        startedAt,
      );
      log('sealed_answers_purged', { count: total, retentionDays });
    }
    return total;
  }
}
