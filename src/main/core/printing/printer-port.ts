import type { ReceiptDocument } from './receipt-document.js';

export type PrintOutcome =
  | { outcome: 'printed' }
  | { outcome: 'saved'; file: string }
  | { outcome: 'failed'; reason: 'NO_PRINTER' | 'PRINT_FAILED' };

/**
 * Where receipts go. The Electron shell prints silently to the kiosk's printer; the browser shell
 * saves the same receipt as a PDF in the data folder. The host decides what to print, the port how.
 */
export interface PrinterPort {
  print(receipt: ReceiptDocument): Promise<PrintOutcome>;
}
