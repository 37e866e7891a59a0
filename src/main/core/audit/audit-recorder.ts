import { describeError, type Logger } from '../logger.js';
import { AuditEntryRefused, type AuditEntryInput } from './audit-kinds.js';
import type { AuditTrail } from './audit-trail.js';

/** What a domain is given to record an event: it never fails the action it records. */
export type RecordAudit = (entry: AuditEntryInput) => void;

/**
 * Records into the trail for the domains. A visitor's application or a content install must not
 * fail because its audit entry could not be written, so a failure is logged instead (by kind,
 * refused fields and error type, never the values) for staff to see. A domain that must commit
 * the event and its entry together calls AuditTrail.append inside its own transaction instead.
 */
export function auditRecorder(trail: AuditTrail, log: Logger): RecordAudit {
  return (entry) => {
    try {
      trail.append(entry);
    } catch (error) {
      if (error instanceof AuditEntryRefused) log.error('audit_entry_refused', { kind: entry.kind, problems: error.problems.join('; ') });
      else log.error('audit_append_failed', { kind: entry.kind, ...describeError(error) });
    }
  };
}
