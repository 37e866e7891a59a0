import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PdfReceiptPrinter } from '../../../../src/main/core/printing/pdf-receipt-printer.js';
import type { ReceiptDocument } from '../../../../src/main/core/printing/receipt-document.js';
import { useTempFolder } from '../../../support/temp-folder.js';

const tempFolder = useTempFolder();

const RECEIPT: ReceiptDocument = {
  heading: 'Арызыңыз кабыл алынды',
  officeName: '«Кызмат» борбору',
  serviceTitle: 'Никени каттоо',
  receiptNumberLabel: 'Арыздын номери',
  receiptNumber: 'BSK1-0042-7Q',
  dateLabel: 'Күнү',
  date: '21.11.2026 09:05',
  stateText: 'Ушул киоскто сакталды. Кызматка өзү жөнөтүлөт, сизден эч нерсе талап кылынбайт.',
  qrText: 'https://portal.kyzmat.example/status/BSK1-0042-7Q',
  qrCaption: 'Арызыңыздын абалын билүү үчүн кодду сканерлеңиз.',
  feeHeading: 'Төлөнүүчү сумма',
  fee: '1 640 сом',
  paymentHeading: 'Кантип жана кайда төлөө керек',
  payment: 'Алымды ушул залдагы банктын кассасында же төлөм терминалында төлөңүз.',
  bringHeading: 'Өзүңүз менен алып келиңиз',
  bring: [{ title: 'Экөөнүн тең паспорттору' }, { title: 'Биргелешкен арыз', note: 'Экөө тең кол коёт.' }],
  nextHeading: 'Мындан ары эмне болот',
  next: 'Арызыңыз Мамлекеттик каттоо кызматына жөнөтүлөт.',
  footer: 'Бул квитанцияны сактап коюңуз.',
};

async function printed(receipt: ReceiptDocument) {
  const printer = PdfReceiptPrinter.inFolders(tempFolder(), 'resources/fonts');
  const outcome = await printer.print(receipt);
  if (outcome.outcome !== 'saved') throw new Error(`not saved: ${outcome.outcome}`);
  const words = execFileSync('pdftotext', [outcome.file, '-'], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [outcome.file], { encoding: 'utf8' }))?.[1]);
  const height = Number(/Page size:\s+[\d.]+ x ([\d.]+)/.exec(execFileSync('pdfinfo', [outcome.file], { encoding: 'utf8' }))?.[1]);
  // pdftotext breaks lines where the slip wraps them; a reader follows the words.
  return { text: words.replace(/\s+/g, ' '), pages, height };
}

describe('the receipt saved as a PDF', () => {
  it('states the fee, how to pay, each document with its note, the state and the status-page caption', async () => {
    const { text } = await printed(RECEIPT);
    expect(text).toContain('BSK1-0042-7Q');
    expect(text).toContain('Төлөнүүчү сумма: 1 640 сом');
    expect(text).toContain('Кантип жана кайда төлөө керек');
    expect(text).toContain('Алымды ушул залдагы банктын кассасында же төлөм терминалында төлөңүз.');
    expect(text).toContain('• Экөөнүн тең паспорттору');
    expect(text).toContain('• Биргелешкен арыз Экөө тең кол коёт.');
    expect(text).toContain('Кызматка өзү жөнөтүлөт, сизден эч нерсе талап кылынбайт.');
    expect(text).toContain('Арызыңыздын абалын билүү үчүн кодду сканерлеңиз.');
  });

  it('leaves out the payment lines when the receipt has none', async () => {
    const { text } = await printed({ ...RECEIPT, fee: 'Акысыз', paymentHeading: undefined, payment: undefined });
    expect(text).toContain('Төлөнүүчү сумма: Акысыз');
    expect(text).not.toContain('Кантип жана кайда');
  });

  it('is one strip of paper as long as what it says, however long the list', async () => {
    const short = await printed(RECEIPT);
    const many = Array.from({ length: 30 }, (_, index) => ({ title: `Документ ${index + 1}`, note: 'Эскертүү.' }));
    const long = await printed({ ...RECEIPT, bring: many });
    expect(short.pages).toBe(1);
    expect(long.pages).toBe(1);
    expect(long.text).toContain('• Документ 30');
    expect(long.height).toBeGreaterThan(short.height + 300);
  });
});
