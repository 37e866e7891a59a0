import type { Migration } from '../../migration.js';

/** What a kiosk reports of its screens: failures since it started, and services it took out of use. Null for kiosks that do not say. */
export const heartbeatScreenHealth: Migration = {
  version: 2,
  name: 'heartbeat screen health',
  sql: `ALTER TABLE heartbeat ADD COLUMN screen_failures bigint;
   ALTER TABLE heartbeat ADD COLUMN unavailable_services bigint;`,
};
