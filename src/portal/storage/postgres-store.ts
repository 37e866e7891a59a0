import pg from 'pg';
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
 * Numbered migrations, recorded in portal_migration. Append only. Numbers the kiosk chooses are
 * bigint (the contract allows any safe integer) and texts the kiosk sends stay text (an ISO date
 * the contract allows may still be out of PostgreSQL's timestamp range), so valid input never
 * fails in the database.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE kiosk_credential (
     secret_hash text PRIMARY KEY,
     kiosk_code text NOT NULL,
     issued_at timestamptz NOT NULL,
     revoked_at timestamptz
   );
   CREATE INDEX kiosk_credential_by_kiosk ON kiosk_credential (kiosk_code);

   CREATE TABLE submission (
     id uuid PRIMARY KEY,
     receipt_number text NOT NULL UNIQUE,
     kiosk_code text NOT NULL,
     service_id text NOT NULL,
     form_id text NOT NULL,
     form_version bigint NOT NULL,
     content_version bigint NOT NULL,
     privacy_policy_version text NOT NULL,
     user_agreement_version text NOT NULL,
     language text NOT NULL,
     created_at text NOT NULL,
     sealed_format text NOT NULL,
     sealed_key_id text NOT NULL,
     sealed bytea NOT NULL,
     body_hash text NOT NULL,
     accepted_at timestamptz NOT NULL,
     status text NOT NULL CHECK (status IN ('received', 'processing', 'ready', 'rejected')),
     status_updated_at timestamptz NOT NULL
   );

   CREATE TABLE heartbeat (
     seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     kiosk_code text NOT NULL,
     received_at timestamptz NOT NULL,
     app_version text NOT NULL,
     content_version bigint,
     queue_depth bigint NOT NULL,
     oldest_queued_age_seconds double precision,
     quarantined bigint NOT NULL,
     last_sync_at text,
     printer_state text NOT NULL
   );
   CREATE INDEX heartbeat_by_kiosk ON heartbeat (kiosk_code, seq);`,
];

/** pg_advisory_xact_lock key: every portal process migrating the same database queues on it. */
const MIGRATION_LOCK = 7_215_402_026;

interface SubmissionRow {
  id: string;
  receipt_number: string;
  kiosk_code: string;
  service_id: string;
  form_id: string;
  form_version: string;
  content_version: string;
  privacy_policy_version: string;
  user_agreement_version: string;
  language: string;
  created_at: string;
  sealed_format: string;
  sealed_key_id: string;
  sealed: Buffer;
  body_hash: string;
  accepted_at: Date;
  status: ApplicationStatus['status'];
  status_updated_at: Date;
}

export interface PostgresStoreOptions {
  connectionString: string;
  /** Pool size; default 10. */
  max?: number;
  /** Where idle-connection errors go (the pool must never crash the process with them). */
  onError?: (error: Error) => void;
}

/** The store at scale: a pg Pool; several portal processes may share one database. */
export class PostgresPortalStore implements PortalStore {
  readonly kind = 'postgresql' as const;
  private readonly pool: pg.Pool;
  private closed: Promise<void> | null = null;

  constructor(options: PostgresStoreOptions) {
    this.pool = new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10 });
    this.pool.on('error', (error) => (options.onError ?? (() => undefined))(error));
  }

  async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query('CREATE TABLE IF NOT EXISTS portal_migration (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      const { rows } = await client.query<{ version: number }>('SELECT coalesce(max(version), 0)::integer AS version FROM portal_migration');
      const version = rows[0]!.version;
      if (version > MIGRATIONS.length) throw new StoreTooNewError(version, MIGRATIONS.length);
      for (let next = version; next < MIGRATIONS.length; next++) {
        await client.query(MIGRATIONS[next]!);
        await client.query('INSERT INTO portal_migration (version) VALUES ($1)', [next + 1]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async kioskByCredentialHash(secretHash: string): Promise<KioskCredential | null> {
    const { rows } = await this.pool.query<{ kiosk_code: string; issued_at: Date; revoked_at: Date | null }>(
      'SELECT kiosk_code, issued_at, revoked_at FROM kiosk_credential WHERE secret_hash = $1',
      [secretHash],
    );
    const row = rows[0];
    return row ? { kioskCode: row.kiosk_code, issuedAt: row.issued_at.toISOString(), revokedAt: row.revoked_at?.toISOString() ?? null } : null;
  }

  async issueCredential(kioskCode: string, secretHash: string, issuedAt: Date): Promise<void> {
    // One statement: the revocation of the kiosk's earlier credentials and the new one commit together.
    await this.pool.query(
      `WITH revoked AS (UPDATE kiosk_credential SET revoked_at = $3 WHERE kiosk_code = $2 AND revoked_at IS NULL)
       INSERT INTO kiosk_credential (secret_hash, kiosk_code, issued_at) VALUES ($1, $2, $3)`,
      [secretHash, kioskCode, issuedAt],
    );
  }

  async revokeCredential(kioskCode: string, revokedAt: Date): Promise<number> {
    const result = await this.pool.query('UPDATE kiosk_credential SET revoked_at = $2 WHERE kiosk_code = $1 AND revoked_at IS NULL', [
      kioskCode,
      revokedAt,
    ]);
    return result.rowCount ?? 0;
  }

  async acceptSubmission(kioskCode: string, request: SubmissionRequest, bodyHash: string, acceptedAt: Date): Promise<AcceptOutcome> {
    const id = normaliseSubmissionId(request.id);
    // One statement, guarded by the primary key on id and the unique receipt number. A concurrent
    // insert of the same id makes this one wait for it to commit, then do nothing.
    const inserted = await this.pool.query<{ id: string; receipt_number: string; accepted_at: Date }>(
      `INSERT INTO submission (id, receipt_number, kiosk_code, service_id, form_id, form_version, content_version,
         privacy_policy_version, user_agreement_version, language, created_at, sealed_format, sealed_key_id, sealed,
         body_hash, accepted_at, status, status_updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'received', $16)
       ON CONFLICT DO NOTHING
       RETURNING id, receipt_number, accepted_at`,
      [
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
        acceptedAt,
      ],
    );
    const created = inserted.rows[0];
    if (created) {
      return { outcome: 'created', accepted: { id: created.id, receiptNumber: created.receipt_number, acceptedAt: created.accepted_at.toISOString() } };
    }
    const { rows } = await this.pool.query<{ id: string; receipt_number: string; accepted_at: Date; body_hash: string }>(
      'SELECT id, receipt_number, accepted_at, body_hash FROM submission WHERE id = $1',
      [id],
    );
    const existing = rows[0];
    if (!existing) return { outcome: 'conflict', reason: 'receipt-number-taken' };
    if (existing.body_hash !== bodyHash) return { outcome: 'conflict', reason: 'different-body' };
    return {
      outcome: 'replayed',
      accepted: { id: existing.id, receiptNumber: existing.receipt_number, acceptedAt: existing.accepted_at.toISOString() },
    };
  }

  async submission(id: string): Promise<StoredSubmission | null> {
    const { rows } = await this.pool.query<SubmissionRow>('SELECT * FROM submission WHERE id = $1', [normaliseSubmissionId(id)]);
    const row = rows[0];
    return row ? fromRow(row) : null;
  }

  async applicationStatus(receiptNumber: string): Promise<ApplicationStatus | null> {
    const { rows } = await this.pool.query<{ receipt_number: string; service_id: string; status: ApplicationStatus['status']; status_updated_at: Date }>(
      'SELECT receipt_number, service_id, status, status_updated_at FROM submission WHERE receipt_number = $1',
      [receiptNumber],
    );
    const row = rows[0];
    return row
      ? { receiptNumber: row.receipt_number, serviceId: row.service_id, status: row.status, updatedAt: row.status_updated_at.toISOString() }
      : null;
  }

  async recordHeartbeat(kioskCode: string, heartbeat: Heartbeat, receivedAt: Date): Promise<void> {
    await this.pool.query(
      `INSERT INTO heartbeat (kiosk_code, received_at, app_version, content_version, queue_depth, oldest_queued_age_seconds,
         quarantined, last_sync_at, printer_state) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        kioskCode,
        receivedAt,
        heartbeat.appVersion,
        heartbeat.contentVersion,
        heartbeat.queueDepth,
        heartbeat.oldestQueuedAgeSeconds,
        heartbeat.quarantined,
        heartbeat.lastSyncAt,
        heartbeat.printerState,
      ],
    );
  }

  async stats(): Promise<PortalStats> {
    const { rows } = await this.pool.query<Record<keyof PortalStats, string>>(
      `SELECT (SELECT count(*) FROM submission) AS submissions,
              (SELECT count(*) FROM heartbeat) AS heartbeats,
              (SELECT count(*) FROM kiosk_credential) AS credentials,
              (SELECT count(*) FROM kiosk_credential WHERE revoked_at IS NULL) AS "liveCredentials"`,
    );
    const row = rows[0]!;
    return {
      submissions: Number(row.submissions),
      heartbeats: Number(row.heartbeats),
      credentials: Number(row.credentials),
      liveCredentials: Number(row.liveCredentials),
    };
  }

  close(): Promise<void> {
    this.closed ??= this.pool.end();
    return this.closed;
  }
}

function fromRow(row: SubmissionRow): StoredSubmission {
  return {
    id: row.id,
    receiptNumber: row.receipt_number,
    kioskCode: row.kiosk_code,
    serviceId: row.service_id,
    formId: row.form_id,
    formVersion: Number(row.form_version),
    contentVersion: Number(row.content_version),
    privacyPolicyVersion: row.privacy_policy_version,
    userAgreementVersion: row.user_agreement_version,
    language: row.language,
    createdAt: row.created_at,
    sealedFormat: row.sealed_format,
    sealedKeyId: row.sealed_key_id,
    sealed: new Uint8Array(row.sealed),
    bodyHash: row.body_hash,
    acceptedAt: row.accepted_at.toISOString(),
    status: row.status,
    statusUpdatedAt: row.status_updated_at.toISOString(),
  };
}
