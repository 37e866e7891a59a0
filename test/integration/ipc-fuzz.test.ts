import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialFilePath } from '../../src/main/core/enrolment/credential-file.js';
import { startKioskHost, type KioskHost } from '../../src/main/core/host.js';
import { EnrolmentService } from '../../src/portal/enrolment/enrolment-service.js';
import { startPortal } from '../../src/portal/server.js';
import { hashPin } from '../../src/portal/content/staff-pin-hash.js';
import { CHANNELS } from '../../src/shared/contract/channels.js';
import { ipcContract, type StartedApplication } from '../../src/shared/contract/ipc.js';
import { ERROR_CODES } from '../../src/shared/contract/result.js';
import { makePackage, testCatalogue, testKeys, testService, writePackage, writeTrustAnchors } from '../support/content-fixtures.js';
import { createMemoryLogger } from '../support/memory-logger.js';
import { signInTechnician, TEST_TECHNICIAN } from '../support/staff-fixtures.js';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// One host for the whole file (the fuzzing reuses it), so its folders outlive single tests.
const root = mkdtempSync(join(tmpdir(), 'kyzmat-kiosk-fuzz-'));
let folders = 0;
const tempFolder = () => mkdtempSync(join(root, `f${folders++}-`));
let host: KioskHost;
const keys = testKeys('fuzz-key');
/** A clerk on the fuzzed kiosk's staff list, so the queue can be fuzzed past its sign-in check too. */
const CLERK = { staffId: '1042', pin: '482910' };

beforeAll(async () => {
  const clerk = { staffId: CLERK.staffId, displayName: 'Айгүл Сыдыкова', roles: ['clerk' as const], pinHash: await hashPin(CLERK.pin, { N: 16384, r: 8, p: 1, keyLength: 32 }) };
  const catalogue = { ...testCatalogue([testService('birth'), testService('marriage')]), staff: [TEST_TECHNICIAN, clerk] };
  host = await startKioskHost({
    dataFolder: tempFolder(),
    appVersion: '1.0.0',
    kioskCode: 'FZZ1',
    fontsFolder: 'resources/fonts',
    trustAnchorsFile: writeTrustAnchors(tempFolder(), [keys.anchor]),
    bundledContentFolder: writePackage(tempFolder(), makePackage({ keys, version: 1, catalogue })),
    log: createMemoryLogger(),
  });
});
afterAll(() => {
  host.close();
  rmSync(root, { recursive: true, force: true });
});

/** Anything a compromised or buggy page could send: JSON values of every shape, and near-misses of real requests. */
const junk = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.record({ language: fc.oneof(fc.constantFrom('ky', 'ru', 'en', 'KY', ''), fc.string()), serviceId: fc.string(), query: fc.string({ maxLength: 300 }) }, { requiredKeys: [] }),
  fc.record(
    {
      applicationId: fc.oneof(fc.uuid(), fc.string()),
      language: fc.constantFrom('ky', 'ru', 'xx'),
      consent: fc.record({ privacyPolicyVersion: fc.string(), userAgreementVersion: fc.string() }, { requiredKeys: [] }),
      answers: fc.dictionary(fc.string({ maxLength: 20 }), fc.jsonValue({ maxDepth: 3 })),
    },
    { requiredKeys: [] },
  ),
  // Staff sign-in's near-misses: digits of every length, an id and a card at once, a PIN of letters.
  fc.record(
    {
      staffId: fc.oneof(fc.stringMatching(/^\d{1,10}$/), fc.string()),
      cardNumber: fc.oneof(fc.stringMatching(/^\d{6,22}$/), fc.string()),
      pin: fc.oneof(fc.stringMatching(/^\d{4,14}$/), fc.string()),
    },
    { requiredKeys: [] },
  ),
  fc.constant({ ['__proto__']: { polluted: true } }),
);

const outboxRows = () => {
  const db = new Database(host.databaseFile, { readonly: true });
  const count = (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
  db.close();
  return count;
};

describe('every IPC channel under malformed input', () => {
  it.each([...CHANNELS])('%s answers with a Result and a stable error code, never a crash, and writes no application', async (channel) => {
    const before = outboxRows();
    await fc.assert(
      fc.asyncProperty(junk, async (payload) => {
        const result = await host.router.handle(channel, payload);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) {
          expect(ERROR_CODES).toContain(result.error.code);
          expect(result.error.code).not.toBe('INTERNAL');
          expect(result.error.message).not.toMatch(/\n\s+at /);
        }
      }),
      { numRuns: 150 },
    );
    expect(outboxRows()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the clerk’s queue under malformed input, with a clerk signed in', () => {
  const VISITOR = { lastName: 'Жумабаева', pin: '21204198500077', phone: '0555 987 654' };

  it('answers every request with the queue’s metadata or VALIDATION, and never with what a visitor typed', async () => {
    const signedIn = await host.router.handle('signInStaff', { staffId: CLERK.staffId, pin: CLERK.pin });
    expect(signedIn.ok).toBe(true);
    const started = await host.router.handle('startApplication', { serviceId: 'birth' });
    if (!started.ok) throw new Error(started.error.code);
    const { applicationId } = started.value as StartedApplication;
    const consent = { privacyPolicyVersion: '1', userAgreementVersion: '1' };
    expect((await host.router.handle('submitApplication', { applicationId, language: 'ky', consent, answers: VISITOR })).ok).toBe(true);

    const requests = fc.oneof(
      junk,
      fc.record({ language: fc.constantFrom('ky', 'ru', 'en') }),
      fc.record({ language: fc.constantFrom('ky', 'ru', 'en'), limit: fc.integer(), offset: fc.integer(), staffId: fc.constant(CLERK.staffId) }, { requiredKeys: ['language'] }),
    );
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(requests, async (payload) => {
        const result = await host.router.handle('listQueue', payload);
        if (!result.ok) return void expect(result.error.code).toBe('VALIDATION');
        answered++;
        const queue = ipcContract.listQueue.response.parse(result.value);
        expect(queue.applications.length).toBeGreaterThan(0);
        const text = JSON.stringify(result.value);
        for (const typed of Object.values(VISITOR)) expect(text).not.toContain(typed);
      }),
      { numRuns: 150 },
    );
    expect(answered).toBeGreaterThan(0);
    await host.router.handle('signOutStaff', {});
  });
});


describe('enrolment under malformed input, with a technician signed in and a real portal', () => {
  it('answers every code with VALIDATION or an outcome, stores a credential only for the real code, and never logs what was typed', async () => {
    const portal = await startPortal({ dataFolder: tempFolder(), adminToken: 'fuzz-admin-token', trustAnchors: [] });
    const log = createMemoryLogger();
    const dataFolder = tempFolder();
    const enrolling = await startKioskHost({
      dataFolder,
      appVersion: '1.0.0',
      kioskCode: 'FZZ2',
      fontsFolder: 'resources/fonts',
      trustAnchorsFile: writeTrustAnchors(tempFolder(), [keys.anchor]),
      bundledContentFolder: writePackage(tempFolder(), makePackage({ keys, version: 1, catalogue: { ...testCatalogue([testService('birth')]), staff: [TEST_TECHNICIAN] } })),
      portalUrl: portal.url,
      contentPollSeconds: 3600,
      log,
    });
    try {
      const enrolment = new EnrolmentService({ codes: portal.store.enrolmentCodes, revokeCredential: (code, at) => portal.store.revokeCredential(code, at), now: () => new Date() });
      const pending = (await enrolment.createCode('FZZ2')).code;
      await signInTechnician(enrolling.router);
      const typed: string[] = [];
      const requests = fc.oneof(
        junk,
        fc.record({ code: fc.oneof(fc.string({ maxLength: 50 }), fc.stringMatching(/^[0-9A-Za-z -]{8,14}$/), fc.constant(pending), fc.constant(pending.toLowerCase())) }),
      );
      await fc.assert(
        fc.asyncProperty(requests, async (payload) => {
          const result = await enrolling.router.handle('enrolKiosk', payload);
          if (!result.ok) return void expect(result.error.code).toBe('VALIDATION');
          const { outcome } = ipcContract.enrolKiosk.response.parse(result.value);
          const code = (payload as { code: string }).code;
          if (code !== pending) typed.push(code);
          if (outcome === 'enrolled') expect(code.toUpperCase()).toBe(pending);
        }),
        { numRuns: 150 },
      );
      const status = await enrolling.router.handle('getEnrolmentStatus', {});
      expect(status.ok).toBe(true);
      if (!status.ok) return;
      expect(existsSync(credentialFilePath(dataFolder))).toBe((status.value as { enrolled: boolean }).enrolled);
      const logged = JSON.stringify(log.records);
      expect(logged).not.toContain(pending);
      for (const code of typed.filter((text) => text.length >= 6)) expect(logged).not.toContain(code);
    } finally {
      enrolling.close();
      await portal.close();
    }
  });
});
