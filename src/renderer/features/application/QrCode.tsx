import QRCode from 'qrcode';
import { useMemo } from 'react';

/** Quiet zone around the code, in modules: one is enough on a white card, and keeps the code large. */
const MARGIN = 1;

/**
 * A QR code drawn as an SVG element of the page, at once. As an image from a data URL, Chromium
 * kept each receipt's code as a document of its own for the life of the page: 66 after 100 visits.
 */
export function QrCode({ text, label, className }: { text: string; label: string; className: string }) {
  const { size, path } = useMemo(() => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const dark: string[] = [];
    for (let row = 0; row < modules.size; row++) {
      for (let column = 0; column < modules.size; column++) {
        if (modules.get(row, column)) dark.push(`M${column + MARGIN} ${row + MARGIN}h1v1h-1z`);
      }
    }
    return { size: modules.size + 2 * MARGIN, path: dark.join('') };
  }, [text]);
  return (
    <svg className={className} role="img" aria-label={label} data-qr-text={text} viewBox={`0 0 ${size} ${size}`} shapeRendering="crispEdges" xmlns="http://www.w3.org/2000/svg">
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
