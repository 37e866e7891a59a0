import { generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startKioskHost, type KioskHost } from '../../src/main/core/host.js';
import { openSealed, submissionAssociatedData } from '../../src/main/core/applications/sealing.js';
import type { StartedApplication, SubmittedApplication } from '../../src/shared/contract/ipc.js';
import { normaliseReceiptNumber } from '../../src/shared/domain/receipt-number.js';
import { makePackage, testCatalogue, testKeys, testService, writePackage, writeTrustAnchors } from '../support/content-fixtures.js';
import { signInTechnician } from '../support/staff-fixtures.js';
import { useTempFolder } from '../support/temp-folder.js';

const tempFolder = useTempFolder();
const keys = testKeys('submission-key');
const PORTAL_PRIVATE_KEY = (JSON.parse(readFileSync('resources/demo-keys/demo-portal-2026.private.json', 'utf8')) as { privateKeyJwk: JsonWebKey })
  .privateKeyJwk;

const VISITOR = { lastName: 'Асанова', pin: '11204198500012', phone: '0700 123 456' };

const hosts: KioskHost[] = [];
afterEach(() => {
  for (const host of hosts.splice(0)) host.close();
});

async function startHost(dataFolder = tempFolder()) {
  const host = await startKioskHost({
    dataFolder,
    appVersion: '1.0.0',
    kioskCode: 'BSK1',
    fontsFolder: 'resources/fonts',
    trustAnchorsFile: writeTrustAnchors(tempFolder(), [keys.anchor]),
    bundledContentFolder: writePackage(tempFolder(), makePackage({ keys, version: 1 })),
  });
  hosts.push(host);
  const call = async <T>(channel: string, request: unknown) => {
    const result = await host.router.handle(channel, request);
    if (!result.ok) throw Object.assign(new Error(result.error.code), { code: result.error.code });
    return result.value as T;
  };
  return { host, dataFolder, call };
}

async function submitVisit(call: Awaited<ReturnType<typeof startHost>>['call'], answers: Record<string, unknown> = VISITOR) {
  const started = await call<StartedApplication>('startApplication', { serviceId: 'birth' });
  const receipt = await call<SubmittedApplication>('submitApplication', {
    applicationId: started.applicationId,
    language: 'ky',
    consent: { privacyPolicyVersion: started.privacyPolicy.version, userAgreementVersion: started.userAgreement.version },
    answers,
  });
  return { started, receipt };
}

/** Every file the kiosk writes: database, WAL, shared memory, logs, receipts. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('submitting an application', () => {
  it('answers with a receipt only after the sealed application is committed to the outbox', async () => {
    const { call, host } = await startHost();
    const { started, receipt } = await submitVisit(call);
    expect(started.applicationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/); // UUIDv7
    expect(normaliseReceiptNumber(receipt.receiptNumber)).toBe(receipt.receiptNumber);
    expect(receipt.receiptNumber.startsWith('BSK1-')).toBe(true);
    expect(receipt.state).toBe('queued');

    const db = new Database(host.databaseFile, { readonly: true });
    const row = db.prepare('SELECT * FROM outbox WHERE receipt_number = ?').get(receipt.receiptNumber) as Record<string, unknown>;
    db.close();
    expect(row).toMatchObject({
      id: started.applicationId,
      service_id: 'birth',
      form_id: 'form-general',
      form_version: 1,
      content_version: 1,
      privacy_policy_version: '1',
      user_agreement_version: '1',
      language: 'ky',
      state: 'queued',
      sealed_key_id: 'test-portal',
    });
  });

  it('shows the receipt of a committed application even when telling the page about it fails', async () => {
    const { call, host } = await startHost();
    host.events.subscribe(() => {
      throw new Error('the window is gone');
    });
    const { receipt } = await submitVisit(call);
    expect(receipt.state).toBe('queued');
    expect(await call('lookupApplication', { receiptNumber: receipt.receiptNumber })).toMatchObject({ queuedHere: true });
  });

  it('seals the answers so that only the portal can open them, normalised by the form engine', async () => {
    const { call, host, dataFolder } = await startHost();
    const { started } = await submitVisit(call);
    const db = new Database(host.databaseFile, { readonly: true });
    const { sealed } = db.prepare('SELECT sealed FROM outbox WHERE id = ?').get(started.applicationId) as { sealed: Buffer };
    db.close();
    const aad = submissionAssociatedData(started.applicationId, 'form-general', 1);

    const opened = JSON.parse(new TextDecoder().decode(await openSealed(PORTAL_PRIVATE_KEY, sealed, aad))) as { answers: Record<string, unknown> };
    expect(opened.answers).toEqual({ lastName: 'Асанова', pin: '11204198500012', phone: '+996700123456' });

    // The kiosk holds no key that opens it: a key it could have made itself fails, and so does another row's binding.
    const stranger = generateKeyPairSync('x25519').privateKey.export({ format: 'jwk' });
    await expect(openSealed(stranger, sealed, aad)).rejects.toThrow();
    await expect(openSealed(PORTAL_PRIVATE_KEY, sealed, submissionAssociatedData('00000000-0000-7000-8000-000000000000', 'form-general', 1))).rejects.toThrow();
    // Nor is the portal's private key anywhere on the kiosk's disk, in any encoding it could take.
    const secret = Buffer.from(PORTAL_PRIVATE_KEY.d!, 'base64url');
    for (const file of filesUnder(dataFolder)) {
      const bytes = readFileSync(file);
      for (const form of [secret, Buffer.from(PORTAL_PRIVATE_KEY.d!), Buffer.from(secret.toString('base64')), Buffer.from('PRIVATE KEY')]) {
        expect(bytes.includes(form), file).toBe(false);
      }
    }
  });

  it('leaves no PIN, name or phone of the visit in the database, its WAL, the logs or the receipts', async () => {
    const { call, dataFolder } = await startHost();
    const { receipt } = await submitVisit(call);
    await call('printReceipt', { receiptNumber: receipt.receiptNumber });
    const needles = [VISITOR.pin, VISITOR.lastName, '700123456', '700 123 456'];
    const files = filesUnder(dataFolder);
    expect(files.some((file) => file.endsWith('-wal'))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const needle of needles) {
        for (const encoding of ['utf8', 'utf16le'] as const) {
          expect(bytes.includes(Buffer.from(needle, encoding)), `${needle} (${encoding}) in ${file}`).toBe(false);
        }
      }
    }
  });

  it('refuses what the screen would have refused, and keeps nothing', async () => {
    const { call, host } = await startHost();
    const refused = async (answers: Record<string, unknown>) => {
      const started = await call<StartedApplication>('startApplication', { serviceId: 'birth' });
      return host.router.handle('submitApplication', {
        applicationId: started.applicationId,
        language: 'ru',
        consent: { privacyPolicyVersion: '1', userAgreementVersion: '1' },
        answers,
      });
    };
    for (const answers of [
      { ...VISITOR, pin: '13102198500012' }, // 31 February
      { ...VISITOR, pin: '' },
      { ...VISITOR, lastName: 'Asanova' }, // Latin where Cyrillic is asked
      { ...VISITOR, phone: '+7 912 345 67 89' },
      { ...VISITOR, extra: 'field the form does not have' },
      { ...VISITOR, lastName: 'Я'.repeat(10_000) },
    ]) {
      const result = await refused(answers);
      expect(result, JSON.stringify(answers).slice(0, 80)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!result.ok) expect(result.error.message).not.toContain('13102198500012');
    }
    const db = new Database(host.databaseFile, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses consent to texts other than the ones shown, and an application it does not know', async () => {
    const { call, host } = await startHost();
    const started = await call<StartedApplication>('startApplication', { serviceId: 'birth' });
    expect(
      await host.router.handle('submitApplication', {
        applicationId: started.applicationId,
        language: 'ru',
        consent: { privacyPolicyVersion: '0', userAgreementVersion: '1' },
        answers: VISITOR,
      }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(
      await host.router.handle('submitApplication', {
        applicationId: '01900000-0000-7000-8000-000000000000',
        language: 'ru',
        consent: { privacyPolicyVersion: '1', userAgreementVersion: '1' },
        answers: VISITOR,
      }),
    ).toMatchObject({ ok: false, error: { code: 'APPLICATION_UNKNOWN' } });
  });

  it('says NOT_SAVED and shows no receipt when the write fails, and leaves no row or number behind', async () => {
    const { call, host } = await startHost();
    const first = await submitVisit(call);
    const writer = new Database(host.databaseFile);
    writer.exec("CREATE TRIGGER disk_full BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;");
    const started = await call<StartedApplication>('startApplication', { serviceId: 'birth' });
    const result = await host.router.handle('submitApplication', {
      applicationId: started.applicationId,
      language: 'ky',
      consent: { privacyPolicyVersion: '1', userAgreementVersion: '1' },
      answers: VISITOR,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_SAVED' } });
    writer.exec('DROP TRIGGER disk_full');
    writer.close();
    const next = await submitVisit(call);
    expect(next.receipt.receiptNumber).not.toBe(first.receipt.receiptNumber);
    const numbers = new Database(host.databaseFile, { readonly: true });
    try {
      expect(numbers.prepare('SELECT receipt_number AS receiptNumber FROM outbox ORDER BY created_at, rowid').all()).toEqual([
        { receiptNumber: first.receipt.receiptNumber },
        { receiptNumber: next.receipt.receiptNumber },
      ]);
    } finally {
      numbers.close();
    }
  });

  it('finishes a visit on the form version it began with, even when new content arrives meanwhile', async () => {
    const media = tempFolder();
    const dataFolder = tempFolder();
    const host = await startKioskHost({
      dataFolder,
      appVersion: '1.0.0',
      kioskCode: 'BSK1',
      fontsFolder: 'resources/fonts',
      trustAnchorsFile: writeTrustAnchors(tempFolder(), [keys.anchor]),
      bundledContentFolder: writePackage(tempFolder(), makePackage({ keys, version: 1 })),
      removableMediaRoots: [media],
    });
    hosts.push(host);
    const call = async <T>(channel: string, request: unknown) => {
      const result = await host.router.handle(channel, request);
      if (!result.ok) throw new Error(result.error.code);
      return result.value as T;
    };
    const started = await call<StartedApplication>('startApplication', { serviceId: 'birth' });
    // Version 2 of the form asks one more required question, which this visitor was never shown.
    const catalogue = testCatalogue([testService('birth')]);
    const form = catalogue.forms[0]!;
    catalogue.forms[0] = {
      ...form,
      version: 2,
      pages: [...form.pages, { id: 'email', fields: [{ id: 'email', type: 'email', label: { ky: 'e', ru: 'e', en: 'e' }, required: true }] }],
    };
    writePackage(join(media, 'kyzmat-content'), makePackage({ keys, version: 2, catalogue }));
    await signInTechnician(host.router);
    expect(await call('importContentFromRemovableMedia', {})).toEqual({ outcome: 'applied', version: 2 });
    await call<SubmittedApplication>('submitApplication', {
      applicationId: started.applicationId,
      language: 'ky',
      consent: { privacyPolicyVersion: '1', userAgreementVersion: '1' },
      answers: VISITOR,
    });
    const db = new Database(host.databaseFile, { readonly: true });
    expect(db.prepare('SELECT content_version, form_version FROM outbox WHERE id = ?').get(started.applicationId)).toEqual({
      content_version: 1,
      form_version: 1,
    });
    db.close();
  });

  it('keeps counting receipts across a restart, so no number is ever given twice', async () => {
    const dataFolder = tempFolder();
    const first = await startHost(dataFolder);
    const a = await submitVisit(first.call);
    first.host.close();
    const second = await startHost(dataFolder);
    const b = await submitVisit(second.call);
    expect(b.receipt.receiptNumber).not.toBe(a.receipt.receiptNumber);
  });

  it('prints the receipt as a PDF the host writes in the visitor’s language, and only for a receipt it issued', async () => {
    const { call, dataFolder, host } = await startHost();
    const { receipt } = await submitVisit(call);
    const printed = await call<{ outcome: string; file: string }>('printReceipt', { receiptNumber: receipt.receiptNumber });
    expect(printed.outcome).toBe('saved');
    expect(printed.file).toBe(join(dataFolder, 'receipts', `${receipt.receiptNumber}.pdf`));
    expect(existsSync(printed.file)).toBe(true);
    const text = execFileSync('pdftotext', [printed.file, '-'], { encoding: 'utf8' });
    expect(text).toContain(receipt.receiptNumber);
    // The visit was in Kyrgyz: the host's words, the office and the service's documents in Kyrgyz.
    for (const words of ['Арызыңыз кабыл алынды', 'Тест кеңсеси', 'birth ky', 'паспорт', 'Ушул киоскто сакталды']) expect(text).toContain(words);
    // Another number, issued or not, is for staff only (older numbers ran in sequence), and the page says nothing of which exist.
    expect(await host.router.handle('printReceipt', { receiptNumber: 'BSK1-0000-ZZ' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const { receipt: next } = await submitVisit(call);
    expect(await host.router.handle('printReceipt', { receiptNumber: receipt.receiptNumber })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call<{ outcome: string }>('printReceipt', { receiptNumber: next.receiptNumber })).toMatchObject({ outcome: 'saved' });
    await signInTechnician(host.router);
    expect(await call<{ outcome: string }>('printReceipt', { receiptNumber: receipt.receiptNumber })).toMatchObject({ outcome: 'saved' });
    expect(await host.router.handle('printReceipt', { receiptNumber: 'BSK1-0000-ZZ' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // The page names a number and nothing else: it cannot put words of its own on the paper.
    expect(await host.router.handle('printReceipt', { receiptNumber: receipt.receiptNumber, heading: 'Free money' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });
});
