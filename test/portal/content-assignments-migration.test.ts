import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migratePostgres } from '../../src/portal/storage/postgres/migrate.js';
import { POSTGRES_MIGRATIONS } from '../../src/portal/storage/postgres/migrations/index.js';
import { migrateSqlite } from '../../src/portal/storage/sqlite/migrate.js';
import { SQLITE_MIGRATIONS } from '../../src/portal/storage/sqlite/migrations/index.js';
import { STORE_KINDS, useStorage, validHeartbeat } from './support.js';

/**
 * 0010 brings the staged rollout's assignments to a portal database that already has kiosks and
 * heartbeats, in both dialects: nothing is assigned, so the newest version still reaches all,
 * and the table refuses a target kind it does not know.
 */
describe.each(STORE_KINDS)('portal migration 0010, content assignments (%s)', (kind) => {
  const { storage } = useStorage(kind);
  const index = SQLITE_MIGRATIONS.findIndex((migration) => migration.name === 'content assignments');

  async function onDatabase(options: { sqliteFile: string; databaseUrl?: string | undefined }, upTo: number, sql: string): Promise<void> {
    if (kind === 'sqlite') {
      const db = new Database(options.sqliteFile);
      try {
        migrateSqlite(db, SQLITE_MIGRATIONS, upTo);
        if (sql) db.exec(sql);
      } finally {
        db.close();
      }
      return;
    }
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 1 });
    try {
      await migratePostgres(pool, POSTGRES_MIGRATIONS, upTo);
      if (sql) await pool.query(sql);
    } finally {
      await pool.end();
    }
  }

  it('is number 10 in both lists, starts with nothing assigned, keeps what kiosks reported, and refuses an unknown target', async () => {
    expect(SQLITE_MIGRATIONS[index]).toMatchObject({ version: 10, name: 'content assignments' });
    expect(POSTGRES_MIGRATIONS[index]).toMatchObject({ version: 10, name: 'content assignments' });
    const target = await storage();
    // Written as the portal of 0009 wrote them: a later migration's columns are not there yet.
    await onDatabase(
      target.options,
      index,
      `INSERT INTO kiosk_credential (secret_hash, kiosk_code, issued_at, revoked_at) VALUES ('${'a'.repeat(64)}', 'BSK1', '2026-12-01T07:00:00.000Z', NULL);
       INSERT INTO heartbeat (kiosk_code, received_at, app_version, content_version, queue_depth, oldest_queued_age_seconds, quarantined, last_sync_at, printer_state, screen_failures, unavailable_services)
       VALUES ('BSK1', '2026-12-01T08:00:00.000Z', '${validHeartbeat.appVersion}', 7, 0, NULL, 0, NULL, '${validHeartbeat.printerState}', NULL, NULL)`,
    );

    const store = await target.open();
    await store.migrate();
    expect(await store.contentRollout.assignments()).toEqual([]);
    expect(await store.contentRollout.kioskReports()).toEqual([{ kioskCode: 'BSK1', contentVersion: 7, reportedAt: '2026-12-01T08:00:00.000Z' }]);
    await store.close();
    await expect(onDatabase(target.options, index + 1, "INSERT INTO content_assignment VALUES ('region', 'X', 1, '2026-12-01T08:00:00.000Z', 'user:1')")).rejects.toThrow(/CHECK|check/);
  });
});
