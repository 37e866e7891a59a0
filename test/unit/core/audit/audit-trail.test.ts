import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { GENESIS_HASH } from '../../../../src/main/core/audit/audit-chain.js';
import { AuditEntryRefused } from '../../../../src/main/core/audit/audit-kinds.js';
import { AuditTrail } from '../../../../src/main/core/audit/audit-trail.js';
import { openDatabase } from '../../../../src/main/core/storage/database.js';
import { useTempFolder } from '../../../support/temp-folder.js';
import { EXAMPLE_ENTRIES, exampleEntry, steppingClock } from './audit-fixtures.js';

const tempFolder = useTempFolder();
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('the audit trail', () => {
  it('appends a chain of 50 entries of every kind that verifies whole', () => {
    const db = openDatabase(join(tempFolder(), 'kiosk.sqlite'));
    const trail = new AuditTrail(db, steppingClock());
    const appended = Array.from({ length: 50 }, (_, index) => trail.append(exampleEntry(index)));

    expect(appended.map((entry) => entry.seq)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    expect(appended[0]!.previousHash).toBe(GENESIS_HASH);
    appended.slice(1).forEach((entry, index) => expect(entry.previousHash).toBe(appended[index]!.entryHash));
    expect(trail.verify()).toEqual({ ok: true, entries: 50, head: { seq: 50, entryHash: appended[49]!.entryHash } });
    db.close();
  });

  it('hashes the canonical content and links it to the entry before, as stated for the portal to repeat', () => {
    const db = openDatabase(join(tempFolder(), 'kiosk.sqlite'));
    const trail = new AuditTrail(db, () => new Date('2026-12-01T09:30:00.000Z'));
    const first = trail.append(EXAMPLE_ENTRIES.panel_action);

    const canonical = '{"actor":"2001","at":"2026-12-01T09:30:00.000Z","details":{"action":"send-now"},"kind":"panel_action","seq":1,"subject":null}';
    expect(first.contentHash).toBe(sha256(canonical));
    expect(first.entryHash).toBe(sha256(GENESIS_HASH + first.contentHash));
    expect(db.prepare('SELECT details FROM audit_entry WHERE seq = 1').get()).toEqual({ details: '{"action":"send-now"}' });
    db.close();
  });

  it('continues the chain after a restart instead of starting a second one', () => {
    const file = join(tempFolder(), 'kiosk.sqlite');
    const before = openDatabase(file);
    const clock = steppingClock();
    const earlier = new AuditTrail(before, clock);
    for (let index = 0; index < 5; index++) earlier.append(exampleEntry(index));
    const headBeforeRestart = earlier.head()!;
    before.close();

    const after = openDatabase(file);
    const trail = new AuditTrail(after, clock);
    const next = trail.append(EXAMPLE_ENTRIES.staff_sign_in);
    expect(next.seq).toBe(6);
    expect(next.previousHash).toBe(headBeforeRestart.entryHash);
    expect(trail.verify()).toMatchObject({ ok: true, entries: 6 });
    after.close();
  });

  it('keeps one chain when two connections to the file append in turn', () => {
    const file = join(tempFolder(), 'kiosk.sqlite');
    const first = openDatabase(file);
    const second = openDatabase(file);
    const clock = steppingClock();
    const trails = [new AuditTrail(first, clock), new AuditTrail(second, clock)];
    const seqs = Array.from({ length: 10 }, (_, index) => trails[index % 2]!.append(exampleEntry(index)).seq);
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(trails[0]!.verify()).toMatchObject({ ok: true, entries: 10 });
    first.close();
    second.close();
  });

  it('gives entries after a seq in order, the same ones when asked again, for delivery', () => {
    const db = openDatabase(join(tempFolder(), 'kiosk.sqlite'));
    const trail = new AuditTrail(db, steppingClock());
    const appended = Array.from({ length: 12 }, (_, index) => trail.append(exampleEntry(index)));

    const batch = trail.entriesAfter(3, 4);
    expect(batch.map((entry) => entry.seq)).toEqual([4, 5, 6, 7]);
    expect(batch).toEqual(appended.slice(3, 7));
    expect(trail.entriesAfter(3, 4)).toEqual(batch);
    expect(trail.entriesAfter(10, 100).map((entry) => entry.seq)).toEqual([11, 12]);
    expect(trail.entriesAfter(12, 100)).toEqual([]);
    expect(() => trail.entriesAfter(-1, 10)).toThrow(RangeError);
    expect(() => trail.entriesAfter(0, 0)).toThrow(RangeError);
    db.close();
  });

  it('refuses an entry its kind does not allow, and writes nothing for it', () => {
    const db = openDatabase(join(tempFolder(), 'kiosk.sqlite'));
    const trail = new AuditTrail(db, steppingClock());
    trail.append(EXAMPLE_ENTRIES.staff_sign_in);
    const withName = { ...EXAMPLE_ENTRIES.staff_sign_in, details: { role: 'clerk', method: 'staff_id', visitorName: 'Айгүл Асанова' } };

    expect(() => trail.append(withName as never)).toThrow(AuditEntryRefused);
    expect(() => trail.append({ kind: 'visitor_answers', actor: null, subject: null, details: {} } as never)).toThrow(AuditEntryRefused);
    expect(trail.verify()).toMatchObject({ ok: true, entries: 1 });
    db.close();
  });

  it('joins the caller\'s transaction, so an event rolled back takes its entry with it', () => {
    const db = openDatabase(join(tempFolder(), 'kiosk.sqlite'));
    const trail = new AuditTrail(db, steppingClock());
    trail.append(EXAMPLE_ENTRIES.staff_sign_in);
    expect(() =>
      db.transaction(() => {
        trail.append(EXAMPLE_ENTRIES.assisted_application);
        throw new Error('the outbox write failed');
      })(),
    ).toThrow('the outbox write failed');
    expect(trail.head()?.seq).toBe(1);
    expect(trail.append(EXAMPLE_ENTRIES.assisted_application).seq).toBe(2);
    expect(trail.verify()).toMatchObject({ ok: true, entries: 2 });
    db.close();
  });

  it('verifies an empty trail as whole, with no head yet', () => {
    const db = openDatabase(join(tempFolder(), 'kiosk.sqlite'));
    const trail = new AuditTrail(db);
    expect(trail.verify()).toEqual({ ok: true, entries: 0, head: null });
    expect(trail.head()).toBeUndefined();
    db.close();
  });
});
