import type { Migration } from '../../migration.js';

/**
 * The staged rollout of content: which published version each target is assigned, one row per
 * target (all kiosks: code ''; an office: its three-character code; a kiosk: its code). A new
 * assignment of a target replaces its row; who made it stays beside it (and in the audit trail).
 */
export const contentAssignments: Migration = {
  version: 10,
  name: 'content assignments',
  sql: `CREATE TABLE content_assignment (
     target_kind text NOT NULL CHECK (target_kind IN ('all', 'office', 'kiosk')),
     target_code text NOT NULL,
     version integer NOT NULL CHECK (version >= 0),
     assigned_at timestamptz NOT NULL,
     assigned_by text NOT NULL,
     PRIMARY KEY (target_kind, target_code)
   );`,
};
