import type { Migration } from '../../migration.js';

/**
 * The staff of each office as administrators keep them in the back office, and each office's
 * signed staff list. A record is never deleted, only disabled, so a staff id names one person
 * for good (STAFF_ID_TAKEN whatever the state); a card opens a sign-in, so two ACTIVE records of
 * an office never share one (a partial unique index: a disabled record keeps its card number).
 * Roles and the PIN's scrypt hash are JSON text; the PIN itself is never stored.
 *
 * staff_list holds one row per office: the version raised by every change and, when the portal
 * has a staff-list key, the document exactly as signed with its signature (null without a key).
 */
export const staffTables: Migration = {
  version: 12,
  name: 'staff and signed staff lists',
  sql: `CREATE TABLE staff (
     office_code TEXT NOT NULL,
     staff_id TEXT NOT NULL,
     display_name TEXT NOT NULL,
     roles TEXT NOT NULL,
     card_number TEXT,
     pin_hash TEXT NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('active', 'disabled')),
     created_at TEXT NOT NULL,
     pin_issued_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     PRIMARY KEY (office_code, staff_id)
   ) STRICT;
   CREATE UNIQUE INDEX staff_active_card ON staff (office_code, card_number) WHERE state = 'active' AND card_number IS NOT NULL;
   CREATE TABLE staff_list (
     office_code TEXT PRIMARY KEY,
     version INTEGER NOT NULL CHECK (version > 0),
     issued_at TEXT NOT NULL,
     document TEXT,
     key_id TEXT,
     signature TEXT,
     CHECK ((document IS NULL) = (key_id IS NULL) AND (document IS NULL) = (signature IS NULL))
   ) STRICT;`,
};
