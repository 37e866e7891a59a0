import type { Migration } from '../../migration.js';
import { initialSchema } from './0001-initial-schema.js';
import { heartbeatScreenHealth } from './0002-heartbeat-screen-health.js';
import { submissionAssistedBy } from './0003-submission-assisted-by.js';
import { auditChain } from './0004-audit-chain.js';
import { backOfficeAccounts } from './0005-backoffice-accounts.js';
import { applicationStatus } from './0006-application-status.js';
import { enrolmentCodes } from './0007-enrolment-codes.js';
import { portalAuditAppendOnly } from './0008-portal-audit-append-only.js';
import { sealedAnswersRetention } from './0009-sealed-answers-retention.js';
import { contentAssignments } from './0010-content-assignments.js';
import { fleetFreeDiskAndErrors } from './0011-fleet-free-disk-and-errors.js';
import { staffTables } from './0012-staff.js';
import { heartbeatUpdateAndAlarms } from './0013-heartbeat-update-and-alarms.js';
import { heartbeatOutOfService } from './0014-heartbeat-out-of-service.js';

/** Every SQLite migration, in order; PRAGMA user_version holds the number of the last one run. */
export const SQLITE_MIGRATIONS: readonly Migration[] = [initialSchema, heartbeatScreenHealth, submissionAssistedBy, auditChain, backOfficeAccounts, applicationStatus, enrolmentCodes, portalAuditAppendOnly, sealedAnswersRetention, contentAssignments, fleetFreeDiskAndErrors, staffTables, heartbeatUpdateAndAlarms, heartbeatOutOfService];
