import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditChain, GENESIS_HASH, type ChainEntry } from '../../../src/shared/audit/audit-chain.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const chain = auditChain(sha256);

function entries(count: number): ChainEntry[] {
  const made: ChainEntry[] = [];
  let previousHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const content = { seq, at: `2026-12-01T10:00:0${seq}.000Z`, kind: 'panel_action', actor: '1001', subject: null, details: { action: 'send-now' } };
    const contentHash = chain.contentHashOf(content)!;
    const entryHash = chain.entryHashOf(previousHash, contentHash);
    made.push({ ...content, contentHash, previousHash, entryHash });
    previousHash = entryHash;
  }
  return made;
}

describe('the shared audit chain', () => {
  it('hashes the canonical text of an entry, so a kiosk and the portal agree on every hash', () => {
    const content = { seq: 1, at: '2026-12-01T10:00:00.000Z', kind: 'panel_action', actor: '1001', subject: null, details: { action: 'send-now' } };
    const text = '{"actor":"1001","at":"2026-12-01T10:00:00.000Z","details":{"action":"send-now"},"kind":"panel_action","seq":1,"subject":null}';
    expect(chain.contentHashOf(content)).toBe(sha256(text));
    expect(chain.entryHashOf(GENESIS_HASH, sha256(text))).toBe(sha256(GENESIS_HASH + sha256(text)));
  });

  it('uses the SHA-256 it is given: a chain made with one hash does not verify under another', () => {
    const made = entries(3);
    expect(chain.verifyChain(made)).toEqual({ ok: true, entries: 3, head: { seq: 3, entryHash: made[2]!.entryHash } });
    const other = auditChain((text) => createHash('sha512').update(text, 'utf8').digest('hex').slice(0, 64));
    expect(other.verifyChain(made)).toEqual({ ok: false, brokenAt: 1, reason: 'CONTENT_EDITED' });
  });

  it('verifies a part of the chain from a known point, as the portal checks an upload after its stored head', () => {
    const made = entries(5);
    const from = { seq: 2, entryHash: made[1]!.entryHash };
    expect(chain.verifyChain(made.slice(2), { from })).toEqual({ ok: true, entries: 3, head: { seq: 5, entryHash: made[4]!.entryHash } });
    expect(chain.verifyChain(made.slice(3), { from })).toEqual({ ok: false, brokenAt: 4, reason: 'LINK_BROKEN' });
  });
});
