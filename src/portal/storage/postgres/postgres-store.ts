import pg from 'pg';
import type { ApplicationStatus, Heartbeat, SubmissionRequest } from '../../../shared/contract/portal.js';
import {
  FLEET_KIOSKS_SQL,
  fleetAppVersionsSql,
  recentKioskErrorsSql,
  type StoredKioskError,
  normaliseSubmissionId,
  pruneHeartbeatWindowSql,
  type HeartbeatPruneWindow,
  type StoredFleetKiosk,
  type AcceptOutcome,
  type KioskCredential,
  type PortalStats,
  type PortalStore,
  type StoredSubmission,
} from '../portal-store.js';
import {
  ACCEPTED_COLUMNS,
  acceptedFromRow,
  fleetKioskFromRow,
  HEARTBEAT_COLUMNS,
  heartbeatValues,
  isoTime,
  SUBMISSION_COLUMNS,
  submissionFromRow,
  submissionValues,
} from '../row-mapping.js';
import type { AuditChainStore } from '../audit-chain-store.js';
import { GroupCommit } from '../group-commit.js';
import { migratePostgres } from './migrate.js';
import { postgresAuditChain } from './postgres-audit-chain.js';
import { postgresApplicationStatus } from './postgres-application-status.js';
import { postgresPortalAudit } from './postgres-portal-audit.js';
import type { ApplicationStatusStore } from '../application-status-store.js';
import type { PortalAuditStore } from '../portal-audit-store.js';
import { postgresBackOfficeAccounts } from './postgres-backoffice-accounts.js';
import type { BackOfficeAccountStore } from '../backoffice-account-store.js';
import { postgresEnrolmentCodes } from './postgres-enrolment-codes.js';
import type { EnrolmentCodeStore } from '../enrolment-code-store.js';
import type { ContentRolloutStore } from '../content-rollout-store.js';
import { postgresContentRollout } from './postgres-content-rollout.js';
import type { StaffStore } from '../staff-store.js';
import { postgresStaff } from './postgres-staff.js';

const placeholders = (columns: readonly string[]) => columns.map((_, index) => `$${index + 1}`).join(', ');
// One statement, guarded by the primary key on id and the unique receipt number. A concurrent
// insert of the same id makes this one wait for it to commit, then do nothing.
const INSERT_SUBMISSION = `INSERT INTO submission (${SUBMISSION_COLUMNS.join(', ')}) VALUES (${placeholders(SUBMISSION_COLUMNS)})
  ON CONFLICT DO NOTHING RETURNING ${ACCEPTED_COLUMNS}`;
/** INSERT_SUBMISSION for `count` rows in one statement. */
function insertSubmissionsSql(count: number): string {
  const width = SUBMISSION_COLUMNS.length;
  const rows = Array.from({ length: count }, (_, row) => `(${SUBMISSION_COLUMNS.map((_, column) => `$${row * width + column + 1}`).join(', ')})`);
  return `INSERT INTO submission (${SUBMISSION_COLUMNS.join(', ')}) VALUES ${rows.join(', ')} ON CONFLICT DO NOTHING RETURNING ${ACCEPTED_COLUMNS}`;
}
interface SubmissionWrite {
  kioskCode: string;
  request: SubmissionRequest;
  bodyHash: string;
  acceptedAt: Date;
}
const INSERT_HEARTBEAT = `INSERT INTO heartbeat (${HEARTBEAT_COLUMNS.join(', ')}) VALUES (${placeholders(HEARTBEAT_COLUMNS)})`;
type Row = Record<string, unknown>;

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
  readonly auditChain: AuditChainStore;
  readonly applications: ApplicationStatusStore;
  readonly portalAudit: PortalAuditStore;
  readonly backOfficeAccounts: BackOfficeAccountStore;
  readonly enrolmentCodes: EnrolmentCodeStore;
  readonly contentRollout: ContentRolloutStore;
  readonly staff: StaffStore;

  constructor(options: PostgresStoreOptions) {
    this.pool = new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10 });
    this.pool.on('error', (error) => (options.onError ?? (() => undefined))(error));
    this.auditChain = postgresAuditChain(this.pool);
    this.applications = postgresApplicationStatus(this.pool);
    this.portalAudit = postgresPortalAudit(this.pool);
    this.backOfficeAccounts = postgresBackOfficeAccounts(this.pool);
    this.enrolmentCodes = postgresEnrolmentCodes(this.pool);
    this.contentRollout = postgresContentRollout(this.pool);
    this.staff = postgresStaff(this.pool);
  }

  migrate(): Promise<void> {
    return migratePostgres(this.pool);
  }

  async kioskByCredentialHash(secretHash: string): Promise<KioskCredential | null> {
    const { rows } = await this.pool.query<Row>('SELECT kiosk_code, issued_at, revoked_at FROM kiosk_credential WHERE secret_hash = $1', [secretHash]);
    const row = rows[0];
    return row ? { kioskCode: String(row.kiosk_code), issuedAt: isoTime(row.issued_at), revokedAt: row.revoked_at === null ? null : isoTime(row.revoked_at) } : null;
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

  acceptSubmission(kioskCode: string, request: SubmissionRequest, bodyHash: string, acceptedAt: Date): Promise<AcceptOutcome> {
    return this.intake.write({ kioskCode, request, bodyHash, acceptedAt });
  }

  /** Submissions that arrive together go in as one statement, so one commit and one WAL flush (group-commit.ts). */
  private readonly intake = new GroupCommit<SubmissionWrite, AcceptOutcome>({
    one: async (write) => {
      const inserted = await this.pool.query<Row>(INSERT_SUBMISSION, submissionValues(write.kioskCode, write.request, write.bodyHash, write.acceptedAt));
      return inserted.rows[0] ? { outcome: 'created', accepted: acceptedFromRow(inserted.rows[0]) } : this.notInserted(write);
    },
    batch: async (writes) => {
      // Rows in id order: two batches that share ids (a kiosk resending) then wait on each other in one order and cannot deadlock.
      const ordered = [...writes].sort((a, b) => (normaliseSubmissionId(a.request.id) < normaliseSubmissionId(b.request.id) ? -1 : 1));
      const values = ordered.flatMap((write) => submissionValues(write.kioskCode, write.request, write.bodyHash, write.acceptedAt));
      const { rows } = await this.pool.query<Row>(insertSubmissionsSql(ordered.length), values);
      const inserted = new Map(rows.map((row) => [String(row.id), row]));
      return Promise.all(
        writes.map(async (write): Promise<AcceptOutcome> => {
          const id = normaliseSubmissionId(write.request.id);
          const row = inserted.get(id);
          // Two writes of one id in a batch: the first inserted it, the second is a replay of it.
          if (row && inserted.delete(id)) return { outcome: 'created', accepted: acceptedFromRow(row) };
          return this.notInserted(write);
        }),
      );
    },
  });

  /** The insert did nothing: the id is there already (a replay, or another body), or the receipt number is another's. */
  private async notInserted({ request, bodyHash }: SubmissionWrite): Promise<AcceptOutcome> {
    const { rows } = await this.pool.query<Row>(`SELECT ${ACCEPTED_COLUMNS}, body_hash FROM submission WHERE id = $1`, [normaliseSubmissionId(request.id)]);
    const existing = rows[0];
    if (!existing) return { outcome: 'conflict', reason: 'receipt-number-taken' };
    if (existing.body_hash !== bodyHash) return { outcome: 'conflict', reason: 'different-body' };
    return { outcome: 'replayed', accepted: acceptedFromRow(existing) };
  }

  async submission(id: string): Promise<StoredSubmission | null> {
    const { rows } = await this.pool.query<Row>('SELECT * FROM submission WHERE id = $1', [normaliseSubmissionId(id)]);
    return rows[0] ? submissionFromRow(rows[0]) : null;
  }

  async applicationStatus(receiptNumber: string): Promise<ApplicationStatus | null> {
    const { rows } = await this.pool.query<Row>('SELECT receipt_number, service_id, status, status_updated_at FROM submission WHERE receipt_number = $1', [
      receiptNumber,
    ]);
    const row = rows[0];
    return row
      ? { receiptNumber: String(row.receipt_number), serviceId: String(row.service_id), status: row.status as ApplicationStatus['status'], updatedAt: isoTime(row.status_updated_at) }
      : null;
  }

  async recordHeartbeat(kioskCode: string, heartbeat: Heartbeat, receivedAt: Date): Promise<void> {
    await this.pool.query(INSERT_HEARTBEAT, heartbeatValues(kioskCode, heartbeat, receivedAt));
  }

  async fleetAppVersions(since: Date): Promise<string[]> {
    const { rows } = await this.pool.query<{ app_version: string }>(fleetAppVersionsSql('$1'), [since.toISOString()]);
    return rows.map((row) => row.app_version);
  }

  async recentKioskErrors(since: Date): Promise<StoredKioskError[]> {
    const { rows } = await this.pool.query<{ kiosk_code: string; seq: string; at: string; kind: string; details: string }>(recentKioskErrorsSql('$1'), [since.toISOString()]);
    return rows.map((row) => ({ kioskCode: row.kiosk_code, seq: Number(row.seq), at: row.at, kind: row.kind, details: row.details }));
  }

  async fleetKiosks(): Promise<StoredFleetKiosk[]> {
    const { rows } = await this.pool.query<Row>(FLEET_KIOSKS_SQL);
    return rows.map(fleetKioskFromRow);
  }

  async pruneHeartbeatWindow({ afterSeq, before, size }: { afterSeq: number; before: Date; size: number }): Promise<HeartbeatPruneWindow> {
    // The window's bounds and the delete in one statement, so a heartbeat arriving between them changes nothing.
    const { rows } = await this.pool.query<{ last_seq: string | null; last_received_at: Date | null; seen: string; deleted: string }>(
      `WITH window_rows AS (SELECT seq, received_at FROM heartbeat WHERE seq > $1 ORDER BY seq LIMIT $2),
            bounds AS (SELECT max(seq) AS last_seq, count(*) AS seen FROM window_rows),
            pruned AS (${pruneHeartbeatWindowSql('$1', '(SELECT last_seq FROM bounds)', '$3')} RETURNING seq)
       SELECT b.last_seq, (SELECT received_at FROM window_rows WHERE seq = b.last_seq) AS last_received_at, b.seen, (SELECT count(*) FROM pruned) AS deleted
       FROM bounds b`,
      [afterSeq, size, before],
    );
    const row = rows[0]!;
    if (row.last_seq === null) return { deleted: 0, lastSeq: afterSeq, done: true };
    return {
      deleted: Number(row.deleted),
      lastSeq: Number(row.last_seq),
      done: Number(row.seen) < size || row.last_received_at!.getTime() >= before.getTime(),
    };
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
