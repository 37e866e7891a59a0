import { readFile } from 'node:fs/promises';

/** The two faces every slip and blank form is set in (resources/fonts: Latin and Cyrillic with ң ө ү). */
export interface PdfFontFiles {
  regularFont: string;
  boldFont: string;
}

const read = new Map<string, Promise<Buffer>>();

/**
 * Each font file is read once per process, on the first print; registered by path, pdfkit read
 * both fonts from disk again for every document (twice per receipt: it is laid out once to
 * measure and once to write). The bytes are shared, not a parsed font: pdfkit subsets a parsed
 * font per document, and one shared between documents left glyphs out of the second.
 */
function fontBytes(file: string): Promise<Buffer> {
  let bytes = read.get(file);
  if (!bytes) {
    bytes = readFile(file);
    read.set(file, bytes);
    // A file that could not be read is read again at the next print, after the operator fixed it.
    bytes.catch(() => read.delete(file));
  }
  return bytes;
}

export async function registerPdfFonts(document: PDFKit.PDFDocument, files: PdfFontFiles): Promise<void> {
  const [regular, bold] = await Promise.all([fontBytes(files.regularFont), fontBytes(files.boldFont)]);
  document.registerFont('regular', regular);
  document.registerFont('bold', bold);
}
