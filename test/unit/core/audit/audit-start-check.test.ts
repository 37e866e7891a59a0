import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reportAuditChain, START_CHECK_SLICE } from '../../../../src/main/core/audit/audit-start-check.js';
import { AuditTrail } from '../../../../src/main/core/audit/audit-trail.js';
import { openDatabase, type KioskDatabase } from '../../../../src/main/core/storage/database.js';
import { createMemoryLogger } from '../../../support/memory-logger.js';
import { useTempFolder } from '../../../support/temp-folder.js';
import { exampleEntry, steppingClock } from './audit-fixtures.js';

const tempFolder = useTempFolder();
const open: KioskDatabase[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

/** A trail of `count` entries in a real database file; the file, for edits behind the app's back. */
function trailOf(count: number) {
  const file = join(tempFolder(), 'kiosk.sqlite');
  const db = openDatabase(file);
  open.push(db);
  const trail = new AuditTrail(db, steppingClock());
  db.transaction(() => {
    for (let index = 0; index < count; index++) trail.append(exampleEntry(index));
  })();
  return { db, file, trail };
}

function tamper(file: string, sql: string): void {
  const raw = new Database(file);
  for (const { name } of raw.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'audit_entry'").all()) {
    raw.exec(`DROP TRIGGER ${name}`);
  }
  raw.exec(sql);
  raw.close();
}

describe('the walk of the audit chain after start', () => {
  it('walks a chain longer than one slice and finds an entry deleted deep in it, at the entry after the hole', async () => {
    const count = 2 * START_CHECK_SLICE + 500;
    const { db, file, trail } = trailOf(count);
    const log = createMemoryLogger();
    await reportAuditChain(trail, log, () => db.open);
    expect(log.records).toEqual([]);

    tamper(file, `DELETE FROM audit_entry WHERE seq = ${START_CHECK_SLICE + 1}`);
    await reportAuditChain(trail, log, () => db.open);
    expect(log.records).toEqual([
      { level: 'error', event: 'audit_chain_broken', fields: { brokenAt: START_CHECK_SLICE + 2, reason: 'LINK_BROKEN' } },
      { level: 'error', event: 'audit_guards_missing', fields: {} },
    ]);
  });

  it('finds an entry edited at the last seq of a slice', async () => {
    const { db, file, trail } = trailOf(START_CHECK_SLICE + 10);
    tamper(file, `UPDATE audit_entry SET actor = '9999' WHERE seq = ${START_CHECK_SLICE}`);
    const log = createMemoryLogger();
    await reportAuditChain(trail, log, () => db.open);
    expect(log.records[0]).toEqual({ level: 'error', event: 'audit_chain_broken', fields: { brokenAt: START_CHECK_SLICE, reason: 'CONTENT_EDITED' } });
  });

  it('gives the event loop back between slices, and stops quietly when the kiosk closes meanwhile', async () => {
    const { db, trail } = trailOf(3 * START_CHECK_SLICE);
    const log = createMemoryLogger();
    let finished = false;
    const walking = reportAuditChain(trail, log, () => db.open).then(() => (finished = true));
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    // Two turns of the loop in, the walk of three slices is still going: the host answered meanwhile.
    expect(finished).toBe(false);
    db.close();
    await walking;
    expect(log.records).toEqual([]);
  });
});
