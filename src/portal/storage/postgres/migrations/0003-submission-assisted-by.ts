import type { Migration } from '../../migration.js';

/** The staff id of the clerk who filled a submission for the visitor. Null for a visitor alone, for a kiosk that does not say, and for rows before it. */
export const submissionAssistedBy: Migration = {
  version: 3,
  name: 'submission assisted by',
  sql: `ALTER TABLE submission ADD COLUMN assisted_by text;`,
};
