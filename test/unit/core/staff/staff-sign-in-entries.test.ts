import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHashOf, entryHashOf, GENESIS_HASH } from '../../../../src/main/core/audit/audit-chain.js';
import { AuditEntryRefused } from '../../../../src/main/core/audit/audit-kinds.js';
import { AuditTrail } from '../../../../src/main/core/audit/audit-trail.js';
import { openDatabase } from '../../../../src/main/core/storage/database.js';
import { useTempFolder } from '../../../support/temp-folder.js';

const tempFolder = useTempFolder();

describe('staff sign-in entries in the audit trail', () => {
  it('keeps an entry recorded when sign-ins named one role valid in the chain, while new entries must name every role', () => {
    const db = openDatabase(join(tempFolder(), 'kiosk.sqlite'));
    // What an older kiosk wrote: one role, hashed as stored.
    const legacy = { seq: 1, at: '2026-11-30T08:00:00.000Z', kind: 'staff_sign_in', actor: '3001', subject: null, details: { role: 'technician', method: 'staff_id' } };
    const contentHash = contentHashOf(legacy)!;
    db.prepare(
      'INSERT INTO audit_entry (seq, at, kind, actor, subject, details, content_hash, previous_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(1, legacy.at, legacy.kind, legacy.actor, null, JSON.stringify(legacy.details), contentHash, GENESIS_HASH, entryHashOf(GENESIS_HASH, contentHash));

    const trail = new AuditTrail(db, () => new Date('2026-12-01T09:00:00.000Z'));
    expect(() => trail.append({ kind: 'staff_sign_in', actor: '3001', subject: null, details: { role: 'technician', method: 'staff_id' } } as never)).toThrow(
      AuditEntryRefused,
    );
    trail.append({ kind: 'staff_sign_in', actor: '3001', subject: null, details: { roles: ['clerk', 'technician'], method: 'card' } });
    expect(() => trail.append({ kind: 'staff_sign_in', actor: '3001', subject: null, details: { roles: [], method: 'card' } })).toThrow(AuditEntryRefused);
    expect(() => trail.append({ kind: 'staff_sign_in', actor: '3001', subject: null, details: { roles: ['clerk', 'clerk'], method: 'card' } })).toThrow(
      AuditEntryRefused,
    );

    expect(trail.verify()).toMatchObject({ ok: true, entries: 2 });
    expect(trail.entriesAfter(0, 10).map((entry) => entry.details)).toEqual([
      { role: 'technician', method: 'staff_id' },
      { roles: ['clerk', 'technician'], method: 'card' },
    ]);
    db.close();
  });
});
