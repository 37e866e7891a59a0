import type { Migration } from '../../migration.js';

const GENESIS = '0'.repeat(64);

/**
 * The portal's own audit trail becomes append-only, as the kiosk's is: no UPDATE, no DELETE, and
 * an INSERT only at the end of the chain (the next seq, linked to the last entry). INSERT OR
 * REPLACE would otherwise delete a row without firing the DELETE trigger; the INSERT trigger
 * refuses it first. Someone holding the file can drop the triggers: the verification says when
 * one is missing, and the head kept in the portal's log finds what was cut meanwhile.
 */
export const portalAuditAppendOnly: Migration = {
  version: 8,
  name: 'portal audit append-only',
  sql: `CREATE TRIGGER portal_audit_no_update BEFORE UPDATE ON portal_audit
   BEGIN
     SELECT RAISE(ABORT, 'portal_audit is append-only');
   END;
   CREATE TRIGGER portal_audit_no_delete BEFORE DELETE ON portal_audit
   BEGIN
     SELECT RAISE(ABORT, 'portal_audit is append-only');
   END;
   CREATE TRIGGER portal_audit_append_at_end BEFORE INSERT ON portal_audit
   WHEN NEW.seq IS NOT coalesce((SELECT max(seq) FROM portal_audit), 0) + 1
     OR NEW.previous_hash IS NOT coalesce((SELECT entry_hash FROM portal_audit ORDER BY seq DESC LIMIT 1), '${GENESIS}')
   BEGIN
     SELECT RAISE(ABORT, 'portal_audit is append-only: a new entry follows the last one');
   END;`,
};
