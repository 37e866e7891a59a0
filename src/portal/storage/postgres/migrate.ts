import type pg from 'pg';
import { migrationAfter, StoreTooNewError, type Migration } from '../migration.js';
import { POSTGRES_MIGRATIONS } from './migrations/index.js';

/** pg_advisory_xact_lock key: every portal process migrating the same database queues on it (releases before this one too). */
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
        await recordInLegacyBookkeeping(client, next.version);
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
 * migration in portal_migration: its highest number is taken over. portal_migration stays and is
 * kept in step, because a portal of an earlier release reads it (a rollback, or a rolling restart
 * with both releases on one database): without it that portal would run its first migration
 * again and fail instead of starting, and at a version it does not know it refuses to start.
 * Call with the migration lock held, in the caller's transaction.
 */
export async function postgresSchemaVersion(client: pg.ClientBase): Promise<number> {
  await client.query(
    'CREATE TABLE IF NOT EXISTS portal_schema_version (version integer NOT NULL, singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton))',
  );
  const { rows } = await client.query<{ version: number }>('SELECT version FROM portal_schema_version');
  let version = rows[0]?.version;
  if (version === undefined) {
    const legacy = await client.query<{ present: boolean }>("SELECT to_regclass('portal_migration') IS NOT NULL AS present");
    const recorded = legacy.rows[0]!.present
      ? await client.query<{ version: number }>('SELECT coalesce(max(version), 0)::integer AS version FROM portal_migration')
      : undefined;
    version = recorded?.rows[0]!.version ?? 0;
    await client.query('INSERT INTO portal_schema_version (version) VALUES ($1)', [version]);
  }
  await recordInLegacyBookkeeping(client, version);
  return version;
}

/**
 * portal_migration as earlier releases wrote it: one row per migration run, 1 to `version`. Also
 * restores rows a database lost when an earlier build of this runner dropped the table.
 */
async function recordInLegacyBookkeeping(client: pg.ClientBase, version: number): Promise<void> {
  await client.query('CREATE TABLE IF NOT EXISTS portal_migration (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  await client.query('INSERT INTO portal_migration (version) SELECT generate_series(1, $1::integer) ON CONFLICT DO NOTHING', [version]);
}
