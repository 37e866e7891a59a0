import type { SignedStaffList, StaffListDocument } from '../../shared/content/signed-staff-list.js';
import type { PinHash, StaffRecord, StaffRole } from '../../shared/content/staff-schema.js';
import type { StaffMember, StaffRefusalCode, StaffState } from '../../shared/contract/staff-page.js';
import type { PortalAuditEvent } from '../audit/portal-audit-entry.js';
import { isoTime } from './row-mapping.js';

/**
 * The staff of each office and each office's signed list (migration 0012). Every change is ONE
 * transaction that, in this order: takes the office's staff_list row (an upsert that raises its
 * version, so changes of one office take turns even across portal processes, and each gets the
 * next version), makes the change, reads the office's active records as they now are, signs them
 * as the list of that version, stores it, and appends the audit entry. A change that is refused
 * rolls back whole, the version with it. The PIN never reaches the store: only its hash.
 */
export interface StaffStore {
  create(member: NewStaffMember, change: StaffChangeContext): Promise<StaffChangeOutcome>;
  /** `unchanged`: the member already was in that state; nothing was stored or signed. */
  setState(key: StaffKey, state: StaffState, change: StaffChangeContext): Promise<StaffChangeOutcome>;
  resetPin(key: StaffKey, pinHash: PinHash, change: StaffChangeContext): Promise<StaffChangeOutcome>;
  /** The members (of one office, or all) by office and staff id, and every office's list version. No PIN hash. */
  search(officeCode: string | undefined): Promise<{ staff: StaffMember[]; lists: StoredStaffListVersion[] }>;
  /** The office's list as last stored; null when the office has none. `signed` is null when it was stored without a key. */
  list(officeCode: string): Promise<StoredStaffList | null>;
  /** A member with their PIN hash (for tests and the kiosk-side checks of what was signed). */
  record(key: StaffKey): Promise<(StaffMember & { pinHash: PinHash }) | null>;
}

export interface StaffKey {
  officeCode: string;
  staffId: string;
}

export interface NewStaffMember extends StaffKey {
  displayName: string;
  roles: StaffRole[];
  cardNumber: string | null;
  pinHash: PinHash;
}

/** Signs the office's list inside the change's transaction: synchronous, so SQLite's transaction can call it. */
export type StaffListSigner = (document: StaffListDocument) => SignedStaffList;

export interface StaffChangeContext {
  at: Date;
  /** Null when the portal has no staff-list key: the change and the new version are kept, unsigned. */
  sign: StaffListSigner | null;
  /** The audit event of the change, given the list version it made. */
  audit: (listVersion: number) => PortalAuditEvent;
}

export type StaffChangeOutcome =
  | { outcome: 'changed' | 'unchanged'; member: StaffMember; listVersion: number }
  | { outcome: 'refused'; reason: StaffRefusalCode };

export interface StoredStaffListVersion {
  officeCode: string;
  version: number;
  issuedAt: string;
}

export interface StoredStaffList extends StoredStaffListVersion {
  signed: SignedStaffList | null;
}

// ---- shared by both dialects -------------------------------------------------------------------

type Placeholder = (index: number) => string;
type Row = Record<string, unknown>;

export const STAFF_COLUMNS = 'office_code, staff_id, display_name, roles, card_number, pin_hash, state, created_at, pin_issued_at, updated_at';

export function memberFromRow(row: Row): StaffMember {
  return {
    officeCode: String(row.office_code),
    staffId: String(row.staff_id),
    displayName: String(row.display_name),
    roles: JSON.parse(String(row.roles)) as StaffRole[],
    cardNumber: typeof row.card_number === 'string' ? row.card_number : null,
    state: row.state as StaffState,
    createdAt: isoTime(row.created_at),
    pinIssuedAt: isoTime(row.pin_issued_at),
    updatedAt: isoTime(row.updated_at),
  };
}

export const pinHashFromRow = (row: Row): PinHash => JSON.parse(String(row.pin_hash)) as PinHash;

/** A stored record as the signed list carries it: no card key when it has none, no state (only active ones are listed). */
export function staffRecordFromRow(row: Row): StaffRecord {
  const member = memberFromRow(row);
  return {
    staffId: member.staffId,
    displayName: member.displayName,
    roles: member.roles,
    pinHash: pinHashFromRow(row),
    ...(member.cardNumber === null ? {} : { cardNumber: member.cardNumber }),
  };
}

export function listVersionFromRow(row: Row): StoredStaffListVersion {
  return { officeCode: String(row.office_code), version: Number(row.version), issuedAt: isoTime(row.issued_at) };
}

export function listFromRow(row: Row): StoredStaffList {
  const signed =
    typeof row.document === 'string' ? { document: row.document, keyId: String(row.key_id), algorithm: 'Ed25519' as const, signature: String(row.signature) } : null;
  return { ...listVersionFromRow(row), signed };
}

export const insertStaffSql = (p: Placeholder): string =>
  `INSERT INTO staff (${STAFF_COLUMNS}) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, 'active', ${p(7)}, ${p(7)}, ${p(7)})
   ON CONFLICT DO NOTHING RETURNING ${STAFF_COLUMNS}`;
export const insertStaffValues = (member: NewStaffMember, at: Date): unknown[] => [
  member.officeCode,
  member.staffId,
  member.displayName,
  JSON.stringify(member.roles),
  member.cardNumber,
  JSON.stringify(member.pinHash),
  at.toISOString(),
];

/** Raises the office's version (1 for its first list) and holds its row until the commit: the office's changes take turns here. */
export const raiseListVersionSql = (p: Placeholder): string =>
  `INSERT INTO staff_list (office_code, version, issued_at) VALUES (${p(1)}, 1, ${p(2)})
   ON CONFLICT (office_code) DO UPDATE SET version = staff_list.version + 1, issued_at = excluded.issued_at, document = NULL, key_id = NULL, signature = NULL
   RETURNING version`;

export const selectMemberSql = (p: Placeholder): string => `SELECT ${STAFF_COLUMNS} FROM staff WHERE office_code = ${p(1)} AND staff_id = ${p(2)}`;

/** Another active record of the office with this card. */
export const cardTakenSql = (p: Placeholder): string =>
  `SELECT 1 AS taken FROM staff WHERE office_code = ${p(1)} AND card_number = ${p(2)} AND state = 'active' AND staff_id <> ${p(3)}`;

export const setStateSql = (p: Placeholder): string =>
  `UPDATE staff SET state = ${p(3)}, updated_at = ${p(4)} WHERE office_code = ${p(1)} AND staff_id = ${p(2)} RETURNING ${STAFF_COLUMNS}`;

export const resetPinSql = (p: Placeholder): string =>
  `UPDATE staff SET pin_hash = ${p(3)}, pin_issued_at = ${p(4)}, updated_at = ${p(4)} WHERE office_code = ${p(1)} AND staff_id = ${p(2)} RETURNING ${STAFF_COLUMNS}`;

export const activeRecordsSql = (p: Placeholder): string => `SELECT ${STAFF_COLUMNS} FROM staff WHERE office_code = ${p(1)} AND state = 'active' ORDER BY staff_id`;

export const storeSignedListSql = (p: Placeholder): string =>
  `UPDATE staff_list SET document = ${p(2)}, key_id = ${p(3)}, signature = ${p(4)} WHERE office_code = ${p(1)}`;

export const LIST_COLUMNS = 'office_code, version, issued_at, document, key_id, signature';

/** The members of an office (or all, with no placeholder bound), by office and staff id. */
export const searchStaffSql = (p: Placeholder, officeCode: string | undefined): string =>
  `SELECT ${STAFF_COLUMNS} FROM staff ${officeCode === undefined ? '' : `WHERE office_code = ${p(1)}`} ORDER BY office_code, staff_id`;
export const searchListsSql = (p: Placeholder, officeCode: string | undefined): string =>
  `SELECT office_code, version, issued_at FROM staff_list ${officeCode === undefined ? '' : `WHERE office_code = ${p(1)}`} ORDER BY office_code`;

/** The document of the office's list at `version`, as it is signed: the active records, by staff id. */
export function staffListDocument(officeCode: string, version: number, at: Date, records: StaffRecord[]): StaffListDocument {
  return { kind: 'staff-list', officeCode, version, issuedAt: at.toISOString(), staff: records };
}

/** A unique constraint refused the row (a race the office's lock did not cover, or a hand-made row): a refusal, not an error. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code } = error as { code?: unknown };
  // PostgreSQL's unique_violation; better-sqlite3's constraint codes.
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
