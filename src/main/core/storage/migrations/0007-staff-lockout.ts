import type { Migration } from './index.js';

/**
 * Wrong PINs per staff id on this kiosk, so that five of them lock the id here and the lock holds
 * through a restart. `subject` is the staff id typed or read from a card; a card that no staff
 * record carries is counted as `card:<number>`, so it is refused exactly as a known one would be.
 * A right PIN deletes the row; nothing of the PIN is ever stored.
 */
export const staffLockoutMigration: Migration = {
  version: 7,
  name: 'staff-lockout',
  up(db) {
    db.exec(`
      CREATE TABLE staff_lockout (
        subject TEXT PRIMARY KEY,
        failed_attempts INTEGER NOT NULL CHECK (failed_attempts >= 0),
        last_failed_at TEXT NOT NULL,
        locked_until TEXT
      ) STRICT;
    `);
  },
};
