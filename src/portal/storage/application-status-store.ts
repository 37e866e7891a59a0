import type { ApplicationStatusName } from '../../shared/domain/submission.js';
import { LEGACY_STATUS_OF } from '../../shared/domain/application-status.js';
import type { PortalAuditEvent } from '../audit/portal-audit-entry.js';
import { isoTime } from './row-mapping.js';

/**
 * Where each application stands (migration 0006): its current status on the submission row, every
 * change in application_status_change, and each change and opening in the portal's audit chain in
 * the same transaction, so no change goes unrecorded and no record names a change that failed.
 */
export interface ApplicationStatusStore {
  /** The application with this receipt number, as its status stands; null when unknown. */
  current(receiptNumber: string): Promise<ApplicationStanding | null>;
  /**
   * Moves the application from `change.from` to `change.to` and appends the audit event, in one
   * transaction. `status-moved`: the application is no longer at `from` (another officer moved
   * it first); nothing was stored.
   */
  changeStatus(change: StatusChange, audit: PortalAuditEvent): Promise<'changed' | 'status-moved'>;
  /** Appends an event that changes nothing else (an application opened). */
  record(audit: PortalAuditEvent, at: Date): Promise<void>;
  /** Every change of the application, oldest first. */
  history(submissionId: string): Promise<StoredStatusChange[]>;
  /** Applications' metadata, newest first by (createdAt, id), after `after` when given. */
  list(filter: ApplicationListFilter, after: ApplicationListCursor | null, limit: number): Promise<ApplicationSummary[]>;
  /**
   * Empties the sealed answers of at most `limit` applications issued or rejected before
   * `finishedBefore` that still hold them, stamping `purgedAt`; answers how many it emptied.
   * One transaction per call, so a batch is purged whole or not at all.
   */
  purgeSealedAnswers(finishedBefore: Date, purgedAt: Date, limit: number): Promise<number>;
}

export interface ApplicationStanding {
  id: string;
  receiptNumber: string;
  serviceId: string;
  status: ApplicationStatusName;
  reasonId: string | null;
  updatedAt: string;
}

export interface StatusChange {
  submissionId: string;
  at: Date;
  /** The back office user id. */
  by: number;
  from: ApplicationStatusName;
  to: ApplicationStatusName;
  reasonId: string | null;
}

export type StoredStatusChange = Omit<StatusChange, 'at' | 'submissionId'> & { at: string };

export interface ApplicationListFilter {
  status?: ApplicationStatusName | undefined;
  serviceId?: string | undefined;
  kioskCode?: string | undefined;
  officeCode?: string | undefined;
  receiptNumber?: string | undefined;
}

/** The last row of the page before: the next page starts after it. */
export interface ApplicationListCursor {
  createdAt: string;
  id: string;
}

/** What the list shows: never the sealed answers. */
export interface ApplicationSummary {
  id: string;
  receiptNumber: string;
  serviceId: string;
  kioskCode: string;
  assistedBy: string | null;
  createdAt: string;
  status: ApplicationStatusName;
  statusUpdatedAt: string;
}

type Placeholder = (index: number) => string;

const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * The list query in either dialect. Each filter is an equality before (created_at, id), so one of
 * the 0006 indexes (or 0009's for the office) serves it with the order; a receipt number is unique.
 */
export function applicationListQuery(
  filter: ApplicationListFilter,
  after: ApplicationListCursor | null,
  limit: number,
  placeholder: Placeholder,
): { sql: string; values: unknown[] } {
  const where: string[] = [];
  const values: unknown[] = [];
  const bind = (value: unknown): string => {
    values.push(value);
    return placeholder(values.length);
  };
  if (filter.status) where.push(`application_status = ${bind(filter.status)}`);
  if (filter.serviceId) where.push(`service_id = ${bind(filter.serviceId)}`);
  if (filter.kioskCode) where.push(`kiosk_code = ${bind(filter.kioskCode)}`);
  // The very expression 0009's index is made on, so the planner matches it.
  if (filter.officeCode) where.push(`substr(kiosk_code, 1, 3) = ${bind(filter.officeCode)}`);
  if (filter.receiptNumber) where.push(`receipt_number = ${bind(filter.receiptNumber)}`);
  if (after) where.push(`(created_at, id) < (${bind(after.createdAt)}, ${bind(after.id)})`);
  const sql = `SELECT ${SUMMARY_COLUMNS} FROM submission ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY created_at DESC, id DESC LIMIT ${bind(limit)}`;
  return { sql, values };
}

export const SUMMARY_COLUMNS = 'id, receipt_number, service_id, kiosk_code, assisted_by, created_at, application_status, status_updated_at';

export function summaryFromRow(row: Record<string, unknown>): ApplicationSummary {
  return {
    id: String(row.id),
    receiptNumber: String(row.receipt_number),
    serviceId: String(row.service_id),
    kioskCode: String(row.kiosk_code),
    assistedBy: textOrNull(row.assisted_by),
    createdAt: String(row.created_at),
    status: row.application_status as ApplicationStatusName,
    statusUpdatedAt: isoTime(row.status_updated_at),
  };
}

export const STANDING_COLUMNS = 'id, receipt_number, service_id, application_status, status_reason_id, status_updated_at';

export function standingFromRow(row: Record<string, unknown>): ApplicationStanding {
  return {
    id: String(row.id),
    receiptNumber: String(row.receipt_number),
    serviceId: String(row.service_id),
    status: row.application_status as ApplicationStatusName,
    reasonId: textOrNull(row.status_reason_id),
    updatedAt: isoTime(row.status_updated_at),
  };
}

export function statusChangeFromRow(row: Record<string, unknown>): StoredStatusChange {
  return {
    at: isoTime(row.changed_at),
    by: Number(row.changed_by),
    from: row.from_status as ApplicationStatusName,
    to: row.to_status as ApplicationStatusName,
    reasonId: textOrNull(row.reason_id),
  };
}

/** The compare-and-set of a change; the first column keeps the word older kiosks read in step. */
export function statusUpdateValues(change: StatusChange): unknown[] {
  return [change.to, LEGACY_STATUS_OF[change.to], change.reasonId, change.at.toISOString(), change.submissionId, change.from];
}
export const statusUpdateSql = (p: Placeholder): string =>
  `UPDATE submission SET application_status = ${p(1)}, status = ${p(2)}, status_reason_id = ${p(3)}, status_updated_at = ${p(4)}
   WHERE id = ${p(5)} AND application_status = ${p(6)}`;

export function statusChangeValues(change: StatusChange): unknown[] {
  return [change.submissionId, change.at.toISOString(), change.by, change.from, change.to, change.reasonId];
}
export const statusChangeInsertSql = (p: Placeholder): string =>
  `INSERT INTO application_status_change (submission_id, changed_at, changed_by, from_status, to_status, reason_id)
   VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)})`;

/** The finished applications whose answers are due, oldest decision first: exactly 0009's partial index. */
export const SEALED_DUE_CONDITION = "sealed_purged_at IS NULL AND application_status IN ('issued', 'rejected')";

/**
 * One purge batch: the sealed bytes become an empty value (the column stays NOT NULL, so older
 * readers still parse the row) and the time they went is kept for the officers' refusal.
 */
export const purgeSealedSql = (p: Placeholder, dialect: 'sqlite' | 'postgresql'): string => {
  const due = `SELECT id FROM submission WHERE ${SEALED_DUE_CONDITION} AND status_updated_at < ${p(3)} ORDER BY status_updated_at, id LIMIT ${p(4)}`;
  // PostgreSQL gets the batch's ids as one array, found once, and updates them through the primary
  // key. Given `id IN (subquery)` beside the outer due condition it drove the update from the
  // partial index instead, visiting every due row for each batch: 1.8 s a batch of 500 at 20,000 due.
  const batch = dialect === 'postgresql' ? `id = ANY(ARRAY(${due}))` : `id IN (${due})`;
  // The due condition again outside: a second portal process whose batch waited on this one's row locks re-checks the row as it is now, finds it purged and leaves it (PostgreSQL re-evaluates only the outer WHERE).
  return `UPDATE submission SET sealed = ${p(1)}, sealed_purged_at = ${p(2)} WHERE ${SEALED_DUE_CONDITION} AND ${batch}`;
};
export const purgeSealedValues = (finishedBefore: Date, purgedAt: Date, limit: number): unknown[] => [
  Buffer.alloc(0),
  purgedAt.toISOString(),
  finishedBefore.toISOString(),
  limit,
];
