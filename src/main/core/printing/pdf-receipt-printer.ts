import { createWriteStream, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { registerPdfFonts, type PdfFontFiles } from './pdf-fonts.js';
import type { ReceiptDocument } from './receipt-document.js';
import type { PrinterPort, PrintOutcome } from './printer-port.js';

export interface PdfReceiptPrinterOptions extends PdfFontFiles {
  folder: string;
  /** How long a saved receipt is kept (ms); the default is as long as the host remembers a receipt's answer-dependent facts. */
  keepMs?: number;
  clock?: () => Date;
}

/**
 * A printed slip states the fee and the documents worked out from the answers (a divorce certificate
 * says the visitor was married before). Paper leaves with the visitor; this printer's "paper" is a
 * file, so it is kept no longer than the host keeps those facts in memory.
 */
export const RECEIPT_FILE_KEEP_MS = 30 * 60 * 1000;

type PdfDocument = PDFKit.PDFDocument;
type QrModules = { size: number; get(row: number, column: number): number | boolean };

/** Receipt slip width: 80 mm thermal paper, in PDF points. */
const WIDTH = 227;
const MARGIN = 14;
/** Tall enough for any receipt; the first pass measures on it, the saved slip is cut to fit. */
const MEASURING_HEIGHT = 5000;
const QR_MAX_WIDTH = 120;

/**
 * Saves the receipt as a PDF (the browser shell's printer). The receipt holds no personal data:
 * service, number, date, state, the fee, how to pay, what to bring and what happens next.
 */
export class PdfReceiptPrinter implements PrinterPort {
  constructor(private readonly options: PdfReceiptPrinterOptions) {
    this.removeExpired();
  }

  /** Receipts saved under the data folder, in the fonts shipped in resources/fonts. */
  static inFolders(dataFolder: string, fontsFolder: string): PdfReceiptPrinter {
    return new PdfReceiptPrinter({
      folder: join(dataFolder, 'receipts'),
      regularFont: join(fontsFolder, 'NotoSans-Regular.ttf'),
      boldFont: join(fontsFolder, 'NotoSans-Bold.ttf'),
    });
  }

  /** Deletes saved receipts older than the keeping time (secure_delete does not reach files, so they go whole). */
  private removeExpired(): void {
    const oldest = (this.options.clock?.() ?? new Date()).getTime() - (this.options.keepMs ?? RECEIPT_FILE_KEEP_MS);
    let names: string[];
    try {
      names = readdirSync(this.options.folder);
    } catch {
      return; // Nothing printed yet.
    }
    for (const name of names) {
      const path = join(this.options.folder, name);
      try {
        if (statSync(path).mtimeMs < oldest) rmSync(path, { force: true });
      } catch {
        // Removed meanwhile, or unreadable: the next print tries again.
      }
    }
  }

  async print(receipt: ReceiptDocument): Promise<PrintOutcome> {
    // Loaded on the first print, not at start-up: pdfkit alone adds about a tenth of a second.
    const [{ default: PDFDocument }, { default: QRCode }] = await Promise.all([import('pdfkit'), import('qrcode')]);
    const qr = QRCode.create(receipt.qrText, { errorCorrectionLevel: 'M' }).modules;
    const open = async (height: number) => {
      const document = new PDFDocument({ size: [WIDTH, height], margin: MARGIN, info: { Title: receipt.heading, Producer: 'Kyzmat Kiosk' } });
      await registerPdfFonts(document, this.options);
      return document;
    };
    // A thermal slip is one strip: lay it out once to measure, then write it at exactly that length.
    const measured = await open(MEASURING_HEIGHT);
    const height = Math.ceil(layOut(measured, receipt, qr) + MARGIN);

    mkdirSync(this.options.folder, { recursive: true });
    this.removeExpired();
    const file = join(this.options.folder, `${receipt.receiptNumber}.pdf`);
    const partial = `${file}.partial`;
    const document = await open(height);
    const written = new Promise<void>((resolve, reject) => {
      const stream = createWriteStream(partial);
      stream.on('finish', resolve);
      stream.on('error', reject);
      document.pipe(stream);
    });
    layOut(document, receipt, qr);
    document.end();
    await written;
    renameSync(partial, file);
    return { outcome: 'saved', file };
  }
}

/** Writes the slip top to bottom and answers where it ended. */
function layOut(document: PdfDocument, receipt: ReceiptDocument, qr: QrModules): number {
  const width = WIDTH - 2 * MARGIN;
  document.font('bold').fontSize(12).text(receipt.heading, { width, align: 'center' });
  document.moveDown(0.3).font('regular').fontSize(9).text(receipt.officeName, { width, align: 'center' });
  document.moveDown(0.6).font('bold').fontSize(10).text(receipt.serviceTitle, { width });
  document.moveDown(0.6).font('regular').fontSize(8).text(receipt.receiptNumberLabel, { width, align: 'center' });
  // The number's own characters carry no text tags, so a PDF search or text layer finds it as typed.
  document.font('bold').fontSize(18).text(receipt.receiptNumber, { width, align: 'center', characterSpacing: 1 });

  const moduleSize = Math.min(3, QR_MAX_WIDTH / qr.size);
  const qrWidth = qr.size * moduleSize;
  const left = (WIDTH - qrWidth) / 2;
  // Four modules of white around the code, as scanners expect (the paper is the white).
  const quietZone = 4 * moduleSize;
  const top = document.y + quietZone;
  for (let row = 0; row < qr.size; row++) {
    for (let column = 0; column < qr.size; column++) {
      if (qr.get(row, column)) document.rect(left + column * moduleSize, top + row * moduleSize, moduleSize, moduleSize);
    }
  }
  document.fill('#000000');
  document.y = top + qrWidth + quietZone;
  document.x = MARGIN;
  if (receipt.qrCaption) document.font('regular').fontSize(8).text(receipt.qrCaption, { width, align: 'center' });

  document.moveDown(0.4).font('regular').fontSize(9).text(`${receipt.dateLabel}: ${receipt.date}`, { width });
  document.text(receipt.stateText, { width });
  if (receipt.assistedBy) document.text(receipt.assistedBy, { width });

  if (receipt.feeHeading && receipt.fee) document.moveDown(0.6).font('bold').text(`${receipt.feeHeading}: ${receipt.fee}`, { width });
  if (receipt.paymentHeading && receipt.payment) {
    document.moveDown(0.4).font('bold').text(receipt.paymentHeading, { width });
    document.font('regular').text(receipt.payment, { width });
  }

  document.moveDown(0.6).font('bold').text(receipt.bringHeading, { width });
  for (const item of receipt.bring) {
    document.font('regular').fontSize(9).text(`• ${item.title}`, { width, indent: 4 });
    if (item.note) document.fontSize(8).text(item.note, { width: width - 10, indent: 10 });
  }
  document.moveDown(0.6).font('bold').fontSize(9).text(receipt.nextHeading, { width });
  document.font('regular').text(receipt.next, { width });
  document.moveDown(0.6).fontSize(8).text(receipt.footer, { width, align: 'center' });
  return document.y;
}
