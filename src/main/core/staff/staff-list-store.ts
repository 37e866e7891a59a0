import type { KioskDatabase } from '../storage/database.js';

/** The staff list as the database holds it: the signed answer's JSON and what was read from it once verified. */
export interface StoredStaffList {
  /** JSON of the signed answer ({document, keyId, algorithm, signature}) exactly as kept. */
  signed: string;
  officeCode: string;
  version: number;
  issuedAt: string;
  appliedAt: string;
  etag: string | null;
}

interface StaffListRow {
  signed: string;
  office_code: string;
  version: number;
  issued_at: string;
  applied_at: string;
  etag: string | null;
}

/** The one held staff list (migration 9). It never judges what it holds: the puller verifies it on every start. */
export class StaffListStore {
  constructor(private readonly db: KioskDatabase) {}

  held(): StoredStaffList | undefined {
    const row = this.db
      .prepare<[], StaffListRow>('SELECT signed, office_code, version, issued_at, applied_at, etag FROM staff_list WHERE id = 1')
      .get();
    return row && { signed: row.signed, officeCode: row.office_code, version: row.version, issuedAt: row.issued_at, appliedAt: row.applied_at, etag: row.etag };
  }

  /** Replaces the held list; call it inside the transaction that records the audit entry. */
  replace(list: StoredStaffList): void {
    this.db
      .prepare(
        `INSERT INTO staff_list (id, signed, office_code, version, issued_at, applied_at, etag) VALUES (1, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET signed = excluded.signed, office_code = excluded.office_code, version = excluded.version,
           issued_at = excluded.issued_at, applied_at = excluded.applied_at, etag = excluded.etag`,
      )
      .run(list.signed, list.officeCode, list.version, list.issuedAt, list.appliedAt, list.etag);
  }

  /** The portal answered the held list again under another ETag: remembered, so the next poll is a 304. */
  rememberEtag(etag: string | null): void {
    this.db.prepare('UPDATE staff_list SET etag = ? WHERE id = 1').run(etag);
  }

  drop(): void {
    this.db.prepare('DELETE FROM staff_list WHERE id = 1').run();
  }
}
