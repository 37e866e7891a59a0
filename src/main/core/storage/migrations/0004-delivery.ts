import type { Migration } from './index.js';

/** Delivery bookkeeping for the outbox: when to try next, how often it was tried, and why it stopped. */
export const deliveryMigration: Migration = {
  version: 4,
  name: 'delivery',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE outbox ADD COLUMN next_attempt_at TEXT;
      ALTER TABLE outbox ADD COLUMN last_error TEXT;
      ALTER TABLE outbox ADD COLUMN delivered_at TEXT;
      ALTER TABLE outbox ADD COLUMN quarantine_reason TEXT;
      CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
    `);
  },
};
