import type { BlankFormDocument } from './blank-form-document.js';
import type { ReceiptDocument } from './receipt-document.js';

export type PrintOutcome =
  | { outcome: 'printed' }
  | { outcome: 'saved'; file: string }
  | { outcome: 'failed'; reason: 'NO_PRINTER' | 'PRINT_FAILED' };

/**
 * Where receipts and blank forms go. The Electron shell prints silently to the kiosk's printer; the
 * browser shell saves the same pages as PDFs in the data folder. The host decides what to print, the port how.
 */
export interface PrinterPort {
  print(receipt: ReceiptDocument): Promise<PrintOutcome>;
  /**
   * An A4 blank form. Absent where the kiosk has only a receipt printer (80 mm paper cannot hold
   * a form): the visitor is then told there is no printer for it.
   */
  printBlankForm?(form: BlankFormDocument): Promise<PrintOutcome>;
}

export interface BlankFormPrinter {
  printBlankForm(form: BlankFormDocument): Promise<PrintOutcome>;
}

/** A shell's receipt printer with its blank-form printer beside it, as one port. */
export function withBlankForms(receipts: PrinterPort, blankForms: BlankFormPrinter): PrinterPort {
  return {
    print: (receipt) => receipts.print(receipt),
    printBlankForm: (form) => blankForms.printBlankForm(form),
  };
}
