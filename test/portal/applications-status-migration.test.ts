import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migratePostgres } from '../../src/portal/storage/postgres/migrate.js';
import { POSTGRES_MIGRATIONS } from '../../src/portal/storage/postgres/migrations/index.js';
import { migrateSqlite } from '../../src/portal/storage/sqlite/migrate.js';
import { SQLITE_MIGRATIONS } from '../../src/portal/storage/sqlite/migrations/index.js';
import { makeSubmission, STORE_KINDS, useStorage } from './support.js';

/** 0006 brings the six statuses to a portal database that already holds applications in the four first words, in both dialects. */
describe.each(STORE_KINDS)('portal migration 0006, the application status workflow (%s)', (kind) => {
  const { storage } = useStorage(kind);

  async function onDatabase(options: { sqliteFile: string; databaseUrl?: string | undefined }, upTo: number, sql: string[] = []): Promise<void> {
    if (kind === 'sqlite') {
      const db = new Database(options.sqliteFile);
      migrateSqlite(db, SQLITE_MIGRATIONS, upTo);
      for (const statement of sql) db.exec(statement);
      db.close();
      return;
    }
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 1 });
    await migratePostgres(pool, POSTGRES_MIGRATIONS, upTo);
    for (const statement of sql) await pool.query(statement);
    await pool.end();
  }

  it('is number 6 in both lists and reads each stored status as the nearest of the six', async () => {
    expect(SQLITE_MIGRATIONS[5]).toMatchObject({ version: 6, name: 'application status' });
    expect(POSTGRES_MIGRATIONS[5]).toMatchObject({ version: 6, name: 'application status' });
    const target = await storage();
    await onDatabase(target.options, 5);
    const before = await target.open();
    const requests = await Promise.all(['received', 'processing', 'ready', 'rejected'].map(() => makeSubmission('BSK1')));
    for (const request of requests) await before.acceptSubmission('BSK1', request, 'hash', new Date());
    await before.close();
    const [, processing, ready, rejected] = requests;
    await onDatabase(target.options, 5, [
      `UPDATE submission SET status = 'processing' WHERE receipt_number = '${processing!.receiptNumber}'`,
      `UPDATE submission SET status = 'ready' WHERE receipt_number = '${ready!.receiptNumber}'`,
      `UPDATE submission SET status = 'rejected' WHERE receipt_number = '${rejected!.receiptNumber}'`,
    ]);

    const store = await target.open();
    await store.migrate();
    const statuses = await Promise.all(requests.map(async (request) => (await store.applications.current(request.receiptNumber))?.status));
    expect(statuses).toEqual(['received', 'in-review', 'ready-for-pickup', 'rejected']);
    // Nothing was changed by anyone: the history and the portal's trail start empty.
    expect(await store.applications.history(processing!.id)).toEqual([]);
    expect(await store.portalAudit.entries(0, 10)).toEqual([]);
    // A submission after the migration starts at received.
    const later = await makeSubmission('BSK1');
    await store.acceptSubmission('BSK1', later, 'hash', new Date());
    expect(await store.applications.current(later.receiptNumber)).toMatchObject({ status: 'received', reasonId: null });
  });
});
