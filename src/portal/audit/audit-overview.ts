import type { ChainAnchor, ChainEntry } from '../../shared/audit/audit-chain.js';
import type { AuditChainRef, AuditChains, AuditEntriesPage, AuditEntryView, AuditVerification } from '../../shared/contract/audit-page.js';
import type { AuditChainStore } from '../storage/audit-chain-store.js';
import type { BackOfficeAccountStore } from '../storage/backoffice-account-store.js';
import type { PortalAuditStore } from '../storage/portal-audit-store.js';
import type { AuditChainService } from './audit-chain-service.js';
import { portalAuditChain } from './portal-audit-chain.js';
import { verifyPortalAudit } from './portal-audit-verify.js';

const DEFAULT_PAGE = 50;
const ACCOUNT_ACTOR = /^user:([1-9][0-9]{0,15})$/;
/** Walks of whole chains at once in this process: each re-hashes every entry, beside the portal's intake. */
const CONCURRENT_WALKS = 2;
/** How far the known head is carried forward on a page load without a full walk: past this, only a verification moves it. */
const HEAD_CATCH_UP_LIMIT = 5000;
const HEAD_CATCH_UP_BATCH = 1000;

/**
 * The audit page's reading of every chain the portal holds: the portal's own trail (what officers
 * and administrators did) and each kiosk's uploaded copy. Verification walks a whole chain, so it
 * runs when an administrator asks, one walk per chain at a time (a second ask shares the walk
 * under way) and at most CONCURRENT_WALKS at once.
 */
export class AuditOverview {
  /**
   * The newest head of the portal's own chain this process knows to be genuine: read at its start,
   * then each head it appended, each one a verification reached from it, and each a page load
   * found linked to it. Verification expects it, so a trail cut below it is TRUNCATED. A head is
   * never taken on trust from the table: a rewritten chain must not become the anchor.
   */
  private knownHead: ChainAnchor | null = null;
  private readonly walks = new Map<string, Promise<AuditVerification>>();
  private readonly walkQueue = new WalkLimit(CONCURRENT_WALKS);

  constructor(
    private readonly deps: {
      portalAudit: PortalAuditStore;
      kioskChains: AuditChainStore;
      kioskChainService: AuditChainService;
      accounts: BackOfficeAccountStore;
      now: () => Date;
    },
  ) {
    deps.portalAudit.onAppended((head) => this.adopt(head));
  }

  async rememberStartingHead(): Promise<void> {
    const latest = await this.deps.portalAudit.latest();
    if (latest) this.adopt({ seq: latest.seq, entryHash: latest.entryHash });
  }

  async chains(): Promise<AuditChains> {
    // Another portal process's appends reach this one's anchor here, when they link to it.
    await this.catchUpKnownHead();
    const [latest, kiosks] = await Promise.all([this.deps.portalAudit.latest(), this.deps.kioskChains.chains()]);
    return {
      chains: [
        { chain: { kind: 'portal' }, head: latest ? { seq: latest.seq, entryHash: latest.entryHash, at: latest.at } : null, receivedAt: null },
        ...kiosks.map((kiosk) => ({
          chain: { kind: 'kiosk' as const, kioskCode: kiosk.kioskCode },
          head: { seq: kiosk.seq, entryHash: kiosk.entryHash, at: kiosk.at },
          receivedAt: kiosk.receivedAt,
        })),
      ],
    };
  }

  /** The chain's verdict; null for a kiosk that never uploaded an entry (there is no chain to verify). */
  async verify(chain: AuditChainRef): Promise<AuditVerification | null> {
    if (chain.kind === 'kiosk' && !(await this.deps.kioskChains.head(chain.kioskCode))) return null;
    const key = chain.kind === 'portal' ? 'portal' : `kiosk:${chain.kioskCode}`;
    const running = this.walks.get(key);
    if (running) return running;
    const walk = this.walkQueue.run(() => this.walk(chain)).finally(() => this.walks.delete(key));
    this.walks.set(key, walk);
    return walk;
  }

  private async walk(chain: AuditChainRef): Promise<AuditVerification> {
    if (chain.kind === 'portal') {
      await this.catchUpKnownHead();
      const { missingGuards, ...result } = await verifyPortalAudit(this.deps.portalAudit, this.knownHead ? { expectHead: this.knownHead } : {});
      // A whole walk that held the anchor vouches for the head it reached.
      if (result.ok && result.head) this.adopt(result.head);
      return { chain, verifiedAt: this.deps.now().toISOString(), result, missingGuards };
    }
    const result = await this.deps.kioskChainService.verifyStored(chain.kioskCode);
    return { chain, verifiedAt: this.deps.now().toISOString(), result, missingGuards: [] };
  }

  /** Entries before `before` (default: all), newest first: one backward range of the key, so a gap someone cut does not end the paging. */
  async entries(chain: AuditChainRef, before: number | undefined, limit = DEFAULT_PAGE): Promise<AuditEntriesPage> {
    const below = before ?? Number.MAX_SAFE_INTEGER;
    const newestFirst =
      chain.kind === 'portal' ? await this.deps.portalAudit.entriesBefore(below, limit) : await this.deps.kioskChains.entriesBefore(chain.kioskCode, below, limit);
    const names = chain.kind === 'portal' ? await this.deps.accounts.usernames(newestFirst.flatMap((entry) => accountIdOf(entry.actor) ?? [])) : new Map<number, string>();
    const oldest = newestFirst.at(-1);
    // A full page may have older entries below it; a short one has reached the oldest stored.
    return { entries: newestFirst.map((entry) => view(entry, names)), before: oldest && newestFirst.length === limit && oldest.seq > 1 ? oldest.seq : null };
  }

  private adopt(head: ChainAnchor): void {
    if (!this.knownHead || head.seq > this.knownHead.seq) this.knownHead = head;
  }

  /** Carries the known head forward over entries appended since (by another process) that link to it; stops at the first that does not. */
  private async catchUpKnownHead(): Promise<void> {
    for (let read = 0; this.knownHead && read < HEAD_CATCH_UP_LIMIT; read += HEAD_CATCH_UP_BATCH) {
      const from = this.knownHead;
      const next = await this.deps.portalAudit.entries(from.seq, HEAD_CATCH_UP_BATCH);
      if (next.length === 0) return;
      const linked = portalAuditChain.verifyChain(next, { from });
      if (!linked.ok || !linked.head) return;
      this.adopt(linked.head);
    }
  }
}

/** At most `limit` walks at once; the others wait their turn in order. */
class WalkLimit {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

function accountIdOf(actor: string | null): number | null {
  const match = actor ? ACCOUNT_ACTOR.exec(actor) : null;
  const id = match ? Number(match[1]) : null;
  return id !== null && Number.isSafeInteger(id) ? id : null;
}

/** The entry as the page lists it; a back office account is named by its username beside the id the chain holds. */
function view(entry: ChainEntry, names: Map<number, string>): AuditEntryView {
  const accountId = accountIdOf(entry.actor);
  const username = accountId === null ? undefined : names.get(accountId);
  return {
    seq: entry.seq,
    at: entry.at,
    kind: entry.kind,
    actor: entry.actor,
    actorName: username ?? null,
    subject: entry.subject,
    details: isRecord(entry.details) ? entry.details : {},
    entryHash: entry.entryHash,
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
