import type { ChainAnchor, ChainVerification } from '../../shared/audit/audit-chain.js';
import type { PortalAuditStore } from '../storage/portal-audit-store.js';
import { portalAuditChain } from './portal-audit-chain.js';

const BATCH = 1000;

/**
 * Walks the portal's own audit chain from its first entry, a batch at a time (each batch checked
 * to continue the last one's head), and names the first entry that breaks it and why.
 */
export async function verifyPortalAudit(store: PortalAuditStore): Promise<ChainVerification> {
  let head: ChainAnchor | null = null;
  let entries = 0;
  for (;;) {
    const batch = await store.entries(head?.seq ?? 0, BATCH);
    if (batch.length === 0) return { ok: true, entries, head };
    const checked = portalAuditChain.verifyChain(batch, head ? { from: head } : {});
    if (!checked.ok) return checked;
    entries += checked.entries;
    head = checked.head;
  }
}
