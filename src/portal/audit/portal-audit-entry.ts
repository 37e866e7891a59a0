import { GENESIS_HASH, type ChainAnchor, type ChainEntry } from '../../shared/audit/audit-chain.js';
import type { CanonicalValue } from '../../shared/audit/canonical-json.js';
import { portalAuditChain } from './portal-audit-chain.js';

/**
 * What the portal's own audit trail records: who did what to which application in the back
 * office. Kinds: application_opened, status_changed (sign-in events join later);
 * sealed_answers_purged (the retention job, `portal:retention`, with how many it emptied); and
 * content_published and content_assigned, whose subject is the content version (`content:<n>`);
 * staff_created, staff_disabled, staff_enabled and staff_pin_reset, whose subject is the staff
 * member (`staff:<office>/<staff id>`), never their PIN, its hash, their name or their card.
 * The actor is the back office user (`user:<id>`, or `admin-token` for a publish by the
 * administrator token), the subject the receipt number; details never hold a visitor's answers or
 * anything else personal.
 */
export const PORTAL_AUDIT_KINDS = [
  'application_opened',
  'status_changed',
  'sealed_answers_purged',
  'content_published',
  'content_assigned',
  'staff_created',
  'staff_disabled',
  'staff_enabled',
  'staff_pin_reset',
] as const;
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
/** How a staff member is named in the trail: their office and staff id, nothing that signs them in. */
export const staffAuditSubject = (officeCode: string, staffId: string): string => `staff:${officeCode}/${staffId}`;
/** How a publish by the portal's administrator token (the content CLI) is named in the trail. */
export const ADMIN_TOKEN_ACTOR = 'admin-token';

/** The entry that follows `head` (null: the chain is empty), hashed exactly as a kiosk hashes its own trail. */
export function portalAuditEntryAfter(head: ChainAnchor | null, event: PortalAuditEvent, at: Date): ChainEntry {
  const content = { seq: (head?.seq ?? 0) + 1, at: at.toISOString(), kind: event.kind, actor: event.actor, subject: event.subject, details: event.details };
  const contentHash = portalAuditChain.contentHashOf(content)!;
  const previousHash = head?.entryHash ?? GENESIS_HASH;
  return { ...content, contentHash, previousHash, entryHash: portalAuditChain.entryHashOf(previousHash, contentHash) };
}
