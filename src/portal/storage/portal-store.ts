import type { ApplicationStatus, Heartbeat, SubmissionAccepted, SubmissionRequest } from '../../shared/contract/portal.js';
import { FLEET_ERROR_KINDS, type FleetHeartbeat } from '../../shared/contract/fleet.js';
import type { ApplicationStatusName, SubmissionEnvelope } from '../../shared/domain/submission.js';
import type { ApplicationStatusStore } from './application-status-store.js';
import type { AuditChainStore } from './audit-chain-store.js';
import type { PortalAuditStore } from './portal-audit-store.js';
import type { BackOfficeAccountStore } from './backoffice-account-store.js';
import type { EnrolmentCodeStore } from './enrolment-code-store.js';
import type { ContentRolloutStore } from './content-rollout-store.js';
import type { StaffStore } from './staff-store.js';

export { StoreTooNewError } from './migration.js';

/**
 * Where the portal keeps what kiosks send: kiosk credentials (hashes only), submissions (sealed,
 * exactly as received) and heartbeats. SQLite by default, PostgreSQL when DATABASE_URL is set; both
 * implementations pass the same test suite (test/portal).
 *
 * Exactly-once in effect: the kiosk delivers at least once, and `acceptSubmission` stores a
 * submission id at most once. The guard is the database's unique constraint on the id, hit by one
 * INSERT … ON CONFLICT DO NOTHING statement; there is never a check-then-insert window.
 */
export interface PortalStore {
  readonly kind: 'sqlite' | 'postgresql';
  /** Brings the schema up to date; refuses a database written by a newer portal. Safe to call repeatedly and concurrently. */
  migrate(): Promise<void>;
  /** The credential whose secret hashes to `secretHash`, revoked or not; null when there is none. */
  kioskByCredentialHash(secretHash: string): Promise<KioskCredential | null>;
  /** Stores a new credential for the kiosk and revokes the kiosk's earlier ones: one live credential per kiosk. */
  issueCredential(kioskCode: string, secretHash: string, issuedAt: Date): Promise<void>;
  /** Revokes every live credential of the kiosk; answers how many were live. */
  revokeCredential(kioskCode: string, revokedAt: Date): Promise<number>;
  /**
   * Stores the submission once. `created`: this call stored it. `replayed`: the same id was stored
   * before with the same body hash; `accepted` is the first answer again. `conflict`: the id was
   * stored with another body, or the receipt number belongs to another submission id.
   */
  acceptSubmission(kioskCode: string, request: SubmissionRequest, bodyHash: string, acceptedAt: Date): Promise<AcceptOutcome>;
  /** The stored row, sealed blob included (for processing and tests); null when unknown. */
  submission(id: string): Promise<StoredSubmission | null>;
  applicationStatus(receiptNumber: string): Promise<ApplicationStatus | null>;
  recordHeartbeat(kioskCode: string, heartbeat: Heartbeat, receivedAt: Date): Promise<void>;
  /** The app versions the fleet runs now: each live kiosk's latest heartbeat since `since`, distinct. */
  fleetAppVersions(since: Date): Promise<string[]>;
  /**
   * Every kiosk the portal knows, by kiosk code: one with a credential (live or revoked), an
   * unspent enrolment code or a heartbeat, each with its latest heartbeat (null: never reported).
   * One query; the latest heartbeat per kiosk comes from the (kiosk_code, seq) index.
   */
  fleetKiosks(): Promise<StoredFleetKiosk[]>;
  /** The error entries (FLEET_ERROR_KINDS) of the kiosks' uploaded chains received since `since`, newest first, at most RECENT_ERRORS_READ. */
  recentKioskErrors(since: Date): Promise<StoredKioskError[]>;
  /**
   * One window of the heartbeat retention: the `size` heartbeats after `afterSeq` in arrival
   * order, of which those received before `before` are deleted, except each kiosk's newest.
   */
  pruneHeartbeatWindow(window: { afterSeq: number; before: Date; size: number }): Promise<HeartbeatPruneWindow>;
  /** Each kiosk's uploaded audit chain (audit-chain-store.ts). */
  readonly auditChain: AuditChainStore;
  /** Where each application stands, its changes, and the portal's audit entries for them (application-status-store.ts). */
  readonly applications: ApplicationStatusStore;
  /** The portal's own audit chain, for verification (portal-audit-store.ts). */
  readonly portalAudit: PortalAuditStore;
  /** The back office's accounts, sessions and sign-in failures (backoffice-account-store.ts). */
  readonly backOfficeAccounts: BackOfficeAccountStore;
  /** One-time kiosk enrolment codes (enrolment-code-store.ts). */
  readonly enrolmentCodes: EnrolmentCodeStore;
  /** Which published content version each office, kiosk or all kiosks are assigned (content-rollout-store.ts). */
  readonly contentRollout: ContentRolloutStore;
  /** The staff of each office and each office's signed staff list (staff-store.ts). */
  readonly staff: StaffStore;
  /** Row counts, for tests and benches. */
  stats(): Promise<PortalStats>;
  close(): Promise<void>;
}

/**
 * Each kiosk's app version as its latest heartbeat since `$since` said, for kiosks whose credential is
 * still live: a decommissioned kiosk, or one whose credential was revoked, no longer speaks for the fleet.
 * The placeholder is the dialect's own (`?` or `$1`).
 */
export const fleetAppVersionsSql = (since: string): string => `SELECT DISTINCT h.app_version AS app_version
   FROM heartbeat h
   JOIN (SELECT kiosk_code, max(seq) AS seq FROM heartbeat WHERE received_at >= ${since} GROUP BY kiosk_code) latest ON latest.seq = h.seq
   WHERE EXISTS (SELECT 1 FROM kiosk_credential c WHERE c.kiosk_code = h.kiosk_code AND c.revoked_at IS NULL)`;

/**
 * The fleet as fleetKiosks reads it; the placeholder-free SQL is the same in both dialects. A live
 * credential's issue time, else the latest revocation; the kiosk's unspent code; its newest
 * heartbeat; and, when that one could not count the queue (the kiosk is out of service), the newest
 * that did, which the recovery procedure compares the recovered queue with.
 */
export const FLEET_KIOSKS_SQL = `WITH latest AS (SELECT kiosk_code, max(seq) AS seq FROM heartbeat GROUP BY kiosk_code),
     credential AS (
       SELECT kiosk_code, max(CASE WHEN revoked_at IS NULL THEN issued_at END) AS live_since, max(revoked_at) AS revoked_at
       FROM kiosk_credential GROUP BY kiosk_code),
     known AS (SELECT kiosk_code FROM latest UNION SELECT kiosk_code FROM credential UNION SELECT kiosk_code FROM enrolment_code)
   SELECT k.kiosk_code, c.live_since, c.revoked_at, e.expires_at AS code_expires_at,
          h.received_at, h.app_version, h.content_version, h.queue_depth, h.oldest_queued_age_seconds, h.quarantined,
          h.last_sync_at, h.printer_state, h.screen_failures, h.unavailable_services, h.free_disk_bytes,
          h.update_state, h.update_version, h.kiosk_alarms, h.out_of_service_code,
          q.queue_depth AS known_queue_depth, q.received_at AS known_queue_at
   FROM known k
   LEFT JOIN latest l ON l.kiosk_code = k.kiosk_code
   LEFT JOIN heartbeat h ON h.seq = l.seq
   LEFT JOIN heartbeat q ON h.queue_depth IS NULL
     AND q.seq = (SELECT max(p.seq) FROM heartbeat p WHERE p.kiosk_code = k.kiosk_code AND p.queue_depth IS NOT NULL)
   LEFT JOIN credential c ON c.kiosk_code = k.kiosk_code
   LEFT JOIN enrolment_code e ON e.kiosk_code = k.kiosk_code
   ORDER BY k.kiosk_code`;

/** Deletes the window's heartbeats received before the cut-off, each kiosk's newest excepted (placeholders: after, last, before). */
export const pruneHeartbeatWindowSql = (after: string, last: string, before: string): string => `DELETE FROM heartbeat
   WHERE seq > ${after} AND seq <= ${last} AND received_at < ${before}
     AND EXISTS (SELECT 1 FROM heartbeat newer WHERE newer.kiosk_code = heartbeat.kiosk_code AND newer.seq > heartbeat.seq)`;

/**
 * A bound on the rows one fleet view reads: a kiosk that records an error every second for a day
 * must not make the page read 86,400 rows; the newest are the ones shown.
 */
export const RECENT_ERRORS_READ = 5000;

/** The kiosks' error entries since a time (placeholder: since); a partial index of migration 0011 serves it. */
export const recentKioskErrorsSql = (since: string): string => `SELECT kiosk_code, seq, at, kind, details FROM audit_chain_entry
   WHERE kind IN (${FLEET_ERROR_KINDS.map((kind) => `'${kind}'`).join(', ')}) AND received_at >= ${since}
   ORDER BY received_at DESC, seq DESC LIMIT ${RECENT_ERRORS_READ}`;

export interface StoredKioskError {
  kioskCode: string;
  seq: number;
  at: string;
  kind: string;
  /** The details as the kiosk hashed them (JSON text). */
  details: string;
}

export interface StoredFleetKiosk {
  kioskCode: string;
  /** When its live credential was issued; null when it has none. */
  liveSince: string | null;
  /** When its latest credential was revoked; null when none was. */
  revokedAt: string | null;
  enrolmentCodeExpiresAt: string | null;
  lastHeartbeat: FleetHeartbeat | null;
}

export interface HeartbeatPruneWindow {
  deleted: number;
  /** The last seq the window covered: the next window starts after it. */
  lastSeq: number;
  /** The window reached heartbeats inside the retention (or the end): the rest is newer, nothing more to prune now. */
  done: boolean;
}

export interface KioskCredential {
  kioskCode: string;
  issuedAt: string;
  revokedAt: string | null;
}

export type AcceptOutcome =
  | { outcome: 'created' | 'replayed'; accepted: SubmissionAccepted }
  | { outcome: 'conflict'; reason: 'different-body' | 'receipt-number-taken' };

/** A stored submission: its envelope as the kiosk sent it, and what the portal keeps beside it. */
export type StoredSubmission = SubmissionEnvelope & {
  kioskCode: string;
  /** The sealed bytes as the kiosk sent them (base64-decoded); the portal never stores them opened. */
  sealed: Uint8Array;
  bodyHash: string;
  acceptedAt: string;
  status: ApplicationStatusName;
  statusUpdatedAt: string;
  /** When the retention policy emptied `sealed` (null while the answers are kept). */
  sealedPurgedAt: string | null;
};

export interface PortalStats {
  submissions: number;
  heartbeats: number;
  credentials: number;
  liveCredentials: number;
}

export interface PortalStoreOptions {
  /** A PostgreSQL URL (postgres://…); when set, the store is PostgreSQL. */
  databaseUrl?: string | undefined;
  /** The SQLite file used when there is no databaseUrl. */
  sqliteFile: string;
  /** Errors no request is waiting for (a PostgreSQL connection dropped while idle). */
  onError?: (error: Error) => void;
}

/** PostgreSQL when a database URL is given (DATABASE_URL), else SQLite in `sqliteFile`. Not yet migrated. */
export async function createPortalStore(options: PortalStoreOptions): Promise<PortalStore> {
  if (options.databaseUrl) {
    const { PostgresPortalStore } = await import('./postgres/postgres-store.js');
    return new PostgresPortalStore({ connectionString: options.databaseUrl, onError: options.onError });
  }
  const { SqlitePortalStore } = await import('./sqlite/sqlite-store.js');
  return new SqlitePortalStore(options.sqliteFile);
}

/** The id as stored: lower case, so the same UUID in either case is the same submission in both stores. */
export const normaliseSubmissionId = (id: string): string => id.toLowerCase();
