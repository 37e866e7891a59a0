import type { Migration } from '../../migration.js';

/**
 * The back office's accounts, their sessions (the SHA-256 of each session id, never the id) and
 * sign-in failures by username, known or not, so an unknown name is locked like a known one.
 */
export const backOfficeAccounts: Migration = {
  version: 5,
  name: 'back office accounts',
  sql: `CREATE TABLE backoffice_user (
     id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     username text NOT NULL UNIQUE,
     role text NOT NULL CHECK (role IN ('officer', 'administrator')),
     password_hash text NOT NULL,
     created_at timestamptz NOT NULL,
     disabled_at timestamptz
   );
   CREATE TABLE backoffice_session (
     id_hash text PRIMARY KEY,
     user_id bigint NOT NULL REFERENCES backoffice_user (id) ON DELETE CASCADE,
     csrf_token text NOT NULL,
     created_at timestamptz NOT NULL,
     last_seen_at timestamptz NOT NULL
   );
   CREATE INDEX backoffice_session_user ON backoffice_session (user_id);
   CREATE TABLE backoffice_sign_in_failure (
     username text PRIMARY KEY,
     failures integer NOT NULL CHECK (failures >= 0),
     locked_until timestamptz
   );`,
};
