import type { ChainAnchor, ChainEntry } from '../../shared/audit/audit-chain.js';
import { chainEntryOfRow, type AuditEntryRow } from '../../shared/audit/audit-row.js';
import { canonicalJson, type CanonicalValue } from '../../shared/audit/canonical-json.js';
import { isoTime } from './row-mapping.js';

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
  /** The kiosk's stored entries with seq < beforeSeq, newest first, at most `limit`. */
  entriesBefore(kioskCode: string, beforeSeq: number, limit: number): Promise<StoredAuditEntry[]>;
  /** Every kiosk that uploaded any entry, by code, with its stored head and when that head arrived. */
  chains(): Promise<StoredChainHead[]>;
}

/** A kiosk's stored chain as the audit page lists it: seqs run from 1 without gaps, so the head's seq is the count. */
export interface StoredChainHead {
  kioskCode: string;
  seq: number;
  entryHash: string;
  at: string;
  receivedAt: string;
}

/**
 * The query both dialects run for chains(): the head row of each kiosk. A GROUP BY would read every
 * entry of every kiosk on each page load; this walks the (kiosk_code, seq) key instead, one seek
 * to the next kiosk code and one to its highest seq, so it costs a few seeks per kiosk at any size.
 */
export const CHAIN_HEADS_QUERY = `WITH RECURSIVE codes(code) AS (
     SELECT min(kiosk_code) FROM audit_chain_entry
     UNION ALL
     SELECT (SELECT min(kiosk_code) FROM audit_chain_entry WHERE kiosk_code > codes.code) FROM codes WHERE codes.code IS NOT NULL
   )
   SELECT e.kiosk_code, e.seq, e.entry_hash, e.at, e.received_at
   FROM codes
   JOIN audit_chain_entry e ON e.kiosk_code = codes.code AND e.seq = (SELECT max(seq) FROM audit_chain_entry WHERE kiosk_code = codes.code)
   ORDER BY e.kiosk_code`;

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

/** A head row of CHAIN_HEADS_QUERY as both drivers give it (PostgreSQL: bigint seq as text, received_at as a Date). */
export interface ChainHeadRow {
  kiosk_code: string;
  seq: number | string;
  entry_hash: string;
  at: string;
  received_at: unknown;
}

export const chainHeadOfRow = (row: ChainHeadRow): StoredChainHead => ({
  kioskCode: row.kiosk_code,
  seq: Number(row.seq),
  entryHash: row.entry_hash,
  at: row.at,
  receivedAt: isoTime(row.received_at),
});

/** A row of audit_chain_entry as both drivers give it. */
export type AuditChainRow = AuditEntryRow;

export const auditEntryFromRow = (row: AuditChainRow): StoredAuditEntry => chainEntryOfRow(row);
