import type { Migration } from '../../migration.js';

/**
 * Credentials (hashes only), submissions (sealed, as received) and heartbeats: the schema the
 * portal has had since its first release. Numbers the kiosk chooses are bigint (the contract
 * allows any safe integer) and texts the kiosk sends stay text (an ISO date the contract allows may
 * still be out of PostgreSQL's timestamp range), so valid input never fails in the database.
 */
export const initialSchema: Migration = {
  version: 1,
  name: 'initial schema',
  sql: `CREATE TABLE kiosk_credential (
     secret_hash text PRIMARY KEY,
     kiosk_code text NOT NULL,
     issued_at timestamptz NOT NULL,
     revoked_at timestamptz
   );
   CREATE INDEX kiosk_credential_by_kiosk ON kiosk_credential (kiosk_code);

   CREATE TABLE submission (
     id uuid PRIMARY KEY,
     receipt_number text NOT NULL UNIQUE,
     kiosk_code text NOT NULL,
     service_id text NOT NULL,
     form_id text NOT NULL,
     form_version bigint NOT NULL,
     content_version bigint NOT NULL,
     privacy_policy_version text NOT NULL,
     user_agreement_version text NOT NULL,
     language text NOT NULL,
     created_at text NOT NULL,
     sealed_format text NOT NULL,
     sealed_key_id text NOT NULL,
     sealed bytea NOT NULL,
     body_hash text NOT NULL,
     accepted_at timestamptz NOT NULL,
     status text NOT NULL CHECK (status IN ('received', 'processing', 'ready', 'rejected')),
     status_updated_at timestamptz NOT NULL
   );

   CREATE TABLE heartbeat (
     seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     kiosk_code text NOT NULL,
     received_at timestamptz NOT NULL,
     app_version text NOT NULL,
     content_version bigint,
     queue_depth bigint NOT NULL,
     oldest_queued_age_seconds double precision,
     quarantined bigint NOT NULL,
     last_sync_at text,
     printer_state text NOT NULL
   );
   CREATE INDEX heartbeat_by_kiosk ON heartbeat (kiosk_code, seq);`,
};
