import type { Migration } from '../../migration.js';

/**
 * For the fleet page: where each kiosk's software update stands (its state and the version it is
 * fetching or holds ready), and the alarms the kiosk raises about itself (a full disk, a log that
 * cannot be written, its out-of-service screen), as their codes joined by spaces. NULL for the
 * heartbeats of kiosks that do not say.
 */
export const heartbeatUpdateAndAlarms: Migration = {
  version: 13,
  name: 'heartbeat update state and kiosk alarms',
  sql: `ALTER TABLE heartbeat ADD COLUMN update_state text;
   ALTER TABLE heartbeat ADD COLUMN update_version text;
   ALTER TABLE heartbeat ADD COLUMN kiosk_alarms text;`,
};
