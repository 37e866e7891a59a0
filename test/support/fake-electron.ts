import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Listener = (...args: unknown[]) => unknown;

/**
 * A stand-in for the `electron` module, for testing the shell's wiring only: it records what the
 * main process asks of Electron so a test can check the window, protocol, IPC and lock-down settings.
 */
export function createFakeElectron() {
  const userData = mkdtempSync(join(tmpdir(), 'kyzmat-kiosk-electron-'));
  const appListeners = new Map<string, Listener>();
  const ipcHandlers = new Map<string, Listener>();
  const protocolHandlers = new Map<string, Listener>();
  const privilegedSchemes: unknown[] = [];
  const windows: BrowserWindow[] = [];
  const permission: { request?: Listener; check?: Listener } = {};
  const exitCodes: number[] = [];

  const powerSaveBlocks: string[] = [];
  /** What the shell cleared of the browser session, in order: 'storage' and 'cache'. */
  const sessionClears: string[] = [];
  let relaunches = 0;

  class BrowserWindow {
    loadedUrl?: string;
    loads = 0;
    crashes = 0;
    readonly listeners = new Map<string, Listener>();
    readonly pageListeners = new Map<string, Listener>();
    readonly webContents = {
      setVisualZoomLevelLimits: () => Promise.resolve(),
      isDestroyed: () => false,
      send: () => undefined,
      on: (event: string, listener: Listener) => this.pageListeners.set(event, listener),
      forcefullyCrashRenderer: () => void this.crashes++,
    };
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
    }
    removeMenu() {}
    once() {}
    show() {}
    focus() {}
    restore() {}
    isMinimized() {
      return false;
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      this.loads++;
      return Promise.resolve();
    }
  }

  const module = {
    app: {
      // Unpackaged: the shell then reads the project's own resources/ (trust anchors).
      isPackaged: false,
      requestSingleInstanceLock: () => true,
      on: (event: string, listener: Listener) => appListeners.set(event, listener),
      quit: () => undefined,
      exit: (code: number) => exitCodes.push(code),
      relaunch: () => void relaunches++,
      whenReady: () => Promise.resolve(),
      getPath: () => userData,
      getVersion: () => '0.0.0-test',
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: Listener) => protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => (permission.request = handler),
        setPermissionCheckHandler: (handler: Listener) => (permission.check = handler),
        clearStorageData: () => Promise.resolve(void sessionClears.push('storage')),
        clearCache: () => Promise.resolve(void sessionClears.push('cache')),
      },
    },
    ipcMain: { handle: (channel: string, handler: Listener) => ipcHandlers.set(channel, handler) },
    powerSaveBlocker: { start: (type: string) => powerSaveBlocks.push(type) },
    // Sealing stands in for the OS store: reversible, and visibly not the plain credential.
    safeStorage: {
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (text: string) => Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`),
      decryptString: (sealed: Buffer) => Buffer.from(sealed.toString().replace(/^sealed:/, ''), 'hex').toString(),
    },
    BrowserWindow,
  };

  return {
    module,
    userData,
    appListeners,
    ipcHandlers,
    protocolHandlers,
    privilegedSchemes,
    windows,
    permission,
    exitCodes,
    powerSaveBlocks,
    sessionClears,
    relaunches: () => relaunches,
  };
}

/** A web contents that records the lock-down listeners the shell attaches. */
export function createFakeWebContents() {
  const listeners = new Map<string, Listener>();
  let windowOpenHandler: Listener | undefined;
  return {
    listeners,
    openWindow: (url: string) => windowOpenHandler?.({ url }),
    contents: {
      on: (event: string, listener: Listener) => listeners.set(event, listener),
      setWindowOpenHandler: (handler: Listener) => (windowOpenHandler = handler),
    },
  };
}
