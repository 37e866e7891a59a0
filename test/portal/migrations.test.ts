import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { Migration } from '../../src/portal/storage/migration.js';
import { StoreTooNewError } from '../../src/portal/storage/migration.js';
import { migratePostgres } from '../../src/portal/storage/postgres/migrate.js';
import { POSTGRES_MIGRATIONS } from '../../src/portal/storage/postgres/migrations/index.js';
import { HEARTBEAT_COLUMNS, SUBMISSION_COLUMNS } from '../../src/portal/storage/row-mapping.js';
import { migrateSqlite, sqliteSchemaVersion } from '../../src/portal/storage/sqlite/migrate.js';
import { SQLITE_MIGRATIONS } from '../../src/portal/storage/sqlite/migrations/index.js';
import {
  POSTGRES_BOOKKEEPING_BEFORE_MIGRATION_FILES,
  POSTGRES_SCHEMA_BEFORE_MIGRATION_FILES,
  SQLITE_SCHEMA_BEFORE_MIGRATION_FILES,
  SQLITE_VERSION_BEFORE_MIGRATION_FILES,
} from './fixtures/schema-before-migration-files.js';
import { PREVIOUS_RELEASE_POSTGRES_VERSION, PREVIOUS_RELEASE_VERSION_QUERY, previousReleaseMigrate } from './fixtures/previous-release-postgres.js';
import { makeSubmission, STORE_KINDS, useStorage, validHeartbeat, type StoreKind } from './support.js';

/**
 * The portal's numbered migrations, per dialect, on a real SQLite file and on the private
 * PostgreSQL: each from the version before it, the first one against the schema the portal had
 * before its migrations were files, one transaction each, and no database from a newer portal.
 */

/** One raw connection to a test database, for what the store does not expose: versions, schema, SQL. */
interface RawDatabase {
  exec(sql: string): Promise<void>;
  version(): Promise<number>;
  /** Tables, columns with types and nullability, indexes and constraints, in a stable order, bookkeeping left out. */
  schema(): Promise<string[]>;
  columns(table: string): Promise<string[]>;
  migrate(migrations: readonly Migration[], upTo?: number): Promise<void>;
  close(): Promise<void>;
}

const MIGRATIONS: Record<StoreKind, readonly Migration[]> = { sqlite: SQLITE_MIGRATIONS, postgresql: POSTGRES_MIGRATIONS };
/** The portal's first release of numbered migrations knew only 0001: the tests of the bookkeeping itself run from there. */
const FIRST_RELEASE: Record<StoreKind, readonly Migration[]> = { sqlite: SQLITE_MIGRATIONS.slice(0, 1), postgresql: POSTGRES_MIGRATIONS.slice(0, 1) };
/** The heartbeat as 0001 made it, before 0002 added what a kiosk reports of its screens. */
/** What 0014 adds to the heartbeat: the operator code of a kiosk out of service. */
const HEARTBEAT_COLUMNS_0013 = HEARTBEAT_COLUMNS.filter((column) => column !== 'out_of_service_code');
/** What 0013 adds to the heartbeat: the update's state and version, and the kiosk's own alarms. */
const HEARTBEAT_COLUMNS_OF_0013 = ['update_state', 'update_version', 'kiosk_alarms'];
const HEARTBEAT_COLUMNS_0011 = HEARTBEAT_COLUMNS_0013.filter((column) => !HEARTBEAT_COLUMNS_OF_0013.includes(column));
/** The heartbeat's columns as of 0002 (0011 adds free_disk_bytes). */
const HEARTBEAT_COLUMNS_0002 = HEARTBEAT_COLUMNS_0011.filter((column) => column !== 'free_disk_bytes');
const HEARTBEAT_COLUMNS_0001 = HEARTBEAT_COLUMNS_0002.filter((column) => column !== 'screen_failures' && column !== 'unavailable_services');
/** A heartbeat as a kiosk of 0001's time sent it: none of the fields added since. */
const HEARTBEAT_OF_0001 = `INSERT INTO heartbeat (kiosk_code, received_at, app_version, content_version, queue_depth, oldest_queued_age_seconds, quarantined, last_sync_at, printer_state)
   VALUES ('BSK1', '2026-01-01T00:00:00.000Z', '0.1.0', 1, 0, NULL, 0, NULL, 'pdf')`;
/** The submission as 0001 made it, before 0003 added the assisting clerk. */
const SUBMISSION_COLUMNS_0001 = SUBMISSION_COLUMNS.filter((column) => column !== 'assisted_by');
const SCHEMA_BEFORE_FILES: Record<StoreKind, string> = { sqlite: SQLITE_SCHEMA_BEFORE_MIGRATION_FILES, postgresql: POSTGRES_SCHEMA_BEFORE_MIGRATION_FILES };

/** better-sqlite3 is synchronous: its throws become rejections here. */
const attempt = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));

function rawSqlite(file: string): RawDatabase {
  const db = new Database(file);
  return {
    exec: (sql) =>
      attempt(() => {
        db.exec(sql);
      }),
    version: () => attempt(() => sqliteSchemaVersion(db)),
    schema: () =>
      attempt(() =>
        db
          .prepare<[], { type: string; name: string; sql: string | null }>('SELECT type, name, sql FROM sqlite_schema ORDER BY type, name')
          .all()
          .map((row) => `${row.type} ${row.name}: ${(row.sql ?? '').replace(/\s+/g, ' ')}`),
      ),
    columns: (table) => attempt(() => db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}') ORDER BY cid`).all().map((row) => row.name)),
    migrate: (migrations, upTo) => attempt(() => migrateSqlite(db, migrations, upTo)),
    close: () =>
      attempt(() => {
        db.close();
      }),
  };
}

function rawPostgres(url: string): RawDatabase {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => undefined);
  const rows = async (sql: string) => (await pool.query<Record<string, unknown>>(sql)).rows.map((row) => Object.values(row).map(String).join(' | '));
  const bookkeeping = "('portal_schema_version', 'portal_migration')";
  return {
    exec: async (sql) => void (await pool.query(sql)),
    version: async () => (await pool.query<{ version: number }>('SELECT version FROM portal_schema_version')).rows[0]!.version,
    schema: async () => [
      ...(await rows(`SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default, ''), is_identity FROM information_schema.columns
                      WHERE table_schema = 'public' AND table_name NOT IN ${bookkeeping} ORDER BY table_name, ordinal_position`)),
      ...(await rows(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT IN ${bookkeeping} ORDER BY indexname`)),
      ...(await rows(`SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
                      WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT IN ${bookkeeping} ORDER BY conname`)),
    ],
    columns: async (table) =>
      (await pool.query<{ column_name: string }>('SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position', [table])).rows.map(
        (row) => row.column_name,
      ),
    migrate: (migrations, upTo) => migratePostgres(pool, migrations, upTo),
    close: () => pool.end(),
  };
}

describe.each(STORE_KINDS)('portal migrations (%s)', (kind) => {
  const { storage } = useStorage(kind);
  const opened: RawDatabase[] = [];
  // Registered after useStorage's, so it runs first: connections close before the database is dropped.
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.close();
  });

  async function database() {
    const target = await storage();
    const raw = kind === 'sqlite' ? rawSqlite(target.options.sqliteFile) : rawPostgres(target.options.databaseUrl!);
    opened.push(raw);
    return { target, raw };
  }

  /** A database as the portal made it before its migrations were files. */
  async function databaseFromBeforeMigrationFiles() {
    const made = await database();
    await made.raw.exec(SCHEMA_BEFORE_FILES[kind]);
    await made.raw.exec(
      kind === 'sqlite' ? `PRAGMA user_version = ${SQLITE_VERSION_BEFORE_MIGRATION_FILES}` : POSTGRES_BOOKKEEPING_BEFORE_MIGRATION_FILES,
    );
    return made;
  }

  it('0001 creates the schema from an empty database (version 0 → 1), and the store works on it', async () => {
    const { target, raw } = await database();
    await raw.migrate(MIGRATIONS[kind], 1);
    expect(await raw.version()).toBe(1);
    expect(await raw.columns('submission')).toEqual(expect.arrayContaining([...SUBMISSION_COLUMNS_0001]));
    expect((await raw.columns('submission')).sort()).toEqual([...SUBMISSION_COLUMNS_0001].sort());
    expect(await raw.columns('heartbeat')).toEqual(['seq', ...HEARTBEAT_COLUMNS_0001]);
    expect(await raw.columns('kiosk_credential')).toEqual(['secret_hash', 'kiosk_code', 'issued_at', 'revoked_at']);

    const store = await target.open();
    await store.migrate();
    const request = await makeSubmission('BSK1');
    expect((await store.acceptSubmission('BSK1', request, 'hash', new Date())).outcome).toBe('created');
    expect(await store.submission(request.id)).toMatchObject({ id: request.id, receiptNumber: request.receiptNumber, language: request.language });
    await store.recordHeartbeat('BSK1', validHeartbeat, new Date());
    expect(await store.stats()).toMatchObject({ submissions: 1, heartbeats: 1 });
  });

  it('0002 adds what a kiosk reports of its screens to the heartbeat, keeping the heartbeats before it with those unknown', async () => {
    const { target, raw } = await database();
    await raw.migrate(MIGRATIONS[kind], 1);
    await raw.exec(HEARTBEAT_OF_0001);
    await raw.migrate(MIGRATIONS[kind], 2);
    expect(await raw.version()).toBe(2);
    expect(await raw.columns('heartbeat')).toEqual(['seq', ...HEARTBEAT_COLUMNS_0002]);
    const store = await target.open();
    await store.migrate();
    await store.recordHeartbeat('BSK2', { ...validHeartbeat, screenFailures: 3, unavailableServices: 1 }, new Date());
    await store.recordHeartbeat('BSK3', validHeartbeat, new Date());
    let rows: unknown[];
    if (kind === 'sqlite') {
      const db = new Database(target.options.sqliteFile, { readonly: true });
      rows = db.prepare('SELECT kiosk_code, screen_failures, unavailable_services FROM heartbeat ORDER BY seq').all();
      db.close();
    } else {
      const pool = new pg.Pool({ connectionString: target.options.databaseUrl, max: 1 });
      rows = (await pool.query('SELECT kiosk_code, screen_failures::integer, unavailable_services::integer FROM heartbeat ORDER BY seq')).rows;
      await pool.end();
    }
    expect(rows).toEqual([
      { kiosk_code: 'BSK1', screen_failures: null, unavailable_services: null },
      { kiosk_code: 'BSK2', screen_failures: 3, unavailable_services: 1 },
      { kiosk_code: 'BSK3', screen_failures: null, unavailable_services: null },
    ]);
  });

  it('0011 adds the free disk to the heartbeat, unknown for the heartbeats before it', async () => {
    const { target, raw } = await database();
    await raw.migrate(MIGRATIONS[kind], 10);
    await raw.exec(HEARTBEAT_OF_0001);
    await raw.migrate(MIGRATIONS[kind], 11);
    expect(await raw.columns('heartbeat')).toEqual(['seq', ...HEARTBEAT_COLUMNS_0011]);
    const store = await target.open();
    await store.migrate();
    await store.recordHeartbeat('BSK2', { ...validHeartbeat, freeDiskBytes: 5 * 1024 ** 3 }, new Date());
    const kiosks = Object.fromEntries((await store.fleetKiosks()).map((kiosk) => [kiosk.kioskCode, kiosk.lastHeartbeat?.freeDiskBytes]));
    expect(kiosks).toEqual({ BSK1: null, BSK2: 5 * 1024 ** 3 });
  });

  it('0013 adds the update state and the kiosk\'s own alarms to the heartbeat, unknown for the heartbeats before it', async () => {
    const { target, raw } = await database();
    await raw.migrate(MIGRATIONS[kind], 12);
    await raw.exec(HEARTBEAT_OF_0001);
    await raw.migrate(MIGRATIONS[kind], 13);
    expect(await raw.columns('heartbeat')).toEqual(['seq', ...HEARTBEAT_COLUMNS_0013]);
    const store = await target.open();
    await store.migrate();
    await store.recordHeartbeat('BSK2', { ...validHeartbeat, update: { state: 'ready', version: '1.4.0' }, alarms: ['disk-full', 'log-writes-failing'] }, new Date());
    await store.recordHeartbeat('BSK3', { ...validHeartbeat, update: { state: 'up-to-date' }, alarms: [] }, new Date());
    const beats = Object.fromEntries(
      (await store.fleetKiosks()).map(({ kioskCode, lastHeartbeat }) => [
        kioskCode,
        { updateState: lastHeartbeat?.updateState, updateVersion: lastHeartbeat?.updateVersion, kioskAlarms: lastHeartbeat?.kioskAlarms },
      ]),
    );
    expect(beats).toEqual({
      BSK1: { updateState: null, updateVersion: null, kioskAlarms: null },
      BSK2: { updateState: 'ready', updateVersion: '1.4.0', kioskAlarms: ['disk-full', 'log-writes-failing'] },
      BSK3: { updateState: 'up-to-date', updateVersion: null, kioskAlarms: [] },
    });
  });

  it('0014 lets a kiosk out of service report an unknown queue and its operator code, keeping every heartbeat before it as it was', async () => {
    const { target, raw } = await database();
    await raw.migrate(MIGRATIONS[kind], 13);
    await raw.exec(HEARTBEAT_OF_0001);
    await raw.exec(`INSERT INTO heartbeat (kiosk_code, received_at, app_version, content_version, queue_depth, oldest_queued_age_seconds, quarantined, last_sync_at, printer_state,
                                          screen_failures, unavailable_services, free_disk_bytes, update_state, update_version, kiosk_alarms)
                    VALUES ('BSK2', '2026-01-02T00:00:00.000Z', '0.9.0', 7, 3, 120.5, 1, '2026-01-01T23:59:00.000Z', 'ready', 2, 1, 4096, 'ready', '1.0.0', 'disk-full')`);
    await expect(raw.exec(`INSERT INTO heartbeat (kiosk_code, received_at, app_version, queue_depth, quarantined, printer_state) VALUES ('BSK3', '2026-01-03T00:00:00Z', '0.9.0', NULL, NULL, 'pdf')`)).rejects.toThrow();
    const schemaBefore = (await raw.schema()).filter((line) => line.includes('heartbeat'));
    await raw.migrate(MIGRATIONS[kind], 14);
    expect(await raw.columns('heartbeat')).toEqual(['seq', ...HEARTBEAT_COLUMNS]);
    // The index the fleet page reads the newest heartbeat by survives the rebuild.
    expect((await raw.schema()).filter((line) => line.includes('heartbeat_by_kiosk'))).toEqual(schemaBefore.filter((line) => line.includes('heartbeat_by_kiosk')));
    const store = await target.open();
    await store.migrate();
    await store.recordHeartbeat(
      'BSK3',
      { ...validHeartbeat, contentVersion: null, queueDepth: null, quarantined: null, oldestQueuedAgeSeconds: null, lastSyncAt: null, alarms: ['out-of-service'], outOfServiceCode: 'KK-DB-DAMAGED' },
      new Date(),
    );
    const beats = Object.fromEntries((await store.fleetKiosks()).map(({ kioskCode, lastHeartbeat }) => [kioskCode, lastHeartbeat && { ...lastHeartbeat, receivedAt: undefined }]));
    expect(beats.BSK1).toMatchObject({ appVersion: '0.1.0', queueDepth: 0, quarantined: 0, outOfServiceCode: null });
    expect(beats.BSK2).toEqual({
      receivedAt: undefined,
      appVersion: '0.9.0',
      contentVersion: 7,
      queueDepth: 3,
      oldestQueuedAgeSeconds: 120.5,
      quarantined: 1,
      lastSyncAt: '2026-01-01T23:59:00.000Z',
      printerState: 'ready',
      screenFailures: 2,
      unavailableServices: 1,
      freeDiskBytes: 4096,
      updateState: 'ready',
      updateVersion: '1.0.0',
      kioskAlarms: ['disk-full'],
      outOfServiceCode: null,
      lastKnownQueue: null,
    });
    expect(beats.BSK3).toMatchObject({ queueDepth: null, quarantined: null, kioskAlarms: ['out-of-service'], outOfServiceCode: 'KK-DB-DAMAGED' });
    // The sequence goes on after the rows copied: a new heartbeat is the kiosk's newest.
    await store.recordHeartbeat('BSK2', { ...validHeartbeat, queueDepth: 0 }, new Date());
    expect((await store.fleetKiosks()).find((kiosk) => kiosk.kioskCode === 'BSK2')?.lastHeartbeat?.appVersion).toBe(validHeartbeat.appVersion);
  });

  it('0012 adds the staff and each office’s list: a staff id once per office, a card once among an office’s active records', async () => {
    const { raw } = await database();
    await raw.migrate(MIGRATIONS[kind], 11);
    await raw.migrate(MIGRATIONS[kind], 12);
    expect(await raw.version()).toBe(12);
    expect(await raw.columns('staff')).toEqual(['office_code', 'staff_id', 'display_name', 'roles', 'card_number', 'pin_hash', 'state', 'created_at', 'pin_issued_at', 'updated_at']);
    expect(await raw.columns('staff_list')).toEqual(['office_code', 'version', 'issued_at', 'document', 'key_id', 'signature']);
    const row = (office: string, id: string, card: string | null, state: string) =>
      `INSERT INTO staff VALUES ('${office}', '${id}', 'A', '["clerk"]', ${card === null ? 'NULL' : `'${card}'`}, '{}', '${state}', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`;
    await raw.exec(row('BSK', '1001', '9417000000001001', 'disabled'));
    await raw.exec(row('BSK', '1002', '9417000000001001', 'active'));
    await raw.exec(row('NRN', '1003', '9417000000001001', 'active'));
    await raw.exec(row('BSK', '1004', null, 'active'));
    await raw.exec(row('BSK', '1005', null, 'active'));
    await expect(raw.exec(row('BSK', '1006', '9417000000001001', 'active'))).rejects.toThrow(/unique/i);
    await expect(raw.exec(row('BSK', '1001', null, 'active'))).rejects.toThrow(/unique/i);
    await expect(raw.exec(row('BSK', '1007', null, 'gone'))).rejects.toThrow(/check/i);
    // A list is signed whole or not at all.
    await expect(raw.exec("INSERT INTO staff_list VALUES ('BSK', 1, '2026-01-01T00:00:00.000Z', '{}', NULL, NULL)")).rejects.toThrow(/check/i);
    await raw.exec("INSERT INTO staff_list (office_code, version, issued_at) VALUES ('BSK', 1, '2026-01-01T00:00:00.000Z')");
  });

  it('0003 adds the assisting clerk to the submission, keeping the submissions before it as a visitor alone', async () => {
    const { target, raw } = await database();
    await raw.migrate(MIGRATIONS[kind], 2);
    const earlier = await makeSubmission('BSK1');
    const sealed = Buffer.from(earlier.sealed, 'base64').toString('hex');
    await raw.exec(
      `INSERT INTO submission (${SUBMISSION_COLUMNS_0001.join(', ')})
       VALUES ('${earlier.id}', '${earlier.receiptNumber}', '${earlier.serviceId}', '${earlier.formId}', ${earlier.formVersion}, ${earlier.contentVersion},
         '${earlier.privacyPolicyVersion}', '${earlier.userAgreementVersion}', '${earlier.language}', '${earlier.createdAt}', '${earlier.sealedFormat}',
         '${earlier.sealedKeyId}', 'BSK1', ${kind === 'sqlite' ? `X'${sealed}'` : `decode('${sealed}', 'hex')`}, 'hash',
         '2026-01-01T00:00:00.000Z', 'received', '2026-01-01T00:00:00.000Z')`,
    );
    await raw.migrate(MIGRATIONS[kind], 3);
    expect(await raw.version()).toBe(3);
    expect((await raw.columns('submission')).sort()).toEqual([...SUBMISSION_COLUMNS].sort());

    const store = await target.open();
    await store.migrate();
    expect(await store.submission(earlier.id)).toMatchObject({ id: earlier.id, assistedBy: null });
    const assisted = await makeSubmission('BSK1', { assistedBy: '1042' });
    expect((await store.acceptSubmission('BSK1', assisted, 'hash-assisted', new Date())).outcome).toBe('created');
    expect(await store.submission(assisted.id)).toMatchObject({ id: assisted.id, assistedBy: '1042' });
  });

  it('0001 is exactly the schema the portal had before its migrations were files', async () => {
    const fresh = await database();
    await fresh.raw.migrate(MIGRATIONS[kind], 1);
    const before = await databaseFromBeforeMigrationFiles();
    expect(await fresh.raw.schema()).toEqual(await before.raw.schema());
  });

  it('recognises a database from before the migration files as version 1 and keeps its rows', async () => {
    const { target, raw } = await databaseFromBeforeMigrationFiles();
    const request = await makeSubmission('BSK1');
    // Rows as that release's statements wrote them.
    const sealed = Buffer.from(request.sealed, 'base64').toString('hex');
    await raw.exec(
      `INSERT INTO submission (id, receipt_number, kiosk_code, service_id, form_id, form_version, content_version,
         privacy_policy_version, user_agreement_version, language, created_at, sealed_format, sealed_key_id, sealed,
         body_hash, accepted_at, status, status_updated_at)
       VALUES ('${request.id}', '${request.receiptNumber}', 'BSK1', '${request.serviceId}', '${request.formId}', ${request.formVersion}, ${request.contentVersion},
         '${request.privacyPolicyVersion}', '${request.userAgreementVersion}', '${request.language}', '${request.createdAt}', '${request.sealedFormat}',
         '${request.sealedKeyId}', ${kind === 'sqlite' ? `X'${sealed}'` : `decode('${sealed}', 'hex')`}, 'hash',
         '2026-01-01T00:00:00.000Z', 'received', '2026-01-01T00:00:00.000Z');
       INSERT INTO kiosk_credential (secret_hash, kiosk_code, issued_at) VALUES ('secret-hash', 'BSK1', '2026-01-01T00:00:00.000Z');`,
    );
    // That schema is 0001's (the test above); this release's migrations then run from there.
    const fresh = await database();
    await fresh.raw.migrate(MIGRATIONS[kind]);
    const schemaNow = await fresh.raw.schema();

    const store = await target.open();
    await store.migrate();
    expect(await raw.version()).toBe(MIGRATIONS[kind].length);
    expect(await raw.schema()).toEqual(schemaNow);
    // The old bookkeeping is taken over and kept: a portal of the previous release still reads version 1 there.
    if (kind === 'postgresql') expect(await raw.columns('portal_migration')).toEqual(['version', 'applied_at']);
    const row = await store.submission(request.id);
    expect(row).toMatchObject({ id: request.id, receiptNumber: request.receiptNumber, acceptedAt: '2026-01-01T00:00:00.000Z', formVersion: request.formVersion });
    expect(Buffer.from(row!.sealed).toString('base64')).toBe(request.sealed);
    expect(await store.applicationStatus(request.receiptNumber)).toMatchObject({ status: 'received', updatedAt: '2026-01-01T00:00:00.000Z' });
    expect(await store.kioskByCredentialHash('secret-hash')).toMatchObject({ kioskCode: 'BSK1', revokedAt: null });
    expect((await store.acceptSubmission('BSK1', await makeSubmission('BSK1'), 'other', new Date())).outcome).toBe('created');
    await store.migrate();
    expect(await raw.version()).toBe(MIGRATIONS[kind].length);
  });

  it('runs each migration in its own transaction: a failing one is rolled back whole and leaves the version before it', async () => {
    const { raw } = await database();
    const broken: Migration = { version: 2, name: 'broken', sql: 'CREATE TABLE half_done (x integer); SELECT * FROM no_such_table;' };
    await expect(raw.migrate([...FIRST_RELEASE[kind], broken])).rejects.toThrow(/no_such_table/);
    expect(await raw.version()).toBe(1);
    expect(await raw.columns('half_done')).toEqual([]);
    expect(await raw.columns('submission')).not.toEqual([]);

    const next: Migration = { version: 2, name: 'a column', sql: 'ALTER TABLE heartbeat ADD COLUMN note text;' };
    await raw.migrate([...FIRST_RELEASE[kind], next]);
    expect(await raw.version()).toBe(2);
    expect(await raw.columns('heartbeat')).toContain('note');
    // A portal that knows only version 1: the database is now from a newer one.
    await expect(raw.migrate(FIRST_RELEASE[kind])).rejects.toBeInstanceOf(StoreTooNewError);
  });

  it('refuses a migration list with a gap in its numbering', async () => {
    const { raw } = await database();
    const skipped: Migration = { version: 3, name: 'skipped', sql: 'SELECT 1;' };
    await expect(raw.migrate([...FIRST_RELEASE[kind], skipped])).rejects.toThrow(/misnumbered/);
    expect(await raw.version()).toBe(1);
  });
});

/**
 * A rollback, or a rolling restart with two releases on one database: a portal of the release
 * before the numbered migration files reads its version from portal_migration. After this
 * release migrates, that table must still say what the earlier portal expects, so it starts
 * (or, on a database it does not know, refuses to) instead of running its first migration again.
 */
describe('portal migrations (postgresql): the bookkeeping a portal of the previous release reads', () => {
  const { storage } = useStorage('postgresql');
  const pools: pg.Pool[] = [];
  afterEach(async () => {
    for (const pool of pools.splice(0)) await pool.end();
  });

  async function database() {
    const target = await storage();
    const pool = new pg.Pool({ connectionString: target.options.databaseUrl, max: 2 });
    pool.on('error', () => undefined);
    pools.push(pool);
    const previousReleaseReads = async () => (await pool.query<{ version: number }>(PREVIOUS_RELEASE_VERSION_QUERY)).rows[0]!.version;
    const tables = async () =>
      (await pool.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")).rows.map(
        (row) => row.name,
      );
    return { target, pool, previousReleaseReads, tables };
  }

  it('an empty database migrated to version 1 by the numbered files reads as version 1 to the previous release, which then starts without migrating', async () => {
    const { pool, previousReleaseReads, tables } = await database();
    await migratePostgres(pool, FIRST_RELEASE.postgresql);
    expect(await previousReleaseReads()).toBe(PREVIOUS_RELEASE_POSTGRES_VERSION);
    const tablesBefore = await tables();

    await expect(previousReleaseMigrate(pool)).resolves.toBe(PREVIOUS_RELEASE_POSTGRES_VERSION);
    expect(await tables()).toEqual(tablesBefore);
    // And back to the numbered files: nothing to do, both bookkeepings still agree.
    await migratePostgres(pool, FIRST_RELEASE.postgresql);
    expect((await pool.query<{ version: number }>('SELECT version FROM portal_schema_version')).rows).toEqual([{ version: 1 }]);
    expect(await previousReleaseReads()).toBe(PREVIOUS_RELEASE_POSTGRES_VERSION);
  });

  it('after this release’s migrations the previous release reads their version and refuses to start, rather than run its first migration again', async () => {
    const { target, pool, previousReleaseReads, tables } = await database();
    await (await target.open()).migrate();
    expect(await previousReleaseReads()).toBe(POSTGRES_MIGRATIONS.length);
    const tablesBefore = await tables();
    await expect(previousReleaseMigrate(pool)).rejects.toBeInstanceOf(StoreTooNewError);
    expect(await tables()).toEqual(tablesBefore);
  });

  it('a database the previous release made still reads as version 1 to it after the numbered files took it over', async () => {
    const { pool, previousReleaseReads } = await database();
    await expect(previousReleaseMigrate(pool)).resolves.toBe(0);
    await migratePostgres(pool, FIRST_RELEASE.postgresql);
    await migratePostgres(pool, FIRST_RELEASE.postgresql);
    expect(await previousReleaseReads()).toBe(PREVIOUS_RELEASE_POSTGRES_VERSION);
    await expect(previousReleaseMigrate(pool)).resolves.toBe(PREVIOUS_RELEASE_POSTGRES_VERSION);
  });

  it('after a migration the previous release does not know, it reads the new version and refuses to start, in the same transaction as the migration', async () => {
    const { pool, previousReleaseReads } = await database();
    const next: Migration = { version: 2, name: 'a column', sql: 'ALTER TABLE heartbeat ADD COLUMN note text;' };
    const broken: Migration = { version: 2, name: 'broken', sql: 'SELECT * FROM no_such_table;' };
    await expect(migratePostgres(pool, [...FIRST_RELEASE.postgresql, broken])).rejects.toThrow(/no_such_table/);
    expect(await previousReleaseReads()).toBe(1);

    await migratePostgres(pool, [...FIRST_RELEASE.postgresql, next]);
    expect(await previousReleaseReads()).toBe(2);
    await expect(previousReleaseMigrate(pool)).rejects.toBeInstanceOf(StoreTooNewError);
  });

  it('writes portal_migration again where it is missing, with every version reached', async () => {
    const { pool, previousReleaseReads } = await database();
    const migrations = [...FIRST_RELEASE.postgresql, { version: 2, name: 'a column', sql: 'ALTER TABLE heartbeat ADD COLUMN note text;' }];
    await migratePostgres(pool, migrations);
    await pool.query('DROP TABLE portal_migration');
    await migratePostgres(pool, migrations);
    expect((await pool.query<{ version: number }>('SELECT version FROM portal_migration ORDER BY version')).rows).toEqual([{ version: 1 }, { version: 2 }]);
    expect(await previousReleaseReads()).toBe(2);
  });
});
