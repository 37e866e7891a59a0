import type { Migration } from '../../migration.js';

/**
 * For the fleet page: the free disk a kiosk reports with each heartbeat (null for kiosks that do
 * not say), and the kiosks' error entries by arrival, so the page's recent errors read a few rows
 * of a partial index, not a scan of every kiosk's whole chain. The kinds are FLEET_ERROR_KINDS
 * (a migration is never edited, so they are written out here).
 */
export const fleetFreeDiskAndErrors: Migration = {
  version: 11,
  name: 'fleet free disk and recent errors',
  sql: `ALTER TABLE heartbeat ADD COLUMN free_disk_bytes INTEGER;
   CREATE INDEX audit_chain_entry_fleet_errors ON audit_chain_entry (received_at) WHERE kind IN ('sync_alarm', 'content_refused', 'staff_list_refused');`,
};
