import type { Migration } from './index.js';

/**
 * The first problem of a refused package, as data (file, path, rule, values): the service panel
 * words it in the administrator's language instead of showing the host's English sentence.
 */
export const contentProblemMigration: Migration = {
  version: 5,
  name: 'content-problem',
  up(db) {
    db.exec('ALTER TABLE content_event ADD COLUMN problem TEXT');
  },
};
