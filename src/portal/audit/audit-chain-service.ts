import type { ChainAnchor, ChainBreak, ChainVerification } from '../../shared/audit/audit-chain.js';
import type { AuditUploadEntry } from '../../shared/contract/portal.js';
import type { PortalLog } from '../portal-log.js';
import type { AuditChainStore } from '../storage/audit-chain-store.js';
import { portalAuditChain } from './portal-audit-chain.js';

export type AuditUploadOutcome =
  | { outcome: 'stored'; head: ChainAnchor | null; stored: number }
  | { outcome: 'broken'; brokenAt: number; reason: ChainBreak; message: string };

/** Another upload of the same kiosk may store the entry after the head first; then the upload is checked again. */
const APPEND_ATTEMPTS = 3;
/** How many stored entries a central check reads at a time. */
const VERIFY_PAGE = 1000;

/**
 * Each kiosk's audit chain, kept centrally so its log can be checked even if the kiosk is lost.
 * An upload must continue the stored chain: its first entry follows the stored head (or repeats
 * stored entries exactly, which changes nothing), and every link and content hash holds. An upload
 * that does not is refused whole, naming the first seq that breaks and why.
 */
export class AuditChainService {
  constructor(private readonly deps: { store: AuditChainStore; now: () => Date; log?: PortalLog }) {}

  async upload(kioskCode: string, entries: readonly AuditUploadEntry[]): Promise<AuditUploadOutcome> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.tryUpload(kioskCode, entries);
      if (outcome === 'head-moved') {
        if (attempt >= APPEND_ATTEMPTS) throw new Error('the audit chain kept moving under the upload');
        continue;
      }
      // A broken chain is what an administrator must hear of: the kiosk, where and why; never an entry's content.
      if (outcome.outcome === 'broken') this.deps.log?.('audit_chain_refused', { kiosk: kioskCode, brokenAt: outcome.brokenAt, reason: outcome.reason });
      else if (outcome.stored > 0) this.deps.log?.('audit_entries_stored', { kiosk: kioskCode, stored: outcome.stored, head: outcome.head?.seq ?? 0 });
      return outcome;
    }
  }

  /** Walks the kiosk's whole stored chain: OK with its head, or the first broken seq and why. */
  async verifyStored(kioskCode: string): Promise<ChainVerification> {
    let from: ChainAnchor | undefined;
    let count = 0;
    for (;;) {
      const page = await this.deps.store.entries(kioskCode, (from?.seq ?? 0) + 1, Number.MAX_SAFE_INTEGER, VERIFY_PAGE);
      if (page.length === 0) return { ok: true, entries: count, head: from ?? null };
      // Page by page, each from where the last one ended: a long chain is never held whole.
      const result = portalAuditChain.verifyChain(page, from ? { from } : {});
      if (!result.ok) return result;
      count += result.entries;
      from = result.head ?? from;
    }
  }

  private async tryUpload(kioskCode: string, entries: readonly AuditUploadEntry[]): Promise<AuditUploadOutcome | 'head-moved'> {
    const { store } = this.deps;
    const head = await store.head(kioskCode);
    const first = entries[0];
    if (!first) return { outcome: 'stored', head, stored: 0 };
    const headSeq = head?.seq ?? 0;
    if (first.seq > headSeq + 1) {
      return broken(first.seq, 'SEQ_GAP', `The portal stores this kiosk's chain up to ${headSeq}; the upload starts at ${first.seq}.`);
    }
    const from = first.seq === 1 ? undefined : await anchorAt(store, kioskCode, first.seq - 1);
    const chain = portalAuditChain.verifyChain(entries, from ? { from } : {});
    if (!chain.ok) return broken(chain.brokenAt, chain.reason, `The upload breaks the chain at ${chain.brokenAt}.`);
    const last = entries[entries.length - 1]!;
    const stored = await store.entries(kioskCode, first.seq, Math.min(last.seq, headSeq), entries.length);
    for (const [index, storedEntry] of stored.entries()) {
      if (storedEntry.entryHash !== entries[index]!.entryHash) {
        return broken(storedEntry.seq, 'ANCHOR_MISMATCH', `Entry ${storedEntry.seq} is not the one the portal stores: the chain was rewritten.`);
      }
    }
    const fresh = entries.filter((entry) => entry.seq > headSeq);
    if (fresh.length === 0) return { outcome: 'stored', head, stored: 0 };
    if ((await store.append(kioskCode, fresh, this.deps.now())) === 'head-moved') return 'head-moved';
    return { outcome: 'stored', head: { seq: last.seq, entryHash: last.entryHash }, stored: fresh.length };
  }
}

async function anchorAt(store: AuditChainStore, kioskCode: string, seq: number): Promise<ChainAnchor> {
  const [entry] = await store.entries(kioskCode, seq, seq, 1);
  if (!entry) throw new Error(`the stored audit chain has no entry ${seq} below its head`);
  return { seq: entry.seq, entryHash: entry.entryHash };
}

const broken = (brokenAt: number, reason: ChainBreak, message: string): AuditUploadOutcome => ({ outcome: 'broken', brokenAt, reason, message });
