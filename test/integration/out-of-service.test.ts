import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, type KioskHostOptions } from '../../src/main/core/host.js';
import { startKioskHostOrOutOfService } from '../../src/main/shell-common/out-of-service-host.js';
import { MIGRATIONS } from '../../src/main/core/storage/migrations/index.js';
import { newKioskCredential } from '../../src/portal/credentials.js';
import { startPortal, type Portal } from '../../src/portal/server.js';
import { testKeys } from '../support/content-fixtures.js';
import { testHostOptions } from '../support/host-options.js';
import { useTempFolder } from '../support/temp-folder.js';

/*
 * A kiosk whose database cannot be used starts anyway, out of service: every channel answers
 * OUT_OF_SERVICE with the operator code the screen shows, the log says why, and the file is
 * left byte for byte as it was, since the undelivered applications in it are recovered from it.
 */
const tempFolder = useTempFolder();
const keys = testKeys('out-of-service-key');

const options = (dataFolder: string): KioskHostOptions => testHostOptions(tempFolder, keys, { dataFolder });

const portals: Portal[] = [];
afterEach(async () => {
  for (const portal of portals.splice(0)) await portal.close();
});

const logEvents = (dataFolder: string) =>
  readFileSync(join(dataFolder, 'logs', 'kiosk.log'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('a kiosk whose database cannot be used', () => {
  it('is out of service with KK-DB-DAMAGED when the file is not a database, and leaves it as it was', async () => {
    const dataFolder = tempFolder();
    const file = join(dataFolder, DATABASE_FILE_NAME);
    writeFileSync(file, Buffer.alloc(8192, 0x5a));
    const host = await startKioskHostOrOutOfService(options(dataFolder));
    expect('outOfService' in host && host.outOfService).toBe('KK-DB-DAMAGED');
    for (const channel of ['getKioskInfo', 'startApplication', 'signInStaff']) {
      expect(await host.router.handle(channel, {})).toEqual({
        ok: false,
        error: { code: 'OUT_OF_SERVICE', message: 'The kiosk is out of service.', details: { operatorCode: 'KK-DB-DAMAGED' } },
      });
    }
    expect(logEvents(dataFolder)).toContainEqual(expect.objectContaining({ level: 'error', event: 'kiosk_out_of_service', operatorCode: 'KK-DB-DAMAGED' }));
    expect(readFileSync(file).equals(Buffer.alloc(8192, 0x5a))).toBe(true);
    host.close();
  });

  it('is out of service with KK-DB-NEWER when a newer app wrote the database', async () => {
    const dataFolder = tempFolder();
    const file = join(dataFolder, DATABASE_FILE_NAME);
    const newer = new Database(file);
    newer.exec("CREATE TABLE outbox (id TEXT); INSERT INTO outbox VALUES ('undelivered')");
    newer.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    newer.close();
    const before = readFileSync(file);
    const host = await startKioskHostOrOutOfService(options(dataFolder));
    expect('outOfService' in host && host.outOfService).toBe('KK-DB-NEWER');
    expect(await host.router.handle('getKioskInfo', {})).toMatchObject({ ok: false, error: { code: 'OUT_OF_SERVICE', details: { operatorCode: 'KK-DB-NEWER' } } });
    expect(readFileSync(file).equals(before)).toBe(true);
    host.close();
  });

  it('starts normally on a good database, and a failure of another kind is not hidden behind the screen', async () => {
    const host = await startKioskHostOrOutOfService(options(tempFolder()));
    expect('outOfService' in host).toBe(false);
    expect(await host.router.handle('getKioskInfo', {})).toMatchObject({ ok: true });
    host.close();
    await expect(startKioskHostOrOutOfService({ ...options(tempFolder()), trustAnchorsFile: join(tempFolder(), 'missing.json') })).rejects.toThrow(/ENOENT/);
  });

  it('tells the portal it is out of service, with its operator code and its queue unknown, at once and every interval after', async () => {
    const portal = await startPortal({ dataFolder: tempFolder(), adminToken: 'out-of-service-admin', trustAnchors: [keys.anchor] });
    portals.push(portal);
    const credential = newKioskCredential('BSK1');
    await portal.store.issueCredential('BSK1', credential.secretHash, new Date());
    // Its last heartbeat while it worked: four applications waited.
    const workingBeat = new Date(Date.now() - 60_000);
    await portal.store.recordHeartbeat(
      'BSK1',
      { appVersion: '1.0.0', contentVersion: 1, queueDepth: 4, oldestQueuedAgeSeconds: 30, quarantined: 0, lastSyncAt: null, printerState: 'pdf' },
      workingBeat,
    );
    const dataFolder = tempFolder();
    writeFileSync(join(dataFolder, DATABASE_FILE_NAME), Buffer.alloc(8192, 0x5a));
    const host = await startKioskHostOrOutOfService({ ...options(dataFolder), portalUrl: portal.url, kioskCredential: credential.token, heartbeatSeconds: 1 });
    expect('outOfService' in host && host.outOfService).toBe('KK-DB-DAMAGED');
    const latest = async () => (await portal.store.fleetKiosks()).find((kiosk) => kiosk.kioskCode === 'BSK1')?.lastHeartbeat;
    await expect.poll(latest, { timeout: 3000 }).toMatchObject({
      appVersion: '1.0.0',
      contentVersion: null,
      queueDepth: null,
      quarantined: null,
      kioskAlarms: ['out-of-service'],
      outOfServiceCode: 'KK-DB-DAMAGED',
      // What the recovery procedure compares the recovered queue with.
      lastKnownQueue: { queueDepth: 4, receivedAt: workingBeat.toISOString() },
    });
    const first = (await latest())!.receivedAt;
    await expect.poll(async () => (await latest())!.receivedAt, { timeout: 3000 }).not.toBe(first);
    expect(logEvents(dataFolder)).toContainEqual(expect.objectContaining({ event: 'out_of_service_reported', operatorCode: 'KK-DB-DAMAGED' }));
    host.close();
  });

  it('says in its log that it could not report when it has no credential, and still shows the screen', async () => {
    const portal = await startPortal({ dataFolder: tempFolder(), adminToken: 'out-of-service-admin', trustAnchors: [keys.anchor] });
    portals.push(portal);
    const dataFolder = tempFolder();
    writeFileSync(join(dataFolder, DATABASE_FILE_NAME), Buffer.alloc(8192, 0x5a));
    const host = await startKioskHostOrOutOfService({ ...options(dataFolder), portalUrl: portal.url, heartbeatSeconds: 1 });
    expect('outOfService' in host && host.outOfService).toBe('KK-DB-DAMAGED');
    expect(logEvents(dataFolder)).toContainEqual(expect.objectContaining({ level: 'warn', event: 'out_of_service_not_reported', reason: 'no-credential' }));
    expect(await portal.store.fleetKiosks()).toEqual([]);
    host.close();
  });
});
