import { chainEntryOfRow, type AuditEntryRow } from '../../../shared/audit/audit-row.js';
import type { KioskDatabase } from '../storage/database.js';
import { verifyChain, contentHashOf, entryHashOf, GENESIS_HASH, type ChainAnchor, type ChainEntry, type ChainVerification } from './audit-chain.js';
import { parseAuditEntry, type AuditDetails, type AuditEntryInput, type AuditKind } from './audit-kinds.js';
import { canonicalJson } from '../../../shared/audit/canonical-json.js';

/** An entry as the trail holds it: what was recorded, when, its place in the chain and its hashes. */
export interface AuditEntry extends ChainEntry {
  kind: AuditKind;
  details: AuditDetails;
}

type AuditRow = AuditEntryRow & { seq: number };

/** More entries than one heartbeat should carry; a caller asking for more gets this many. */
export const MAX_ENTRIES_PER_READ = 500;

const COLUMNS = 'seq, at, kind, actor, subject, details, content_hash, previous_hash, entry_hash';
/** The triggers of migration 6 that keep the app from changing the trail. */
const GUARDS = ['audit_entry_no_update', 'audit_entry_no_delete', 'audit_entry_append_at_end'] as const;

/**
 * The kiosk's audit trail: what staff did here and what happened to its content and delivery,
 * as a hash chain in the kiosk database. Each entry is checked against its kind before it is
 * written (ids, codes and counts only, never a visitor's data), and written in one transaction
 * with the link to the entry before it, so two writers can never make two entries with one seq.
 */
export class AuditTrail {
  constructor(
    private readonly db: KioskDatabase,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Records one entry and returns it as stored. Throws AuditEntryRefused for an entry its kind
   * does not allow. Inside a caller's transaction it joins that transaction (a savepoint), so an
   * event and its entry can be committed together.
   */
  append(input: AuditEntryInput): AuditEntry {
    const entry = parseAuditEntry(input);
    const details = entry.details as AuditDetails;
    return this.db
      .transaction((): AuditEntry => {
        const last = this.head();
        const seq = (last?.seq ?? 0) + 1;
        const previousHash = last?.entryHash ?? GENESIS_HASH;
        const at = this.clock().toISOString();
        const content = { seq, at, kind: entry.kind, actor: entry.actor, subject: entry.subject, details };
        const contentHash = contentHashOf(content)!;
        const entryHash = entryHashOf(previousHash, contentHash);
        this.db
          .prepare(`INSERT INTO audit_entry (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
          .run(seq, at, entry.kind, entry.actor, entry.subject, canonicalJson(details), contentHash, previousHash, entryHash);
        return { ...content, contentHash, previousHash, entryHash };
      })
      .immediate();
  }

  /** The last entry's seq and hash: what the portal keeps to check this kiosk's chain later. */
  head(): ChainAnchor | undefined {
    const row = this.db
      .prepare<[], { seq: number; entry_hash: string }>('SELECT seq, entry_hash FROM audit_entry ORDER BY seq DESC LIMIT 1')
      .get();
    return row && { seq: row.seq, entryHash: row.entry_hash };
  }

  /**
   * Walks the whole chain and names the first broken link. With an anchor (a head stored
   * elsewhere earlier), also tells a chain cut short or rewritten, which the chain alone cannot.
   */
  verify(options: { anchor?: ChainAnchor } = {}): ChainVerification {
    const rows = this.db.prepare<[], AuditRow>(`SELECT ${COLUMNS} FROM audit_entry ORDER BY seq`).iterate();
    return verifyChain(mapIterable(rows, chainEntryOfRow), options);
  }

  /**
   * Walks at most `limit` entries after a point already verified (the head a previous slice
   * answered), so a long chain can be walked in slices between other work.
   */
  verifySlice(from: ChainAnchor | undefined, limit: number): ChainVerification {
    const rows = this.db
      .prepare<[number, number], AuditRow>(`SELECT ${COLUMNS} FROM audit_entry WHERE seq > ? ORDER BY seq LIMIT ?`)
      .iterate(from?.seq ?? 0, limit);
    return verifyChain(mapIterable(rows, chainEntryOfRow), from ? { from } : {});
  }

  /**
   * False when a trigger that makes the table append-only is gone: the app never drops them, so
   * someone has changed the database outside it, even if every entry still verifies.
   */
  guardsInPlace(): boolean {
    const present = this.db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'audit_entry'")
      .all()
      .map((row) => row.name);
    return GUARDS.every((name) => present.includes(name));
  }

  /**
   * Entries after a seq, in order, for delivery: asking again from the same seq gives the same
   * entries, so a lost answer is repaired by sending them again. Throws for an entry whose details
   * are unreadable (an edited disk); verify() says where.
   */
  entriesAfter(seq: number, limit: number): AuditEntry[] {
    if (!Number.isSafeInteger(seq) || seq < 0) throw new RangeError('seq is a whole number, 0 for the start');
    if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError('limit is at least 1');
    return this.db
      .prepare<[number, number], AuditRow>(`SELECT ${COLUMNS} FROM audit_entry WHERE seq > ? ORDER BY seq LIMIT ?`)
      .all(seq, Math.min(limit, MAX_ENTRIES_PER_READ))
      .map((row) => {
        const entry = chainEntryOfRow(row);
        if (entry.details === undefined) throw new UnreadableAuditEntry(row.seq);
        return { ...entry, kind: row.kind as AuditKind, details: entry.details as AuditDetails };
      });
  }
}

/** An entry whose stored details are not JSON: the database was edited outside the app. */
export class UnreadableAuditEntry extends Error {
  constructor(readonly seq: number) {
    super(`audit entry ${seq} has unreadable details`);
    this.name = 'UnreadableAuditEntry';
  }
}

function* mapIterable<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}
