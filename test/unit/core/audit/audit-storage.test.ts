import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type KioskDatabase } from '../../../../src/main/core/storage/database.js';
import { MIGRATIONS } from '../../../../src/main/core/storage/migrations/index.js';
import { useTempFolder } from '../../../support/temp-folder.js';

const tempFolder = useTempFolder();
const GENESIS = '0'.repeat(64);
const hash = (character: string) => character.repeat(64);

function insert(db: KioskDatabase, seq: number, previousHash: string, entryHash: string, verb = 'INSERT') {
  return db
    .prepare(
      `${verb} INTO audit_entry (seq, at, kind, actor, subject, details, content_hash, previous_hash, entry_hash)
       VALUES (?, '2026-12-01T09:00:00.000Z', 'panel_action', NULL, NULL, '{"action":"send-now"}', ?, ?, ?)`,
    )
    .run(seq, hash('c'), previousHash, entryHash);
}

describe('the audit_entry table', () => {
  it('is added by migration 6 to a kiosk that has run version 5, beside its existing data', () => {
    const file = join(tempFolder(), 'kiosk.sqlite');
    const v5 = openDatabase(file, MIGRATIONS.slice(0, 5));
    v5.prepare("INSERT INTO kiosk_setting (key, value) VALUES ('kept', 'yes')").run();
    v5.close();
    const db = openDatabase(file, MIGRATIONS.slice(0, 6));
    expect(db.prepare('SELECT value FROM kiosk_setting WHERE key = ?').get('kept')).toEqual({ value: 'yes' });
    expect(db.prepare('SELECT count(*) AS n FROM audit_entry').get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses UPDATE and DELETE through the app connection, and keeps the entry as it was', () => {
    const db = openDatabase(join(tempFolder(), 'kiosk.sqlite'));
    insert(db, 1, GENESIS, hash('1'));
    expect(() => db.prepare(`UPDATE audit_entry SET details = '{"action":"load-from-usb"}' WHERE seq = 1`).run()).toThrow(/append-only/);
    expect(() => db.prepare('UPDATE audit_entry SET entry_hash = ? WHERE seq = 1').run(hash('2'))).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_entry WHERE seq = 1').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_entry').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT seq, details, entry_hash FROM audit_entry').all()).toEqual([
      { seq: 1, details: '{"action":"send-now"}', entry_hash: hash('1') },
    ]);
    db.close();
  });

  it('takes a new entry only at the end of the chain, so INSERT OR REPLACE cannot overwrite one', () => {
    const db = openDatabase(join(tempFolder(), 'kiosk.sqlite'));
    expect(() => insert(db, 1, hash('9'), hash('1'))).toThrow(/follows the last one/);
    expect(() => insert(db, 2, GENESIS, hash('1'))).toThrow(/follows the last one/);
    insert(db, 1, GENESIS, hash('1'));
    insert(db, 2, hash('1'), hash('2'));
    expect(() => insert(db, 4, hash('2'), hash('4'))).toThrow(/follows the last one/);
    expect(() => insert(db, 1, GENESIS, hash('f'), 'INSERT OR REPLACE')).toThrow(/follows the last one/);
    expect(() => insert(db, 3, hash('1'), hash('3'))).toThrow(/follows the last one/);
    expect(db.prepare('SELECT seq, entry_hash FROM audit_entry ORDER BY seq').all()).toEqual([
      { seq: 1, entry_hash: hash('1') },
      { seq: 2, entry_hash: hash('2') },
    ]);
    db.close();
  });

  it('holds only lower-case SHA-256 hex in its hash columns', () => {
    const db = openDatabase(join(tempFolder(), 'kiosk.sqlite'));
    expect(() => insert(db, 1, GENESIS, 'A'.repeat(64))).toThrow(/CHECK/);
    expect(() => insert(db, 1, GENESIS, 'a'.repeat(63))).toThrow(/CHECK/);
    db.close();
  });
});
