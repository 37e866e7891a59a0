import type { Migration } from '../../migration.js';

/**
 * The portal's own audit trail becomes append-only, as the kiosk's is: one trigger function that
 * raises, fired before any UPDATE or DELETE of a row and before a TRUNCATE (which fires no DELETE
 * trigger). An INSERT is let through: the appends hold an advisory lock from the head's read to
 * the insert, and the chain's links name any entry put elsewhere. The table's owner can drop or
 * disable the triggers: the verification says when one is missing or disabled, and the head kept
 * in the portal's log finds what was cut meanwhile.
 */
export const portalAuditAppendOnly: Migration = {
  version: 8,
  name: 'portal audit append-only',
  sql: `CREATE FUNCTION portal_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'portal_audit is append-only' USING ERRCODE = 'restrict_violation';
   END;
   $$;
   CREATE TRIGGER portal_audit_no_update BEFORE UPDATE ON portal_audit FOR EACH ROW EXECUTE FUNCTION portal_audit_refuse_change();
   CREATE TRIGGER portal_audit_no_delete BEFORE DELETE ON portal_audit FOR EACH ROW EXECUTE FUNCTION portal_audit_refuse_change();
   CREATE TRIGGER portal_audit_no_truncate BEFORE TRUNCATE ON portal_audit FOR EACH STATEMENT EXECUTE FUNCTION portal_audit_refuse_change();`,
};
