import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, type KioskHostOptions } from '../../src/main/core/host.js';
import { startKioskHostOrOutOfService } from '../../src/main/shell-common/out-of-service-host.js';
import { MIGRATIONS } from '../../src/main/core/storage/migrations/index.js';
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
});
