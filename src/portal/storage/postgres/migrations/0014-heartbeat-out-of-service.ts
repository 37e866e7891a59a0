import type { Migration } from '../../migration.js';

/**
 * A kiosk out of service (its database damaged, or written by a newer app) still reports, but
 * cannot read its queue: its queue depth and quarantined count are NULL, unknown, where 0 would
 * tell the fleet page its queue is empty while undelivered applications wait in the unusable
 * file. Its operator code is stored beside the alarm.
 */
export const heartbeatOutOfService: Migration = {
  version: 14,
  name: 'heartbeat from a kiosk out of service',
  sql: `ALTER TABLE heartbeat ALTER COLUMN queue_depth DROP NOT NULL;
   ALTER TABLE heartbeat ALTER COLUMN quarantined DROP NOT NULL;
   ALTER TABLE heartbeat ADD COLUMN out_of_service_code text;`,
};
