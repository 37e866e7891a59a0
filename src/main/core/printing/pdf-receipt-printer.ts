import { createWriteStream, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { ReceiptDocument } from './receipt-document.js';
import type { PrinterPort, PrintOutcome } from './printer-port.js';

export interface PdfReceiptPrinterOptions {
  folder: string;
  /** A TrueType font with all of Latin and Cyrillic (ң ө ү): resources/fonts. */
  regularFont: string;
  boldFont: string;
}

/** Receipt slip width: 80 mm thermal paper, in PDF points. */
const WIDTH = 227;
const MARGIN = 14;

/**
 * Saves the receipt as a PDF (the browser shell's printer). The receipt holds no personal data:
 * service, receipt number, date, what to bring and what happens next.
 */
export class PdfReceiptPrinter implements PrinterPort {
  constructor(private readonly options: PdfReceiptPrinterOptions) {}

  /** Receipts saved under the data folder, in the fonts shipped in resources/fonts. */
  static inFolders(dataFolder: string, fontsFolder: string): PdfReceiptPrinter {
    return new PdfReceiptPrinter({
      folder: join(dataFolder, 'receipts'),
      regularFont: join(fontsFolder, 'NotoSans-Regular.ttf'),
      boldFont: join(fontsFolder, 'NotoSans-Bold.ttf'),
    });
  }

  async print(receipt: ReceiptDocument): Promise<PrintOutcome> {
    // Loaded on the first print, not at start-up: pdfkit alone adds about a tenth of a second.
    const [{ default: PDFDocument }, { default: QRCode }] = await Promise.all([import('pdfkit'), import('qrcode')]);
    mkdirSync(this.options.folder, { recursive: true });
    const file = join(this.options.folder, `${receipt.receiptNumber}.pdf`);
    const partial = `${file}.partial`;
    const document = new PDFDocument({ size: [WIDTH, 600], margin: MARGIN, info: { Title: receipt.heading, Producer: 'Kyzmat Kiosk' } });
    document.registerFont('regular', this.options.regularFont);
    document.registerFont('bold', this.options.boldFont);
    const written = new Promise<void>((resolve, reject) => {
      const stream = createWriteStream(partial);
      stream.on('finish', resolve);
      stream.on('error', reject);
      document.pipe(stream);
    });
    const width = WIDTH - 2 * MARGIN;

    document.font('bold').fontSize(12).text(receipt.heading, { width, align: 'center' });
    document.moveDown(0.3).font('regular').fontSize(9).text(receipt.officeName, { width, align: 'center' });
    document.moveDown(0.6).font('bold').fontSize(10).text(receipt.serviceTitle, { width });
    document.moveDown(0.6).font('regular').fontSize(8).text(receipt.receiptNumberLabel, { width, align: 'center' });
    // The number's own characters carry no text tags, so a PDF search or text layer finds it as typed.
    document.font('bold').fontSize(18).text(receipt.receiptNumber, { width, align: 'center', characterSpacing: 1 });
    const qr = QRCode.create(receipt.receiptNumber, { errorCorrectionLevel: 'M' });
    const moduleSize = 3;
    const qrWidth = qr.modules.size * moduleSize;
    const left = (WIDTH - qrWidth) / 2;
    const top = document.y + 6;
    for (let row = 0; row < qr.modules.size; row++) {
      for (let column = 0; column < qr.modules.size; column++) {
        if (qr.modules.get(row, column)) document.rect(left + column * moduleSize, top + row * moduleSize, moduleSize, moduleSize);
      }
    }
    document.fill('#000000');
    document.y = top + qrWidth + 8;
    document.x = MARGIN;
    document.font('regular').fontSize(9).text(`${receipt.dateLabel}: ${receipt.date}`, { width });
    document.text(receipt.stateText, { width });
    document.moveDown(0.6).font('bold').text(receipt.bringHeading, { width });
    document.font('regular');
    for (const item of receipt.bring) document.text(`• ${item}`, { width, indent: 4 });
    document.moveDown(0.6).font('bold').text(receipt.nextHeading, { width });
    document.font('regular').text(receipt.next, { width });
    document.moveDown(0.6).fontSize(8).text(receipt.footer, { width, align: 'center' });
    document.end();
    await written;
    renameSync(partial, file);
    return { outcome: 'saved', file };
  }
}
