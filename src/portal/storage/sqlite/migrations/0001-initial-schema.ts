import type { Migration } from '../../migration.js';

/** Credentials (hashes only), submissions (sealed, as received) and heartbeats: the schema the portal has had since its first release. */
export const initialSchema: Migration = {
  version: 1,
  name: 'initial schema',
  sql: `CREATE TABLE kiosk_credential (
     secret_hash TEXT PRIMARY KEY,
     kiosk_code TEXT NOT NULL,
     issued_at TEXT NOT NULL,
     revoked_at TEXT
   ) STRICT;
   CREATE INDEX kiosk_credential_by_kiosk ON kiosk_credential (kiosk_code);

   CREATE TABLE submission (
     id TEXT PRIMARY KEY,
     receipt_number TEXT NOT NULL UNIQUE,
     kiosk_code TEXT NOT NULL,
     service_id TEXT NOT NULL,
     form_id TEXT NOT NULL,
     form_version INTEGER NOT NULL,
     content_version INTEGER NOT NULL,
     privacy_policy_version TEXT NOT NULL,
     user_agreement_version TEXT NOT NULL,
     language TEXT NOT NULL,
     created_at TEXT NOT NULL,
     sealed_format TEXT NOT NULL,
     sealed_key_id TEXT NOT NULL,
     sealed BLOB NOT NULL,
     body_hash TEXT NOT NULL,
     accepted_at TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('received', 'processing', 'ready', 'rejected')),
     status_updated_at TEXT NOT NULL
   ) STRICT;

   CREATE TABLE heartbeat (
     seq INTEGER PRIMARY KEY,
     kiosk_code TEXT NOT NULL,
     received_at TEXT NOT NULL,
     app_version TEXT NOT NULL,
     content_version INTEGER,
     queue_depth INTEGER NOT NULL,
     oldest_queued_age_seconds REAL,
     quarantined INTEGER NOT NULL,
     last_sync_at TEXT,
     printer_state TEXT NOT NULL
   ) STRICT;
   CREATE INDEX heartbeat_by_kiosk ON heartbeat (kiosk_code, seq);`,
};
