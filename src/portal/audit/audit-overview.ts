import type { ChainAnchor, ChainEntry } from '../../shared/audit/audit-chain.js';
import type { AuditChainRef, AuditChains, AuditEntriesPage, AuditEntryView, AuditVerification } from '../../shared/contract/audit-page.js';
import type { AuditChainStore } from '../storage/audit-chain-store.js';
import type { BackOfficeAccountStore } from '../storage/backoffice-account-store.js';
import type { PortalAuditStore } from '../storage/portal-audit-store.js';
import type { AuditChainService } from './audit-chain-service.js';
import { verifyPortalAudit } from './portal-audit-verify.js';

const DEFAULT_PAGE = 50;
const ACCOUNT_ACTOR = /^user:([1-9][0-9]{0,15})$/;

/**
 * The audit page's reading of every chain the portal holds: the portal's own trail (what officers
 * and administrators did) and each kiosk's uploaded copy. Verification walks a whole chain, so it
 * runs when an administrator asks, one chain at a time, never on every listing.
 */
export class AuditOverview {
  /** The newest head of the portal's own chain this process has seen: at its start, and after each append it committed. */
  private knownHead: ChainAnchor | null = null;

  constructor(
    private readonly deps: {
      portalAudit: PortalAuditStore;
      kioskChains: AuditChainStore;
      kioskChainService: AuditChainService;
      accounts: BackOfficeAccountStore;
      now: () => Date;
    },
  ) {
    deps.portalAudit.onAppended((head) => {
      if (!this.knownHead || head.seq > this.knownHead.seq) this.knownHead = head;
    });
  }

  /** Reads the head at start, so a trail cut below it later verifies as TRUNCATED here without any operator's copy. */
  async rememberStartingHead(): Promise<void> {
    const latest = await this.deps.portalAudit.latest();
    if (latest && (!this.knownHead || latest.seq > this.knownHead.seq)) this.knownHead = { seq: latest.seq, entryHash: latest.entryHash };
  }

  async chains(): Promise<AuditChains> {
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

  async verify(chain: AuditChainRef): Promise<AuditVerification> {
    if (chain.kind === 'portal') {
      const { missingGuards, ...result } = await verifyPortalAudit(this.deps.portalAudit, this.knownHead ? { expectHead: this.knownHead } : {});
      return { chain, verifiedAt: this.deps.now().toISOString(), result, missingGuards };
    }
    const result = await this.deps.kioskChainService.verifyStored(chain.kioskCode);
    return { chain, verifiedAt: this.deps.now().toISOString(), result, missingGuards: [] };
  }

  /**
   * Entries before `before`, newest first. Seqs run without gaps from 1, so a page is the seq range
   * just below `before`, read in one indexed range scan.
   */
  async entries(chain: AuditChainRef, before: number | undefined, limit = DEFAULT_PAGE): Promise<AuditEntriesPage> {
    const below = before ?? (await this.headSeq(chain)) + 1;
    const from = Math.max(1, below - limit);
    const found =
      below <= 1
        ? []
        : chain.kind === 'portal'
          ? await this.deps.portalAudit.entries(from - 1, below - from)
          : await this.deps.kioskChains.entries(chain.kioskCode, from, below - 1, below - from);
    const newestFirst = found.filter((entry) => entry.seq < below).reverse();
    const names = chain.kind === 'portal' ? await this.deps.accounts.usernames(newestFirst.flatMap((entry) => accountIdOf(entry.actor) ?? [])) : new Map<number, string>();
    const oldest = newestFirst.at(-1);
    return { entries: newestFirst.map((entry) => view(entry, names)), before: oldest && oldest.seq > 1 ? oldest.seq : null };
  }

  private async headSeq(chain: AuditChainRef): Promise<number> {
    if (chain.kind === 'portal') return (await this.deps.portalAudit.latest())?.seq ?? 0;
    return (await this.deps.kioskChains.head(chain.kioskCode))?.seq ?? 0;
  }
}

function accountIdOf(actor: string | null): number | null {
  const match = actor ? ACCOUNT_ACTOR.exec(actor) : null;
  return match ? Number(match[1]) : null;
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
