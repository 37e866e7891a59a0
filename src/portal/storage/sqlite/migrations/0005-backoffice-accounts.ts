import type { Migration } from '../../migration.js';

/**
 * The back office's accounts, their sessions (the SHA-256 of each session id, never the id) and
 * sign-in failures by username, known or not, so an unknown name is locked like a known one.
 */
export const backOfficeAccounts: Migration = {
  version: 5,
  name: 'back office accounts',
  sql: `CREATE TABLE backoffice_user (
     id INTEGER PRIMARY KEY,
     username TEXT NOT NULL UNIQUE,
     role TEXT NOT NULL CHECK (role IN ('officer', 'administrator')),
     password_hash TEXT NOT NULL,
     created_at TEXT NOT NULL,
     disabled_at TEXT
   ) STRICT;
   CREATE TABLE backoffice_session (
     id_hash TEXT PRIMARY KEY,
     user_id INTEGER NOT NULL REFERENCES backoffice_user (id) ON DELETE CASCADE,
     csrf_token TEXT NOT NULL,
     created_at TEXT NOT NULL,
     last_seen_at TEXT NOT NULL
   ) STRICT;
   CREATE INDEX backoffice_session_user ON backoffice_session (user_id);
   CREATE TABLE backoffice_sign_in_failure (
     username TEXT PRIMARY KEY,
     failures INTEGER NOT NULL CHECK (failures >= 0),
     locked_until TEXT
   ) STRICT;`,
};
