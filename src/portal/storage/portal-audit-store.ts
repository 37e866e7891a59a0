import type { ChainEntry } from '../../shared/audit/audit-chain.js';
import { canonicalJson, type CanonicalValue } from '../../shared/audit/canonical-json.js';

/**
 * The portal's own audit trail (portal_audit, migration 0006): one chain, hashed like a kiosk's.
 * Entries are appended by the sub-stores whose changes they record, inside the same transaction
 * (application-status-store.ts); this side reads them for verification.
 */
export interface PortalAuditStore {
  /** Entries with seq > afterSeq, in seq order, at most `limit`. */
  entries(afterSeq: number, limit: number): Promise<ChainEntry[]>;
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
