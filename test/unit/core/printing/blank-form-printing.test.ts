import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Outbox } from '../../../../src/main/core/applications/outbox.js';
import { CatalogueView } from '../../../../src/main/core/content/catalogue-view.js';
import { BlankFormPdfPrinter } from '../../../../src/main/core/printing/blank-form-pdf-printer.js';
import { withBlankForms, type PrinterPort } from '../../../../src/main/core/printing/printer-port.js';
import { printingHandlers } from '../../../../src/main/core/printing/printing-handlers.js';
import { openDatabase, type KioskDatabase } from '../../../../src/main/core/storage/database.js';
import { createMemoryLogger } from '../../../support/memory-logger.js';
import { useTempFolder } from '../../../support/temp-folder.js';
import { bundledCatalogue } from './bundled-catalogue.js';

const tempFolder = useTempFolder();
const databases: KioskDatabase[] = [];
afterEach(() => {
  for (const db of databases.splice(0)) db.close();
});

const receiptsOnly: PrinterPort = { print: () => Promise.reject(new Error('no receipts in these tests')) };

const BUNDLED = bundledCatalogue();

/** The host's printing handlers over a real outbox; pass `null` for a kiosk with no content applied yet. */
function handlers(printer: PrinterPort, active: CatalogueView | null = BUNDLED) {
  const catalogue = active ?? undefined;
  const db = openDatabase(join(tempFolder(), 'kiosk.sqlite'));
  databases.push(db);
  const log = createMemoryLogger();
  return { log, ...printingHandlers({ printer, outbox: new Outbox(db, 'BSK1'), catalogue: () => catalogue, log }) };
}

function pdfPrinter(folder: string) {
  return withBlankForms(receiptsOnly, BlankFormPdfPrinter.inFolders(folder, 'resources/fonts'));
}

/** The text a person reading the PDF sees, without the line breaks the layout chose. */
const pdfText = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

describe('printing a blank form', () => {
  it('saves an A4 PDF in the visitor’s language with the form’s title, its questions and the office', async () => {
    const folder = tempFolder();
    const { printBlankForm } = handlers(pdfPrinter(folder));
    const result = await printBlankForm({ serviceId: 'id-card-first', language: 'ky' });
    expect(result).toEqual({ ok: true, value: { outcome: 'saved', file: join(folder, 'blank-forms', 'id-card-first-ky.pdf') } });
    const text = pdfText(join(folder, 'blank-forms', 'id-card-first-ky.pdf'));
    expect(text).toContain('ID-картаны алууга арыз');
    expect(text).toContain('ID-картаны алуу (16 жаш)');
    expect(text).toContain('Туулган күнүңүз');
    expect(text).toContain('1-бөлүк');
    expect(text).toContain('Ата же эне 2');
    expect(text).toContain('Колу');
    // The office's name at the foot of every page, so a loose page still says where it belongs.
    const pageCount = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(folder, 'blank-forms', 'id-card-first-ky.pdf')], { encoding: 'utf8' }))![1]);
    expect(pageCount).toBeGreaterThan(1);
    expect(text.split('«Кызмат» борбору, Бишкек (демо)').length - 1).toBe(pageCount);
    expect(text).not.toContain('Part 1');
    const pages = execFileSync('pdfinfo', [join(folder, 'blank-forms', 'id-card-first-ky.pdf')], { encoding: 'utf8' });
    expect(pages).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
  });

  it('writes each language to its own file', async () => {
    const folder = tempFolder();
    const { printBlankForm } = handlers(pdfPrinter(folder));
    await printBlankForm({ serviceId: 'birth-registration', language: 'ru' });
    await printBlankForm({ serviceId: 'birth-registration', language: 'en' });
    expect(pdfText(join(folder, 'blank-forms', 'birth-registration-ru.pdf'))).toContain('Часть 1');
    expect(pdfText(join(folder, 'blank-forms', 'birth-registration-en.pdf'))).toContain('Part 1');
  });

  it('answers NOT_FOUND for a service the catalogue does not hold, and prints nothing', async () => {
    const folder = tempFolder();
    const { printBlankForm } = handlers(pdfPrinter(folder));
    const result = await printBlankForm({ serviceId: 'no-such-service', language: 'ru' });
    expect(result.ok ? result.value : result.error.code).toBe('NOT_FOUND');
    expect(existsSync(join(folder, 'blank-forms'))).toBe(false);
  });

  it('answers NOT_FOUND when the service’s form is missing from the catalogue', async () => {
    const bundled = BUNDLED.document;
    const withoutForm = new CatalogueView({ ...bundled, forms: bundled.forms.filter((form) => form.id !== 'form-id-card-first') });
    const { printBlankForm } = handlers(pdfPrinter(tempFolder()), withoutForm);
    const result = await printBlankForm({ serviceId: 'id-card-first', language: 'en' });
    expect(result.ok ? result.value : result.error.code).toBe('NOT_FOUND');
  });

  it('answers NOT_FOUND while no content is active', async () => {
    const { printBlankForm } = handlers(pdfPrinter(tempFolder()), null);
    const result = await printBlankForm({ serviceId: 'id-card-first', language: 'en' });
    expect(result.ok ? result.value : result.error.code).toBe('NOT_FOUND');
  });

  it('tells the visitor there is no printer where the kiosk has only a receipt printer', async () => {
    const { printBlankForm } = handlers(receiptsOnly);
    expect(await printBlankForm({ serviceId: 'id-card-first', language: 'en' })).toEqual({ ok: true, value: { outcome: 'failed', reason: 'NO_PRINTER' } });
  });

  it('reports a printer that fails as a failed print and logs no form content', async () => {
    const failing = withBlankForms(receiptsOnly, { printBlankForm: () => Promise.reject(new Error('paper jam')) });
    const { printBlankForm, log } = handlers(failing);
    expect(await printBlankForm({ serviceId: 'id-card-first', language: 'en' })).toEqual({ ok: true, value: { outcome: 'failed', reason: 'PRINT_FAILED' } });
    expect(log.records.map((record) => record.event)).toContain('blank_form_print_failed');
  });
});
