import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PdfReceiptPrinter, RECEIPT_FILE_KEEP_MS } from '../../../../src/main/core/printing/pdf-receipt-printer.js';
import type { ReceiptDocument } from '../../../../src/main/core/printing/receipt-document.js';
import { useTempFolder } from '../../../support/temp-folder.js';

const tempFolder = useTempFolder();

const receipt = (receiptNumber: string): ReceiptDocument => ({
  heading: 'Арызыңыз кабыл алынды',
  officeName: 'Кеңсе',
  serviceTitle: 'Никени каттоо',
  receiptNumberLabel: 'Номери',
  receiptNumber,
  dateLabel: 'Күнү',
  date: '01.12.2026 09:05',
  stateText: 'Сакталды',
  qrText: receiptNumber,
  feeHeading: 'Сумма',
  fee: '1 640 сом',
  bringHeading: 'Алып келиңиз',
  bring: [{ title: 'Ажырашуу күбөлүгү' }],
  nextHeading: 'Андан ары',
  next: 'Жөнөтүлөт.',
  footer: 'Сактаңыз.',
});

function printerIn(folder: string) {
  return new PdfReceiptPrinter({ folder, regularFont: 'resources/fonts/NotoSans-Regular.ttf', boldFont: 'resources/fonts/NotoSans-Bold.ttf' });
}

describe('receipts the browser shell saves as PDF', () => {
  it('are kept no longer than the host keeps what they say of the answers', async () => {
    const folder = join(tempFolder(), 'receipts');
    mkdirSync(folder, { recursive: true });
    const old = join(folder, 'BSK1-0001-AA.pdf');
    const recent = join(folder, 'BSK1-0002-BB.pdf');
    writeFileSync(old, 'an old receipt');
    writeFileSync(recent, 'a recent receipt');
    const longAgo = (Date.now() - RECEIPT_FILE_KEEP_MS - 60_000) / 1000;
    utimesSync(old, longAgo, longAgo);

    const printer = printerIn(folder);
    // Starting the printer (the host's start) already removes what is past its time.
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);

    const stale = (Date.now() - RECEIPT_FILE_KEEP_MS - 1000) / 1000;
    utimesSync(recent, stale, stale);
    const printed = await printer.print(receipt('BSK1-0003-CC'));
    expect(printed).toMatchObject({ outcome: 'saved', file: join(folder, 'BSK1-0003-CC.pdf') });
    expect(existsSync(recent)).toBe(false);
    expect(existsSync(join(folder, 'BSK1-0003-CC.pdf'))).toBe(true);
  });
});
