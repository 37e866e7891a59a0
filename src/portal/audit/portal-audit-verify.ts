import type { ChainAnchor, ChainVerification } from '../../shared/audit/audit-chain.js';
import type { PortalAuditStore } from '../storage/portal-audit-store.js';
import { portalAuditChain } from './portal-audit-chain.js';

const BATCH = 1000;

export interface PortalAuditCheck {
  /** The last head an operator took from the portal's log: the chain must still hold it (portal-audit-head.ts). */
  expectHead?: ChainAnchor;
}

/** The chain's verdict, and the append-only triggers found missing (portal migration 0008). */
export type PortalAuditVerification = ChainVerification & { missingGuards: string[] };

/**
 * Reports the table's missing guards beside the chain's verdict: a chain that verifies on a table
 * whose triggers were dropped may still have been cut short, which only the expected head finds.
 */
export async function verifyPortalAudit(store: PortalAuditStore, check: PortalAuditCheck = {}): Promise<PortalAuditVerification> {
  const missingGuards = await store.missingGuards();
  return { ...(await verifyPortalAuditChain(store, check)), missingGuards };
}

/**
 * Walks the portal's own audit chain from its first entry, a batch at a time (each batch checked
 * to continue the last one's head), and names the first entry that breaks it and why. With an
 * expected head, a chain cut short is TRUNCATED and one whose entry at that seq differs is
 * ANCHOR_MISMATCH: without it, any whole prefix of the chain verifies.
 */
async function verifyPortalAuditChain(store: PortalAuditStore, check: PortalAuditCheck): Promise<ChainVerification> {
  const anchor = check.expectHead;
  let head: ChainAnchor | null = null;
  let entries = 0;
  for (;;) {
    const batch = await store.entries(head?.seq ?? 0, BATCH);
    if (batch.length === 0) break;
    // The anchor goes with the batch that reaches its seq, so the shared walk compares it there.
    const reachesAnchor = anchor !== undefined && batch.at(-1)!.seq >= anchor.seq && (head?.seq ?? 0) < anchor.seq;
    const checked = portalAuditChain.verifyChain(batch, { ...(head ? { from: head } : {}), ...(reachesAnchor ? { anchor } : {}) });
    if (!checked.ok) return checked;
    entries += checked.entries;
    head = checked.head;
  }
  if (anchor && anchor.seq > (head?.seq ?? 0)) {
    // The chain ended before the head the log remembers: the shared walk names where.
    const cut = portalAuditChain.verifyChain([], { ...(head ? { from: head } : {}), anchor });
    if (!cut.ok) return cut;
  }
  return { ok: true, entries, head };
}
