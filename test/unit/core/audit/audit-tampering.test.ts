import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHashOf, entryHashOf, type ChainAnchor } from '../../../../src/main/core/audit/audit-chain.js';
import { AuditTrail } from '../../../../src/main/core/audit/audit-trail.js';
import { openDatabase } from '../../../../src/main/core/storage/database.js';
import { useTempFolder } from '../../../support/temp-folder.js';
import { exampleEntry, steppingClock } from './audit-fixtures.js';

/*
 * Someone with the kiosk's disk: they open the file with their own SQLite, drop the triggers that
 * keep the app from editing the trail, change it with plain SQL, and put the disk back. The kiosk
 * must then name the first entry that no longer holds, and why.
 */

const tempFolder = useTempFolder();
const LENGTH = 50;
const ROW = 'seq, at, kind, actor, subject, details, entry_hash';

interface Row {
  seq: number;
  at: string;
  kind: string;
  actor: string | null;
  subject: string | null;
  details: string;
  entry_hash: string;
}

function trailOf50(): { file: string; heads: Map<number, string> } {
  const file = join(tempFolder(), 'kiosk.sqlite');
  const db = openDatabase(file);
  const trail = new AuditTrail(db, steppingClock());
  const heads = new Map<number, string>();
  for (let index = 0; index < LENGTH; index++) {
    const entry = trail.append(exampleEntry(index));
    heads.set(entry.seq, entry.entryHash);
  }
  db.close();
  return { file, heads };
}

function tamper(file: string, edit: (disk: Database.Database) => void): void {
  const disk = new Database(file);
  disk.exec('DROP TRIGGER audit_entry_no_update; DROP TRIGGER audit_entry_no_delete; DROP TRIGGER audit_entry_append_at_end;');
  edit(disk);
  disk.close();
}

function guardsInPlace(file: string): boolean {
  const db = openDatabase(file);
  try {
    return new AuditTrail(db).guardsInPlace();
  } finally {
    db.close();
  }
}

function verify(file: string, anchor?: ChainAnchor) {
  const db = openDatabase(file);
  try {
    return new AuditTrail(db).verify(anchor ? { anchor } : {});
  } finally {
    db.close();
  }
}

const hashOfRow = (row: Row) =>
  contentHashOf({ seq: row.seq, at: row.at, kind: row.kind, actor: row.actor, subject: row.subject, details: JSON.parse(row.details) as unknown })!;

/** What a careful forger does after a change: recompute every later entry's hashes so the links hold again. */
function relinkFrom(disk: Database.Database, seq: number): void {
  const rows = disk.prepare<[number], Row>(`SELECT ${ROW} FROM audit_entry WHERE seq >= ? ORDER BY seq`).all(seq);
  let previous = disk
    .prepare<[number], { entry_hash: string }>('SELECT entry_hash FROM audit_entry WHERE seq < ? ORDER BY seq DESC LIMIT 1')
    .get(seq)!.entry_hash;
  for (const row of rows) {
    const contentHash = hashOfRow(row);
    const entryHash = entryHashOf(previous, contentHash);
    disk
      .prepare('UPDATE audit_entry SET content_hash = ?, previous_hash = ?, entry_hash = ? WHERE seq = ?')
      .run(contentHash, previous, entryHash, row.seq);
    previous = entryHash;
  }
}

/** Moves entries from a seq on one place up, leaving that seq free (in two steps, so no two rows meet). */
function makeRoomAt(disk: Database.Database, seq: number): void {
  disk.prepare('UPDATE audit_entry SET seq = seq + 1000 WHERE seq >= ?').run(seq);
  disk.prepare('UPDATE audit_entry SET seq = seq - 999 WHERE seq >= 1000').run();
}

describe('tampering with the audit trail on disk', () => {
  it('an untouched chain of 50 verifies, also against its own head as the anchor', () => {
    const { file, heads } = trailOf50();
    expect(verify(file, { seq: LENGTH, entryHash: heads.get(LENGTH)! })).toMatchObject({ ok: true, entries: LENGTH });
    expect(guardsInPlace(file)).toBe(true);
  });

  it('an append-only trigger dropped is noticed even when no entry was changed', () => {
    const { file } = trailOf50();
    const disk = new Database(file);
    disk.exec('DROP TRIGGER audit_entry_append_at_end');
    disk.close();
    expect(verify(file)).toMatchObject({ ok: true, entries: LENGTH });
    expect(guardsInPlace(file)).toBe(false);
  });

  it.each([
    ['a detail (a refused USB import turned into an applied one)', `UPDATE audit_entry SET details = '{"outcome":"applied"}' WHERE seq = 20`],
    ['the time (an entry moved to another day)', `UPDATE audit_entry SET at = '2026-11-30T08:00:19.000Z' WHERE seq = 20`],
    ['the actor (someone else named)', `UPDATE audit_entry SET actor = '9999' WHERE seq = 20`],
    ['the kind', `UPDATE audit_entry SET kind = 'panel_action' WHERE seq = 20`],
    ['the details into something that is not JSON', `UPDATE audit_entry SET details = '{"outcome":' WHERE seq = 20`],
  ])('an edited entry, %s, is named as CONTENT_EDITED', (_, sql) => {
    const { file } = trailOf50();
    tamper(file, (disk) => disk.exec(sql));
    expect(verify(file)).toEqual({ ok: false, brokenAt: 20, reason: 'CONTENT_EDITED' });
  });

  it('an edited entry whose content hash was recomputed too is still caught, at that entry, by its entry hash', () => {
    const { file } = trailOf50();
    tamper(file, (disk) => {
      disk.exec(`UPDATE audit_entry SET details = '{"outcome":"applied"}' WHERE seq = 20`);
      const row = disk.prepare<[], Row>(`SELECT ${ROW} FROM audit_entry WHERE seq = 20`).get()!;
      disk.prepare('UPDATE audit_entry SET content_hash = ? WHERE seq = 20').run(hashOfRow(row));
    });
    expect(verify(file)).toEqual({ ok: false, brokenAt: 20, reason: 'HASH_EDITED' });
  });

  it.each(['content_hash', 'previous_hash', 'entry_hash'])('an edited %s is named as HASH_EDITED at its entry', (column) => {
    const { file } = trailOf50();
    tamper(file, (disk) => disk.prepare(`UPDATE audit_entry SET ${column} = ? WHERE seq = 20`).run('ab'.repeat(32)));
    expect(verify(file)).toEqual({ ok: false, brokenAt: 20, reason: 'HASH_EDITED' });
  });

  it('an entry deleted in the middle breaks the link of the entry after it', () => {
    const { file } = trailOf50();
    tamper(file, (disk) => disk.exec('DELETE FROM audit_entry WHERE seq = 20'));
    expect(verify(file)).toEqual({ ok: false, brokenAt: 21, reason: 'LINK_BROKEN' });
  });

  it('the first entry deleted breaks the link of the second, which no longer starts the chain', () => {
    const { file } = trailOf50();
    tamper(file, (disk) => disk.exec('DELETE FROM audit_entry WHERE seq = 1'));
    expect(verify(file)).toEqual({ ok: false, brokenAt: 2, reason: 'LINK_BROKEN' });
  });

  it('an entry deleted and the chain re-linked over it still shows the gap in seq', () => {
    const { file } = trailOf50();
    tamper(file, (disk) => {
      disk.exec('DELETE FROM audit_entry WHERE seq = 20');
      relinkFrom(disk, 21);
    });
    expect(verify(file)).toEqual({ ok: false, brokenAt: 21, reason: 'SEQ_GAP' });
  });

  it('the last entry deleted leaves a chain that holds by itself: only the anchor kept elsewhere shows it cut short', () => {
    // The chain has no secret: its end can be cut off and what is left is a true chain. The portal's
    // stored head (or any head kept off the kiosk) is what tells it.
    const { file, heads } = trailOf50();
    tamper(file, (disk) => disk.exec(`DELETE FROM audit_entry WHERE seq = ${LENGTH}`));
    expect(verify(file)).toMatchObject({ ok: true, entries: LENGTH - 1 });
    expect(verify(file, { seq: LENGTH, entryHash: heads.get(LENGTH)! })).toEqual({ ok: false, brokenAt: LENGTH, reason: 'TRUNCATED' });
    expect(verify(file, { seq: 30, entryHash: heads.get(30)! })).toMatchObject({ ok: true });
  });

  it('a forged entry with made-up hashes added at the end does not follow the last true entry', () => {
    const { file } = trailOf50();
    tamper(file, (disk) =>
      disk
        .prepare(
          `INSERT INTO audit_entry (seq, at, kind, actor, subject, details, content_hash, previous_hash, entry_hash)
           VALUES (51, '2026-12-01T09:00:00.000Z', 'panel_action', '2001', NULL, '{"action":"send-now"}', ?, ?, ?)`,
        )
        .run('cd'.repeat(32), 'ef'.repeat(32), '01'.repeat(32)),
    );
    expect(verify(file)).toEqual({ ok: false, brokenAt: 51, reason: 'LINK_BROKEN' });
  });

  it('a forged entry inserted in the middle with correct hashes of its own breaks the link of the true entry after it', () => {
    const { file } = trailOf50();
    tamper(file, (disk) => {
      makeRoomAt(disk, 21);
      const forged: Row = {
        seq: 21,
        at: '2026-12-01T08:00:20.500Z',
        kind: 'content_applied',
        actor: '2001',
        subject: '9',
        details: '{"keyId":"demo-content-2026-a","source":"folder"}',
        entry_hash: '',
      };
      const previous = disk.prepare<[], { entry_hash: string }>('SELECT entry_hash FROM audit_entry WHERE seq = 20').get()!.entry_hash;
      const contentHash = hashOfRow(forged);
      disk
        .prepare(
          `INSERT INTO audit_entry (seq, at, kind, actor, subject, details, content_hash, previous_hash, entry_hash)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(forged.seq, forged.at, forged.kind, forged.actor, forged.subject, forged.details, contentHash, previous, entryHashOf(previous, contentHash));
    });
    expect(verify(file)).toEqual({ ok: false, brokenAt: 22, reason: 'LINK_BROKEN' });
  });

  it('a forged entry inserted and every later entry rehashed holds by itself: the anchor shows the chain was rewritten', () => {
    const { file, heads } = trailOf50();
    tamper(file, (disk) => {
      makeRoomAt(disk, 21);
      disk
        .prepare(
          `INSERT INTO audit_entry (seq, at, kind, actor, subject, details, content_hash, previous_hash, entry_hash)
           VALUES (21, '2026-12-01T08:00:20.500Z', 'panel_action', '2001', NULL, '{"action":"load-from-usb"}', ?, ?, ?)`,
        )
        .run('00'.repeat(32), '00'.repeat(32), '00'.repeat(32));
      relinkFrom(disk, 21);
    });
    expect(verify(file)).toMatchObject({ ok: true, entries: LENGTH + 1 });
    expect(verify(file, { seq: LENGTH, entryHash: heads.get(LENGTH)! })).toEqual({ ok: false, brokenAt: LENGTH, reason: 'ANCHOR_MISMATCH' });
  });

  it('two entries swapped in order break the link where the first of them now stands', () => {
    const { file } = trailOf50();
    tamper(file, (disk) => {
      disk.exec('UPDATE audit_entry SET seq = 1000 WHERE seq = 20');
      disk.exec('UPDATE audit_entry SET seq = 20 WHERE seq = 21');
      disk.exec('UPDATE audit_entry SET seq = 21 WHERE seq = 1000');
    });
    expect(verify(file)).toEqual({ ok: false, brokenAt: 20, reason: 'LINK_BROKEN' });
  });
});
