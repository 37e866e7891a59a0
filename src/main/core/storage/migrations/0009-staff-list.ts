import type { Migration } from './index.js';

/**
 * The one signed staff list this kiosk holds (GET /v1/staff-list), kept as it arrived so that it is
 * verified again at every start: `signed` is the signed answer's JSON (document, key id, signature),
 * the other columns are read from the document once it verified, for the panel and the next poll.
 * `etag` is the portal's ETag of that list, so the first poll after a restart is answered 304
 * rather than refused as not newer. One row at most (id 1); a newer list replaces it.
 * The records hold display names, card numbers and PIN hashes, as the content package on disk does.
 */
export const staffListMigration: Migration = {
  version: 9,
  name: 'staff-list',
  up(db) {
    db.exec(`
      CREATE TABLE staff_list (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        signed TEXT NOT NULL,
        office_code TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        issued_at TEXT NOT NULL,
        applied_at TEXT NOT NULL,
        etag TEXT
      ) STRICT;
    `);
  },
};
