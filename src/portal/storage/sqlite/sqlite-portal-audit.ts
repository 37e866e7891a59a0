import type Database from 'better-sqlite3';
import type { ChainAnchor, ChainEntry } from '../../../shared/audit/audit-chain.js';
import { chainEntryOfRow, type AuditEntryRow } from '../../../shared/audit/audit-row.js';
import { portalAuditEntryAfter, type PortalAuditEvent } from '../../audit/portal-audit-entry.js';
import { announceHead, PORTAL_AUDIT_COLUMNS, portalAuditValues, type PortalAuditHeadListener, type PortalAuditStore } from '../portal-audit-store.js';

const INSERT = `INSERT INTO portal_audit (${PORTAL_AUDIT_COLUMNS.join(', ')}) VALUES (${PORTAL_AUDIT_COLUMNS.map(() => '?').join(', ')})`;

/** The triggers of migration 0008 that keep portal_audit append-only. */
const GUARDS = ['portal_audit_no_update', 'portal_audit_no_delete', 'portal_audit_append_at_end'] as const;

/** Who listens for the heads appended through each connection (sqlitePortalAudit registers them). */
const headListeners = new WeakMap<Database.Database, Set<PortalAuditHeadListener>>();

/**
 * Appends one event after the chain's head. Call inside an IMMEDIATE transaction: it holds the
 * write lock from the head's read to the insert, so two processes cannot both take the same seq.
 */
export function appendPortalAuditSqlite(db: Database.Database, event: PortalAuditEvent, at: Date): ChainEntry {
  const head = db.prepare<[], { seq: number; entry_hash: string }>('SELECT seq, entry_hash FROM portal_audit ORDER BY seq DESC LIMIT 1').get();
  const anchor: ChainAnchor | null = head ? { seq: head.seq, entryHash: head.entry_hash } : null;
  const entry = portalAuditEntryAfter(anchor, event, at);
  db.prepare(INSERT).run(...portalAuditValues(entry));
  const listeners = headListeners.get(db);
  // better-sqlite3 transactions are synchronous: by the next microtask the caller's transaction has committed or rolled back.
  if (listeners?.size) queueMicrotask(() => announceIfCommitted(db, { seq: entry.seq, entryHash: entry.entryHash }, listeners));
  return entry;
}

function announceIfCommitted(db: Database.Database, head: ChainAnchor, listeners: Set<PortalAuditHeadListener>): void {
  if (!db.open) return;
  const stored = db.prepare<[number], { entry_hash: string }>('SELECT entry_hash FROM portal_audit WHERE seq = ?').get(head.seq);
  if (stored?.entry_hash === head.entryHash) announceHead(listeners, head);
}

export function sqlitePortalAudit(db: Database.Database): PortalAuditStore {
  const listeners = new Set<PortalAuditHeadListener>();
  headListeners.set(db, listeners);
  return {
    entries: (afterSeq, limit) =>
      new Promise((resolve) =>
        resolve(
          db
            .prepare<[number, number], AuditEntryRow>(`SELECT ${PORTAL_AUDIT_COLUMNS.join(', ')} FROM portal_audit WHERE seq > ? ORDER BY seq LIMIT ?`)
            .all(afterSeq, limit)
            .map(chainEntryOfRow),
        ),
      ),
    entriesBefore: (beforeSeq, limit) =>
      new Promise((resolve) =>
        resolve(
          db
            .prepare<[number, number], AuditEntryRow>(`SELECT ${PORTAL_AUDIT_COLUMNS.join(', ')} FROM portal_audit WHERE seq < ? ORDER BY seq DESC LIMIT ?`)
            .all(beforeSeq, limit)
            .map(chainEntryOfRow),
        ),
      ),
    latest: () =>
      new Promise((resolve) => {
        const row = db.prepare<[], AuditEntryRow>(`SELECT ${PORTAL_AUDIT_COLUMNS.join(', ')} FROM portal_audit ORDER BY seq DESC LIMIT 1`).get();
        resolve(row ? chainEntryOfRow(row) : null);
      }),
    onAppended: (listener) => void listeners.add(listener),
    missingGuards: () =>
      new Promise((resolve) => {
        const present = db
          .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'portal_audit'")
          .all()
          .map((row) => row.name);
        resolve(GUARDS.filter((name) => !present.includes(name)));
      }),
  };
}
