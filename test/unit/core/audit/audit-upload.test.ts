import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditTrail } from '../../../../src/main/core/audit/audit-trail.js';
import type { AuditEntryInput } from '../../../../src/main/core/audit/audit-kinds.js';
import type { PortalClient } from '../../../../src/main/core/portal-client/portal-client.js';
import { openDatabase } from '../../../../src/main/core/storage/database.js';
import { AUDIT_REFUSAL_BACKOFF, AuditUpload } from '../../../../src/main/core/sync/audit-upload.js';
import { AuditChainService } from '../../../../src/portal/audit/audit-chain-service.js';
import { SqlitePortalStore } from '../../../../src/portal/storage/sqlite/sqlite-store.js';
import type { AuditUploadEntry } from '../../../../src/shared/contract/portal.js';
import { createMemoryLogger } from '../../../support/memory-logger.js';
import { useTempFolder } from '../../../support/temp-folder.js';
import { exampleEntry, steppingClock } from './audit-fixtures.js';

/*
 * The kiosk's side of the audit upload, against the portal's real chain service and store: what it
 * sends on each tick, how it goes on after the portal's answer, and what it does when refused.
 */

const tempFolder = useTempFolder();
const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function setUp(entries: number) {
  const folder = tempFolder();
  const file = join(folder, 'kiosk.sqlite');
  const db = openDatabase(file);
  closers.push(() => db.open && db.close());
  const trail = new AuditTrail(db, steppingClock());
  for (let index = 0; index < entries; index++) trail.append(exampleEntry(index));

  const store = new SqlitePortalStore(join(folder, 'portal.sqlite'));
  closers.push(() => store.close());
  await store.migrate();
  const chainService = new AuditChainService({ store: store.auditChain, now: () => new Date() });
  const sent: AuditUploadEntry[][] = [];
  let online = true;
  // The portal client's answers, made by the portal's own service: the route's mapping without the socket.
  const portal: Pick<PortalClient, 'uploadAudit' | 'hasCredential'> = {
    hasCredential: true,
    uploadAudit: async (batch) => {
      if (!online) throw new TypeError('fetch failed');
      sent.push([...batch]);
      const outcome = await chainService.upload('BSK1', batch);
      return outcome.outcome === 'stored'
        ? { kind: 'accepted', accepted: { head: outcome.head, stored: outcome.stored } }
        : { kind: 'chain-refused', brokenAt: outcome.brokenAt, reason: outcome.reason };
    },
  };
  let now = Date.parse('2026-12-01T12:00:00.000Z');
  const clock = () => new Date(now);
  const log = createMemoryLogger();
  const alarmsRecorded: AuditEntryInput[] = [];
  const uploader = (maxBatchesPerTick?: number) =>
    new AuditUpload({ trail, portal, clock, log, recordAudit: (entry) => alarmsRecorded.push(entry), ...(maxBatchesPerTick ? { maxBatchesPerTick } : {}) });
  return {
    alarmsRecorded,
    portalFile: join(folder, 'portal.sqlite'),
    portal,
    db,
    file,
    trail,
    store,
    chainService,
    sent,
    log,
    uploader,
    goOffline: (value: boolean) => (online = !value),
    advance: (ms: number) => (now += ms),
    portalChain: () => store.auditChain.entries('BSK1', 1, Number.MAX_SAFE_INTEGER, 100_000),
  };
}

/** What the kiosk's trail holds, as the upload sends it. */
const kioskChain = (trail: AuditTrail) =>
  trail.entriesAfter(0, 500).map(({ seq, at, kind, actor, subject, details, contentHash, previousHash, entryHash }) => ({ seq, at, kind, actor, subject, details, contentHash, previousHash, entryHash }));

describe('the kiosk sends its audit trail to the portal on each heartbeat tick', () => {
  it('drains a backlog of a thousand entries in one tick, in batches in seq order, and the portal holds the same chain', async () => {
    const { trail, sent, uploader, portalChain, chainService } = await setUp(1000);
    await uploader().tick();
    expect(sent.map((batch) => [batch[0]!.seq, batch.length])).toEqual([
      [1, 200],
      [201, 200],
      [401, 200],
      [601, 200],
      [801, 200],
    ]);
    const stored = await portalChain();
    expect(stored).toHaveLength(1000);
    expect(stored.slice(0, 500)).toEqual(kioskChain(trail));
    expect(await chainService.verifyStored('BSK1')).toEqual({ ok: true, entries: 1000, head: trail.head() });
  });

  it('drains over successive ticks when a tick may send fewer batches, and then sends nothing until there is more', async () => {
    const { trail, sent, uploader, portalChain } = await setUp(450);
    const upload = uploader(1);
    for (let tick = 0; tick < 3; tick++) await upload.tick();
    expect(sent.map((batch) => batch.length)).toEqual([200, 200, 50]);
    await upload.tick();
    expect(sent).toHaveLength(3);
    trail.append(exampleEntry(3));
    await upload.tick();
    expect(sent.map((batch) => batch[0]!.seq)).toEqual([1, 201, 401, 451]);
    expect(await portalChain()).toHaveLength(451);
  });

  it('after a restart sends from the start once, which the portal accepts without change, and goes on after its head', async () => {
    const { trail, sent, uploader, portalChain } = await setUp(250);
    await uploader().tick();
    for (let index = 0; index < 3; index++) trail.append(exampleEntry(index));
    sent.length = 0;
    await uploader().tick();
    expect(sent.map((batch) => [batch[0]!.seq, batch.length])).toEqual([
      [1, 200],
      [251, 3],
    ]);
    expect((await portalChain()).map((entry) => entry.seq)).toEqual(Array.from({ length: 253 }, (_, index) => index + 1));
  });

  it('keeps its place when the network fails and sends the same entries on the next tick', async () => {
    const { sent, uploader, goOffline, portalChain } = await setUp(5);
    const upload = uploader();
    goOffline(true);
    await upload.tick();
    goOffline(false);
    await upload.tick();
    expect(sent.map((batch) => batch.length)).toEqual([5]);
    expect(await portalChain()).toHaveLength(5);
  });

  it('on a refused chain raises an alarm with the seq and reason, and sends the refused batch again only after the backoff', async () => {
    const { file, trail, sent, log, uploader, advance, portalChain, alarmsRecorded } = await setUp(10);
    const upload = uploader();
    await upload.tick();
    for (let index = 0; index < 5; index++) trail.append(exampleEntry(index));
    // Behind the app's back: the guard dropped and entry 13 edited, as someone with the disk would.
    const raw = new Database(file);
    raw.exec('DROP TRIGGER audit_entry_no_update');
    raw.prepare("UPDATE audit_entry SET actor = '9999' WHERE seq = 13").run();
    raw.close();
    sent.length = 0;

    await upload.tick();
    expect(upload.alarm()).toEqual({ brokenAt: 13, reason: 'CONTENT_EDITED' });
    expect(log.records).toContainEqual({ level: 'error', event: 'audit_upload_refused', fields: { brokenAt: 13, reason: 'CONTENT_EDITED' } });
    expect(sent.map((batch) => batch[0]!.seq)).toEqual([11]);
    // Heartbeats go on; the refused batch waits out its backoff, then goes once, then waits twice as long.
    await upload.tick();
    advance(AUDIT_REFUSAL_BACKOFF.firstMs - 1);
    await upload.tick();
    expect(sent).toHaveLength(1);
    advance(1);
    await upload.tick();
    expect(sent).toHaveLength(2);
    advance(AUDIT_REFUSAL_BACKOFF.firstMs);
    await upload.tick();
    expect(sent).toHaveLength(2);
    advance(AUDIT_REFUSAL_BACKOFF.firstMs);
    await upload.tick();
    expect(sent).toHaveLength(3);
    expect(upload.alarm()).toEqual({ brokenAt: 13, reason: 'CONTENT_EDITED' });
    expect((await portalChain()).map((entry) => entry.seq)).toEqual(Array.from({ length: 10 }, (_, index) => index + 1));
    // The kiosk's own trail says once when the portal stopped taking it, not at every retry.
    expect(alarmsRecorded).toEqual([
      { kind: 'sync_alarm', actor: null, subject: null, details: { alarm: 'AUDIT_CHAIN_REFUSED', brokenAt: 13, reason: 'CONTENT_EDITED' } },
    ]);
  });

  it('names an entry whose details no longer read as edited, and takes a closed database for no tampering', async () => {
    const { file, trail, sent, log, uploader } = await setUp(4);
    const upload = uploader();
    await upload.tick();
    trail.append(exampleEntry(1));
    trail.append(exampleEntry(2));
    const raw = new Database(file);
    raw.exec('DROP TRIGGER audit_entry_no_update');
    raw.prepare("UPDATE audit_entry SET details = '{not json' WHERE seq = 6").run();
    raw.close();
    await upload.tick();
    expect(upload.alarm()).toEqual({ brokenAt: 6, reason: 'CONTENT_EDITED' });
    expect(log.records).toContainEqual({ level: 'error', event: 'audit_upload_unreadable', fields: { seq: 6 } });
    expect(sent).toHaveLength(1);

    const other = await setUp(2);
    const closing = other.uploader();
    other.db.close();
    await closing.tick();
    expect(closing.alarm()).toBeNull();
    expect(other.log.records).toContainEqual(expect.objectContaining({ level: 'warn', event: 'audit_upload_failed' }));
  });

  it('raises an alarm when the portal holds more of the chain than the kiosk: entries were cut from its end', async () => {
    const first = await setUp(8);
    await first.uploader().tick();
    // The same kiosk's first 3 entries alone (the same clock and entries): the trail after them cut off.
    const second = await setUp(3);
    const replaced = new AuditUpload({
      trail: second.trail,
      portal: { hasCredential: true, uploadAudit: (batch) => portalOf(first).uploadAudit(batch) },
      clock: () => new Date(),
      log: second.log,
    });
    await replaced.tick();
    expect(replaced.alarm()).toEqual({ brokenAt: 4, reason: 'TRUNCATED' });
    expect(second.log.records).toContainEqual({ level: 'error', event: 'audit_chain_behind_portal', fields: { portalSeq: 8, kioskSeq: 3 } });
    expect(await first.portalChain()).toHaveLength(8);
  });

  it('after the portal lost entries it had acknowledged (a restored backup), sends again from the start and fills the gap, without an alarm', async () => {
    const { trail, uploader, portalChain, portalFile, log } = await setUp(10);
    const upload = uploader();
    await upload.tick();
    const raw = new Database(portalFile);
    raw.prepare('DELETE FROM audit_chain_entry WHERE seq > 5').run();
    raw.close();
    trail.append(exampleEntry(10));

    await upload.tick();
    expect(upload.alarm()).toBeNull();
    expect((await portalChain()).map((entry) => entry.seq)).toEqual(Array.from({ length: 11 }, (_, index) => index + 1));
    expect(log.records).toContainEqual({ level: 'warn', event: 'audit_upload_portal_behind', fields: { acknowledgedSeq: 10 } });
  });

  it('takes a portal without the endpoint (404: not updated yet) for no alarm, and asks again only after an hour', async () => {
    const { trail, log } = await setUp(3);
    let asked = 0;
    let elapsed = 0;
    const upload = new AuditUpload({
      trail,
      portal: { hasCredential: true, uploadAudit: () => (asked++, Promise.resolve({ kind: 'refused', status: 404, code: 'NOT_FOUND' })) },
      clock: () => new Date(Date.parse('2026-12-01T12:00:00.000Z') + elapsed),
      log,
    });
    await upload.tick();
    expect(upload.alarm()).toBeNull();
    elapsed = AUDIT_REFUSAL_BACKOFF.capMs - 1;
    await upload.tick();
    expect(asked).toBe(1);
    elapsed = AUDIT_REFUSAL_BACKOFF.capMs;
    await upload.tick();
    expect(asked).toBe(2);
    expect(log.records).toContainEqual({ level: 'warn', event: 'audit_upload_unsupported', fields: { status: 404 } });
  });
});

const portalOf = (setup: { portal: Pick<PortalClient, 'uploadAudit'> }) => setup.portal;
