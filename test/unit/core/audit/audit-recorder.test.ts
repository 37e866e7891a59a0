import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditRecorder } from '../../../../src/main/core/audit/audit-recorder.js';
import { AuditTrail } from '../../../../src/main/core/audit/audit-trail.js';
import { openDatabase } from '../../../../src/main/core/storage/database.js';
import { createMemoryLogger } from '../../../support/memory-logger.js';
import { useTempFolder } from '../../../support/temp-folder.js';
import { EXAMPLE_ENTRIES, steppingClock } from './audit-fixtures.js';

const tempFolder = useTempFolder();

describe('recording for the domains', () => {
  it('appends what it is given', () => {
    const db = openDatabase(join(tempFolder(), 'kiosk.sqlite'));
    const trail = new AuditTrail(db, steppingClock());
    const log = createMemoryLogger();
    const record = auditRecorder(trail, log);
    record(EXAMPLE_ENTRIES.content_applied);
    record(EXAMPLE_ENTRIES.usb_import);
    expect(trail.entriesAfter(0, 10).map((entry) => entry.kind)).toEqual(['content_applied', 'usb_import']);
    expect(log.records).toEqual([]);
    db.close();
  });

  it('never fails the action it records: a refused entry is logged by its fields, without the value', () => {
    const db = openDatabase(join(tempFolder(), 'kiosk.sqlite'));
    const trail = new AuditTrail(db, steppingClock());
    const log = createMemoryLogger();
    const record = auditRecorder(trail, log);
    expect(() => record({ ...EXAMPLE_ENTRIES.receipt_reprint, subject: 'Айгүл Асанова' })).not.toThrow();
    expect(log.records).toEqual([{ level: 'error', event: 'audit_entry_refused', fields: { kind: 'receipt_reprint', problems: 'subject: custom' } }]);
    expect(trail.head()).toBeUndefined();
    db.close();
  });

  it('logs a database that cannot be written, and carries on', () => {
    const db = openDatabase(join(tempFolder(), 'kiosk.sqlite'));
    const trail = new AuditTrail(db, steppingClock());
    const log = createMemoryLogger();
    const record = auditRecorder(trail, log);
    db.close();
    expect(() => record(EXAMPLE_ENTRIES.panel_action)).not.toThrow();
    expect(log.records).toMatchObject([{ level: 'error', event: 'audit_append_failed', fields: { kind: 'panel_action', errorType: 'TypeError' } }]);
  });
});
