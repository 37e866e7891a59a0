import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations/index.js';

export type KioskDatabase = Database.Database;

/** Raised when the file was written by a newer app; opening it would risk corrupting it. */
export class DatabaseFromNewerVersionError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super(`database schema version ${fileVersion} is newer than this app supports (${appVersion})`);
    this.name = 'DatabaseFromNewerVersionError';
  }
}

/**
 * Opens the kiosk database with the settings a walk-in office needs: WAL so the sync writer never
 * blocks a reader, synchronous=FULL because a visitor told "saved" must stay saved through a power
 * cut, foreign keys enforced, and a busy timeout so two writers wait instead of failing.
 */
export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): KioskDatabase {
  const db = new Database(file, { timeout: 5000 });
  try {
    // Read before any pragma that writes: switching a newer app's file to WAL would already change it.
    refuseNewer(db, migrations);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function schemaVersion(db: KioskDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

const latestVersion = (migrations: readonly Migration[]) => (migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version);

function refuseNewer(db: KioskDatabase, migrations: readonly Migration[]): void {
  const current = schemaVersion(db);
  const latest = latestVersion(migrations);
  if (current > latest) throw new DatabaseFromNewerVersionError(current, latest);
}

/** Runs every migration above the stored version, each in its own transaction with its version bump. */
export function migrate(db: KioskDatabase, migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration ${migration.name} is numbered ${migration.version}, expected ${index + 1}`);
    }
  });
  refuseNewer(db, migrations);
  const current = schemaVersion(db);
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}
