import { BrowserWindow } from 'electron';
import { receiptQrSvg } from '../core/printing/receipt-qr.js';
import type { ReceiptDocument } from '../core/printing/receipt-document.js';
import type { PrinterPort, PrintOutcome } from '../core/printing/printer-port.js';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);

/** The slip as plain HTML: every text escaped, the QR code an inline SVG drawn by the host, no scripts. */
async function receiptHtml(receipt: ReceiptDocument): Promise<string> {
  const qr = await receiptQrSvg(receipt.qrText);
  const payment = receipt.paymentHeading && receipt.payment ? `<h3>${escape(receipt.paymentHeading)}</h3><p>${escape(receipt.payment)}</p>` : '';
  const bring = receipt.bring
    .map((item) => `<li>${escape(item.title)}${item.note ? `<br><small>${escape(item.note)}</small>` : ''}</li>`)
    .join('');
  return `<!doctype html><meta charset="utf-8"><body style="font-family:'Noto Sans',sans-serif;width:72mm">
    <h1 style="font-size:14pt;text-align:center">${escape(receipt.heading)}</h1>
    <p style="text-align:center">${escape(receipt.officeName)}</p><h2 style="font-size:11pt">${escape(receipt.serviceTitle)}</h2>
    <p style="text-align:center">${escape(receipt.receiptNumberLabel)}<br><b style="font-size:20pt;letter-spacing:1pt">${escape(receipt.receiptNumber)}</b></p>
    <div style="text-align:center">${qr}${receipt.qrCaption ? `<br><small>${escape(receipt.qrCaption)}</small>` : ''}</div>
    <p>${escape(receipt.dateLabel)}: ${escape(receipt.date)}<br>${escape(receipt.stateText)}</p>
    ${receipt.feeHeading && receipt.fee ? `<p><b>${escape(receipt.feeHeading)}: ${escape(receipt.fee)}</b></p>` : ''}${payment}
    <h3>${escape(receipt.bringHeading)}</h3><ul>${bring}</ul>
    <h3>${escape(receipt.nextHeading)}</h3><p>${escape(receipt.next)}</p><p style="font-size:8pt;text-align:center">${escape(receipt.footer)}</p>`;
}

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
      await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(await receiptHtml(receipt))}`);
      const printed = await new Promise<boolean>((resolve) =>
        window.webContents.print({ silent: true, deviceName: target.name, printBackground: false }, (success) => resolve(success)),
      );
      return printed ? { outcome: 'printed' } : { outcome: 'failed', reason: 'PRINT_FAILED' };
    } finally {
      window.destroy();
    }
  }
}
