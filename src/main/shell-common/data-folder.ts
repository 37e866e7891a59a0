import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER_NAME = 'kyzmat-kiosk';

/**
 * The per-user folder that holds the database and logs. KIOSK_DATA_DIR overrides it (tests,
 * benchmarks, several kiosks on one machine); otherwise the platform's usual place.
 */
export function resolveDataFolder(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.KIOSK_DATA_DIR) return env.KIOSK_DATA_DIR;
  if (platform === 'win32' && env.APPDATA) return join(env.APPDATA, APP_FOLDER_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), APP_FOLDER_NAME);
}

export function ensureDataFolder(folder: string): string {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  return folder;
}
