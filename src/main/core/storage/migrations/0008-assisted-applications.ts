import type { Migration } from './index.js';

/**
 * Assisted applications and reprints. `assisted_by` is the staff id of the clerk who filled the
 * application for the visitor (null for a visitor alone), the envelope's `assistedBy`. The host
 * knows a reprint from the first print by `receipt_prints`: how many times this kiosk has printed
 * (or saved) the receipt; a print when it is already 1 or more is a reprint. A print that failed
 * does not count, since no paper left the kiosk. The queue lists the newest first, hence the index.
 */
export const assistedApplicationsMigration: Migration = {
  version: 8,
  name: 'assisted-applications',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN assisted_by TEXT
        CHECK (assisted_by IS NULL OR (length(assisted_by) BETWEEN 4 AND 8 AND assisted_by NOT GLOB '*[^0-9]*'));
      ALTER TABLE outbox ADD COLUMN receipt_prints INTEGER NOT NULL DEFAULT 0 CHECK (receipt_prints >= 0);
      CREATE INDEX outbox_newest ON outbox (created_at DESC, id DESC);
    `);
  },
};
