import { canonicalJson, type CanonicalValue } from './canonical-json.js';

/*
 * The audit chain as both ends check it: the kiosk over its own trail, the portal over the copy
 * each kiosk uploads. Pure: the SHA-256 comes from the caller (node:crypto on the kiosk host and
 * the portal), so the shared layer needs no Node built-in and both ends hash the same canonical text.
 */

/** SHA-256 of a UTF-8 text, as 64 lower-case hex characters. */
export type Sha256 = (text: string) => string;

/** The previous hash of the first entry: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an entry's content hash covers: everything it says, and its place in the chain (seq). */
export interface AuditContent {
  seq: number;
  at: string;
  kind: string;
  actor: string | null;
  subject: string | null;
  /** Undefined when the stored details are not readable JSON: such an entry matches no hash. */
  details: unknown;
}

export interface ChainEntry extends AuditContent {
  contentHash: string;
  previousHash: string;
  entryHash: string;
}

/** A point of the chain known from elsewhere (the portal's stored head): its seq and entry hash. */
export interface ChainAnchor {
  seq: number;
  entryHash: string;
}

/**
 * Why verification stopped at an entry:
 * - CONTENT_EDITED: the entry says something other than what its content hash was made from.
 * - HASH_EDITED: the entry's content is as it was, but one of its stored hashes was changed.
 * - LINK_BROKEN: the entry is whole, but it does not follow the entry before it: an entry was
 *   deleted before it, one was inserted, or the order was changed.
 * - SEQ_GAP: the links hold but the seq skips: entries were removed and the chain re-linked over them.
 * - TRUNCATED: the chain ends before the anchor's seq: entries were cut from the end.
 * - ANCHOR_MISMATCH: the entry at the anchor's seq is not the one the anchor remembers: the chain was rewritten.
 *
 * Without a secret, anyone with the disk could rewrite the whole chain and every hash in it, or
 * cut entries off its end: only an anchor kept elsewhere tells those apart from an honest chain.
 */
export const CHAIN_BREAKS = ['CONTENT_EDITED', 'HASH_EDITED', 'LINK_BROKEN', 'SEQ_GAP', 'TRUNCATED', 'ANCHOR_MISMATCH'] as const;
export type ChainBreak = (typeof CHAIN_BREAKS)[number];

export type ChainVerification =
  | { ok: true; entries: number; head: ChainAnchor | null }
  | { ok: false; brokenAt: number; reason: ChainBreak };

export interface ChainCheck {
  /** Where the entries start: after this point of the chain (by default, its very beginning). */
  from?: ChainAnchor;
  /** A later point known from elsewhere that the chain must still contain. */
  anchor?: ChainAnchor;
}

/** The chain's hashes and its walk, over one SHA-256. */
export interface AuditChain {
  /** SHA-256 (hex) of the canonical JSON of {seq, at, kind, actor, subject, details}; null when the details cannot be read. */
  contentHashOf: (content: AuditContent) => string | null;
  /** SHA-256 (hex) of the previous entry's hash and this entry's content hash, as their 128 hex characters. */
  entryHashOf: (previousHash: string, contentHash: string) => string;
  /** Walks entries in seq order and names the first one that breaks the chain, and why. */
  verifyChain: (entries: Iterable<ChainEntry>, check?: ChainCheck) => ChainVerification;
}

export function auditChain(sha256: Sha256): AuditChain {
  const contentHashOf = (content: AuditContent): string | null => {
    const { seq, at, kind, actor, subject, details } = content;
    try {
      return sha256(canonicalJson({ seq, at, kind, actor, subject, details: details as CanonicalValue }));
    } catch {
      return null;
    }
  };
  const entryHashOf = (previousHash: string, contentHash: string): string => sha256(previousHash + contentHash);
  const hashes = { contentHashOf, entryHashOf };
  return { ...hashes, verifyChain: (entries, check = {}) => verifyChain(hashes, entries, check) };
}

type ChainHashes = Pick<AuditChain, 'contentHashOf' | 'entryHashOf'>;

function verifyChain(hashes: ChainHashes, entries: Iterable<ChainEntry>, check: ChainCheck): ChainVerification {
  let expectedSeq = (check.from?.seq ?? 0) + 1;
  let expectedPrevious = check.from?.entryHash ?? GENESIS_HASH;
  let count = 0;
  let anchorHashSeen: string | undefined = check.anchor && check.anchor.seq === check.from?.seq ? check.from.entryHash : undefined;
  for (const entry of entries) {
    const reason = breakIn(hashes, entry, expectedSeq, expectedPrevious);
    if (reason) return { ok: false, brokenAt: entry.seq, reason };
    if (entry.seq === check.anchor?.seq) anchorHashSeen = entry.entryHash;
    expectedSeq = entry.seq + 1;
    expectedPrevious = entry.entryHash;
    count++;
  }
  const lastSeq = expectedSeq - 1;
  const head = lastSeq === 0 ? null : { seq: lastSeq, entryHash: expectedPrevious };
  if (check.anchor && check.anchor.seq > 0) {
    if (check.anchor.seq > lastSeq) return { ok: false, brokenAt: lastSeq + 1, reason: 'TRUNCATED' };
    if (anchorHashSeen !== check.anchor.entryHash) return { ok: false, brokenAt: check.anchor.seq, reason: 'ANCHOR_MISMATCH' };
  }
  return { ok: true, entries: count, head };
}

function breakIn({ contentHashOf, entryHashOf }: ChainHashes, entry: ChainEntry, expectedSeq: number, expectedPrevious: string): ChainBreak | undefined {
  const recomputed = contentHashOf(entry);
  if (entry.previousHash !== expectedPrevious) {
    // Only the previous-hash column changed if the entry still hashes from its true predecessor.
    const onlyPreviousEdited = recomputed === entry.contentHash && entry.entryHash === entryHashOf(expectedPrevious, entry.contentHash);
    return onlyPreviousEdited ? 'HASH_EDITED' : 'LINK_BROKEN';
  }
  if (recomputed !== entry.contentHash) {
    // The content still matches the entry hash: it is the stored content hash that was changed.
    const onlyContentHashEdited = recomputed !== null && entry.entryHash === entryHashOf(entry.previousHash, recomputed);
    return onlyContentHashEdited ? 'HASH_EDITED' : 'CONTENT_EDITED';
  }
  if (entry.entryHash !== entryHashOf(entry.previousHash, entry.contentHash)) return 'HASH_EDITED';
  if (entry.seq !== expectedSeq) return 'SEQ_GAP';
  return undefined;
}
