import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StaffLockoutStore } from '../../../../src/main/core/staff/staff-lockout-store.js';
import { openDatabase } from '../../../../src/main/core/storage/database.js';
import { useTempFolder } from '../../../support/temp-folder.js';

const tempFolder = useTempFolder();
const POLICY = { maxAttempts: 5, lockMinutes: 15 };
const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute));

describe('staff lockout store', () => {
  it('keeps ids typed at random from growing the table without end, but never drops a lock', () => {
    const db = openDatabase(join(tempFolder(), 'kiosk.sqlite'));
    const store = new StaffLockoutStore(db);
    for (let attempt = 0; attempt < 5; attempt++) store.recordFailure('1001', at(0), POLICY);
    for (let id = 0; id < 1200; id++) store.recordFailure(String(100000 + id), at(1), POLICY);

    const rows = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM staff_lockout').get()!.n;
    expect(rows).toBe(1001);
    expect(store.state('1001', at(2)).lockedUntil).toEqual(at(15));
    expect(store.state('101199', at(2)).failedAttempts).toBe(1);
    db.close();
  });

  it('forgets a lock once it has run out', () => {
    const db = openDatabase(join(tempFolder(), 'kiosk.sqlite'));
    const store = new StaffLockoutStore(db);
    for (let attempt = 0; attempt < 5; attempt++) store.recordFailure('1001', at(0), POLICY);
    store.recordFailure('2001', at(20), POLICY);
    expect(db.prepare<[], { subject: string }>('SELECT subject FROM staff_lockout').all()).toEqual([{ subject: '2001' }]);
    db.close();
  });
});
