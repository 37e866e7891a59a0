import { BrowserWindow } from 'electron';
import type { BlankFormDocument } from '../core/printing/blank-form-document.js';
import type { BlankFormPrinter, PrintOutcome } from '../core/printing/printer-port.js';
import { blankFormHtml } from './blank-form-html.js';

/**
 * Prints a blank form silently on A4: a hidden, sandboxed window with no preload and no scripts
 * renders the escaped HTML, and Electron prints it without a dialog, the office's name at the foot of each page.
 */
export class ElectronBlankFormPrinter implements BlankFormPrinter {
  /** `deviceName`: the office's A4 printer; the kiosk's first printer when absent. */
  constructor(private readonly deviceName?: string) {}

  async printBlankForm(form: BlankFormDocument): Promise<PrintOutcome> {
    const window = new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
    });
    try {
      const printers = await window.webContents.getPrintersAsync();
      const target = this.deviceName ? printers.find((printer) => printer.name === this.deviceName) : printers[0];
      if (!target) return { outcome: 'failed', reason: 'NO_PRINTER' };
      await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(blankFormHtml(form))}`);
      const printed = await new Promise<boolean>((resolve) =>
        window.webContents.print({ silent: true, deviceName: target.name, printBackground: false, pageSize: 'A4', footer: form.footer }, (success) => resolve(success)),
      );
      return printed ? { outcome: 'printed' } : { outcome: 'failed', reason: 'PRINT_FAILED' };
    } finally {
      window.destroy();
    }
  }
}
