import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
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
  SUBMISSION_COLUMNS,
  submissionFromRow,
  submissionValues,
} from '../row-mapping.js';
import { GroupCommit } from '../group-commit.js';
import type { AuditChainStore } from '../audit-chain-store.js';
import { migrateSqlite } from './migrate.js';
import { sqliteAuditChain } from './sqlite-audit-chain.js';
import { sqliteApplicationStatus } from './sqlite-application-status.js';
import { sqlitePortalAudit } from './sqlite-portal-audit.js';
import type { ApplicationStatusStore } from '../application-status-store.js';
import type { PortalAuditStore } from '../portal-audit-store.js';
import { sqliteBackOfficeAccounts } from './sqlite-backoffice-accounts.js';
import type { BackOfficeAccountStore } from '../backoffice-account-store.js';
import { sqliteEnrolmentCodes } from './sqlite-enrolment-codes.js';
import type { EnrolmentCodeStore } from '../enrolment-code-store.js';
import type { ContentRolloutStore } from '../content-rollout-store.js';
import { sqliteContentRollout } from './sqlite-content-rollout.js';
import type { StaffStore } from '../staff-store.js';
import { sqliteStaff } from './sqlite-staff.js';

const placeholders = (columns: readonly string[]) => columns.map(() => '?').join(', ');
// One statement, guarded by the primary key on id (and the unique receipt number): no check-then-insert.
const INSERT_SUBMISSION = `INSERT INTO submission (${SUBMISSION_COLUMNS.join(', ')}) VALUES (${placeholders(SUBMISSION_COLUMNS)})
  ON CONFLICT DO NOTHING RETURNING ${ACCEPTED_COLUMNS}`;
const INSERT_HEARTBEAT = `INSERT INTO heartbeat (${HEARTBEAT_COLUMNS.join(', ')}) VALUES (${placeholders(HEARTBEAT_COLUMNS)})`;
type Row = Record<string, unknown>;
interface SubmissionWrite {
  kioskCode: string;
  request: SubmissionRequest;
  bodyHash: string;
  acceptedAt: Date;
}

/** The default store: one SQLite file in WAL mode with synchronous=FULL (an acknowledged submission survives power loss). */
export class SqlitePortalStore implements PortalStore {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  readonly auditChain: AuditChainStore;
  readonly applications: ApplicationStatusStore;
  readonly portalAudit: PortalAuditStore;
  readonly backOfficeAccounts: BackOfficeAccountStore;
  readonly enrolmentCodes: EnrolmentCodeStore;
  readonly contentRollout: ContentRolloutStore;
  readonly staff: StaffStore;

  constructor(readonly file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file, { timeout: 5000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    // Purged sealed answers are overwritten with zeros in the file, not left readable in free pages.
    this.db.pragma('secure_delete = ON');
    this.auditChain = sqliteAuditChain(this.db);
    this.applications = sqliteApplicationStatus(this.db);
    this.portalAudit = sqlitePortalAudit(this.db);
    this.backOfficeAccounts = sqliteBackOfficeAccounts(this.db);
    this.enrolmentCodes = sqliteEnrolmentCodes(this.db);
    this.contentRollout = sqliteContentRollout(this.db);
    this.staff = sqliteStaff(this.db);
  }

  migrate(): Promise<void> {
    return this.run(() => migrateSqlite(this.db));
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
    return this.intake.write({ kioskCode, request, bodyHash, acceptedAt });
  }

  /** Submissions that arrive together commit together: one WAL flush for the lot (group-commit.ts). */
  private readonly intake = new GroupCommit<SubmissionWrite, AcceptOutcome>({
    one: (write) => this.run(() => this.acceptOne(write)),
    batch: (writes) => this.run(() => this.db.transaction((all: SubmissionWrite[]) => all.map((write) => this.acceptOne(write))).immediate(writes)),
  });

  private acceptOne({ kioskCode, request, bodyHash, acceptedAt }: SubmissionWrite): AcceptOutcome {
    const inserted = this.db.prepare<unknown[], Row>(INSERT_SUBMISSION).get(...submissionValues(kioskCode, request, bodyHash, acceptedAt));
    if (inserted) return { outcome: 'created', accepted: acceptedFromRow(inserted) };
    const existing = this.db
      .prepare<[string], Row>(`SELECT ${ACCEPTED_COLUMNS}, body_hash FROM submission WHERE id = ?`)
      .get(normaliseSubmissionId(request.id));
    if (!existing) return { outcome: 'conflict', reason: 'receipt-number-taken' };
    if (existing.body_hash !== bodyHash) return { outcome: 'conflict', reason: 'different-body' };
    return { outcome: 'replayed', accepted: acceptedFromRow(existing) };
  }

  submission(id: string): Promise<StoredSubmission | null> {
    return this.run(() => {
      const row = this.db.prepare<[string], Row>('SELECT * FROM submission WHERE id = ?').get(normaliseSubmissionId(id));
      return row ? submissionFromRow(row) : null;
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
      this.db.prepare(INSERT_HEARTBEAT).run(...heartbeatValues(kioskCode, heartbeat, receivedAt));
    });
  }

  fleetAppVersions(since: Date): Promise<string[]> {
    return this.run(() =>
      this.db
        .prepare<[string], { app_version: string }>(fleetAppVersionsSql('?'))
        .all(since.toISOString())
        .map((row) => row.app_version),
    );
  }

  recentKioskErrors(since: Date): Promise<StoredKioskError[]> {
    return this.run(() =>
      this.db
        .prepare<[string], { kiosk_code: string; seq: number; at: string; kind: string; details: string }>(recentKioskErrorsSql('?'))
        .all(since.toISOString())
        .map((row) => ({ kioskCode: row.kiosk_code, seq: Number(row.seq), at: row.at, kind: row.kind, details: row.details })),
    );
  }

  fleetKiosks(): Promise<StoredFleetKiosk[]> {
    return this.run(() => this.db.prepare<[], Row>(FLEET_KIOSKS_SQL).all().map(fleetKioskFromRow));
  }

  pruneHeartbeatWindow({ afterSeq, before, size }: { afterSeq: number; before: Date; size: number }): Promise<HeartbeatPruneWindow> {
    return this.run(() =>
      this.db
        .transaction((): HeartbeatPruneWindow => {
          const window = this.db
            .prepare<[number, number], { seq: number; received_at: string }>('SELECT seq, received_at FROM heartbeat WHERE seq > ? ORDER BY seq LIMIT ?')
            .all(afterSeq, size);
          const last = window.at(-1);
          if (!last) return { deleted: 0, lastSeq: afterSeq, done: true };
          const cutoff = before.toISOString();
          const { changes } = this.db.prepare(pruneHeartbeatWindowSql('?', '?', '?')).run(afterSeq, last.seq, cutoff);
          return { deleted: changes, lastSeq: last.seq, done: window.length < size || last.received_at >= cutoff };
        })
        .immediate(),
    );
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
