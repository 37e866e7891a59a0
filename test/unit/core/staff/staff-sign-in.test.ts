import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { StaffSignIn, type StaffDirectory } from '../../../../src/main/core/staff/staff-sign-in.js';
import { openDatabase, type KioskDatabase } from '../../../../src/main/core/storage/database.js';
import { hashPin } from '../../../../src/portal/content/staff-pin-hash.js';
import type { StaffRecord } from '../../../../src/shared/content/staff-schema.js';
import { createMemoryLogger } from '../../../support/memory-logger.js';
import { useTempFolder } from '../../../support/temp-folder.js';

const tempFolder = useTempFolder();

/** The lowest cost the package schema accepts, so that the many attempts below stay quick. */
const TEST_COST = { N: 2 ** 14, r: 8, p: 1, keyLength: 32 };
const CLERK_PIN = '482913';
const TECHNICIAN_PIN = '705531';
const WRONG_PIN = '111111';

let staff: StaffRecord[];
beforeAll(async () => {
  staff = [
    { staffId: '1001', displayName: 'Айгүл Токтогулова', roles: ['clerk'], pinHash: await hashPin(CLERK_PIN, TEST_COST), cardNumber: '9417000000001001' },
    { staffId: '2001', displayName: 'Бакыт Садыков', roles: ['clerk', 'technician'], pinHash: await hashPin(TECHNICIAN_PIN, TEST_COST) },
  ];
});

/** A kiosk with its database file and a clock the test moves. */
function kiosk(options: { file?: string; lockoutMinutes?: number; start?: Date } = {}) {
  const file = options.file ?? join(tempFolder(), 'kiosk.sqlite');
  const db: KioskDatabase = openDatabase(file);
  let now = options.start ?? new Date('2026-12-01T09:00:00.000Z');
  const log = createMemoryLogger();
  const directory: StaffDirectory = { staff: () => staff, lockoutMinutes: () => options.lockoutMinutes };
  const service = new StaffSignIn({ db, directory, clock: () => now, log });
  return {
    file,
    db,
    log,
    service,
    advanceMinutes: (minutes: number) => {
      now = new Date(now.getTime() + minutes * 60_000);
    },
    close: () => db.close(),
  };
}

describe('staff sign-in', () => {
  it('signs in with the right PIN and returns who it is and their roles, and the hash the PIN matched for the session', async () => {
    const k = kiosk();
    await expect(k.service.signIn({ staffId: '1001' }, CLERK_PIN)).resolves.toEqual({
      ok: true,
      value: { staffId: '1001', displayName: 'Айгүл Токтогулова', roles: ['clerk'] },
      pinHash: staff[0]!.pinHash,
    });
    await expect(k.service.signIn({ staffId: '2001' }, TECHNICIAN_PIN)).resolves.toEqual({
      ok: true,
      value: { staffId: '2001', displayName: 'Бакыт Садыков', roles: ['clerk', 'technician'] },
      pinHash: staff[1]!.pinHash,
    });
    k.close();
  });

  it('signs in by staff card number with that person\'s PIN, and not with another\'s', async () => {
    const k = kiosk();
    await expect(k.service.signIn({ cardNumber: '9417000000001001' }, CLERK_PIN)).resolves.toMatchObject({ ok: true, value: { staffId: '1001' } });
    await expect(k.service.signIn({ cardNumber: '9417000000001001' }, TECHNICIAN_PIN)).resolves.toMatchObject({
      ok: false,
      error: { code: 'WRONG_PIN', attemptsLeft: 4 },
    });
    k.close();
  });

  it('counts wrong PINs down and locks the id at the fifth for the default 15 minutes', async () => {
    const k = kiosk();
    const left: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      const result = await k.service.signIn({ staffId: '1001' }, WRONG_PIN);
      if (result.ok || result.error.code !== 'WRONG_PIN') throw new Error(`attempt ${attempt}: ${JSON.stringify(result)}`);
      left.push(result.error.attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1]);
    await expect(k.service.signIn({ staffId: '1001' }, WRONG_PIN)).resolves.toMatchObject({
      ok: false,
      error: { code: 'LOCKED', until: '2026-12-01T09:15:00.000Z' },
    });
    k.close();
  });

  it('a locked id refuses even the right PIN, also by card, while other staff still sign in', async () => {
    const k = kiosk();
    for (let attempt = 0; attempt < 5; attempt++) await k.service.signIn({ staffId: '1001' }, WRONG_PIN);
    const refused = { ok: false, error: { code: 'LOCKED', until: '2026-12-01T09:15:00.000Z' } };
    await expect(k.service.signIn({ staffId: '1001' }, CLERK_PIN)).resolves.toMatchObject(refused);
    await expect(k.service.signIn({ cardNumber: '9417000000001001' }, CLERK_PIN)).resolves.toMatchObject(refused);
    await expect(k.service.signIn({ staffId: '2001' }, TECHNICIAN_PIN)).resolves.toMatchObject({ ok: true });
    k.close();
  });

  it('a right PIN starts the count again', async () => {
    const k = kiosk();
    for (let attempt = 0; attempt < 4; attempt++) await k.service.signIn({ staffId: '1001' }, WRONG_PIN);
    await expect(k.service.signIn({ staffId: '1001' }, CLERK_PIN)).resolves.toMatchObject({ ok: true });
    await expect(k.service.signIn({ staffId: '1001' }, WRONG_PIN)).resolves.toMatchObject({ ok: false, error: { code: 'WRONG_PIN', attemptsLeft: 4 } });
    k.close();
  });

  it('the lock survives a restart: a new service on the same database file still refuses', async () => {
    const first = kiosk({ lockoutMinutes: 30 });
    for (let attempt = 0; attempt < 5; attempt++) await first.service.signIn({ staffId: '1001' }, WRONG_PIN);
    first.close();

    const second = kiosk({ file: first.file, lockoutMinutes: 30, start: new Date('2026-12-01T09:10:00.000Z') });
    await expect(second.service.signIn({ staffId: '1001' }, CLERK_PIN)).resolves.toMatchObject({
      ok: false,
      error: { code: 'LOCKED', until: '2026-12-01T09:30:00.000Z' },
    });
    second.close();
  });

  it('the lock ends by itself after the settings\' period, with a fresh count', async () => {
    const k = kiosk({ lockoutMinutes: 20 });
    for (let attempt = 0; attempt < 5; attempt++) await k.service.signIn({ staffId: '1001' }, WRONG_PIN);
    k.advanceMinutes(19);
    await expect(k.service.signIn({ staffId: '1001' }, CLERK_PIN)).resolves.toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    k.advanceMinutes(1);
    await expect(k.service.signIn({ staffId: '1001' }, WRONG_PIN)).resolves.toMatchObject({ ok: false, error: { code: 'WRONG_PIN', attemptsLeft: 4 } });
    await expect(k.service.signIn({ staffId: '1001' }, CLERK_PIN)).resolves.toMatchObject({ ok: true, value: { staffId: '1001' } });
    k.close();
  });

  it('an unknown staff id is refused exactly as a wrong PIN, counted down and locked the same', async () => {
    const k = kiosk();
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      known.push(await k.service.signIn({ staffId: '1001' }, WRONG_PIN));
      unknown.push(await k.service.signIn({ staffId: '5555' }, WRONG_PIN));
    }
    expect(unknown).toEqual(known);
    expect(unknown[5]).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    k.close();
  });

  it('an unknown card is refused exactly as a known card with a wrong PIN', async () => {
    const k = kiosk();
    const known = await k.service.signIn({ cardNumber: '9417000000001001' }, WRONG_PIN);
    const unknown = await k.service.signIn({ cardNumber: '9417000000009999' }, WRONG_PIN);
    expect(unknown).toEqual(known);
    k.close();
  });

  it('refuses an id or PIN no record can have without counting it', async () => {
    const k = kiosk();
    await expect(k.service.signIn({ staffId: '10a1' }, CLERK_PIN)).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await expect(k.service.signIn({ staffId: '1001' }, '48291')).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await expect(k.service.signIn({ staffId: '1001' }, WRONG_PIN)).resolves.toMatchObject({ ok: false, error: { code: 'WRONG_PIN', attemptsLeft: 4 } });
    k.close();
  });

  it('attempts sent all at once are counted one by one: the sixth meets the lock', async () => {
    const k = kiosk();
    const results = await Promise.all(Array.from({ length: 6 }, () => k.service.signIn({ staffId: '1001' }, WRONG_PIN)));
    expect(results.map((result) => (result.ok ? 'ok' : result.error.code))).toEqual(['WRONG_PIN', 'WRONG_PIN', 'WRONG_PIN', 'WRONG_PIN', 'LOCKED', 'LOCKED']);
    k.close();
  });

  it('nothing of a PIN reaches the log, and an unknown id or a card number is not written either', async () => {
    const k = kiosk();
    await k.service.signIn({ staffId: '1001' }, CLERK_PIN);
    for (let attempt = 0; attempt < 5; attempt++) await k.service.signIn({ staffId: '1001' }, WRONG_PIN);
    await k.service.signIn({ staffId: '7654321' }, '246813');
    await k.service.signIn({ cardNumber: '9417000000001001' }, '999888');
    const logged = JSON.stringify(k.log.records);
    for (const secret of [CLERK_PIN, WRONG_PIN, '246813', '999888', '7654321', '9417000000001001']) expect(logged).not.toContain(secret);
    expect(k.log.records.map((record) => record.event)).toEqual(expect.arrayContaining(['staff_signed_in', 'staff_sign_in_refused', 'staff_locked']));
    k.close();
  });
});
