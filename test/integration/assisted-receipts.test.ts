import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { startKioskHost } from '../../src/main/core/host.js';
import type { StartedApplication, SubmittedApplication } from '../../src/shared/contract/ipc.js';
import type { Language } from '../../src/shared/domain/languages.js';
import { makePackage, testCatalogue, testKeys, testService, writePackage, writeTrustAnchors } from '../support/content-fixtures.js';
import { createMemoryLogger } from '../support/memory-logger.js';
import { TEST_CLERK, TEST_CLERK_PIN, TEST_TECHNICIAN } from '../support/staff-fixtures.js';
import { useTempFolder } from '../support/temp-folder.js';

/*
 * The printed receipt of an application a clerk filled names the clerk in the visitor's language,
 * and every print after the first is recorded in the audit trail as a reprint, with whoever is
 * signed in. Real SQLite, the host's PDF printer, read back with pdftotext.
 */

const tempFolder = useTempFolder();
const keys = testKeys('assisted-receipt-key');
const VISITOR = { lastName: 'Жумабаева', pin: '21204198500077', phone: '0555 987 654' };
const clerk = TEST_CLERK;
const CLERK_PIN = TEST_CLERK_PIN;

const closers: (() => unknown)[] = [];
afterEach(() => {
  for (const close of closers.splice(0).reverse()) close();
});

async function startKiosk() {
  const catalogue = { ...testCatalogue([testService('birth')]), staff: [TEST_TECHNICIAN, clerk] };
  const host = await startKioskHost({
    dataFolder: tempFolder(),
    appVersion: '1.0.0',
    kioskCode: 'BSK1',
    fontsFolder: 'resources/fonts',
    trustAnchorsFile: writeTrustAnchors(tempFolder(), [keys.anchor]),
    bundledContentFolder: writePackage(tempFolder(), makePackage({ keys, version: 1, catalogue })),
    log: createMemoryLogger(),
  });
  closers.push(() => host.close());
  const call = async <T>(channel: string, request: unknown = {}): Promise<T> => {
    const result = await host.router.handle(channel, request);
    if (!result.ok) throw Object.assign(new Error(result.error.code), { code: result.error.code });
    return result.value as T;
  };
  const submit = async (language: Language) => {
    const started = await call<StartedApplication>('startApplication', { serviceId: 'birth' });
    return call<SubmittedApplication>('submitApplication', {
      applicationId: started.applicationId,
      language,
      consent: { privacyPolicyVersion: '1', userAgreementVersion: '1' },
      answers: VISITOR,
    });
  };
  const printedText = async (receiptNumber: string) => {
    const outcome = await call<{ outcome: string; file?: string }>('printReceipt', { receiptNumber });
    if (outcome.outcome !== 'saved' || !outcome.file) throw new Error(`not saved: ${outcome.outcome}`);
    // pdftotext breaks lines where the slip wraps them; a reader follows the words.
    return execFileSync('pdftotext', [outcome.file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  };
  const reprints = () => {
    const db = new Database(host.databaseFile, { readonly: true });
    try {
      return db
        .prepare<[], { actor: string | null; subject: string; details: string }>("SELECT actor, subject, details FROM audit_entry WHERE kind = 'receipt_reprint' ORDER BY seq")
        .all()
        .map((row) => ({ ...row, details: JSON.parse(row.details) as unknown }));
    } finally {
      db.close();
    }
  };
  return {
    call,
    submit,
    printedText,
    reprints,
    signInClerk: () => call('signInStaff', { staffId: clerk.staffId, pin: CLERK_PIN }),
    signOut: () => call('signOutStaff', {}),
  };
}

describe('the receipt of an assisted application', () => {
  it.each([
    ['ky', 'Жардам берген кызматкер: Айгүл Сыдыкова (1042)'],
    ['ru', 'Помог оформить сотрудник: Айгүл Сыдыкова (1042)'],
    ['en', 'Assisted by Айгүл Сыдыкова (1042)'],
  ] as const)('names the clerk in the visitor’s language (%s)', async (language, line) => {
    const kiosk = await startKiosk();
    await kiosk.signInClerk();
    const receipt = await kiosk.submit(language);
    const text = await kiosk.printedText(receipt.receiptNumber);
    expect(text).toContain(receipt.receiptNumber);
    expect(text).toContain(line);
  });

  it('names nobody on the receipt of a visitor alone', async () => {
    const kiosk = await startKiosk();
    const receipt = await kiosk.submit('en');
    const text = await kiosk.printedText(receipt.receiptNumber);
    expect(text).toContain(receipt.receiptNumber);
    expect(text).not.toContain('Assisted by');
    expect(text).not.toContain('1042');
  });
});

describe('reprints of a receipt', () => {
  it('records every print after the first, with the clerk signed in or nobody, and not the first print on the receipt screen', async () => {
    const kiosk = await startKiosk();
    await kiosk.signInClerk();
    const receipt = await kiosk.submit('ky');
    // The receipt screen prints it once by itself.
    await kiosk.printedText(receipt.receiptNumber);
    expect(kiosk.reprints()).toEqual([]);

    // The clerk reprints it from the queue, later the visitor taps "Print again" with nobody signed in.
    const again = await kiosk.printedText(receipt.receiptNumber);
    expect(again).toContain('Жардам берген кызматкер: Айгүл Сыдыкова (1042)');
    await kiosk.signOut();
    await kiosk.printedText(receipt.receiptNumber);

    expect(kiosk.reprints()).toEqual([
      { actor: '1042', subject: receipt.receiptNumber, details: { outcome: 'saved' } },
      { actor: null, subject: receipt.receiptNumber, details: { outcome: 'saved' } },
    ]);
  });

  it('counts each receipt on its own', async () => {
    const kiosk = await startKiosk();
    const first = await kiosk.submit('ru');
    await kiosk.printedText(first.receiptNumber);
    const second = await kiosk.submit('ru');
    await kiosk.printedText(second.receiptNumber);
    expect(kiosk.reprints()).toEqual([]);
    await kiosk.printedText(second.receiptNumber);
    expect(kiosk.reprints()).toEqual([{ actor: null, subject: second.receiptNumber, details: { outcome: 'saved' } }]);
  });
});
