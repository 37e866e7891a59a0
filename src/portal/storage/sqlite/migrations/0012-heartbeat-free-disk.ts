import type { Migration } from '../../migration.js';

/** The free disk a kiosk reports with each heartbeat, for the fleet's disk-low alarm. Null for kiosks that do not say. */
export const heartbeatFreeDisk: Migration = {
  version: 12,
  name: 'heartbeat free disk',
  sql: `ALTER TABLE heartbeat ADD COLUMN free_disk_bytes INTEGER;`,
};
