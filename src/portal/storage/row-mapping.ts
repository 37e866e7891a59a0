import { z } from 'zod';
import type { Heartbeat, SubmissionAccepted, SubmissionRequest } from '../../shared/contract/portal.js';
import { heartbeatSchema } from '../../shared/contract/portal.js';
import { SUBMISSION_ENVELOPE_FIELDS, envelopeColumn, submissionEnvelopeSchema, type SubmissionEnvelope } from '../../shared/domain/submission.js';
import { normaliseSubmissionId, type StoredFleetKiosk, type StoredSubmission } from './portal-store.js';

/**
 * Rows and columns, once for both dialects: the submission table holds the envelope's fields (one
 * column each, snake_case, in the envelope's order) and then the portal's own; the heartbeat table
 * holds the heartbeat's fields after who sent it and when. A new envelope field is a migration and
 * nothing here.
 */
const columnOf = envelopeColumn;

const ENVELOPE_COLUMNS = SUBMISSION_ENVELOPE_FIELDS.map((field) => ({
  field,
  column: columnOf(field),
  numeric: submissionEnvelopeSchema.shape[field] instanceof z.ZodNumber,
  /** A field added after the first kiosks shipped (the assisting clerk): NULL when a kiosk does not say. */
  nullable: submissionEnvelopeSchema.shape[field].safeParse(null).success,
}));

/** Every column an insert into `submission` fills, in order. */
export const SUBMISSION_COLUMNS: readonly string[] = [
  ...ENVELOPE_COLUMNS.map(({ column }) => column),
  'kiosk_code',
  'sealed',
  'body_hash',
  'accepted_at',
  'status',
  'status_updated_at',
];

/** The values for SUBMISSION_COLUMNS: a new submission, received now. */
export function submissionValues(kioskCode: string, request: SubmissionRequest, bodyHash: string, acceptedAt: Date): unknown[] {
  const at = acceptedAt.toISOString();
  const envelope = ENVELOPE_COLUMNS.map(({ field }) => (field === 'id' ? normaliseSubmissionId(request.id) : (request[field] ?? null)));
  return [...envelope, kioskCode, Buffer.from(request.sealed, 'base64'), bodyHash, at, 'received', at];
}

/** What `INSERT … RETURNING` and the replay lookup select for the answer to the kiosk. */
export const ACCEPTED_COLUMNS = 'id, receipt_number, accepted_at';

export function acceptedFromRow(row: Record<string, unknown>): SubmissionAccepted {
  return { id: String(row.id), receiptNumber: String(row.receipt_number), acceptedAt: isoTime(row.accepted_at) };
}

/** A stored row as the store's callers see it, whichever driver read it (PostgreSQL's bigint arrives as text, timestamptz as Date). */
export function submissionFromRow(row: Record<string, unknown>): StoredSubmission {
  const envelope = Object.fromEntries(
    ENVELOPE_COLUMNS.map(({ field, column, numeric, nullable }) => [
      field,
      nullable && row[column] == null ? null : numeric ? Number(row[column]) : String(row[column]),
    ]),
  ) as SubmissionEnvelope;
  return {
    ...envelope,
    kioskCode: String(row.kiosk_code),
    sealed: new Uint8Array(row.sealed as Uint8Array),
    bodyHash: String(row.body_hash),
    acceptedAt: isoTime(row.accepted_at),
    status: row.application_status as StoredSubmission['status'],
    statusUpdatedAt: isoTime(row.status_updated_at),
    sealedPurgedAt: row.sealed_purged_at == null ? null : isoTime(row.sealed_purged_at),
  };
}

/** Stored below in columns of their own, in the order their migrations added them. */
type HeartbeatFieldsStoredApart = 'update' | 'alarms' | 'outOfServiceCode';
const STORED_APART: readonly string[] = ['update', 'alarms', 'outOfServiceCode'] satisfies HeartbeatFieldsStoredApart[];
/** The heartbeat's flat fields, one column each. */
const HEARTBEAT_FIELDS = Object.keys(heartbeatSchema.shape).filter((field) => !STORED_APART.includes(field)) as Exclude<keyof Heartbeat, HeartbeatFieldsStoredApart>[];

/** Every column an insert into `heartbeat` fills, in order. */
export const HEARTBEAT_COLUMNS: readonly string[] = [
  'kiosk_code',
  'received_at',
  ...HEARTBEAT_FIELDS.map(columnOf),
  'update_state',
  'update_version',
  'kiosk_alarms',
  'out_of_service_code',
];

export function heartbeatValues(kioskCode: string, heartbeat: Heartbeat, receivedAt: Date): unknown[] {
  // A field an older kiosk does not send is stored as NULL: unknown, not zero.
  return [
    kioskCode,
    receivedAt.toISOString(),
    ...HEARTBEAT_FIELDS.map((field) => heartbeat[field] ?? null),
    heartbeat.update?.state ?? null,
    heartbeat.update?.version ?? null,
    heartbeat.alarms ? heartbeat.alarms.join(' ') : null,
    heartbeat.outOfServiceCode ?? null,
  ];
}

export function isoTime(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

/** A row of FLEET_KIOSKS_SQL, whichever driver read it. */
export function fleetKioskFromRow(row: Record<string, unknown>): StoredFleetKiosk {
  const time = (value: unknown) => (value == null ? null : isoTime(value));
  const count = (value: unknown) => (value == null ? null : Number(value));
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    kioskCode: String(row.kiosk_code),
    liveSince: time(row.live_since),
    revokedAt: time(row.revoked_at),
    enrolmentCodeExpiresAt: time(row.code_expires_at),
    lastHeartbeat:
      row.received_at == null
        ? null
        : {
            receivedAt: isoTime(row.received_at),
            appVersion: String(row.app_version),
            contentVersion: count(row.content_version),
            queueDepth: count(row.queue_depth),
            oldestQueuedAgeSeconds: count(row.oldest_queued_age_seconds),
            quarantined: count(row.quarantined),
            lastSyncAt: row.last_sync_at == null ? null : isoTime(row.last_sync_at),
            printerState: String(row.printer_state),
            screenFailures: count(row.screen_failures),
            unavailableServices: count(row.unavailable_services),
            freeDiskBytes: count(row.free_disk_bytes),
            updateState: text(row.update_state),
            updateVersion: text(row.update_version),
            kioskAlarms: text(row.kiosk_alarms)?.split(' ').filter(Boolean) ?? null,
            outOfServiceCode: text(row.out_of_service_code),
            lastKnownQueue: row.known_queue_depth == null ? null : { queueDepth: Number(row.known_queue_depth), receivedAt: isoTime(row.known_queue_at) },
          },
  };
}
