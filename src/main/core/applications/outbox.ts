import { randomBytes } from 'node:crypto';
import { RECEIPT_RANDOM_BYTES, formatReceiptNumber } from '../../../shared/domain/receipt-number.js';
import { SUBMISSION_ENVELOPE_FIELDS, envelopeColumn, type OutboxState, type SubmissionEnvelope } from '../../../shared/domain/submission.js';
import type { KioskDatabase } from '../storage/database.js';

/**
 * What the application service hands the outbox: the envelope (the outbox gives the receipt number)
 * and the sealed answers. This kiosk always says who assisted, null for nobody.
 */
export type NewOutboxEntry = Omit<SubmissionEnvelope, 'receiptNumber' | 'assistedBy'> & { assistedBy: string | null; sealed: Uint8Array };

export interface OutboxReceipt extends Pick<SubmissionEnvelope, 'id' | 'receiptNumber' | 'serviceId' | 'language' | 'createdAt'> {
  state: OutboxState;
  /** The assisting clerk's staff id, null for a visitor alone. */
  assistedBy: string | null;
}

/** A row as the clerk's queue lists it: metadata only; the sealed answers are never read for it. */
export interface OutboxListing extends Pick<SubmissionEnvelope, 'receiptNumber' | 'serviceId' | 'createdAt'> {
  state: OutboxState;
  assistedBy: string | null;
  /** The code delivery stored when it stopped trying: a portal error code or `HTTP_<status>`. */
  quarantineReason: string | null;
}

/** A queued application as the sync engine sends it: what was stored, with its number and tries. */
export type OutboxDelivery = SubmissionEnvelope & { sealed: Uint8Array; attempts: number };

const ENVELOPE_SELECT = SUBMISSION_ENVELOPE_FIELDS.map((field) => `${envelopeColumn(field)} AS ${field}`).join(', ');
const INSERT_SQL = `INSERT INTO outbox (${SUBMISSION_ENVELOPE_FIELDS.map(envelopeColumn).join(', ')}, sealed)
  VALUES (${SUBMISSION_ENVELOPE_FIELDS.map(() => '?').join(', ')}, ?)`;

/** Where random bytes come from: node:crypto's CSPRNG, or a fixed source in a test. */
export type RandomSource = (length: number) => Uint8Array;

/**
 * Draws after which the outbox gives up rather than loop: with 2^40 numbers per kiosk code a
 * second draw is needed about once in a million receipts after a million receipts, a hundredth
 * only by a broken random source.
 */
const MAX_RECEIPT_DRAWS = 100;

export interface EnqueueOptions {
  /**
   * Writes that must be committed with the application or not at all (its audit entry), run in the
   * same transaction after the row is inserted; a throw rolls the application back.
   */
  inSameCommit?: (receipt: OutboxReceipt) => void;
}

/** The durable queue of sealed applications waiting for the portal. */
export class Outbox {
  constructor(
    private readonly db: KioskDatabase,
    private readonly kioskCode: string,
    private readonly random: RandomSource = randomBytes,
  ) {}

  /**
   * Draws a new receipt number and stores the sealed application in ONE transaction: either
   * both happen or neither does, so a receipt is only ever shown for a committed row. A number
   * this kiosk has issued before (its rows are never deleted) is drawn again, so none is handed
   * out twice; the table's UNIQUE constraint backs the check.
   */
  enqueue(entry: NewOutboxEntry, options: EnqueueOptions = {}): OutboxReceipt {
    return this.db
      .transaction((): OutboxReceipt => {
        const receiptNumber = this.unusedReceiptNumber();
        const envelope: SubmissionEnvelope = { ...entry, receiptNumber };
        // Every envelope field has its column; one the entry leaves out is stored as NULL.
        this.db.prepare(INSERT_SQL).run(...SUBMISSION_ENVELOPE_FIELDS.map((field) => envelope[field] ?? null), entry.sealed);
        const receipt: OutboxReceipt = {
          id: entry.id,
          receiptNumber,
          serviceId: entry.serviceId,
          language: entry.language,
          createdAt: entry.createdAt,
          assistedBy: entry.assistedBy,
          state: 'queued',
        };
        // A throw here rolls the row and its receipt number back with it.
        options.inSameCommit?.(receipt);
        return receipt;
      })
      .immediate();
  }

  private unusedReceiptNumber(): string {
    const taken = this.db.prepare<[string], { found: number }>('SELECT 1 AS found FROM outbox WHERE receipt_number = ?');
    for (let draw = 0; draw < MAX_RECEIPT_DRAWS; draw++) {
      const receiptNumber = formatReceiptNumber(this.kioskCode, this.random(RECEIPT_RANDOM_BYTES));
      if (!taken.get(receiptNumber)) return receiptNumber;
    }
    throw new Error(`no unused receipt number in ${MAX_RECEIPT_DRAWS} draws: the random source is broken`);
  }

  byReceiptNumber(receiptNumber: string): OutboxReceipt | undefined {
    return this.db
      .prepare<[string], OutboxReceipt>(
        `SELECT id, receipt_number AS receiptNumber, service_id AS serviceId, language, created_at AS createdAt, assisted_by AS assistedBy, state
         FROM outbox WHERE receipt_number = ?`,
      )
      .get(receiptNumber);
  }

  /** The newest applications first, and how many rows the outbox holds in all. */
  newest(limit: number): { applications: OutboxListing[]; total: number } {
    const applications = this.db
      .prepare<[number], OutboxListing>(
        `SELECT receipt_number AS receiptNumber, service_id AS serviceId, created_at AS createdAt, assisted_by AS assistedBy,
                state, quarantine_reason AS quarantineReason
         FROM outbox ORDER BY created_at DESC, id DESC LIMIT ?`,
      )
      .all(limit);
    const total = this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox').get()!.n;
    return { applications, total };
  }

  /**
   * Counts a printed (or saved) receipt and answers how many times it has now been printed on this
   * kiosk: 1 for its first print, more for a reprint; undefined for a number the kiosk did not issue.
   */
  countPrint(receiptNumber: string): number | undefined {
    return this.db
      .prepare<[string], { prints: number }>('UPDATE outbox SET receipt_prints = receipt_prints + 1 WHERE receipt_number = ? RETURNING receipt_prints AS prints')
      .get(receiptNumber)?.prints;
  }

  /** How many times the receipt has been printed (or saved) on this kiosk. */
  printsOf(receiptNumber: string): number {
    return this.db.prepare<[string], { prints: number }>('SELECT receipt_prints AS prints FROM outbox WHERE receipt_number = ?').get(receiptNumber)?.prints ?? 0;
  }

  /**
   * The oldest queued application that is due, with everything the portal needs. A visitor's own
   * application leaves `assistedBy` out rather than sending null: its body is then exactly what a
   * kiosk before the field sent, which a portal not yet updated still accepts.
   */
  nextDue(now: Date): OutboxDelivery | undefined {
    const row = this.db
      .prepare<[string], OutboxDelivery>(
        `SELECT ${ENVELOPE_SELECT}, sealed, attempts
         FROM outbox WHERE state = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
         ORDER BY created_at, id LIMIT 1`,
      )
      .get(now.toISOString());
    if (row?.assistedBy === null) delete row.assistedBy;
    return row;
  }

  /**
   * Up to `limit` due applications, oldest first, marked as sending in one transaction: what one
   * window of delivery puts on the wire at once. A crash leaves them 'sending', and
   * requeueInterrupted puts them back (resending is safe under each one's idempotency key).
   */
  claimDue(now: Date, limit: number): OutboxDelivery[] {
    return this.db.transaction((): OutboxDelivery[] => {
      const rows = this.db
        .prepare<[string, number], OutboxDelivery>(
          `SELECT ${ENVELOPE_SELECT}, sealed, attempts
           FROM outbox WHERE state = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
           ORDER BY created_at, id LIMIT ?`,
        )
        .all(now.toISOString(), limit);
      const mark = this.db.prepare("UPDATE outbox SET state = 'sending' WHERE id = ? AND state = 'queued'");
      for (const row of rows) {
        mark.run(row.id);
        if (row.assistedBy === null) delete row.assistedBy;
      }
      return rows;
    })();
  }

  /** Several state changes in one transaction, so one flush to disk: the outcomes of a window of delivery. */
  inOneTransaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /** When the next queued application falls due, or undefined when nothing waits. */
  nextAttemptAt(): string | undefined {
    const row = this.db
      .prepare<[], { at: string | null }>("SELECT min(coalesce(next_attempt_at, created_at)) AS at FROM outbox WHERE state = 'queued'")
      .get();
    return row?.at ?? undefined;
  }

  markSending(id: string): void {
    this.db.prepare("UPDATE outbox SET state = 'sending' WHERE id = ? AND state = 'queued'").run(id);
  }

  /**
   * Delivered: the sealed answers are no longer needed on the kiosk. secure_delete (set when the
   * database opens) overwrites the freed pages; the metadata stays for reprints and status.
   */
  markDelivered(id: string, deliveredAt: Date): void {
    this.db
      .prepare("UPDATE outbox SET state = 'delivered', sealed = NULL, delivered_at = ?, last_error = NULL WHERE id = ?")
      .run(deliveredAt.toISOString(), id);
  }

  markRetry(id: string, nextAttemptAt: Date, error: string, countsAsAttempt = true): void {
    this.db
      .prepare("UPDATE outbox SET state = 'queued', attempts = attempts + ?, next_attempt_at = ?, last_error = ? WHERE id = ?")
      .run(countsAsAttempt ? 1 : 0, nextAttemptAt.toISOString(), error, id);
  }

  markQuarantined(id: string, reason: string): void {
    this.db.prepare("UPDATE outbox SET state = 'quarantined', quarantine_reason = ? WHERE id = ?").run(reason, id);
  }

  /** A row left in 'sending' by a crash goes back to the queue; resending is safe under its idempotency key. */
  requeueInterrupted(): number {
    return this.db.prepare("UPDATE outbox SET state = 'queued' WHERE state = 'sending'").run().changes;
  }

  /** Connectivity came back: everything queued is due now (attempt counts are kept). */
  makeAllDue(now: Date): void {
    this.db.prepare("UPDATE outbox SET next_attempt_at = ? WHERE state = 'queued'").run(now.toISOString());
  }

  counts(now: Date): { queued: number; quarantined: number; delivered: number; oldestQueuedAgeSeconds: number | null } {
    const row = this.db
      .prepare<[], { queued: number; quarantined: number; delivered: number; oldest: string | null }>(
        `SELECT sum(state IN ('queued', 'sending')) AS queued, sum(state = 'quarantined') AS quarantined,
                sum(state = 'delivered') AS delivered, min(CASE WHEN state IN ('queued', 'sending') THEN created_at END) AS oldest
         FROM outbox`,
      )
      .get()!;
    return {
      queued: row.queued ?? 0,
      quarantined: row.quarantined ?? 0,
      delivered: row.delivered ?? 0,
      oldestQueuedAgeSeconds: row.oldest ? Math.max(0, (now.getTime() - Date.parse(row.oldest)) / 1000) : null,
    };
  }

  /** Folds the WAL back into the database file, so the overwritten pages leave no copy behind in it. */
  checkpoint(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  sealedOf(id: string): Uint8Array | undefined {
    return this.db.prepare<[string], { sealed: Uint8Array | null }>('SELECT sealed FROM outbox WHERE id = ?').get(id)?.sealed ?? undefined;
  }
}
