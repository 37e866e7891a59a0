import type Database from 'better-sqlite3';
import { catalogueMigration } from './0001-catalogue.js';
import { contentPackagesMigration } from './0002-content-packages.js';
import { outboxMigration } from './0003-outbox.js';
import { deliveryMigration } from './0004-delivery.js';
import { contentProblemMigration } from './0005-content-problem.js';
import { auditTrailMigration } from './0006-audit-trail.js';
import { staffLockoutMigration } from './0007-staff-lockout.js';
import { assistedApplicationsMigration } from './0008-assisted-applications.js';
import { staffListMigration } from './0009-staff-list.js';

export interface Migration {
  /** Position in the list, starting at 1; stored in PRAGMA user_version once applied. */
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** Append only: a migration that has shipped is never edited or reordered. */
export const MIGRATIONS: readonly Migration[] = [catalogueMigration, contentPackagesMigration, outboxMigration, deliveryMigration, contentProblemMigration, auditTrailMigration, staffLockoutMigration, assistedApplicationsMigration, staffListMigration];
