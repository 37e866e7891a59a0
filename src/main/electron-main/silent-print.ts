import { BrowserWindow } from 'electron';
import type { PrintOutcome } from '../core/printing/printer-port.js';

/**
 * Prints a page of plain HTML without a dialog: a hidden, sandboxed window with no preload and
 * scripts off renders it, and Electron prints it on the named printer (the first one when unnamed).
 */
export async function printHtmlSilently(
  html: string,
  options: { deviceName?: string; pageSize?: 'A4'; footer?: string },
): Promise<PrintOutcome> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  try {
    const printers = await window.webContents.getPrintersAsync();
    const target = options.deviceName ? printers.find((printer) => printer.name === options.deviceName) : printers[0];
    if (!target) return { outcome: 'failed', reason: 'NO_PRINTER' };
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    const printed = await new Promise<boolean>((resolve) =>
      window.webContents.print(
        {
          silent: true,
          deviceName: target.name,
          printBackground: false,
          ...(options.pageSize ? { pageSize: options.pageSize } : {}),
          ...(options.footer ? { footer: options.footer } : {}),
        },
        (success) => resolve(success),
      ),
    );
    return printed ? { outcome: 'printed' } : { outcome: 'failed', reason: 'PRINT_FAILED' };
  } finally {
    window.destroy();
  }
}
