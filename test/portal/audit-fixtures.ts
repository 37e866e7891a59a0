import { portalAuditChain } from '../../src/portal/audit/portal-audit-chain.js';
import { GENESIS_HASH } from '../../src/shared/audit/audit-chain.js';
import type { AuditUploadEntry } from '../../src/shared/contract/portal.js';

type Content = Pick<AuditUploadEntry, 'kind' | 'actor' | 'subject' | 'details'>;

/** What a kiosk's trail holds: sign-ins and -outs, a failed PIN, a panel action, a kind this portal has never heard of. */
const CONTENTS: readonly Content[] = [
  { kind: 'staff_sign_in', actor: '1042', subject: null, details: { roles: ['clerk'], method: 'staff_id' } },
  { kind: 'staff_sign_in_failed', actor: '1042', subject: null, details: { reason: 'WRONG_PIN', failedAttempts: 1 } },
  { kind: 'panel_action', actor: '2001', subject: null, details: { action: 'send-now' } },
  { kind: 'content_applied', actor: null, subject: '3', details: { source: 'bundled', keyId: 'demo-content-2026' } },
  { kind: 'kind_from_a_newer_kiosk', actor: null, subject: 'BSK1-0000-01', details: { outcome: 'printed', count: 2 } },
  { kind: 'staff_sign_out', actor: '1042', subject: null, details: { reason: 'signed-out' } },
];

/** Entries seq 1…count of one kiosk's chain, linked and hashed as the kiosk does. */
export function chainOf(count: number): AuditUploadEntry[] {
  const made: AuditUploadEntry[] = [];
  for (let seq = 1; seq <= count; seq++) {
    const content = CONTENTS[(seq - 1) % CONTENTS.length]!;
    made.push(linked(made[made.length - 1]?.entryHash ?? GENESIS_HASH, { ...content, seq, at: new Date(Date.UTC(2026, 11, 1, 9, 0, seq)).toISOString() }));
  }
  return made;
}

/** An entry with its hashes made from its content and the hash before it: what a tamperer who re-hashes writes. */
export function linked(previousHash: string, content: Omit<AuditUploadEntry, 'contentHash' | 'previousHash' | 'entryHash'>): AuditUploadEntry {
  const contentHash = portalAuditChain.contentHashOf(content)!;
  return { ...content, contentHash, previousHash, entryHash: portalAuditChain.entryHashOf(previousHash, contentHash) };
}

/** The entries re-linked from the first on, each to the one before it (the first to `previousHash`), seqs kept. */
export function relinked(entries: readonly AuditUploadEntry[], previousHash: string): AuditUploadEntry[] {
  const out: AuditUploadEntry[] = [];
  for (const entry of entries) out.push(linked(out[out.length - 1]?.entryHash ?? previousHash, entry));
  return out;
}

export const headOf = (entries: readonly AuditUploadEntry[]) => {
  const last = entries[entries.length - 1]!;
  return { seq: last.seq, entryHash: last.entryHash };
};
