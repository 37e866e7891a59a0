import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startKioskHost, type KioskHost } from '../../src/main/core/host.js';
import type { StartedApplication, SubmittedApplication } from '../../src/shared/contract/ipc.js';
import { testKeys } from '../support/content-fixtures.js';
import { testHostOptions } from '../support/host-options.js';
import { useTempFolder } from '../support/temp-folder.js';

/*
 * The log on a full disk: the kiosk's log file is /dev/full, which answers every write with
 * ENOSPC, while the database has room. Once an application had been committed, the log line
 * after the commit used to throw, and the visitor was told it was not saved; they would apply
 * again. Now the receipt is answered exactly when the outbox holds the application.
 */
const tempFolder = useTempFolder();
const keys = testKeys('log-disk-full-key');
const hosts: KioskHost[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const host of hosts.splice(0)) host.close();
});

describe('a kiosk whose log cannot be written', () => {
  it('starts, takes an application, answers its receipt, and holds it in the outbox', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const dataFolder = tempFolder();
    mkdirSync(join(dataFolder, 'logs'));
    symlinkSync('/dev/full', join(dataFolder, 'logs', 'kiosk.log'));
    const host = await startKioskHost(testHostOptions(tempFolder, keys, { dataFolder }));
    hosts.push(host);
    const call = async <T>(channel: string, request: unknown) => {
      const result = await host.router.handle(channel, request);
      if (!result.ok) throw Object.assign(new Error(result.error.code), { code: result.error.code });
      return result.value as T;
    };

    const started = await call<StartedApplication>('startApplication', { serviceId: 'birth' });
    const receipt = await call<SubmittedApplication>('submitApplication', {
      applicationId: started.applicationId,
      language: 'ky',
      consent: { privacyPolicyVersion: started.privacyPolicy.version, userAgreementVersion: started.userAgreement.version },
      answers: { lastName: 'Асанова', pin: '11204198500012', phone: '0700 123 456' },
    });
    expect(receipt.state).toBe('queued');

    const db = new Database(host.databaseFile, { readonly: true });
    const rows = db.prepare('SELECT id, receipt_number FROM outbox').all();
    db.close();
    expect(rows).toEqual([{ id: started.applicationId, receipt_number: receipt.receiptNumber }]);
  });
});
