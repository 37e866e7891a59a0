import { app, BrowserWindow, ipcMain, powerSaveBlocker, protocol, safeStorage, session, type WebContents } from 'electron';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHANNELS, HOST_EVENT_CHANNEL } from '../../shared/contract/channels.js';
import { fail } from '../../shared/contract/result.js';
import { ensureDataFolder } from '../shell-common/data-folder.js';
import { HostConfigError, hostOptionsFromEnvironment } from '../shell-common/host-config.js';
import type { KioskHost } from '../core/host.js';
import { startKioskHostOrOutOfService } from '../shell-common/out-of-service-host.js';
import { CONTENT_SECURITY_POLICY, contentTypeFor, resolveBundleFile } from '../shell-common/renderer-bundle.js';
import { watchRenderer } from '../shell-common/renderer-watchdog.js';
import type { Logger } from '../core/logger.js';
import { APP_ORIGIN, APP_SCHEME, isAppUrl } from './app-origin.js';
import { withBlankForms } from '../core/printing/printer-port.js';
import { ElectronBlankFormPrinter } from './blank-form-printer.js';
import { ElectronReceiptPrinter } from './receipt-printer.js';
import { safeStorageProtector } from './safe-storage-protector.js';
import { electronAppUpdater } from './electron-app-updater.js';

const distFolder = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const rendererFolder = join(distFolder, 'renderer');
// Packaged, electron-builder copies resources/ beside the archive; unpackaged, it is the project's own.
const resourcesFolder = app.isPackaged ? join(process.resourcesPath, 'resources') : join(distFolder, '..', 'resources');
const isDevelopment = !app.isPackaged && process.env.KIOSK_DEVTOOLS === '1';

// Must run before `ready`: the page gets a standard, secure origin of its own instead of file://.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let host: KioskHost | undefined;
  let window: BrowserWindow | undefined;

  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });

  app.on('web-contents-created', (_event, contents) => lockDown(contents, () => host?.log));

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => host?.close());

  void app.whenReady().then(async () => {
    let options;
    try {
      options = hostOptionsFromEnvironment(process.env, {
        dataFolder: ensureDataFolder(app.getPath('userData')),
        appVersion: app.getVersion(),
        resourcesFolder,
        distFolder,
      });
    } catch (error) {
      if (!(error instanceof HostConfigError)) throw error;
      // A kiosk that starts with an unusable setting fails visitors later; stop now and say which setting.
      console.error(`Kiosk not started: ${error.message}`);
      app.exit(2);
      return;
    }
    // Read once: child processes (a printer helper, the updater) need not inherit the kiosk's credential.
    delete process.env.KIOSK_PORTAL_TOKEN;
    const printerName = process.env.KIOSK_PRINTER_NAME;
    host = await startKioskHostOrOutOfService({
      ...options,
      credentialProtector: safeStorageProtector(safeStorage),
      printer: withBlankForms(new ElectronReceiptPrinter(printerName), new ElectronBlankFormPrinter(printerName)),
      // Only a packaged app can replace itself; the portal's feed is what it asks.
      appUpdater: app.isPackaged && options.portalUrl ? electronAppUpdater(options.portalUrl) : undefined,
      restartApp: () => {
        app.relaunch();
        app.exit(0);
      },
      // What Chromium kept of the visit (an HTTP cache entry, storage the page never meant to write) goes before the next visitor.
      onVisitEnded: async () => {
        await session.defaultSession.clearStorageData();
        await session.defaultSession.clearCache();
      },
    });
    const router = host.router;

    protocol.handle(APP_SCHEME, async (request) => {
      const url = new URL(request.url);
      const file = isAppUrl(request.url) ? resolveBundleFile(rendererFolder, url.pathname) : null;
      if (!file) return new Response('Not found', { status: 404 });
      try {
        return new Response(await readFile(file), {
          headers: {
            'Content-Type': contentTypeFor(file),
            'Content-Security-Policy': CONTENT_SECURITY_POLICY,
            'X-Content-Type-Options': 'nosniff',
          },
        });
      } catch {
        return new Response('Not found', { status: 404 });
      }
    });

    // Electron approves every permission request when no handler is set.
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);

    for (const channel of CHANNELS) {
      ipcMain.handle(channel, (event, request: unknown) => {
        if (!isAppUrl(event.senderFrame?.url)) {
          host?.log.warn('ipc_sender_refused', { channel });
          return fail('FORBIDDEN', 'Requests are accepted only from the kiosk page.');
        }
        return router.handle(channel, request);
      });
    }

    window = new BrowserWindow({
      kiosk: !isDevelopment,
      fullscreen: !isDevelopment,
      autoHideMenuBar: true,
      backgroundColor: '#ffffff',
      show: false,
      webPreferences: {
        preload: join(distFolder, 'preload', 'preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        devTools: isDevelopment,
        spellcheck: false,
      },
    });
    window.removeMenu();
    // Pinch zoom would leave a visitor stranded on a corner of the page; the page has its own larger-text control.
    void window.webContents.setVisualZoomLevelLimits(1, 1);
    const page = window.webContents;
    host.events.subscribe((event) => {
      if (!page.isDestroyed()) page.send(HOST_EVENT_CHANNEL, event.name, event.payload);
    });
    window.once('ready-to-show', () => window?.show());
    const kioskWindow = window;
    watchRenderer(
      {
        onGone: (listener) => page.on('render-process-gone', (_event, details) => listener(details.reason, details.exitCode)),
        onUnresponsive: (listener) => kioskWindow.on('unresponsive', listener),
        onResponsive: (listener) => kioskWindow.on('responsive', listener),
        reloadAttract: () => void kioskWindow.loadURL(`${APP_ORIGIN}/index.html`),
        crash: () => page.forcefullyCrashRenderer(),
      },
      host.log,
    );
    // A kiosk whose screen goes dark looks switched off: the display stays on while the app runs.
    powerSaveBlocker.start('prevent-display-sleep');
    void window.loadURL(`${APP_ORIGIN}/index.html`);
  });
}

/**
 * Keeps every web contents on the kiosk page: no navigation away, no new windows, no reload keys.
 * Each block is logged by the target's scheme and host only: a path or query could carry what a
 * visitor typed.
 */
function lockDown(contents: WebContents, log: () => Logger | undefined): void {
  const blocked = (kind: string, url: string) => log()?.warn('navigation_blocked', { kind, ...targetOf(url) });
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    blocked('navigate', url);
  });
  contents.on('will-redirect', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    blocked('redirect', url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    blocked('new-window', url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    blocked('webview', 'about:blank');
  });
  contents.on('before-input-event', (event, input) => {
    const key = input.key.toLowerCase();
    const withControl = input.control || input.meta;
    const reload = key === 'f5' || (withControl && key === 'r');
    const zoomOrClose = withControl && ['w', '+', '-', '=', '0'].includes(key);
    const devTools = key === 'f12' || (withControl && input.shift && key === 'i');
    if (reload || zoomOrClose || (devTools && !isDevelopment) || (input.alt && key === 'f4')) event.preventDefault();
  });
}

function targetOf(url: string): { scheme: string; host: string } {
  try {
    const parsed = new URL(url);
    return { scheme: parsed.protocol.replace(/:$/, ''), host: parsed.host };
  } catch {
    return { scheme: 'unparsable', host: '' };
  }
}
