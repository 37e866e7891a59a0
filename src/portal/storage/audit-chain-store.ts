import type { ChainAnchor, ChainEntry } from '../../shared/audit/audit-chain.js';
import { chainEntryOfRow, type AuditEntryRow } from '../../shared/audit/audit-row.js';
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

/** A row of audit_chain_entry as both drivers give it. */
export type AuditChainRow = AuditEntryRow;

export const auditEntryFromRow = (row: AuditChainRow): StoredAuditEntry => chainEntryOfRow(row);
