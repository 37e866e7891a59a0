import type { Migration } from './index.js';

/**
 * The catalogue now arrives only in signed content packages. A package is stored whole (manifest,
 * signature, every part) so the active one can be re-verified, served offline and kept as the
 * previous one when a newer package is applied; the demo tables of version 1 go.
 */
export const contentPackagesMigration: Migration = {
  version: 2,
  name: 'content-packages',
  up(db) {
    db.exec(`
      DROP TABLE service_text;
      DROP TABLE service;
      CREATE TABLE content_package (
        version INTEGER PRIMARY KEY,
        key_id TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('bundled', 'portal', 'folder')),
        manifest BLOB NOT NULL,
        signature BLOB NOT NULL,
        expires TEXT NOT NULL,
        applied_at TEXT NOT NULL,
        is_active INTEGER NOT NULL CHECK (is_active IN (0, 1))
      ) STRICT;
      CREATE UNIQUE INDEX content_package_one_active ON content_package (is_active) WHERE is_active = 1;
      CREATE TABLE content_part (
        package_version INTEGER NOT NULL REFERENCES content_package (version) ON DELETE CASCADE,
        path TEXT NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (package_version, path)
      ) STRICT;
      CREATE TABLE content_event (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        source TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'rejected', 'failed')),
        version INTEGER,
        code TEXT,
        detail TEXT
      ) STRICT;
    `);
  },
};
