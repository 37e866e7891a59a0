import { GENESIS_HASH, type ChainAnchor, type ChainEntry } from '../../shared/audit/audit-chain.js';
import type { CanonicalValue } from '../../shared/audit/canonical-json.js';
import { portalAuditChain } from './portal-audit-chain.js';

/**
 * What the portal's own audit trail records: who did what to which application in the back
 * office. Kinds: application_opened, status_changed (sign-in events join later), and
 * sealed_answers_purged (the retention job, `portal:retention`, with how many it emptied). The
 * actor is the back office user (`user:<id>`), the subject the receipt number; details never hold
 * a visitor's answers or anything else personal.
 */
export const PORTAL_AUDIT_KINDS = ['application_opened', 'status_changed', 'sealed_answers_purged'] as const;
export type PortalAuditKind = (typeof PORTAL_AUDIT_KINDS)[number];

export interface PortalAuditEvent {
  kind: PortalAuditKind;
  actor: string;
  subject: string;
  details: { [key: string]: CanonicalValue };
}

/** How the portal itself is named in the trail when no person acted (the retention job). */
export const RETENTION_AUDIT_ACTOR = 'portal:retention';

/** How a back office user is named in the trail. */
export const portalAuditActor = (userId: number): string => `user:${userId}`;

/** The entry that follows `head` (null: the chain is empty), hashed exactly as a kiosk hashes its own trail. */
export function portalAuditEntryAfter(head: ChainAnchor | null, event: PortalAuditEvent, at: Date): ChainEntry {
  const content = { seq: (head?.seq ?? 0) + 1, at: at.toISOString(), kind: event.kind, actor: event.actor, subject: event.subject, details: event.details };
  const contentHash = portalAuditChain.contentHashOf(content)!;
  const previousHash = head?.entryHash ?? GENESIS_HASH;
  return { ...content, contentHash, previousHash, entryHash: portalAuditChain.entryHashOf(previousHash, contentHash) };
}
