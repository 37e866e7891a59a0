import QRCode from 'qrcode';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { QrCode } from '../../../../src/renderer/features/application/QrCode.js';

describe('the receipt’s QR code', () => {
  it('is an SVG element of the page with every dark module of the code, at its place inside a one-module margin', () => {
    const text = 'https://portal.example.kg/status/BSK1-7K4Q-2MXR-Q';
    const markup = renderToStaticMarkup(<QrCode className="receipt-qr" text={text} label="Receipt BSK1-7K4Q-2MXR-Q" />);
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    expect(markup).toContain(`viewBox="0 0 ${modules.size + 2} ${modules.size + 2}"`);
    expect(markup).toContain('role="img"');
    expect(markup).toContain('aria-label="Receipt BSK1-7K4Q-2MXR-Q"');
    expect(markup).not.toContain('data:');
    const drawn = new Set([...markup.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map(([, x, y]) => `${Number(y) - 1},${Number(x) - 1}`));
    const dark = new Set<string>();
    for (let row = 0; row < modules.size; row++) for (let column = 0; column < modules.size; column++) if (modules.get(row, column)) dark.add(`${row},${column}`);
    expect(drawn).toEqual(dark);
    expect(dark.size).toBeGreaterThan(100);
  });
});
