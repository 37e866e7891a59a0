import type { Migration } from '../../migration.js';
import { initialSchema } from './0001-initial-schema.js';
import { heartbeatScreenHealth } from './0002-heartbeat-screen-health.js';

/** Every SQLite migration, in order; PRAGMA user_version holds the number of the last one run. */
export const SQLITE_MIGRATIONS: readonly Migration[] = [initialSchema, heartbeatScreenHealth];
