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
     office_code text NOT NULL,
     staff_id text NOT NULL,
     display_name text NOT NULL,
     roles text NOT NULL,
     card_number text,
     pin_hash text NOT NULL,
     state text NOT NULL CHECK (state IN ('active', 'disabled')),
     created_at timestamptz NOT NULL,
     pin_issued_at timestamptz NOT NULL,
     updated_at timestamptz NOT NULL,
     PRIMARY KEY (office_code, staff_id)
   );
   CREATE UNIQUE INDEX staff_active_card ON staff (office_code, card_number) WHERE state = 'active' AND card_number IS NOT NULL;
   CREATE TABLE staff_list (
     office_code text PRIMARY KEY,
     version integer NOT NULL CHECK (version > 0),
     issued_at timestamptz NOT NULL,
     document text,
     key_id text,
     signature text,
     CHECK ((document IS NULL) = (key_id IS NULL) AND (document IS NULL) = (signature IS NULL))
   );`,
};
