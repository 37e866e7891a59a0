import type Database from 'better-sqlite3';
import { migrationAfter, StoreTooNewError, type Migration } from '../migration.js';
import { SQLITE_MIGRATIONS } from './migrations/index.js';

/**
 * Brings the file up to `upTo` (default: the newest migration), one IMMEDIATE transaction per
 * migration. The version is read inside each transaction: another process may have migrated
 * meanwhile. A file at a version this portal does not know is refused.
 */
export function migrateSqlite(db: Database.Database, migrations: readonly Migration[] = SQLITE_MIGRATIONS, upTo = migrations.length): void {
  const step = db.transaction((): boolean => {
    const version = sqliteSchemaVersion(db);
    if (version > migrations.length) throw new StoreTooNewError(version, migrations.length);
    if (version >= upTo) return false;
    const next = migrationAfter(migrations, version);
    db.exec(next.sql);
    db.pragma(`user_version = ${next.version}`);
    return true;
  });
  while (step.immediate()) {
    // one migration per transaction
  }
}

export function sqliteSchemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
