import type pg from 'pg';
import { migrationAfter, StoreTooNewError, type Migration } from '../migration.js';
import { POSTGRES_MIGRATIONS } from './migrations/index.js';

/** pg_advisory_xact_lock key: every portal process migrating the same database queues on it. */
const MIGRATION_LOCK = 7_215_402_026;

/**
 * Brings the database up to `upTo` (default: the newest migration), one transaction per
 * migration, each holding the migration lock so several portal processes starting together take
 * turns. A database at a version this portal does not know is refused.
 */
export async function migratePostgres(pool: pg.Pool, migrations: readonly Migration[] = POSTGRES_MIGRATIONS, upTo = migrations.length): Promise<void> {
  for (;;) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const version = await postgresSchemaVersion(client);
      if (version > migrations.length) throw new StoreTooNewError(version, migrations.length);
      const next = version < upTo ? migrationAfter(migrations, version) : undefined;
      if (next) {
        await client.query(next.sql);
        await client.query('UPDATE portal_schema_version SET version = $1', [next.version]);
      }
      await client.query('COMMIT');
      if (!next) return;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

/**
 * The schema version, from its one-row table. A database from before that table kept one row per
 * migration in portal_migration: its highest number is taken over and the old table dropped, in
 * the caller's transaction. Call with the migration lock held.
 */
export async function postgresSchemaVersion(client: pg.ClientBase): Promise<number> {
  await client.query(
    'CREATE TABLE IF NOT EXISTS portal_schema_version (version integer NOT NULL, singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton))',
  );
  const { rows } = await client.query<{ version: number }>('SELECT version FROM portal_schema_version');
  if (rows[0]) return rows[0].version;
  let version = 0;
  const legacy = await client.query<{ present: boolean }>("SELECT to_regclass('portal_migration') IS NOT NULL AS present");
  if (legacy.rows[0]!.present) {
    const recorded = await client.query<{ version: number }>('SELECT coalesce(max(version), 0)::integer AS version FROM portal_migration');
    version = recorded.rows[0]!.version;
    await client.query('DROP TABLE portal_migration');
  }
  await client.query('INSERT INTO portal_schema_version (version) VALUES ($1)', [version]);
  return version;
}
