import type { BlankFormDocument } from '../core/printing/blank-form-document.js';
import type { BlankFormPrinter, PrintOutcome } from '../core/printing/printer-port.js';
import { blankFormHtml } from './blank-form-html.js';
import { printHtmlSilently } from './silent-print.js';

/**
 * Prints a blank form silently on A4: a hidden, sandboxed window with no preload and no scripts
 * renders the escaped HTML, and Electron prints it without a dialog, the office's name at the foot of each page.
 */
export class ElectronBlankFormPrinter implements BlankFormPrinter {
  /** `deviceName`: the office's A4 printer; the kiosk's first printer when absent. */
  constructor(private readonly deviceName?: string) {}

  printBlankForm(form: BlankFormDocument): Promise<PrintOutcome> {
    return printHtmlSilently(blankFormHtml(form), { deviceName: this.deviceName, pageSize: 'A4', footer: form.footer });
  }
}
