import { fail, ok } from '../../../shared/contract/result.js';
import type { Outbox } from '../applications/outbox.js';
import type { HandlersFor } from '../handlers.js';
import { describeError, type Logger } from '../logger.js';
import type { PrinterPort } from './printer-port.js';

/** Receipts print only for applications this kiosk holds: the page cannot print arbitrary text on the office's paper. */
export function printingHandlers(options: { printer: PrinterPort; outbox: Outbox; log: Logger }): HandlersFor<'printReceipt'> {
  return {
    printReceipt: async ({ receipt }) => {
      if (!options.outbox.byReceiptNumber(receipt.receiptNumber)) return fail('NOT_FOUND', 'No such receipt.');
      try {
        return ok(await options.printer.print(receipt));
      } catch (error) {
        options.log.warn('receipt_print_failed', describeError(error));
        return ok({ outcome: 'failed' as const, reason: 'PRINT_FAILED' as const });
      }
    },
  };
}
