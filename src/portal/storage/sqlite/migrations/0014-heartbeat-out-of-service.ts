import type { Migration } from '../../migration.js';

/**
 * A kiosk out of service (its database damaged, or written by a newer app) still reports, but
 * cannot read its queue: its queue depth and quarantined count are NULL, unknown, where 0 would
 * tell the fleet page its queue is empty while undelivered applications wait in the unusable
 * file. Its operator code is stored beside the alarm. SQLite cannot drop NOT NULL in place, so
 * the table is rebuilt as its documented procedure does (a new table, the rows copied with their
 * sequence numbers, the old one dropped, the index made again), inside the migration's transaction.
 */
export const heartbeatOutOfService: Migration = {
  version: 14,
  name: 'heartbeat from a kiosk out of service',
  sql: `CREATE TABLE heartbeat_rebuilt (
     seq INTEGER PRIMARY KEY,
     kiosk_code TEXT NOT NULL,
     received_at TEXT NOT NULL,
     app_version TEXT NOT NULL,
     content_version INTEGER,
     queue_depth INTEGER,
     oldest_queued_age_seconds REAL,
     quarantined INTEGER,
     last_sync_at TEXT,
     printer_state TEXT NOT NULL,
     screen_failures INTEGER,
     unavailable_services INTEGER,
     free_disk_bytes INTEGER,
     update_state TEXT,
     update_version TEXT,
     kiosk_alarms TEXT,
     out_of_service_code TEXT
   ) STRICT;
   INSERT INTO heartbeat_rebuilt (seq, kiosk_code, received_at, app_version, content_version, queue_depth, oldest_queued_age_seconds, quarantined,
                                  last_sync_at, printer_state, screen_failures, unavailable_services, free_disk_bytes, update_state, update_version, kiosk_alarms)
     SELECT seq, kiosk_code, received_at, app_version, content_version, queue_depth, oldest_queued_age_seconds, quarantined,
            last_sync_at, printer_state, screen_failures, unavailable_services, free_disk_bytes, update_state, update_version, kiosk_alarms
     FROM heartbeat;
   DROP TABLE heartbeat;
   ALTER TABLE heartbeat_rebuilt RENAME TO heartbeat;
   CREATE INDEX heartbeat_by_kiosk ON heartbeat (kiosk_code, seq);`,
};
