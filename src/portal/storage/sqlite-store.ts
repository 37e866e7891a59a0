import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ApplicationStatus, Heartbeat, SubmissionRequest } from '../../shared/contract/portal.js';
import {
  normaliseSubmissionId,
  StoreTooNewError,
  type AcceptOutcome,
  type KioskCredential,
  type PortalStats,
  type PortalStore,
  type StoredSubmission,
} from './portal-store.js';

/**
 * Numbered migrations; PRAGMA user_version holds how many have run. Append only: a released
 * migration is never edited, a change is a new entry.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE kiosk_credential (
     secret_hash TEXT PRIMARY KEY,
     kiosk_code TEXT NOT NULL,
     issued_at TEXT NOT NULL,
     revoked_at TEXT
   ) STRICT;
   CREATE INDEX kiosk_credential_by_kiosk ON kiosk_credential (kiosk_code);

   CREATE TABLE submission (
     id TEXT PRIMARY KEY,
     receipt_number TEXT NOT NULL UNIQUE,
     kiosk_code TEXT NOT NULL,
     service_id TEXT NOT NULL,
     form_id TEXT NOT NULL,
     form_version INTEGER NOT NULL,
     content_version INTEGER NOT NULL,
     privacy_policy_version TEXT NOT NULL,
     user_agreement_version TEXT NOT NULL,
     language TEXT NOT NULL,
     created_at TEXT NOT NULL,
     sealed_format TEXT NOT NULL,
     sealed_key_id TEXT NOT NULL,
     sealed BLOB NOT NULL,
     body_hash TEXT NOT NULL,
     accepted_at TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('received', 'processing', 'ready', 'rejected')),
     status_updated_at TEXT NOT NULL
   ) STRICT;

   CREATE TABLE heartbeat (
     seq INTEGER PRIMARY KEY,
     kiosk_code TEXT NOT NULL,
     received_at TEXT NOT NULL,
     app_version TEXT NOT NULL,
     content_version INTEGER,
     queue_depth INTEGER NOT NULL,
     oldest_queued_age_seconds REAL,
     quarantined INTEGER NOT NULL,
     last_sync_at TEXT,
     printer_state TEXT NOT NULL
   ) STRICT;
   CREATE INDEX heartbeat_by_kiosk ON heartbeat (kiosk_code, seq);`,
];

interface SubmissionRow {
  id: string;
  receipt_number: string;
  kiosk_code: string;
  service_id: string;
  form_id: string;
  form_version: number;
  content_version: number;
  privacy_policy_version: string;
  user_agreement_version: string;
  language: string;
  created_at: string;
  sealed_format: string;
  sealed_key_id: string;
  sealed: Buffer;
  body_hash: string;
  accepted_at: string;
  status: ApplicationStatus['status'];
  status_updated_at: string;
}

/** The default store: one SQLite file in WAL mode with synchronous=FULL (an acknowledged submission survives power loss). */
export class SqlitePortalStore implements PortalStore {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;

  constructor(readonly file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file, { timeout: 5000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
  }

  migrate(): Promise<void> {
    return this.run(() => {
      const apply = this.db.transaction(() => {
        // Read inside the (IMMEDIATE) transaction: another process may have migrated meanwhile.
        const version = this.db.pragma('user_version', { simple: true }) as number;
        if (version > MIGRATIONS.length) throw new StoreTooNewError(version, MIGRATIONS.length);
        for (let next = version; next < MIGRATIONS.length; next++) {
          this.db.exec(MIGRATIONS[next]!);
          this.db.pragma(`user_version = ${next + 1}`);
        }
      });
      apply.immediate();
    });
  }

  kioskByCredentialHash(secretHash: string): Promise<KioskCredential | null> {
    return this.run(() => {
      const row = this.db
        .prepare<[string], KioskCredential>(
          'SELECT kiosk_code AS kioskCode, issued_at AS issuedAt, revoked_at AS revokedAt FROM kiosk_credential WHERE secret_hash = ?',
        )
        .get(secretHash);
      return row ?? null;
    });
  }

  issueCredential(kioskCode: string, secretHash: string, issuedAt: Date): Promise<void> {
    return this.run(() => {
      const at = issuedAt.toISOString();
      this.db
        .transaction(() => {
          this.db.prepare('UPDATE kiosk_credential SET revoked_at = ? WHERE kiosk_code = ? AND revoked_at IS NULL').run(at, kioskCode);
          this.db.prepare('INSERT INTO kiosk_credential (secret_hash, kiosk_code, issued_at) VALUES (?, ?, ?)').run(secretHash, kioskCode, at);
        })
        .immediate();
    });
  }

  revokeCredential(kioskCode: string, revokedAt: Date): Promise<number> {
    return this.run(
      () =>
        this.db
          .prepare('UPDATE kiosk_credential SET revoked_at = ? WHERE kiosk_code = ? AND revoked_at IS NULL')
          .run(revokedAt.toISOString(), kioskCode).changes,
    );
  }

  acceptSubmission(kioskCode: string, request: SubmissionRequest, bodyHash: string, acceptedAt: Date): Promise<AcceptOutcome> {
    return this.run((): AcceptOutcome => {
      const id = normaliseSubmissionId(request.id);
      const at = acceptedAt.toISOString();
      // One statement, guarded by the primary key on id (and the unique receipt number): no check-then-insert.
      const inserted = this.db
        .prepare<unknown[], { id: string; receiptNumber: string; acceptedAt: string }>(
          `INSERT INTO submission (id, receipt_number, kiosk_code, service_id, form_id, form_version, content_version,
             privacy_policy_version, user_agreement_version, language, created_at, sealed_format, sealed_key_id, sealed,
             body_hash, accepted_at, status, status_updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?)
           ON CONFLICT DO NOTHING
           RETURNING id, receipt_number AS receiptNumber, accepted_at AS acceptedAt`,
        )
        .get(
          id,
          request.receiptNumber,
          kioskCode,
          request.serviceId,
          request.formId,
          request.formVersion,
          request.contentVersion,
          request.privacyPolicyVersion,
          request.userAgreementVersion,
          request.language,
          request.createdAt,
          request.sealedFormat,
          request.sealedKeyId,
          Buffer.from(request.sealed, 'base64'),
          bodyHash,
          at,
          at,
        );
      if (inserted) return { outcome: 'created', accepted: inserted };
      const existing = this.db
        .prepare<[string], { id: string; receiptNumber: string; acceptedAt: string; bodyHash: string }>(
          'SELECT id, receipt_number AS receiptNumber, accepted_at AS acceptedAt, body_hash AS bodyHash FROM submission WHERE id = ?',
        )
        .get(id);
      if (!existing) return { outcome: 'conflict', reason: 'receipt-number-taken' };
      if (existing.bodyHash !== bodyHash) return { outcome: 'conflict', reason: 'different-body' };
      return { outcome: 'replayed', accepted: { id: existing.id, receiptNumber: existing.receiptNumber, acceptedAt: existing.acceptedAt } };
    });
  }

  submission(id: string): Promise<StoredSubmission | null> {
    return this.run(() => {
      const row = this.db.prepare<[string], SubmissionRow>('SELECT * FROM submission WHERE id = ?').get(normaliseSubmissionId(id));
      return row ? fromRow(row) : null;
    });
  }

  applicationStatus(receiptNumber: string): Promise<ApplicationStatus | null> {
    return this.run(() => {
      const row = this.db
        .prepare<[string], ApplicationStatus>(
          `SELECT receipt_number AS receiptNumber, service_id AS serviceId, status, status_updated_at AS updatedAt
           FROM submission WHERE receipt_number = ?`,
        )
        .get(receiptNumber);
      return row ?? null;
    });
  }

  recordHeartbeat(kioskCode: string, heartbeat: Heartbeat, receivedAt: Date): Promise<void> {
    return this.run(() => {
      this.db
        .prepare(
          `INSERT INTO heartbeat (kiosk_code, received_at, app_version, content_version, queue_depth, oldest_queued_age_seconds,
             quarantined, last_sync_at, printer_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          kioskCode,
          receivedAt.toISOString(),
          heartbeat.appVersion,
          heartbeat.contentVersion,
          heartbeat.queueDepth,
          heartbeat.oldestQueuedAgeSeconds,
          heartbeat.quarantined,
          heartbeat.lastSyncAt,
          heartbeat.printerState,
        );
    });
  }

  stats(): Promise<PortalStats> {
    return this.run(
      () =>
        this.db
          .prepare<[], PortalStats>(
            `SELECT (SELECT count(*) FROM submission) AS submissions,
                    (SELECT count(*) FROM heartbeat) AS heartbeats,
                    (SELECT count(*) FROM kiosk_credential) AS credentials,
                    (SELECT count(*) FROM kiosk_credential WHERE revoked_at IS NULL) AS liveCredentials`,
          )
          .get()!,
    );
  }

  close(): Promise<void> {
    return this.run(() => {
      if (this.db.open) this.db.close();
    });
  }

  /** better-sqlite3 is synchronous; the interface is async so both stores share it. Errors become rejections. */
  private run<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

function fromRow(row: SubmissionRow): StoredSubmission {
  return {
    id: row.id,
    receiptNumber: row.receipt_number,
    kioskCode: row.kiosk_code,
    serviceId: row.service_id,
    formId: row.form_id,
    formVersion: row.form_version,
    contentVersion: row.content_version,
    privacyPolicyVersion: row.privacy_policy_version,
    userAgreementVersion: row.user_agreement_version,
    language: row.language,
    createdAt: row.created_at,
    sealedFormat: row.sealed_format,
    sealedKeyId: row.sealed_key_id,
    sealed: new Uint8Array(row.sealed),
    bodyHash: row.body_hash,
    acceptedAt: row.accepted_at,
    status: row.status,
    statusUpdatedAt: row.status_updated_at,
  };
}
