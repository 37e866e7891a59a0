import type pg from 'pg';
import type { ChainAnchor, ChainEntry } from '../../../shared/audit/audit-chain.js';
import { chainEntryOfRow, type AuditEntryRow } from '../../../shared/audit/audit-row.js';
import { portalAuditEntryAfter, type PortalAuditEvent } from '../../audit/portal-audit-entry.js';
import { announceHead, PORTAL_AUDIT_COLUMNS, portalAuditValues, type PortalAuditHeadListener, type PortalAuditStore } from '../portal-audit-store.js';

const INSERT = `INSERT INTO portal_audit (${PORTAL_AUDIT_COLUMNS.join(', ')}) VALUES (${PORTAL_AUDIT_COLUMNS.map((_, index) => `$${index + 1}`).join(', ')})`;
/** pg_advisory_xact_lock key: portal processes appending to the one chain take turns from the head's read to the insert. */
const PORTAL_AUDIT_LOCK = 7_215_402_027;

/** The triggers of migration 0008 that keep portal_audit append-only. */
const GUARDS = ['portal_audit_no_update', 'portal_audit_no_delete', 'portal_audit_no_truncate'] as const;

/** Heads appended on a pool's connection and not yet announced: the connection's transaction is still open. */
const pendingHeads = new WeakMap<pg.ClientBase, ChainAnchor>();

/** Appends one event after the chain's head, in the caller's transaction on `client`. */
export async function appendPortalAuditPostgres(client: pg.ClientBase, event: PortalAuditEvent, at: Date): Promise<ChainEntry> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [PORTAL_AUDIT_LOCK]);
  const { rows } = await client.query<{ seq: string; entry_hash: string }>('SELECT seq, entry_hash FROM portal_audit ORDER BY seq DESC LIMIT 1');
  const head = rows[0];
  const anchor: ChainAnchor | null = head ? { seq: Number(head.seq), entryHash: head.entry_hash } : null;
  const entry = portalAuditEntryAfter(anchor, event, at);
  await client.query(INSERT, portalAuditValues(entry));
  pendingHeads.set(client, { seq: entry.seq, entryHash: entry.entryHash });
  return entry;
}

export function postgresPortalAudit(pool: pg.Pool): PortalAuditStore {
  const listeners = new Set<PortalAuditHeadListener>();
  // Checked one at a time, and never a head older than one already told: the log's last head is the newest.
  let announcing = Promise.resolve();
  let announcedSeq = 0;
  const announceIfCommitted = async (head: ChainAnchor): Promise<void> => {
    try {
      const { rows } = await pool.query<{ entry_hash: string }>('SELECT entry_hash FROM portal_audit WHERE seq = $1', [head.seq]);
      if (rows[0]?.entry_hash !== head.entryHash || head.seq <= announcedSeq) return;
      announcedSeq = head.seq;
      announceHead(listeners, head);
    } catch {
      // The pool is closing: the head is in the table, and the next append's head covers it.
    }
  };
  // A connection goes back to the pool after its COMMIT or ROLLBACK: only then is it known whether the head exists.
  pool.on('release', (_error: Error | undefined, client: pg.PoolClient) => {
    const head = pendingHeads.get(client);
    if (!head) return;
    pendingHeads.delete(client);
    if (listeners.size > 0) announcing = announcing.then(() => announceIfCommitted(head));
  });
  return {
    entries: async (afterSeq, limit) => {
      const { rows } = await pool.query<AuditEntryRow>(`SELECT ${PORTAL_AUDIT_COLUMNS.join(', ')} FROM portal_audit WHERE seq > $1 ORDER BY seq LIMIT $2`, [
        afterSeq,
        limit,
      ]);
      return rows.map(chainEntryOfRow);
    },
    entriesBefore: async (beforeSeq, limit) => {
      const { rows } = await pool.query<AuditEntryRow>(`SELECT ${PORTAL_AUDIT_COLUMNS.join(', ')} FROM portal_audit WHERE seq < $1 ORDER BY seq DESC LIMIT $2`, [
        beforeSeq,
        limit,
      ]);
      return rows.map(chainEntryOfRow);
    },
    latest: async () => {
      const { rows } = await pool.query<AuditEntryRow>(`SELECT ${PORTAL_AUDIT_COLUMNS.join(', ')} FROM portal_audit ORDER BY seq DESC LIMIT 1`);
      return rows[0] ? chainEntryOfRow(rows[0]) : null;
    },
    onAppended: (listener) => void listeners.add(listener),
    missingGuards: async () => {
      // A disabled trigger ('D') is there and does nothing: it counts as missing.
      const { rows } = await pool.query<{ tgname: string }>(
        "SELECT tgname FROM pg_trigger WHERE tgrelid = 'portal_audit'::regclass AND NOT tgisinternal AND tgenabled <> 'D'",
      );
      const present = rows.map((row) => row.tgname);
      return GUARDS.filter((name) => !present.includes(name));
    },
  };
}
