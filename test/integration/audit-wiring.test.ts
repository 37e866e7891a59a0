import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startKioskHost, type KioskHost } from '../../src/main/core/host.js';
import { makePackage, testKeys, testService, writePackage, writeTrustAnchors } from '../support/content-fixtures.js';
import { createMemoryLogger } from '../support/memory-logger.js';
import { signInTechnician } from '../support/staff-fixtures.js';

const keys = testKeys('audit-wiring-key');
const folders: string[] = [];
const hosts: KioskHost[] = [];
const folder = () => {
  const created = mkdtempSync(join(tmpdir(), 'kyzmat-audit-wiring-'));
  folders.push(created);
  return created;
};
afterEach(() => {
  for (const host of hosts.splice(0)) host.close();
  for (const created of folders.splice(0)) rmSync(created, { recursive: true, force: true });
});

async function kiosk(dataFolder: string, media: string, trust: string, bundled: string) {
  const log = createMemoryLogger();
  const host = await startKioskHost({ dataFolder, appVersion: '1.0.0', kioskCode: 'TST1', fontsFolder: 'resources/fonts', trustAnchorsFile: trust, bundledContentFolder: bundled, removableMediaRoots: [media], log });
  hosts.push(host);
  return { host, log };
}

const trailOf = (host: KioskHost) => {
  const db = new Database(host.databaseFile, { readonly: true });
  try {
    return db.prepare<[], { kind: string; subject: string | null; details: string }>('SELECT kind, subject, details FROM audit_entry ORDER BY seq').all();
  } finally {
    db.close();
  }
};

describe('what the kiosk records in its audit trail', () => {
  it('content installs and refusals, USB imports and panel actions, in order; a tampered trail is reported at the next start', async () => {
    const dataFolder = folder();
    const media = folder();
    const trust = writeTrustAnchors(folder(), [keys.anchor]);
    const bundled = writePackage(folder(), makePackage({ keys, version: 1, services: [testService('birth')] }));
    const first = await kiosk(dataFolder, media, trust, bundled);
    // The panel's actions are a signed-in technician's.
    await signInTechnician(first.host.router);
    // An expired package on the stick: refused.
    writePackage(join(media, 'stick', 'kyzmat-content'), makePackage({ keys, version: 2, services: [testService('birth')], now: new Date('2020-01-01'), expires: new Date('2020-02-01') }));
    await first.host.router.handle('importContentFromRemovableMedia', {});
    await first.host.router.handle('syncNow', {});

    expect(trailOf(first.host).map((entry) => [entry.kind, entry.subject, JSON.parse(entry.details) as unknown])).toEqual([
      ['content_applied', '1', { source: 'bundled', keyId: 'audit-wiring-key' }],
      ['staff_sign_in', null, { roles: ['technician'], method: 'staff_id' }],
      ['panel_action', null, { action: 'load-from-usb' }],
      ['content_refused', null, { source: 'folder', code: 'EXPIRED' }],
      ['usb_import', null, { outcome: 'rejected' }],
      ['panel_action', null, { action: 'send-now' }],
    ]);
    first.host.close();

    // Someone with the disk removes the refusal from the record (dropping the guard first).
    const db = new Database(join(dataFolder, 'kiosk.sqlite'));
    const guards = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'audit_entry'").all();
    for (const { name } of guards) db.exec(`DROP TRIGGER ${name}`);
    db.prepare("DELETE FROM audit_entry WHERE kind = 'content_refused'").run();
    db.close();

    const second = await kiosk(dataFolder, media, trust, bundled);
    // The walk runs after the host is ready, in slices; its last word is about the guards.
    await vi.waitFor(() => expect(second.log.records.map((record) => record.event)).toContain('audit_guards_missing'));
    expect(second.log.records.filter((record) => record.event.startsWith('audit_')).map((record) => [record.event, record.fields])).toEqual([
      ['audit_chain_broken', { brokenAt: 5, reason: 'LINK_BROKEN' }],
      ['audit_guards_missing', {}],
    ]);
  });
});
