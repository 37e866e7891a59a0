import type { ChainAnchor, ChainEntry } from '../../shared/audit/audit-chain.js';
import { canonicalJson, type CanonicalValue } from '../../shared/audit/canonical-json.js';

/** An entry as the portal stores it: as the kiosk hashed it, details included. */
export type StoredAuditEntry = ChainEntry;

/**
 * Each kiosk's audit chain (migration 0004). Appending is guarded by the key (kiosk, seq): an
 * append that finds an entry already stored at one of its seqs (another upload got there first)
 * stores none of its entries, so the chain never forks.
 */
export interface AuditChainStore {
  /** The kiosk's last stored entry; null before its first upload. */
  head(kioskCode: string): Promise<ChainAnchor | null>;
  /** Stored entries with fromSeq ≤ seq ≤ toSeq, in seq order, at most `limit`. */
  entries(kioskCode: string, fromSeq: number, toSeq: number, limit: number): Promise<StoredAuditEntry[]>;
  /**
   * Stores entries (consecutive seqs after the head) in one transaction. `head-moved`: an entry
   * with one of these seqs is already stored; nothing of this call was stored.
   */
  append(kioskCode: string, entries: readonly StoredAuditEntry[], receivedAt: Date): Promise<'appended' | 'head-moved'>;
}

export const AUDIT_CHAIN_COLUMNS = [
  'kiosk_code',
  'seq',
  'at',
  'kind',
  'actor',
  'subject',
  'details',
  'content_hash',
  'previous_hash',
  'entry_hash',
  'received_at',
] as const;

/** The details as the canonical text the kiosk hashed, so reading them back hashes the same. */
export function auditChainValues(kioskCode: string, entry: StoredAuditEntry, receivedAt: string): unknown[] {
  return [
    kioskCode,
    entry.seq,
    entry.at,
    entry.kind,
    entry.actor,
    entry.subject,
    canonicalJson(entry.details as CanonicalValue),
    entry.contentHash,
    entry.previousHash,
    entry.entryHash,
    receivedAt,
  ];
}

/** A row of audit_chain_entry as both drivers give it (PostgreSQL's bigint seq as text). */
export interface AuditChainRow {
  seq: number | string;
  at: string;
  kind: string;
  actor: string | null;
  subject: string | null;
  details: string;
  content_hash: string;
  previous_hash: string;
  entry_hash: string;
}

export function auditEntryFromRow(row: AuditChainRow): StoredAuditEntry {
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

/** Undefined when the stored text is not JSON (edited in the database): such an entry matches no hash. */
function readDetails(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
