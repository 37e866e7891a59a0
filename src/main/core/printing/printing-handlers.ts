import { fail, ok } from '../../../shared/contract/result.js';
import type { ReceiptDetails } from '../applications/application-service.js';
import type { Outbox } from '../applications/outbox.js';
import type { CatalogueView } from '../content/catalogue-view.js';
import type { HandlersFor } from '../handlers.js';
import { createHostTranslations, type HostTranslations } from '../i18n/host-translations.js';
import { describeError, type Logger } from '../logger.js';
import { composeBlankForm } from './blank-form-composer.js';
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
    details: options.receiptDetails,
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
    // The page names a service and a language; the host writes the form from the active catalogue.
    printBlankForm: async ({ serviceId, language }) => {
      const document = options.catalogue()?.document;
      const service = document?.services.find((candidate) => candidate.id === serviceId);
      const form = service && document?.forms.find((candidate) => candidate.id === service.formId);
      if (!document || !service || !form) return fail('NOT_FOUND', 'No such service or form.');
      const blankForm = composeBlankForm({ form, service, officeName: document.settings.officeName[language], language, translations: sources.translations });
      if (!options.printer.printBlankForm) return ok({ outcome: 'failed' as const, reason: 'NO_PRINTER' as const });
      try {
        return ok(await options.printer.printBlankForm(blankForm));
      } catch (error) {
        options.log.warn('blank_form_print_failed', describeError(error));
        return ok({ outcome: 'failed' as const, reason: 'PRINT_FAILED' as const });
      }
    },
  };
}
