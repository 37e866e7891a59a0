/**
 * One schema change: its number (1, 2, … in order, never reused) and its SQL. A released migration
 * is never edited; a change is a new file. Each runs in its own transaction with the version it
 * reaches, so a failure leaves the database at the version before it.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Thrown by migrate() when the database was written by a newer portal: never downgrade data in place. */
export class StoreTooNewError extends Error {
  constructor(found: number, known: number) {
    super(`The portal database is at schema version ${found}, but this portal knows only up to ${known}. Run a newer portal.`);
    this.name = 'StoreTooNewError';
  }
}

/** The migration that follows `version`, checked to be numbered in order. */
export function migrationAfter(migrations: readonly Migration[], version: number): Migration {
  const next = migrations[version];
  if (next?.version !== version + 1) throw new Error(`portal migrations are misnumbered: expected ${version + 1} at position ${version + 1}`);
  return next;
}
