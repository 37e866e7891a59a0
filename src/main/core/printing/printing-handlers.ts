import { fail, ok } from '../../../shared/contract/result.js';
import type { ReceiptDetails } from '../applications/application-service.js';
import type { Outbox } from '../applications/outbox.js';
import type { CatalogueView } from '../content/catalogue-view.js';
import type { HandlersFor } from '../handlers.js';
import { createHostTranslations, type HostTranslations } from '../i18n/host-translations.js';
import { describeError, type Logger } from '../logger.js';
import type { PrinterPort } from './printer-port.js';
import { composeReceipt } from './receipt-composer.js';

export interface PrintingOptions {
  printer: PrinterPort;
  outbox: Outbox;
  catalogue: () => CatalogueView | undefined;
  /** The fee and documents worked out from the answers, while the host still remembers them. */
  receiptDetails?: (receiptNumber: string) => ReceiptDetails | undefined;
  log: Logger;
  translations?: HostTranslations;
}

/**
 * Receipts print only for applications this kiosk holds, and the host writes every word of them
 * from its own records: the page cannot put arbitrary text, or a visitor's answers, on the office's paper.
 */
export function printingHandlers(options: PrintingOptions): HandlersFor<'printReceipt' | 'printBlankForm'> {
  const sources = {
    stored: (receiptNumber: string) => options.outbox.byReceiptNumber(receiptNumber),
    catalogue: options.catalogue,
    translations: options.translations ?? createHostTranslations(),
  };
  return {
    printReceipt: async ({ receiptNumber }) => {
      const receipt = composeReceipt(receiptNumber, sources);
      if (!receipt) return fail('NOT_FOUND', 'No such receipt.');
      try {
        return ok(await options.printer.print(receipt));
      } catch (error) {
        options.log.warn('receipt_print_failed', describeError(error));
        return ok({ outcome: 'failed' as const, reason: 'PRINT_FAILED' as const });
      }
    },
    printBlankForm: () => fail('UNAVAILABLE', 'Blank forms are not printed yet.'),
  };
}
