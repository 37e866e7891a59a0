import type { ChainEntry } from './audit-chain.js';

/**
 * An audit entry as a SQL row holds it: the kiosk's audit_entry and the portal's
 * audit_chain_entry store the same columns (PostgreSQL answers a bigint seq as text).
 */
export interface AuditEntryRow {
  seq: number | string;
  at: string;
  kind: string;
  actor: string | null;
  subject: string | null;
  /** The canonical JSON text the entry was hashed with. */
  details: string;
  content_hash: string;
  previous_hash: string;
  entry_hash: string;
}

/** A stored row as a chain entry; details that no longer read as JSON (edited in the database) become undefined and match no hash. */
export function chainEntryOfRow(row: AuditEntryRow): ChainEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    kind: row.kind,
    actor: row.actor,
    subject: row.subject,
    details: readDetails(row.details),
    contentHash: row.content_hash,
    previousHash: row.previous_hash,
    entryHash: row.entry_hash,
  };
}

function readDetails(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
