import type { JsonWebKey } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startKioskHost, type KioskHost } from '../../src/main/core/host.js';
import { openSealed, submissionAssociatedData } from '../../src/main/core/applications/sealing.js';
import type { CatalogueDocument } from '../../src/shared/content/content-schema.js';
import { catalogueDocumentSchema } from '../../src/shared/content/content-schema.js';
import type { StartedApplication, SubmittedApplication } from '../../src/shared/contract/ipc.js';
import { makePackage, testCatalogue, testKeys, testService, writePackage, writeTrustAnchors } from '../support/content-fixtures.js';
import { signInTechnician } from '../support/staff-fixtures.js';
import { useTempFolder } from '../support/temp-folder.js';

const tempFolder = useTempFolder();
const keys = testKeys('what-to-bring-key');
const PORTAL_PRIVATE_KEY = (JSON.parse(readFileSync('resources/demo-keys/demo-portal-2026.private.json', 'utf8')) as { privateKeyJwk: JsonWebKey })
  .privateKeyJwk;
const text = (ky: string, ru: string, en: string) => ({ ky, ru, en });

/** A marriage-like form: an urgency with a calculated fee, and a question that decides whether a divorce certificate is needed. */
function catalogue(): CatalogueDocument {
  const document = testCatalogue([
    testService('marriage', {
      formId: 'form-marriage',
      price: { amountSom: 300, assumed: false, amountField: 'fee' },
      requiredDocuments: [
        { id: 'passport', title: text('паспорт', 'паспорт', 'passport') },
        {
          id: 'divorce-certificate',
          title: text('ажырашуу күбөлүгү', 'свидетельство о расторжении брака', 'divorce certificate'),
          relevant: { '==': [{ var: 'marriedBefore' }, true] },
        },
      ],
    }),
    testService('e-signature', { additionalLegalTexts: ['certification-centre-policy'] }),
    testService('birth'),
  ]);
  document.forms.push({
    id: 'form-marriage',
    version: 1,
    title: text('никах', 'брак', 'marriage'),
    pages: [
      {
        id: 'urgency',
        fields: [
          {
            id: 'urgency',
            type: 'singleChoice',
            label: text('мөөнөт', 'срок', 'urgency'),
            required: true,
            options: [
              { value: 'standard', label: text('жөнөкөй', 'обычный', 'standard') },
              { value: 'urgent', label: text('шашылыш', 'срочный', 'urgent') },
            ],
          },
          {
            id: 'fee',
            type: 'calculated',
            label: text('сумма', 'сумма', 'amount'),
            format: 'som',
            expression: { if: [{ '==': [{ var: 'urgency' }, 'urgent'] }, 1100, 300] },
          },
        ],
      },
      { id: 'history', fields: [{ id: 'marriedBefore', type: 'yesNo', label: text('мурда', 'ранее', 'before'), required: true }] },
    ],
  });
  document.settings.statusLookupUrl = 'https://portal.kyzmat.example/status/{receiptNumber}';
  document.legalTexts = document.legalTexts.map((legal) =>
    legal.kind === 'certification-centre-policy' ? { ...legal, version: 'cc-7', summary: text('кыскача', 'кратко', 'in short') } : legal,
  );
  return catalogueDocumentSchema.parse(document);
}

const hosts: KioskHost[] = [];
afterEach(() => {
  for (const host of hosts.splice(0)) host.close();
});

async function startHost(clock?: () => Date) {
  const host = await startKioskHost({
    dataFolder: tempFolder(),
    appVersion: '1.0.0',
    kioskCode: 'BSK1',
    fontsFolder: 'resources/fonts',
    trustAnchorsFile: writeTrustAnchors(tempFolder(), [keys.anchor]),
    bundledContentFolder: writePackage(tempFolder(), makePackage({ keys, version: 1, catalogue: catalogue() })),
    clock,
  });
  hosts.push(host);
  const call = async <T>(channel: string, request: unknown) => {
    const result = await host.router.handle(channel, request);
    if (!result.ok) throw Object.assign(new Error(`${result.error.code}: ${result.error.message}`), { code: result.error.code });
    return result.value as T;
  };
  return { host, call };
}

type Call = Awaited<ReturnType<typeof startHost>>['call'];

async function apply(call: Call, serviceId: string, answers: Record<string, unknown>, consent?: (started: StartedApplication) => unknown) {
  const started = await call<StartedApplication>('startApplication', { serviceId });
  const receipt = await call<SubmittedApplication>('submitApplication', {
    applicationId: started.applicationId,
    language: 'ru',
    consent: consent
      ? consent(started)
      : {
          privacyPolicyVersion: started.privacyPolicy.version,
          userAgreementVersion: started.userAgreement.version,
          additional: started.additionalLegalTexts.map((legal) => ({ kind: legal.kind, version: legal.version })),
        },
    answers,
  });
  return { started, receipt };
}

const GENERAL = { lastName: 'Асанова', pin: '11204198500012', phone: '0700 123 456' };

describe('what the receipt says a visitor pays and brings', () => {
  it('states the fee the form calculated for the chosen urgency, not the service’s base price', async () => {
    const { call } = await startHost();
    const urgent = await apply(call, 'marriage', { urgency: 'urgent', marriedBefore: false });
    expect(urgent.receipt.amountToPaySom).toBe(1100);
    const standard = await apply(call, 'marriage', { urgency: 'standard', marriedBefore: false });
    expect(standard.receipt.amountToPaySom).toBe(300);
  });

  it('states the service’s price when the form calculates no fee', async () => {
    const { call } = await startHost();
    const { receipt } = await apply(call, 'birth', GENERAL);
    expect(receipt.amountToPaySom).toBe(100);
    expect(receipt.documentIds).toEqual(['passport']);
  });

  it('lists a divorce certificate only for a visitor who was married before', async () => {
    const { call } = await startHost();
    const first = await apply(call, 'marriage', { urgency: 'standard', marriedBefore: false });
    expect(first.receipt.documentIds).toEqual(['passport']);
    const again = await apply(call, 'marriage', { urgency: 'standard', marriedBefore: true });
    expect(again.receipt.documentIds).toEqual(['passport', 'divorce-certificate']);
  });

  it('gives the status page of the content settings with the receipt number in it', async () => {
    const { call } = await startHost();
    const { receipt } = await apply(call, 'birth', GENERAL);
    expect(receipt.statusLookupUrl).toBe(`https://portal.kyzmat.example/status/${receipt.receiptNumber}`);
  });

  it('keeps the answer-dependent facts out of the database, and forgets them after half an hour', async () => {
    let now = new Date('2026-12-01T06:00:00Z');
    const { call, host } = await startHost(() => now);
    const { receipt } = await apply(call, 'marriage', { urgency: 'urgent', marriedBefore: true });

    const db = new Database(host.databaseFile, { readonly: true });
    const row = JSON.stringify(db.prepare('SELECT * FROM outbox WHERE receipt_number = ?').get(receipt.receiptNumber));
    db.close();
    expect(row).not.toContain('divorce');
    expect(row).not.toContain('1100');

    // The printout states them during the visit; a reprint half an hour later no longer knows them.
    const printedText = async () => {
      const printed = await call<{ outcome: string; file?: string }>('printReceipt', { receiptNumber: receipt.receiptNumber });
      expect(printed.outcome).toBe('saved');
      return execFileSync('pdftotext', [printed.file!, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    };
    expect(await printedText()).toContain('1100');
    now = new Date(now.getTime() + 31 * 60 * 1000);
    // By then the visit is over: a visitor's page may no longer print it, staff still may, without the facts.
    expect(await host.router.handle('printReceipt', { receiptNumber: receipt.receiptNumber })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await signInTechnician(host.router);
    expect(await printedText()).not.toContain('1100');
  });
});

describe('legal texts a service adds to the consent', () => {
  it('shows the certification centre’s policy for the e-signature service only', async () => {
    const { call } = await startHost();
    const signature = await call<StartedApplication>('startApplication', { serviceId: 'e-signature' });
    expect(signature.additionalLegalTexts.map((legal) => [legal.kind, legal.version, legal.summary?.en])).toEqual([
      ['certification-centre-policy', 'cc-7', 'in short'],
    ]);
    const birth = await call<StartedApplication>('startApplication', { serviceId: 'birth' });
    expect(birth.additionalLegalTexts).toEqual([]);
  });

  it('refuses an e-signature application whose consent leaves out the policy or names another version', async () => {
    const { call } = await startHost();
    const omitted = apply(call, 'e-signature', GENERAL, (started) => ({
      privacyPolicyVersion: started.privacyPolicy.version,
      userAgreementVersion: started.userAgreement.version,
    }));
    await expect(omitted).rejects.toMatchObject({ code: 'VALIDATION' });
    const older = apply(call, 'e-signature', GENERAL, (started) => ({
      privacyPolicyVersion: started.privacyPolicy.version,
      userAgreementVersion: started.userAgreement.version,
      additional: [{ kind: 'certification-centre-policy', version: 'cc-6' }],
    }));
    await expect(older).rejects.toMatchObject({ code: 'VALIDATION' });
    const twice = apply(call, 'e-signature', GENERAL, (started) => ({
      privacyPolicyVersion: started.privacyPolicy.version,
      userAgreementVersion: started.userAgreement.version,
      additional: [
        { kind: 'certification-centre-policy', version: 'cc-7' },
        { kind: 'certification-centre-policy', version: 'cc-7' },
      ],
    }));
    await expect(twice).rejects.toMatchObject({ code: 'VALIDATION' });
    // A service that asks for nothing more refuses an extra text too: the record must say what was shown.
    const extra = apply(call, 'birth', GENERAL, (started) => ({
      privacyPolicyVersion: started.privacyPolicy.version,
      userAgreementVersion: started.userAgreement.version,
      additional: [{ kind: 'certification-centre-policy', version: 'cc-7' }],
    }));
    await expect(extra).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('seals the version of the policy the visitor accepted with the application', async () => {
    const { call, host } = await startHost();
    const { started } = await apply(call, 'e-signature', GENERAL);
    const db = new Database(host.databaseFile, { readonly: true });
    const { sealed } = db.prepare('SELECT sealed FROM outbox WHERE id = ?').get(started.applicationId) as { sealed: Buffer };
    db.close();
    const aad = submissionAssociatedData(started.applicationId, 'form-general', 1);
    const opened = JSON.parse(new TextDecoder().decode(await openSealed(PORTAL_PRIVATE_KEY, sealed, aad))) as { consent: unknown };
    expect(opened.consent).toEqual({
      privacyPolicyVersion: '1',
      userAgreementVersion: '1',
      additional: [{ kind: 'certification-centre-policy', version: 'cc-7' }],
      // Nobody was signed in: the visitor consented without a clerk.
      inPresenceOfClerk: null,
    });
  });
});
