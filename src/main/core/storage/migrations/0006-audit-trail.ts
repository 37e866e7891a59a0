import type { Migration } from './index.js';

const HEX_64 = (column: string) => `${column} TEXT NOT NULL CHECK (length(${column}) = 64 AND ${column} NOT GLOB '*[^0-9a-f]*')`;
const GENESIS = '0'.repeat(64);

/**
 * The audit trail: what staff and the kiosk did (sign-ins, reprints, content installs, alarms),
 * one row per event, each holding the SHA-256 of its own content and of the entry before it.
 *
 * The triggers make the table append-only for the app: no UPDATE, no DELETE, and an INSERT only
 * at the end of the chain (the next seq, linked to the last entry). INSERT OR REPLACE would
 * otherwise delete a row without firing the DELETE trigger; the INSERT trigger refuses it first.
 * Someone holding the disk can drop the triggers: that is what the hash chain is for.
 */
export const auditTrailMigration: Migration = {
  version: 6,
  name: 'audit-trail',
  up(db) {
    db.exec(`
      CREATE TABLE audit_entry (
        seq INTEGER PRIMARY KEY CHECK (seq >= 1),
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        actor TEXT,
        subject TEXT,
        details TEXT NOT NULL,
        ${HEX_64('content_hash')},
        ${HEX_64('previous_hash')},
        ${HEX_64('entry_hash')}
      ) STRICT;
      CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
      BEGIN
        SELECT RAISE(ABORT, 'audit_entry is append-only');
      END;
      CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
      BEGIN
        SELECT RAISE(ABORT, 'audit_entry is append-only');
      END;
      CREATE TRIGGER audit_entry_append_at_end BEFORE INSERT ON audit_entry
      WHEN NEW.seq IS NOT coalesce((SELECT max(seq) FROM audit_entry), 0) + 1
        OR NEW.previous_hash IS NOT coalesce((SELECT entry_hash FROM audit_entry ORDER BY seq DESC LIMIT 1), '${GENESIS}')
      BEGIN
        SELECT RAISE(ABORT, 'audit_entry is append-only: a new entry follows the last one');
      END;
    `);
  },
};
