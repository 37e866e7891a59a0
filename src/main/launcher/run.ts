import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KioskHostOptions } from '../core/host.js';
import { startKioskHostOrOutOfService } from '../shell-common/out-of-service-host.js';
import { findChromium, hasDisplay, openChromiumKiosk } from '../loopback/chromium.js';
import { startBrowserShell } from '../loopback/server.js';
import { ensureDataFolder, resolveDataFolder } from '../shell-common/data-folder.js';
import { HostConfigError, hostOptionsFromEnvironment, parseLauncherFlags, type LauncherFlags } from '../shell-common/host-config.js';
import { findElectronExecutable } from './electron-runtime.js';
import { startLocalPortal } from './local-portal.js';

/**
 * `npm start` and `npm run dev`: opens the kiosk in Electron where its runtime is installed, and
 * otherwise runs the same host and renderer through the browser shell. Either way it starts the
 * local reference portal first unless KIOSK_PORTAL_URL names one.
 *   --dev       serve the renderer through Vite with hot reload (browser shell)
 *   --browser   use the browser shell even when Electron is present
 *   --no-open   do not open a window; print the launch URL only
 *   --port N    listen on a fixed port instead of a free one
 *   --no-portal do not start the local reference portal when KIOSK_PORTAL_URL is not set
 */
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const appVersion = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;

// Vite's client and React refresh inject inline scripts and talk over a WebSocket; development only.
const DEV_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data:; font-src 'self'; connect-src 'self' ws:; frame-ancestors 'none'; object-src 'none'";

const opened: { close: () => unknown }[] = [];
let stopping = false;

async function stop(code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const part of opened.reverse()) await part.close();
  console.log('Kiosk stopped.');
  process.exit(code);
}

/** The host's options, and the local portal when none is configured (its address and credential go into the options). */
async function prepare(flags: LauncherFlags, dataFolder: string): Promise<KioskHostOptions> {
  const options = hostOptionsFromEnvironment(process.env, { dataFolder, appVersion, resourcesFolder: join(projectRoot, 'resources'), distFolder: join(projectRoot, 'dist') });
  if (options.portalUrl || !flags.localPortal) return options;
  const portal = await startLocalPortal(projectRoot, dataFolder, options.kioskCode);
  opened.push(portal);
  return { ...options, portalUrl: portal.url, kioskCredential: portal.token };
}

async function runElectron(electron: string, flags: LauncherFlags): Promise<void> {
  const options = await prepare(flags, ensureDataFolder(resolveDataFolder()));
  const env = { ...process.env, ...(options.portalUrl ? { KIOSK_PORTAL_URL: options.portalUrl } : {}), ...(options.kioskCredential ? { KIOSK_PORTAL_TOKEN: options.kioskCredential } : {}) };
  const child = spawn(electron, [projectRoot], { stdio: 'inherit', env });
  opened.push({ close: () => child.kill('SIGTERM') });
  child.once('exit', (code) => void stop(code ?? 0));
}

async function runBrowserShell(flags: LauncherFlags): Promise<void> {
  const dataFolder = ensureDataFolder(resolveDataFolder());
  const host = await startKioskHostOrOutOfService(await prepare(flags, dataFolder));
  opened.push(host);
  if ('outOfService' in host) {
    console.error(`Kiosk out of service (${host.outOfService}): its database cannot be used. The screen sends visitors to the counter; see "When a kiosk is out of service" in the README. Nothing in the data folder was changed.`);
  }
  const dev = flags.dev ? await startVite() : undefined;
  if (dev) opened.push(dev);
  const shell = await startBrowserShell({
    router: host.router,
    events: host.events,
    log: host.log,
    rendererFolder: join(projectRoot, 'dist', 'renderer'),
    bridgeFile: join(projectRoot, 'dist', 'bridge', 'kiosk-bridge.js'),
    port: flags.port,
    fallback: dev?.middleware,
    contentSecurityPolicy: dev ? DEV_CONTENT_SECURITY_POLICY : undefined,
  });
  opened.push(shell);

  console.log(`Kiosk data folder: ${dataFolder}`);
  console.log(`Kiosk ready: ${shell.launchUrl}`);
  const chromium = findChromium();
  if (flags.open && chromium && hasDisplay()) {
    opened.push(openChromiumKiosk(chromium, shell.launchUrl, join(dataFolder, 'browser-profile'), !flags.dev));
    console.log('Opened the kiosk in Chromium. Press Ctrl+C to stop.');
  } else if (flags.open) {
    console.log('No display or Chromium found: open the URL above in a browser. Press Ctrl+C to stop.');
  }
}

async function startVite() {
  const { createServer } = await import('vite');
  const vite = await createServer({ configFile: join(projectRoot, 'vite.config.ts'), server: { middlewareMode: true }, appType: 'spa' });
  return {
    middleware: (request: IncomingMessage, response: ServerResponse) => vite.middlewares(request, response),
    close: () => vite.close(),
  };
}

// Ctrl+C at any moment, even during start-up, closes whatever has been opened so far.
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
try {
  const flags = parseLauncherFlags(process.argv.slice(2));
  const electron = flags.browser || flags.dev ? undefined : findElectronExecutable(projectRoot);
  if (electron) {
    await runElectron(electron, flags);
  } else {
    if (!flags.browser && !flags.dev) {
      console.log('The Electron runtime is not installed on this machine (node_modules/electron has no binary), so the kiosk opens through the browser shell instead.');
    }
    await runBrowserShell(flags);
  }
} catch (error) {
  if (!(error instanceof HostConfigError)) throw error;
  console.error(`Kiosk not started: ${error.message}`);
  stopping = true;
  for (const part of opened.reverse()) await part.close();
  process.exit(2);
}
