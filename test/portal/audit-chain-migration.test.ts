import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migratePostgres } from '../../src/portal/storage/postgres/migrate.js';
import { POSTGRES_MIGRATIONS } from '../../src/portal/storage/postgres/migrations/index.js';
import { migrateSqlite, sqliteSchemaVersion } from '../../src/portal/storage/sqlite/migrate.js';
import { SQLITE_MIGRATIONS } from '../../src/portal/storage/sqlite/migrations/index.js';
import { chainOf, headOf } from './audit-fixtures.js';
import { makeSubmission, STORE_KINDS, useStorage } from './support.js';

/** 0004 adds each kiosk's audit chain to a portal database that already holds submissions, in both dialects. */
describe.each(STORE_KINDS)('portal migration 0004, the audit chain (%s)', (kind) => {
  const { storage } = useStorage(kind);

  /** Migrates the storage to `upTo` with its own connection, closed before the store opens it. */
  async function migrateTo(options: { sqliteFile: string; databaseUrl?: string | undefined }, upTo: number): Promise<number> {
    if (kind === 'sqlite') {
      const db = new Database(options.sqliteFile);
      migrateSqlite(db, SQLITE_MIGRATIONS, upTo);
      const version = sqliteSchemaVersion(db);
      db.close();
      return version;
    }
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 1 });
    await migratePostgres(pool, POSTGRES_MIGRATIONS, upTo);
    const version = (await pool.query<{ version: number }>('SELECT version FROM portal_schema_version')).rows[0]!.version;
    await pool.end();
    return version;
  }

  it('is number 4 in both lists and adds the chain table to a database at 3, keeping what it held', async () => {
    expect(SQLITE_MIGRATIONS[3]).toMatchObject({ version: 4, name: 'audit chain' });
    expect(POSTGRES_MIGRATIONS[3]).toMatchObject({ version: 4, name: 'audit chain' });
    const target = await storage();
    expect(await migrateTo(target.options, 3)).toBe(3);
    const before = await target.open();
    const request = await makeSubmission('BSK1');
    expect((await before.acceptSubmission('BSK1', request, 'hash', new Date())).outcome).toBe('created');
    await before.close();

    expect(await migrateTo(target.options, 4)).toBe(4);
    const store = await target.open();
    await store.migrate();
    expect(await store.submission(request.id)).toMatchObject({ id: request.id });
    const chain = chainOf(3);
    expect(await store.auditChain.append('BSK1', chain, new Date())).toBe('appended');
    expect(await store.auditChain.head('BSK1')).toEqual(headOf(chain));
    // The key (kiosk, seq): a second entry at a stored seq is refused and takes the rest of its append with it.
    expect(await store.auditChain.append('BSK1', [...chainOf(4).slice(3), chain[2]!], new Date())).toBe('head-moved');
    expect(await store.auditChain.entries('BSK1', 1, 100, 100)).toEqual(chain);
  });
});
