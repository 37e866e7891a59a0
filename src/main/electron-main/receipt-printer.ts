import { BrowserWindow } from 'electron';
import type { ReceiptDocument } from '../core/printing/receipt-document.js';
import type { PrinterPort, PrintOutcome } from '../core/printing/printer-port.js';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);

/**
 * Prints the receipt silently on the kiosk's printer: a hidden, sandboxed window with no preload
 * renders plain HTML (all text escaped, no scripts) and Electron prints it without a dialog.
 */
export class ElectronReceiptPrinter implements PrinterPort {
  constructor(private readonly deviceName?: string) {}

  async print(receipt: ReceiptDocument): Promise<PrintOutcome> {
    const window = new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
    });
    try {
      const printers = await window.webContents.getPrintersAsync();
      const target = this.deviceName ? printers.find((printer) => printer.name === this.deviceName) : printers[0];
      if (!target) return { outcome: 'failed', reason: 'NO_PRINTER' };
      const html = `<!doctype html><meta charset="utf-8"><body style="font-family:'Noto Sans',sans-serif;width:72mm">
        <h1 style="font-size:14pt;text-align:center">${escape(receipt.heading)}</h1>
        <p style="text-align:center">${escape(receipt.officeName)}</p><h2 style="font-size:11pt">${escape(receipt.serviceTitle)}</h2>
        <p style="text-align:center">${escape(receipt.receiptNumberLabel)}<br><b style="font-size:20pt;letter-spacing:1pt">${escape(receipt.receiptNumber)}</b></p>
        <p>${escape(receipt.dateLabel)}: ${escape(receipt.date)}<br>${escape(receipt.stateText)}</p>
        <h3>${escape(receipt.bringHeading)}</h3><ul>${receipt.bring.map((item) => `<li>${escape(item)}</li>`).join('')}</ul>
        <h3>${escape(receipt.nextHeading)}</h3><p>${escape(receipt.next)}</p><p style="font-size:8pt;text-align:center">${escape(receipt.footer)}</p>`;
      await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
      const printed = await new Promise<boolean>((resolve) =>
        window.webContents.print({ silent: true, deviceName: target.name, printBackground: false }, (success) => resolve(success)),
      );
      return printed ? { outcome: 'printed' } : { outcome: 'failed', reason: 'PRINT_FAILED' };
    } finally {
      window.destroy();
    }
  }
}
