import type { Migration } from '../../migration.js';

/**
 * One-time kiosk enrolment codes: at most one per kiosk (a new code replaces the old), kept as a
 * salted scrypt hash and deleted when spent, so a code works once.
 */
export const enrolmentCodes: Migration = {
  version: 7,
  name: 'enrolment codes',
  sql: `CREATE TABLE enrolment_code (
     kiosk_code text PRIMARY KEY,
     code_salt text NOT NULL,
     code_hash text NOT NULL,
     created_at timestamptz NOT NULL,
     expires_at timestamptz NOT NULL
   );`,
};
