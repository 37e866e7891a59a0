import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Outbox, type NewOutboxEntry } from '../../../../src/main/core/applications/outbox.js';
import { auditRecorder } from '../../../../src/main/core/audit/audit-recorder.js';
import { AuditTrail } from '../../../../src/main/core/audit/audit-trail.js';
import { CatalogueView } from '../../../../src/main/core/content/catalogue-view.js';
import { createHostTranslations } from '../../../../src/main/core/i18n/host-translations.js';
import type { PrinterPort, PrintOutcome } from '../../../../src/main/core/printing/printer-port.js';
import { printingHandlers } from '../../../../src/main/core/printing/printing-handlers.js';
import { composeReceipt } from '../../../../src/main/core/printing/receipt-composer.js';
import type { ReceiptDocument } from '../../../../src/main/core/printing/receipt-document.js';
import { openDatabase, type KioskDatabase } from '../../../../src/main/core/storage/database.js';
import type { StaffRecord } from '../../../../src/shared/content/staff-schema.js';
import type { Language } from '../../../../src/shared/domain/languages.js';
import { testCatalogue, testService } from '../../../support/content-fixtures.js';
import { createMemoryLogger } from '../../../support/memory-logger.js';
import { TEST_TECHNICIAN } from '../../../support/staff-fixtures.js';
import { useTempFolder } from '../../../support/temp-folder.js';

const tempFolder = useTempFolder();
const databases: KioskDatabase[] = [];
afterEach(() => {
  for (const db of databases.splice(0)) db.close();
});

/** The test technician's hash stands in: composing a receipt never checks a PIN. */
const CLERK: StaffRecord = { ...TEST_TECHNICIAN, staffId: '1042', displayName: 'Айгүл Сыдыкова', roles: ['clerk'] };

function kiosk(staff: StaffRecord[] = [CLERK]) {
  const db = openDatabase(join(tempFolder(), 'kiosk.sqlite'));
  databases.push(db);
  const outbox = new Outbox(db, 'BSK1');
  let catalogue = new CatalogueView({ ...testCatalogue([testService('birth')]), staff });
  const apply = (assistedBy: string | null, language: Language = 'en') =>
    outbox.enqueue({
      id: crypto.randomUUID(),
      serviceId: 'birth',
      formId: 'form-general',
      formVersion: 1,
      contentVersion: 1,
      privacyPolicyVersion: '1',
      userAgreementVersion: '1',
      language,
      createdAt: '2026-12-01T09:00:00.000Z',
      sealed: new Uint8Array([1, 2, 3]),
      sealedFormat: 'hpke-v1',
      sealedKeyId: 'test-portal',
      assistedBy,
    } satisfies NewOutboxEntry);
  const sources = {
    stored: (receiptNumber: string) => outbox.byReceiptNumber(receiptNumber),
    catalogue: () => catalogue,
    translations: createHostTranslations(),
  };
  return { db, outbox, apply, sources, replaceStaff: (next: StaffRecord[]) => (catalogue = new CatalogueView({ ...catalogue.document, staff: next })) };
}

describe('the receipt composer and the assisting clerk', () => {
  it('names the clerk as the active content lists them, by the id alone once a package has removed the record', () => {
    const { apply, sources, replaceStaff } = kiosk();
    const { receiptNumber } = apply('1042', 'ru');
    expect(composeReceipt(receiptNumber, sources)?.assistedBy).toBe('Помог оформить сотрудник: Айгүл Сыдыкова (1042)');
    replaceStaff([{ ...CLERK, displayName: 'Айгүл Сыдыкова-Токтогулова' }]);
    expect(composeReceipt(receiptNumber, sources)?.assistedBy).toBe('Помог оформить сотрудник: Айгүл Сыдыкова-Токтогулова (1042)');
    replaceStaff([]);
    expect(composeReceipt(receiptNumber, sources)?.assistedBy).toBe('Помог оформить сотрудник: 1042');
  });

  it('has no clerk line for a visitor alone', () => {
    const { apply, sources } = kiosk();
    const composed = composeReceipt(apply(null).receiptNumber, sources);
    expect(composed).toBeDefined();
    expect(composed).not.toHaveProperty('assistedBy');
  });
});

describe('reprints in the audit trail', () => {
  function printing(outcomes: PrintOutcome[], actor: () => string | null = () => null) {
    const setup = kiosk();
    const trail = new AuditTrail(setup.db);
    const printed: ReceiptDocument[] = [];
    const printer: PrinterPort = {
      print: (receipt) => {
        printed.push(receipt);
        const outcome = outcomes.shift();
        return outcome ? Promise.resolve(outcome) : Promise.reject(new Error('paper jam'));
      },
    };
    const handlers = printingHandlers({
      printer,
      outbox: setup.outbox,
      catalogue: setup.sources.catalogue,
      log: createMemoryLogger(),
      recordAudit: auditRecorder(trail, createMemoryLogger()),
      actor,
    });
    const reprints = () =>
      trail
        .entriesAfter(0, 100)
        .filter((entry) => entry.kind === 'receipt_reprint')
        .map(({ actor: who, subject, details }) => ({ actor: who, subject, details }));
    return { ...setup, handlers, reprints, printed };
  }

  it('does not count a failed first print: the print that works after it is the visitor’s receipt, a failure after it a failed reprint', async () => {
    const { apply, handlers, reprints } = printing([{ outcome: 'failed', reason: 'NO_PRINTER' }, { outcome: 'printed' }, { outcome: 'failed', reason: 'NO_PRINTER' }]);
    const { receiptNumber } = apply('1042');
    expect(await handlers.printReceipt({ receiptNumber })).toEqual({ ok: true, value: { outcome: 'failed', reason: 'NO_PRINTER' } });
    expect(await handlers.printReceipt({ receiptNumber })).toEqual({ ok: true, value: { outcome: 'printed' } });
    expect(reprints()).toEqual([]);
    await handlers.printReceipt({ receiptNumber });
    // The printer threw: the visitor is told it failed, and the trail says so.
    expect(await handlers.printReceipt({ receiptNumber })).toEqual({ ok: true, value: { outcome: 'failed', reason: 'PRINT_FAILED' } });
    expect(reprints()).toEqual([
      { actor: null, subject: receiptNumber, details: { outcome: 'failed', reason: 'NO_PRINTER' } },
      { actor: null, subject: receiptNumber, details: { outcome: 'failed', reason: 'PRINT_FAILED' } },
    ]);
  });

  it('names the signed-in clerk as the actor of a reprint', async () => {
    const { apply, handlers, reprints } = printing([{ outcome: 'printed' }, { outcome: 'printed' }], () => '1042');
    const { receiptNumber } = apply(null);
    await handlers.printReceipt({ receiptNumber });
    await handlers.printReceipt({ receiptNumber });
    expect(reprints()).toEqual([{ actor: '1042', subject: receiptNumber, details: { outcome: 'printed' } }]);
  });

  it('prints nothing and records nothing for a number this kiosk did not issue', async () => {
    const { handlers, reprints, printed } = printing([{ outcome: 'printed' }]);
    expect(await handlers.printReceipt({ receiptNumber: 'BSK1-0000-1Z' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(printed).toEqual([]);
    expect(reprints()).toEqual([]);
  });
});
