import { receiptQrSvg } from '../core/printing/receipt-qr.js';
import type { ReceiptDocument } from '../core/printing/receipt-document.js';
import type { PrinterPort, PrintOutcome } from '../core/printing/printer-port.js';
import { escapeHtml } from './html-escape.js';
import { printHtmlSilently } from './silent-print.js';


/** The slip as plain HTML: every text escaped, the QR code an inline SVG drawn by the host, no scripts. */
async function receiptHtml(receipt: ReceiptDocument): Promise<string> {
  const qr = await receiptQrSvg(receipt.qrText);
  const payment = receipt.paymentHeading && receipt.payment ? `<h3>${escapeHtml(receipt.paymentHeading)}</h3><p>${escapeHtml(receipt.payment)}</p>` : '';
  const bring = receipt.bring
    .map((item) => `<li>${escapeHtml(item.title)}${item.note ? `<br><small>${escapeHtml(item.note)}</small>` : ''}</li>`)
    .join('');
  return `<!doctype html><meta charset="utf-8"><body style="font-family:'Noto Sans',sans-serif;width:72mm">
    <h1 style="font-size:14pt;text-align:center">${escapeHtml(receipt.heading)}</h1>
    <p style="text-align:center">${escapeHtml(receipt.officeName)}</p><h2 style="font-size:11pt">${escapeHtml(receipt.serviceTitle)}</h2>
    <p style="text-align:center">${escapeHtml(receipt.receiptNumberLabel)}<br><b style="font-size:20pt;letter-spacing:1pt">${escapeHtml(receipt.receiptNumber)}</b></p>
    <div style="text-align:center">${qr}${receipt.qrCaption ? `<br><small>${escapeHtml(receipt.qrCaption)}</small>` : ''}</div>
    <p>${escapeHtml(receipt.dateLabel)}: ${escapeHtml(receipt.date)}<br>${escapeHtml(receipt.stateText)}${receipt.assistedBy ? `<br>${escapeHtml(receipt.assistedBy)}` : ''}</p>
    ${receipt.feeHeading && receipt.fee ? `<p><b>${escapeHtml(receipt.feeHeading)}: ${escapeHtml(receipt.fee)}</b></p>` : ''}${payment}
    <h3>${escapeHtml(receipt.bringHeading)}</h3><ul>${bring}</ul>
    <h3>${escapeHtml(receipt.nextHeading)}</h3><p>${escapeHtml(receipt.next)}</p><p style="font-size:8pt;text-align:center">${escapeHtml(receipt.footer)}</p>`;
}

/**
 * Prints the receipt silently on the kiosk's printer: a hidden, sandboxed window with no preload
 * renders plain HTML (all text escaped, no scripts) and Electron prints it without a dialog.
 */
export class ElectronReceiptPrinter implements PrinterPort {
  constructor(private readonly deviceName?: string) {}

  async print(receipt: ReceiptDocument): Promise<PrintOutcome> {
    return printHtmlSilently(await receiptHtml(receipt), { deviceName: this.deviceName });
  }
}
