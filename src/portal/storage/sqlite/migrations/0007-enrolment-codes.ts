import type { Migration } from '../../migration.js';

/**
 * One-time kiosk enrolment codes: at most one per kiosk (a new code replaces the old), kept as a
 * salted scrypt hash and deleted when spent, so a code works once.
 */
export const enrolmentCodes: Migration = {
  version: 7,
  name: 'enrolment codes',
  sql: `CREATE TABLE enrolment_code (
     kiosk_code TEXT PRIMARY KEY,
     code_salt TEXT NOT NULL,
     code_hash TEXT NOT NULL,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL
   ) STRICT;`,
};
