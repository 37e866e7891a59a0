import type { Logger } from '../logger.js';
import type { AuditTrail } from './audit-trail.js';

/**
 * At start the host walks its own audit chain and says in the log when it no longer holds (an
 * entry edited, deleted, inserted or reordered on the disk) or when its append-only guards were
 * removed. It does not stop the kiosk: the portal's copy of the chain is what settles it.
 */
export function reportAuditChain(trail: AuditTrail, log: Logger): void {
  const chain = trail.verify();
  if (!chain.ok) log.error('audit_chain_broken', { brokenAt: chain.brokenAt, reason: chain.reason });
  if (!trail.guardsInPlace()) log.error('audit_guards_missing');
}
