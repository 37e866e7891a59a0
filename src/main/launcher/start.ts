import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, hasDisplay, openChromiumKiosk } from '../loopback/chromium.js';
import { startBrowserShell } from '../loopback/server.js';
import { ensureDataFolder, resolveDataFolder } from '../shell-common/data-folder.js';
import { startKioskHost } from '../core/host.js';
import { findElectronExecutable } from './electron-runtime.js';
import { RECEIPT_ALPHABET, isValidKioskCode } from '../../shared/domain/receipt-number.js';

/**
 * `npm start` and `npm run dev`: opens the kiosk in Electron where its runtime is installed, and
 * otherwise runs the same host and renderer through the browser shell.
 *   --dev       serve the renderer through Vite with hot reload (browser shell)
 *   --browser   use the browser shell even when Electron is present
 *   --no-open   do not open a window; print the launch URL only
 *   --port N    listen on a fixed port instead of a free one
 *   --no-portal do not start the local reference portal when KIOSK_PORTAL_URL is not set
 */
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const appVersion = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;

// Vite's client and React refresh inject inline scripts and talk over a WebSocket; development only.
const DEV_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data:; font-src 'self'; connect-src 'self' ws:; frame-ancestors 'none'; object-src 'none'";

const opened: { close: () => unknown }[] = [];
let stopping = false;

async function stopBrowserShell(): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const part of opened.reverse()) await part.close();
  console.log('Kiosk stopped.');
  process.exit(0);
}

async function runBrowserShell(): Promise<void> {
  const dataFolder = ensureDataFolder(resolveDataFolder());
  const portal = process.env.KIOSK_PORTAL_URL ? undefined : flag('--no-portal') ? undefined : await startLocalPortal(dataFolder);
  if (portal) opened.push(portal);
  const host = await startKioskHost({
    dataFolder,
    appVersion,
    trustAnchorsFile: join(projectRoot, 'resources', 'trust', 'content-keys.json'),
    bundledContentFolder: join(projectRoot, 'dist', 'content-bundle'),
    portalUrl: portal?.url ?? (process.env.KIOSK_PORTAL_URL || undefined),
    kioskCredential: portal?.token ?? (process.env.KIOSK_PORTAL_TOKEN || undefined),
    contentPollSeconds: numberFromEnvironment('KIOSK_CONTENT_POLL_SECONDS'),
    removableMediaRoots: process.env.KIOSK_REMOVABLE_MEDIA_ROOTS?.split(delimiter).filter(Boolean),
    kioskCode: kioskCode(),
    visitorIdleSeconds: numberFromEnvironment('KIOSK_IDLE_SECONDS'),
    idleWarningSeconds: numberFromEnvironment('KIOSK_IDLE_WARNING_SECONDS'),
    fontsFolder: join(projectRoot, 'resources', 'fonts'),
  });
  opened.push(host);
  const dev = flag('--dev') ? await startVite() : undefined;
  if (dev) opened.push(dev);
  const portIndex = args.indexOf('--port');
  const shell = await startBrowserShell({
    router: host.router,
    events: host.events,
    log: host.log,
    rendererFolder: join(projectRoot, 'dist', 'renderer'),
    bridgeFile: join(projectRoot, 'dist', 'bridge', 'kiosk-bridge.js'),
    port: portIndex >= 0 ? Number(args[portIndex + 1]) : undefined,
    fallback: dev?.middleware,
    contentSecurityPolicy: dev ? DEV_CONTENT_SECURITY_POLICY : undefined,
  });
  opened.push(shell);

  console.log(`Kiosk data folder: ${dataFolder}`);
  console.log(`Kiosk ready: ${shell.launchUrl}`);
  const chromium = findChromium();
  if (!flag('--no-open') && chromium && hasDisplay()) {
    opened.push(openChromiumKiosk(chromium, shell.launchUrl, !flag('--dev')));
    console.log('Opened the kiosk in Chromium. Press Ctrl+C to stop.');
  } else if (!flag('--no-open')) {
    console.log('No display or Chromium found: open the URL above in a browser. Press Ctrl+C to stop.');
  }
}

function numberFromEnvironment(name: string): number | undefined {
  const value = process.env[name];
  return value && Number.isFinite(Number(value)) ? Number(value) : undefined;
}

/**
 * Without a configured portal, `npm start` runs the reference portal beside the kiosk (its data
 * in the kiosk's data folder, demo keys), issues this kiosk a credential, and delivers to it, so a
 * visit goes all the way from the screen to the portal on one machine.
 */
async function startLocalPortal(dataFolder: string): Promise<{ url: string; token: string; close: () => void }> {
  const portalData = join(dataFolder, 'local-portal');
  const issued = spawnSync(process.execPath, [join(projectRoot, 'dist', 'portal', 'admin-cli.js'), 'issue-credential', '--kiosk', kioskCode(), '--data', portalData], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '' },
  });
  if (issued.status !== 0) throw new Error(`the local portal could not issue a credential: ${issued.stderr}`);
  const token = issued.stdout.trim();
  const child = spawn(process.execPath, [join(projectRoot, 'dist', 'portal', 'main.js'), '--port', '0', '--data', portalData], {
    cwd: projectRoot,
    env: { ...process.env, PORTAL_ADMIN_TOKEN: randomBytes(24).toString('base64url'), DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolveUrl, rejectUrl) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Portal listening on (\S+)/.exec(output);
      if (match) resolveUrl(match[1]!);
    });
    child.once('exit', (code) => rejectUrl(new Error(`the local portal exited with ${code}`)));
  });
  child.stdout.resume();
  console.log(`Local reference portal: ${url} (data in ${portalData})`);
  return { url, token, close: () => void child.kill('SIGTERM') };
}

/** KIOSK_CODE names this kiosk in receipt numbers; a development machine is DEV1. */
function kioskCode(): string {
  const code = (process.env.KIOSK_CODE ?? 'DEV1').toUpperCase();
  if (!isValidKioskCode(code)) {
    console.error(`KIOSK_CODE must be four characters of ${RECEIPT_ALPHABET} (office code and kiosk number), e.g. BSK1.`);
    process.exit(2);
  }
  return code;
}

async function startVite() {
  const { createServer } = await import('vite');
  const vite = await createServer({
    configFile: join(projectRoot, 'vite.config.ts'),
    server: { middlewareMode: true },
    appType: 'spa',
  });
  return {
    middleware: (request: IncomingMessage, response: ServerResponse) => vite.middlewares(request, response),
    close: () => vite.close(),
  };
}

const electron = flag('--browser') || flag('--dev') ? undefined : findElectronExecutable(projectRoot);
if (electron) {
  const child = spawn(electron, [projectRoot], { stdio: 'inherit' });
  const stop = () => child.kill('SIGTERM');
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  child.once('exit', (code) => process.exit(code ?? 0));
} else {
  // Ctrl+C at any moment, even during start-up, closes whatever has been opened so far.
  process.on('SIGINT', () => void stopBrowserShell());
  process.on('SIGTERM', () => void stopBrowserShell());
  if (!flag('--browser') && !flag('--dev')) {
    console.log(
      'The Electron runtime is not installed on this machine (node_modules/electron has no binary), ' +
        'so the kiosk opens through the browser shell instead.',
    );
  }
  await runBrowserShell();
}
