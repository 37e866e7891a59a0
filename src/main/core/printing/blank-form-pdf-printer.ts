import { createWriteStream, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { BlankFormDocument, BlankFormEntry } from './blank-form-document.js';
import { registerPdfFonts, type PdfFontFiles } from './pdf-fonts.js';
import type { BlankFormPrinter, PrintOutcome } from './printer-port.js';

export interface BlankFormPdfPrinterOptions extends PdfFontFiles {
  folder: string;
}

type PdfDocument = PDFKit.PDFDocument;

/** A4 in PDF points, with 2 cm margins. */
const PAGE = { width: 595.28, height: 841.89, margin: 57 };
const WIDTH = PAGE.width - 2 * PAGE.margin;
const LINE_GAP = 22;
const BOX = 18;

/**
 * Saves a blank form as an A4 PDF (the browser shell's printer), one file per service and
 * language, replaced by the next print of the same form. It holds no personal data.
 */
export class BlankFormPdfPrinter implements BlankFormPrinter {
  constructor(private readonly options: BlankFormPdfPrinterOptions) {}

  /** Blank forms saved under the data folder, in the fonts shipped in resources/fonts. */
  static inFolders(dataFolder: string, fontsFolder: string): BlankFormPdfPrinter {
    return new BlankFormPdfPrinter({
      folder: join(dataFolder, 'blank-forms'),
      regularFont: join(fontsFolder, 'NotoSans-Regular.ttf'),
      boldFont: join(fontsFolder, 'NotoSans-Bold.ttf'),
    });
  }

  async printBlankForm(form: BlankFormDocument): Promise<PrintOutcome> {
    // Loaded on the first print, not at start-up: pdfkit alone adds about a tenth of a second.
    const { default: PDFDocument } = await import('pdfkit');
    mkdirSync(this.options.folder, { recursive: true });
    const file = join(this.options.folder, `${form.serviceId}-${form.language}.pdf`);
    const partial = `${file}.partial`;
    // Pages are kept until the end so each gets the office's name at its foot: a page that comes loose still says where it belongs.
    const document = new PDFDocument({ size: 'A4', margin: PAGE.margin, bufferPages: true, info: { Title: form.title, Producer: 'Kyzmat Kiosk' } });
    await registerPdfFonts(document, this.options);
    const written = new Promise<void>((resolve, reject) => {
      const stream = createWriteStream(partial);
      stream.on('finish', resolve);
      stream.on('error', reject);
      document.pipe(stream);
    });

    document.font('bold').fontSize(16).text(form.title, { width: WIDTH, align: 'center' });
    document.moveDown(0.4).font('regular').fontSize(10).text(`${form.serviceLabel}: ${form.serviceTitle}`, { width: WIDTH, align: 'center' });
    document.moveDown(0.6).fontSize(9).text(form.instructions, { width: WIDTH });
    for (const part of form.parts) {
      room(document, 80);
      document.moveDown(1).font('bold').fontSize(12).text(part.title ? `${part.heading}. ${part.title}` : part.heading, { width: WIDTH });
      if (part.condition) document.font('regular').fontSize(9).text(part.condition, { width: WIDTH });
      for (const entry of part.entries) drawEntry(document, entry, 0);
    }
    document.moveDown(1.5);
    for (const entry of form.closing) drawEntry(document, entry, 0);
    footOfEveryPage(document, form.footer);
    document.end();
    await written;
    renameSync(partial, file);
    return { outcome: 'saved', file };
  }
}

/** The footer in the bottom margin of each page (the margin is lifted while writing it, or pdfkit would start a page). */
function footOfEveryPage(document: PdfDocument, footer: string): void {
  const pages = document.bufferedPageRange();
  for (let index = pages.start; index < pages.start + pages.count; index++) {
    document.switchToPage(index);
    const bottom = document.page.margins.bottom;
    document.page.margins.bottom = 0;
    document.font('regular').fontSize(8).text(footer, PAGE.margin, PAGE.height - PAGE.margin / 2 - 8, { width: WIDTH, align: 'center', lineBreak: false });
    document.page.margins.bottom = bottom;
  }
}

/** Starts a new page when what follows would not fit, so a label never stands apart from its boxes. */
function room(document: PdfDocument, height: number): void {
  if (document.y + height > PAGE.height - PAGE.margin) document.addPage();
}

function drawEntry(document: PdfDocument, entry: BlankFormEntry, indent: number): void {
  const left = PAGE.margin + indent;
  const width = WIDTH - indent;
  room(document, 60);
  document.moveDown(0.6).font('bold').fontSize(10).text(entry.label, left, document.y, { width });
  document.font('regular').fontSize(8.5);
  if (entry.hint) document.text(entry.hint, left, document.y, { width });
  if (entry.condition) document.text(entry.condition, left, document.y, { width });
  document.fontSize(10);
  switch (entry.kind) {
    case 'lines':
      for (let line = 0; line < entry.lines; line++) drawLine(document, left, width);
      break;
    case 'boxes':
      drawBoxes(document, left, entry.count, entry.prefix);
      break;
    case 'date':
      document.moveDown(0.3).text(`${entry.pattern}   (${entry.format})`, left, document.y, { width });
      break;
    case 'choice':
      document.fontSize(8.5).text(entry.instruction, left, document.y, { width }).fontSize(10);
      for (const option of entry.options) drawOption(document, left, width, option);
      break;
    case 'parts':
      for (const part of entry.parts) drawEntry(document, part, indent + 14);
      break;
    case 'calculated':
      document.fontSize(8.5).text(entry.description, left, document.y, { width }).fontSize(10);
      drawLine(document, left, width / 2);
      break;
    case 'group':
      document.fontSize(8.5).text(entry.rule, left, document.y, { width }).fontSize(10);
      for (const item of entry.items) {
        room(document, 60);
        document.moveDown(0.6).font('bold').text(item.heading, left + 14, document.y, { width: width - 14 }).font('regular');
        for (const inner of item.entries) drawEntry(document, inner, indent + 28);
      }
      break;
  }
  document.x = PAGE.margin;
}

function drawLine(document: PdfDocument, left: number, width: number): void {
  room(document, LINE_GAP);
  const y = document.y + LINE_GAP;
  document.moveTo(left, y).lineTo(left + width, y).lineWidth(0.6).stroke('#000000');
  document.y = y + 4;
}

function drawBoxes(document: PdfDocument, left: number, count: number, prefix?: string): void {
  room(document, BOX + 8);
  const top = document.y + 4;
  let x = left;
  if (prefix) {
    document.text(prefix, x, top + 3, { lineBreak: false });
    x += document.widthOfString(prefix) + 6;
  }
  for (let box = 0; box < count; box++) document.rect(x + box * BOX, top, BOX, BOX);
  document.lineWidth(0.6).stroke('#000000');
  document.y = top + BOX + 4;
}

function drawOption(document: PdfDocument, left: number, width: number, option: string): void {
  room(document, 18);
  const top = document.y + 3;
  document.rect(left + 4, top + 1, 11, 11).lineWidth(0.6).stroke('#000000');
  document.text(option, left + 22, top, { width: width - 22 });
}
