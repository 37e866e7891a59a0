import type { Migration } from './index.js';

/**
 * The outbox of sealed applications. Only non-personal metadata is in clear: what was applied
 * for, under which content and consent versions, when, and the receipt number. The answers are
 * in `sealed`, readable only by the portal; after delivery that column is emptied.
 */
export const outboxMigration: Migration = {
  version: 3,
  name: 'outbox',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        id TEXT PRIMARY KEY,
        receipt_number TEXT NOT NULL UNIQUE,
        service_id TEXT NOT NULL,
        form_id TEXT NOT NULL,
        form_version INTEGER NOT NULL,
        content_version INTEGER NOT NULL,
        privacy_policy_version TEXT NOT NULL,
        user_agreement_version TEXT NOT NULL,
        language TEXT NOT NULL CHECK (language IN ('ky', 'ru', 'en')),
        created_at TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'delivered', 'quarantined')),
        sealed BLOB,
        sealed_format TEXT NOT NULL,
        sealed_key_id TEXT NOT NULL,
        CHECK (state = 'delivered' OR sealed IS NOT NULL)
      ) STRICT;
      CREATE INDEX outbox_state ON outbox (state, created_at);
    `);
  },
};
