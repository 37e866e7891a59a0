import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseFromNewerVersionError, openDatabase, schemaVersion } from '../../../../src/main/core/storage/database.js';
import { MIGRATIONS, type Migration } from '../../../../src/main/core/storage/migrations/index.js';
import { useTempFolder } from '../../../support/temp-folder.js';

const tempFolder = useTempFolder();

describe('kiosk database', () => {
  it('migrates an empty file to the latest version with durable settings', () => {
    const file = join(tempFolder(), 'kiosk.sqlite');
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => row.name);
    expect(tables).toEqual(expect.arrayContaining(['content_event', 'content_package', 'content_part', 'kiosk_setting']));
    db.close();
  });

  it('opens an up-to-date file again without re-running migrations', () => {
    const file = join(tempFolder(), 'kiosk.sqlite');
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
  });

  it('refuses a database written by a newer app and leaves it untouched', () => {
    const file = join(tempFolder(), 'kiosk.sqlite');
    const newer = new Database(file);
    newer.exec('CREATE TABLE from_the_future (x)');
    newer.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    newer.close();
    const before = readFileSync(file);

    expect(() => openDatabase(file)).toThrow(DatabaseFromNewerVersionError);
    // Not a byte written: switching the file to WAL before the version check once changed its header.
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);

    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 1);
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'content_package'").get()).toEqual({ n: 0 });
    check.close();
  });

  it('rolls a failing migration back whole, keeping the version before it', () => {
    const file = join(tempFolder(), 'kiosk.sqlite');
    const broken: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'broken',
      up(db) {
        db.exec('CREATE TABLE half_done (x)');
        throw new Error('disk said no');
      },
    };
    expect(() => openDatabase(file, [...MIGRATIONS, broken])).toThrow('disk said no');
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a migration list with a gap in its numbering', () => {
    const file = join(tempFolder(), 'kiosk.sqlite');
    const skipped: Migration = { version: MIGRATIONS.length + 2, name: 'skipped', up: () => undefined };
    expect(() => openDatabase(file, [...MIGRATIONS, skipped])).toThrow(/expected/);
  });

  it('enforces foreign keys between content parts and their package', () => {
    const db = openDatabase(join(tempFolder(), 'kiosk.sqlite'));
    expect(() => db.prepare("INSERT INTO content_part (package_version, path, data) VALUES (7, 'catalogue.json', x'00')").run()).toThrow(
      /FOREIGN KEY/,
    );
    db.close();
  });

  it('migration 2 replaces the demo catalogue tables of version 1 with content packages', () => {
    const file = join(tempFolder(), 'kiosk.sqlite');
    openDatabase(file, MIGRATIONS.slice(0, 1)).close();
    const v1 = new Database(file);
    v1.prepare("INSERT INTO service (id, sort_order, price_som, processing_days) VALUES ('birth', 0, 0, 0)").run();
    v1.prepare("INSERT INTO kiosk_setting (key, value) VALUES ('office_name', '{}')").run();
    v1.close();

    const db = openDatabase(file, MIGRATIONS.slice(0, 2));
    expect(schemaVersion(db)).toBe(2);
    const names = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table'").all().map((row) => row.name);
    expect(names).not.toContain('service');
    expect(names).not.toContain('service_text');
    expect(names).toContain('content_package');
    expect(db.prepare('SELECT count(*) AS n FROM kiosk_setting').get()).toEqual({ n: 1 });
    db.close();
  });

  it('migration 3 adds the outbox, where a row waiting for delivery must hold its sealed blob', () => {
    const file = join(tempFolder(), 'kiosk.sqlite');
    openDatabase(file, MIGRATIONS.slice(0, 2)).close();
    const db = openDatabase(file, MIGRATIONS.slice(0, 3));
    expect(schemaVersion(db)).toBe(3);
    const insert = (id: string, state: string, sealed: Buffer | null) =>
      db
        .prepare(
          `INSERT INTO outbox (id, receipt_number, service_id, form_id, form_version, content_version, privacy_policy_version,
             user_agreement_version, language, created_at, state, sealed, sealed_format, sealed_key_id)
           VALUES (?, ?, 's', 'f', 1, 1, '1', '1', 'ky', '2026-11-21T00:00:00Z', ?, ?, 'hpke', 'k')`,
        )
        .run(id, `R-${id}`, state, sealed);
    insert('a', 'queued', Buffer.from([1]));
    insert('b', 'delivered', null);
    expect(() => insert('c', 'queued', null)).toThrow(/CHECK/);
    expect(() => insert('a', 'queued', Buffer.from([1]))).toThrow(/UNIQUE/);
    db.close();
  });

  it('migration 4 keeps queued rows and adds their delivery schedule', () => {
    const file = join(tempFolder(), 'kiosk.sqlite');
    const v3 = openDatabase(file, MIGRATIONS.slice(0, 3));
    v3.prepare(
      `INSERT INTO outbox (id, receipt_number, service_id, form_id, form_version, content_version, privacy_policy_version,
         user_agreement_version, language, created_at, sealed, sealed_format, sealed_key_id)
       VALUES ('a', 'R-a', 's', 'f', 1, 1, '1', '1', 'ky', '2026-11-21T00:00:00Z', x'01', 'hpke', 'k')`,
    ).run();
    v3.close();
    const db = openDatabase(file, MIGRATIONS.slice(0, 4));
    expect(schemaVersion(db)).toBe(4);
    expect(db.prepare('SELECT state, attempts, next_attempt_at, delivered_at FROM outbox').get()).toEqual({
      state: 'queued',
      attempts: 0,
      next_attempt_at: null,
      delivered_at: null,
    });
    db.close();
  });

  it('migration 5 keeps the content history and reads old rows as having no structured problem', () => {
    const file = join(tempFolder(), 'kiosk.sqlite');
    const v4 = openDatabase(file, MIGRATIONS.slice(0, 4));
    v4.prepare(
      `INSERT INTO content_event (at, source, outcome, version, code, detail) VALUES ('2026-11-21T00:00:00Z', 'portal', 'rejected', NULL, 'EXPIRED', 'the package expired')`,
    ).run();
    v4.close();
    const db = openDatabase(file, MIGRATIONS.slice(0, 5));
    expect(schemaVersion(db)).toBe(5);
    expect(db.prepare('SELECT code, detail, problem FROM content_event').get()).toEqual({ code: 'EXPIRED', detail: 'the package expired', problem: null });
    db.close();
  });
});
