import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startKioskHost, type KioskHost } from '../../src/main/core/host.js';
import { AuditChainService } from '../../src/portal/audit/audit-chain-service.js';
import type { SyncStatusView } from '../../src/shared/contract/ipc.js';
import { STORE_KINDS, useStorage } from '../portal/support.js';
import { makePackage, testKeys, writePackage, writeTrustAnchors } from '../support/content-fixtures.js';
import { createMemoryLogger } from '../support/memory-logger.js';
import { signInTechnician } from '../support/staff-fixtures.js';
import { useTempFolder } from '../support/temp-folder.js';
import { chainEntryOfRow, type AuditEntryRow } from '../../src/shared/audit/audit-row.js';

/*
 * The real kiosk host and the real portal over HTTP on 127.0.0.1: what staff do on the kiosk
 * reaches the portal's copy of its audit chain with the heartbeat, and a trail edited on the
 * kiosk's disk while it was off is refused at its next upload, naming the entry.
 */

const tempFolder = useTempFolder();
const keys = testKeys('audit-upload-key');
const hosts: KioskHost[] = [];
afterEach(() => {
  for (const host of hosts.splice(0)) host.close();
});

/** The kiosk's trail as its database file holds it. */
function kioskTrail(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare<[], AuditEntryRow>('SELECT * FROM audit_entry ORDER BY seq')
      .all()
      .map(chainEntryOfRow);
  } finally {
    db.close();
  }
}

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(STORE_KINDS)('the audit trail travels to the portal with the heartbeats (%s)', (kind) => {
  const { startPortals } = useStorage(kind);

  it('the portal holds the kiosk chain and verifies it; an entry edited on the disk is refused with its seq at the next upload', async () => {
    const env = await startPortals();
    const dataFolder = tempFolder();
    const trust = writeTrustAnchors(tempFolder(), [keys.anchor]);
    const bundled = writePackage(tempFolder(), makePackage({ keys, version: 1 }));
    const start = async () => {
      const log = createMemoryLogger();
      const host = await startKioskHost({
        dataFolder,
        appVersion: '1.0.0',
        kioskCode: 'BSK1',
        fontsFolder: 'resources/fonts',
        trustAnchorsFile: trust,
        bundledContentFolder: bundled,
        portalUrl: env.portal.url,
        kioskCredential: env.tokens.BSK1,
        contentPollSeconds: 3600,
        heartbeatSeconds: 1,
        log,
      });
      hosts.push(host);
      return { host, log };
    };
    const audit = new AuditChainService({ store: env.store.auditChain, now: () => new Date() });

    const first = await start();
    await signInTechnician(first.host.router);
    expect((await first.host.router.handle('signOutStaff', {})).ok).toBe(true);
    await signInTechnician(first.host.router);
    expect((await first.host.router.handle('signOutStaff', {})).ok).toBe(true);
    const trail = kioskTrail(first.host.databaseFile);
    expect(trail.map((entry) => entry.kind)).toEqual(['content_applied', 'staff_sign_in', 'staff_sign_out', 'staff_sign_in', 'staff_sign_out']);

    // A heartbeat tick: the portal's copy is the kiosk's chain, entry for entry, and it verifies.
    await waitFor(async () => (await env.store.auditChain.head('BSK1'))?.seq === trail.length);
    expect(await env.store.auditChain.entries('BSK1', 1, 100, 100)).toEqual(trail);
    expect(await audit.verifyStored('BSK1')).toEqual({ ok: true, entries: 5, head: { seq: 5, entryHash: trail[4]!.entryHash } });
    first.host.close();

    // While the kiosk is off, someone with its disk drops the guard and makes the first sign-in a card's.
    const raw = new Database(first.host.databaseFile);
    raw.exec('DROP TRIGGER audit_entry_no_update');
    raw.prepare(`UPDATE audit_entry SET details = '{"method":"card","roles":["technician"]}' WHERE seq = 2`).run();
    raw.close();

    const second = await start();
    await waitFor(() => second.log.records.some((record) => record.event === 'audit_upload_refused'));
    expect(second.log.records).toContainEqual({ level: 'error', event: 'audit_upload_refused', fields: { brokenAt: 2, reason: 'CONTENT_EDITED' } });
    // The kiosk's own start check says so too; staff see the alarm in the sync status.
    await waitFor(() => second.log.records.some((record) => record.event === 'audit_chain_broken'));
    expect(second.log.records).toContainEqual(expect.objectContaining({ event: 'audit_chain_broken', fields: { brokenAt: 2, reason: 'CONTENT_EDITED' } }));
    await signInTechnician(second.host.router);
    const status = await second.host.router.handle('getSyncStatus', {});
    expect(status.ok && (status.value as SyncStatusView).auditAlarm).toEqual({ brokenAt: 2, reason: 'CONTENT_EDITED' });
    // The portal's copy is as it was, and still verifies: the kiosk's log can be checked without the kiosk.
    expect(await env.store.auditChain.entries('BSK1', 1, 100, 100)).toEqual(trail);
    expect(await audit.verifyStored('BSK1')).toMatchObject({ ok: true, entries: 5 });
  });
});
