/**
 * The receipt's QR code as an SVG element, for printers that lay the slip out as HTML. The library
 * loads on the first print, as pdfkit does, so start-up does not pay for it.
 */
export async function receiptQrSvg(text: string, widthPx = 160): Promise<string> {
  const { default: QRCode } = await import('qrcode');
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1, width: widthPx });
}
