import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/portal/backoffice/password-hash.js';
import { migratePostgres } from '../../src/portal/storage/postgres/migrate.js';
import { POSTGRES_MIGRATIONS } from '../../src/portal/storage/postgres/migrations/index.js';
import { migrateSqlite, sqliteSchemaVersion } from '../../src/portal/storage/sqlite/migrate.js';
import { SQLITE_MIGRATIONS } from '../../src/portal/storage/sqlite/migrations/index.js';
import { makeSubmission, STORE_KINDS, useStorage } from './support.js';

/** 0005 adds the back office's accounts, sessions and sign-in failures to a portal database that already holds submissions. */
describe.each(STORE_KINDS)('portal migration 0005, back office accounts (%s)', (kind) => {
  const { storage } = useStorage(kind);

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

  it('is number 5 in both lists and adds accounts to a database at 4, keeping what it held', async () => {
    expect(SQLITE_MIGRATIONS[4]).toMatchObject({ version: 5, name: 'back office accounts' });
    expect(POSTGRES_MIGRATIONS[4]).toMatchObject({ version: 5, name: 'back office accounts' });
    const target = await storage();
    expect(await migrateTo(target.options, 4)).toBe(4);
    const before = await target.open();
    const request = await makeSubmission('BSK1');
    expect((await before.acceptSubmission('BSK1', request, 'hash', new Date())).outcome).toBe('created');
    await before.close();

    expect(await migrateTo(target.options, 5)).toBe(5);
    const store = await target.open();
    await store.migrate();
    expect(await store.submission(request.id)).toMatchObject({ id: request.id });
    const accounts = store.backOfficeAccounts;
    const passwordHash = await hashPassword('a long enough passphrase');
    expect(await accounts.createAccount({ username: 'aigul', role: 'officer', passwordHash, createdAt: '2026-12-01T08:00:00.000Z' })).toBe('created');
    expect(await accounts.createAccount({ username: 'aigul', role: 'administrator', passwordHash, createdAt: '2026-12-01T08:00:00.000Z' })).toBe('username-taken');
    // Only the two roles the back office knows.
    await expect(accounts.createAccount({ username: 'clerk', role: 'clerk' as never, passwordHash, createdAt: '2026-12-01T08:00:00.000Z' })).rejects.toThrow();
    const account = (await accounts.account('aigul'))!;
    expect(account).toMatchObject({ username: 'aigul', role: 'officer', passwordHash, disabledAt: null });
    await accounts.createSession({ idHash: 'a'.repeat(64), accountId: account.id, csrfToken: 'c'.repeat(43), createdAt: new Date('2026-12-01T08:00:00.000Z') });
    expect(await accounts.session('a'.repeat(64))).toMatchObject({ lastSeenAt: '2026-12-01T08:00:00.000Z', account: { username: 'aigul' } });
    const policy = { lockAfter: 1, lockUntil: new Date('2026-12-01T08:15:00.000Z'), now: new Date('2026-12-01T08:00:00.000Z') };
    expect(await accounts.countAttempt('nobody', policy)).toEqual({ attempt: 1, lockedUntil: null });
    expect(await accounts.countAttempt('nobody', policy)).toEqual({ attempt: 2, lockedUntil: '2026-12-01T08:15:00.000Z' });
  });
});
