import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditChainService } from '../../../src/portal/audit/audit-chain-service.js';
import { SqlitePortalStore } from '../../../src/portal/storage/sqlite/sqlite-store.js';
import type { AuditUploadEntry } from '../../../src/shared/contract/portal.js';
import { chainOf, headOf, linked, relinked } from '../../portal/audit-fixtures.js';
import { useTempFolder } from '../../support/temp-folder.js';

/*
 * The portal keeps each kiosk's chain and takes only uploads that continue it. Every refusal names
 * the first seq that breaks the chain and why, and stores nothing of the upload.
 */

const tempFolder = useTempFolder();
const stores: SqlitePortalStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

async function portalWith(stored: readonly AuditUploadEntry[] = []) {
  const store = new SqlitePortalStore(join(tempFolder(), 'portal.sqlite'));
  stores.push(store);
  await store.migrate();
  const logged: [string, Record<string, string | number> | undefined][] = [];
  const audit = new AuditChainService({ store: store.auditChain, now: () => new Date('2026-12-01T12:00:00.000Z'), log: (event, fields) => logged.push([event, fields]) });
  if (stored.length > 0) expect(await audit.upload('BSK1', stored)).toMatchObject({ outcome: 'stored', stored: stored.length });
  const storedChain = () => store.auditChain.entries('BSK1', 1, Number.MAX_SAFE_INTEGER, 10_000);
  return { audit, store, storedChain, logged };
}

const chain = chainOf(30);
const stored = chain.slice(0, 20);
const next = chain.slice(20);

describe('the portal takes an audit upload only when it continues the stored chain', () => {
  it('stores a first upload and the next one after it, and answers the head each time', async () => {
    const { audit, storedChain } = await portalWith();
    expect(await audit.upload('BSK1', stored)).toEqual({ outcome: 'stored', head: headOf(stored), stored: 20 });
    expect(await audit.upload('BSK1', next)).toEqual({ outcome: 'stored', head: headOf(chain), stored: 10 });
    expect(await storedChain()).toEqual(chain);
    expect(await audit.verifyStored('BSK1')).toEqual({ ok: true, entries: 30, head: headOf(chain) });
  });

  it('accepts entries it already stores again and changes nothing, also when they overlap new ones', async () => {
    const { audit, storedChain } = await portalWith(stored);
    expect(await audit.upload('BSK1', stored.slice(5))).toEqual({ outcome: 'stored', head: headOf(stored), stored: 0 });
    expect(await audit.upload('BSK1', chain.slice(15))).toEqual({ outcome: 'stored', head: headOf(chain), stored: 10 });
    expect(await storedChain()).toEqual(chain);
  });

  it('answers the stored head to an empty upload', async () => {
    const { audit } = await portalWith(stored);
    expect(await audit.upload('BSK1', [])).toEqual({ outcome: 'stored', head: headOf(stored), stored: 0 });
  });

  it('refuses an upload that does not continue the stored head (another chain), at its first entry', async () => {
    const { audit, storedChain } = await portalWith(stored);
    const otherChain = relinked(next, 'f'.repeat(64));
    expect(await audit.upload('BSK1', otherChain)).toMatchObject({ outcome: 'broken', brokenAt: 21, reason: 'LINK_BROKEN' });
    expect(await storedChain()).toEqual(stored);
  });

  it('refuses an edited entry by its seq, stores none of the upload, and tells the administrators', async () => {
    const { audit, storedChain, logged } = await portalWith(stored);
    const edited = next.map((entry) => (entry.seq === 24 ? { ...entry, actor: '9999' } : entry));
    expect(await audit.upload('BSK1', edited)).toMatchObject({ outcome: 'broken', brokenAt: 24, reason: 'CONTENT_EDITED' });
    expect(await storedChain()).toEqual(stored);
    expect(logged).toContainEqual(['audit_chain_refused', { kiosk: 'BSK1', brokenAt: 24, reason: 'CONTENT_EDITED' }]);
  });

  it('refuses reordered, inserted and deleted entries where the order first breaks', async () => {
    const { audit, storedChain } = await portalWith(stored);
    const reordered = [next[0]!, next[2]!, next[1]!, ...next.slice(3)];
    expect(await audit.upload('BSK1', reordered)).toMatchObject({ outcome: 'broken', brokenAt: 23, reason: 'LINK_BROKEN' });
    const intruder = linked(next[1]!.entryHash, { seq: 23, at: next[2]!.at, kind: 'panel_action', actor: '2001', subject: null, details: { action: 'send-now' } });
    const inserted = [next[0]!, next[1]!, intruder, ...next.slice(2)];
    expect(await audit.upload('BSK1', inserted)).toMatchObject({ outcome: 'broken', brokenAt: 23, reason: 'LINK_BROKEN' });
    const deleted = [next[0]!, ...next.slice(2)];
    expect(await audit.upload('BSK1', deleted)).toMatchObject({ outcome: 'broken', brokenAt: 23, reason: 'LINK_BROKEN' });
    expect(await storedChain()).toEqual(stored);
  });

  it('refuses an upload that skips entries after the head (a gap), at its first seq', async () => {
    const { audit, storedChain } = await portalWith(stored);
    expect(await audit.upload('BSK1', next.slice(3))).toMatchObject({ outcome: 'broken', brokenAt: 24, reason: 'SEQ_GAP' });
    // Deleted on the kiosk and re-linked over the hole: the links hold, the seq does not.
    const relinkedOverHole = relinked([next[0]!, ...next.slice(2)], stored[19]!.entryHash);
    expect(await audit.upload('BSK1', relinkedOverHole)).toMatchObject({ outcome: 'broken', brokenAt: 23, reason: 'SEQ_GAP' });
    expect(await storedChain()).toEqual(stored);
  });

  it('refuses a rewritten chain that repeats stored seqs with other entries, naming the first one that differs', async () => {
    const { audit, storedChain } = await portalWith(stored);
    const rewritten = [...stored.slice(0, 12), ...relinked([{ ...stored[12]!, actor: '7777' }, ...stored.slice(13), ...next], stored[11]!.entryHash)];
    expect(await audit.upload('BSK1', rewritten.slice(10))).toMatchObject({ outcome: 'broken', brokenAt: 13, reason: 'ANCHOR_MISMATCH' });
    expect(await storedChain()).toEqual(stored);
  });

  it('keeps each kiosk its own chain: the kiosk is the one the credential names', async () => {
    const { audit, store, storedChain } = await portalWith(stored);
    // Another kiosk sending this kiosk's next entries starts its own chain with them, and is refused: they do not start at 1.
    expect(await audit.upload('BSK2', next)).toMatchObject({ outcome: 'broken', brokenAt: 21, reason: 'SEQ_GAP' });
    expect(await audit.upload('BSK2', chainOf(3))).toMatchObject({ outcome: 'stored', stored: 3 });
    expect(await storedChain()).toEqual(stored);
    expect(await store.auditChain.head('BSK2')).toEqual(headOf(chainOf(3)));
  });

  it('verifies a stored chain centrally and names the first entry edited in its database', async () => {
    const { audit, store } = await portalWith(chain);
    const raw = new (await import('better-sqlite3')).default(store.file);
    raw.prepare("UPDATE audit_chain_entry SET details = '{\"action\":\"load-from-usb\"}' WHERE kiosk_code = 'BSK1' AND seq = 9").run();
    raw.close();
    expect(await audit.verifyStored('BSK1')).toEqual({ ok: false, brokenAt: 9, reason: 'CONTENT_EDITED' });
    expect(await audit.verifyStored('BSK2')).toEqual({ ok: true, entries: 0, head: null });
  });
});
