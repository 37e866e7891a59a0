import { fail, ok } from '../../../shared/contract/result.js';
import type { ReceiptDetails } from '../applications/application-service.js';
import type { Outbox } from '../applications/outbox.js';
import type { RecordAudit } from '../audit/audit-recorder.js';
import type { CatalogueView } from '../content/catalogue-view.js';
import type { HandlersFor } from '../handlers.js';
import { createHostTranslations, type HostTranslations } from '../i18n/host-translations.js';
import { describeError, type Logger } from '../logger.js';
import { composeBlankForm } from './blank-form-composer.js';
import type { PrinterPort, PrintOutcome } from './printer-port.js';
import { composeReceipt } from './receipt-composer.js';

export interface PrintingOptions {
  printer: PrinterPort;
  outbox: Outbox;
  catalogue: () => CatalogueView | undefined;
  /** Whether this receipt may print now (the kiosk's last one, or staff signed in); every receipt when absent. */
  mayPrintReceipt?: (receiptNumber: string) => boolean;
  /** The fee and documents worked out from the answers, while the host still remembers them. */
  receiptDetails?: (receiptNumber: string) => ReceiptDetails | undefined;
  log: Logger;
  translations?: HostTranslations;
  /** Records each reprint of a receipt in the audit trail. */
  recordAudit?: RecordAudit;
  /** The signed-in staff id (a clerk reprinting from the queue), or null on the receipt screen. */
  actor?: () => string | null;
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
      // A receipt lists the documents its answers call for, and older numbers ran in sequence: a
      // visitor's page prints its own receipt only, any other needs staff signed in.
      if (options.mayPrintReceipt && !options.mayPrintReceipt(receiptNumber)) return fail('FORBIDDEN', 'Only staff may print a receipt other than the last one.');
      const receipt = composeReceipt(receiptNumber, sources);
      if (!receipt) return fail('NOT_FOUND', 'No such receipt.');
      let outcome: PrintOutcome;
      try {
        outcome = await options.printer.print(receipt);
      } catch (error) {
        options.log.warn('receipt_print_failed', describeError(error));
        outcome = { outcome: 'failed', reason: 'PRINT_FAILED' };
      }
      try {
        noteReprint(receiptNumber, outcome, options);
      } catch (error) {
        // The slip is out: failing to count it must not tell the visitor that printing failed.
        options.log.warn('receipt_print_not_counted', describeError(error));
      }
      return ok(outcome);
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

/**
 * The receipt screen prints a receipt once by itself (or on the visitor's tap when that failed):
 * that first print is the visitor's receipt. The outbox counts the prints that produced paper or a
 * PDF (migration 8), so every later print, whatever its outcome, is a reprint and goes into the
 * audit trail; a failed print before the first one that worked is not, since no slip was issued yet.
 */
function noteReprint(receiptNumber: string, outcome: PrintOutcome, options: PrintingOptions): void {
  const reprint = outcome.outcome === 'failed' ? options.outbox.printsOf(receiptNumber) > 0 : (options.outbox.countPrint(receiptNumber) ?? 0) > 1;
  if (!reprint) return;
  options.recordAudit?.({
    kind: 'receipt_reprint',
    actor: options.actor?.() ?? null,
    subject: receiptNumber,
    details: outcome.outcome === 'failed' ? { outcome: 'failed', reason: outcome.reason } : { outcome: outcome.outcome },
  });
}
