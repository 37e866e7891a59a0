import type { Migration } from './index.js';

export const catalogueMigration: Migration = {
  version: 1,
  name: 'catalogue',
  up(db) {
    db.exec(`
      CREATE TABLE service (
        id TEXT PRIMARY KEY,
        sort_order INTEGER NOT NULL,
        price_som INTEGER NOT NULL CHECK (price_som >= 0),
        processing_days INTEGER NOT NULL CHECK (processing_days >= 0),
        is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1))
      ) STRICT;
      CREATE TABLE service_text (
        service_id TEXT NOT NULL REFERENCES service(id) ON DELETE CASCADE,
        language TEXT NOT NULL CHECK (language IN ('ky', 'ru', 'en')),
        title TEXT NOT NULL,
        summary TEXT NOT NULL,
        PRIMARY KEY (service_id, language)
      ) STRICT;
      CREATE TABLE kiosk_setting (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
