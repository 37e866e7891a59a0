import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  return CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
}

export function hasDisplay(env: NodeJS.ProcessEnv = process.env, platform = process.platform): boolean {
  if (platform === 'win32' || platform === 'darwin') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export interface ChromiumWindow {
  readonly process: ChildProcess;
  close(): void;
}

/**
 * Opens the kiosk page full-screen in Chromium's app mode with a throw-away profile, so no
 * history, cache or web storage outlives the run. The profile lives at a fixed place in the
 * kiosk's data folder and is removed before each start too: a run that crashed (or lost power)
 * cannot leave its history behind for the next one.
 */
export function openChromiumKiosk(executable: string, url: string, profile: string, kiosk = true): ChromiumWindow {
  rmSync(profile, { recursive: true, force: true });
  mkdirSync(profile, { recursive: true, mode: 0o700 });
  const args = [
    `--app=${url}`,
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-translate',
    '--disable-features=Translate,TranslateUI',
    '--noerrdialogs',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
  ];
  if (kiosk) args.push('--kiosk');
  // Chromium refuses to start as root without this; kiosks run as an unprivileged user.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const child = spawn(executable, args, { stdio: 'ignore' });
  const cleanUp = () => rmSync(profile, { recursive: true, force: true });
  child.once('exit', cleanUp);
  return {
    process: child,
    close: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
    },
  };
}
