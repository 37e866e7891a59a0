import type { ChainAnchor, ChainEntry } from '../../shared/audit/audit-chain.js';
import { canonicalJson, type CanonicalValue } from '../../shared/audit/canonical-json.js';

/**
 * The portal's own audit trail (portal_audit, migration 0006): one chain, hashed like a kiosk's.
 * Entries are appended by the sub-stores whose changes they record, inside the same transaction
 * (application-status-store.ts); this side reads them for verification and tells who listens
 * of each new head.
 */
export interface PortalAuditStore {
  /** Entries with seq > afterSeq, in seq order, at most `limit`. */
  entries(afterSeq: number, limit: number): Promise<ChainEntry[]>;
  /** Entries with seq < beforeSeq, newest first, at most `limit`: one backward range of the key, gaps and all. */
  entriesBefore(beforeSeq: number, limit: number): Promise<ChainEntry[]>;
  /** The chain's newest entry; null before the first. */
  latest(): Promise<ChainEntry | null>;
  /**
   * Calls `listener` with the chain's new head after each append this store's connections commit
   * (a rolled-back append is never announced: a head that never existed would read as a cut chain).
   */
  onAppended(listener: PortalAuditHeadListener): void;
  /**
   * The append-only triggers of migration 0008 that are not in force (dropped, or disabled in
   * PostgreSQL): empty when the table refuses every UPDATE and DELETE.
   */
  missingGuards(): Promise<string[]>;
}

export type PortalAuditHeadListener = (head: ChainAnchor) => void;

/** Tells each listener of a head; one listener's failure neither stops the others nor reaches the append. */
export function announceHead(listeners: Iterable<PortalAuditHeadListener>, head: ChainAnchor): void {
  for (const listener of listeners) {
    try {
      listener(head);
    } catch {
      // A listener (the log) that fails must not undo or hide an append already committed.
    }
  }
}

export const PORTAL_AUDIT_COLUMNS = ['seq', 'at', 'kind', 'actor', 'subject', 'details', 'content_hash', 'previous_hash', 'entry_hash'] as const;

/** The values for PORTAL_AUDIT_COLUMNS: details as the canonical text that was hashed, so reading them back hashes the same. */
export function portalAuditValues(entry: ChainEntry): unknown[] {
  return [
    entry.seq,
    entry.at,
    entry.kind,
    entry.actor,
    entry.subject,
    canonicalJson(entry.details as CanonicalValue),
    entry.contentHash,
    entry.previousHash,
    entry.entryHash,
  ];
}
