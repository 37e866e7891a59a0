import type { ChainAnchor } from '../../shared/audit/audit-chain.js';
import type { PortalLog } from '../portal-log.js';
import type { PortalAuditStore } from '../storage/portal-audit-store.js';

/**
 * The chain's head kept outside its table. Someone who can write the table can cut entries off its
 * end or rewrite it whole and re-hash every entry: the chain alone still verifies. The head each
 * append leaves is written to the portal's log as it happens; an operator takes the last one from
 * there and gives it back to the verification (`--expect-head <seq>:<entryHash>`).
 */
export const PORTAL_AUDIT_HEAD_EVENT = 'portal_audit_head';

/** How a head is written for an operator to copy: `<seq>:<entryHash>`. */
export const formatPortalAuditHead = (head: ChainAnchor): string => `${head.seq}:${head.entryHash}`;

const HEAD_TEXT = /^([1-9][0-9]{0,15}):([0-9a-f]{64})$/;

/** The head an operator typed, or null when it is not `<seq>:<64 lower-case hex>`. */
export function parsePortalAuditHead(text: string): ChainAnchor | null {
  const match = HEAD_TEXT.exec(text.trim());
  if (!match) return null;
  const seq = Number(match[1]);
  return Number.isSafeInteger(seq) ? { seq, entryHash: match[2]! } : null;
}

/** Writes every committed append's new head to the log. The head names no one: a seq and a hash. */
export function logPortalAuditHeads(store: PortalAuditStore, log: PortalLog): void {
  store.onAppended((head) => log(PORTAL_AUDIT_HEAD_EVENT, { seq: head.seq, entryHash: head.entryHash, head: formatPortalAuditHead(head) }));
}
