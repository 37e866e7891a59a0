import electronUpdater, { type AppUpdater as ElectronUpdater } from 'electron-updater';
import type { AppUpdater, AppUpdaterEvent } from '../core/updates/app-updater.js';

/** The portal's generic update feed: latest.yml / latest-linux.yml and the installers beside them. */
export const updateFeedUrl = (portalUrl: string) => new URL('/v1/updates/', portalUrl).toString();

/**
 * electron-updater set up for a hall kiosk: it downloads in the background from the portal's
 * feed, honours the feed's stagingPercentage (each kiosk keeps its own random id for the draw),
 * never installs on its own at quit (the host picks the moment), and never goes down a version or
 * to a pre-release: a feed that names an older version is not an update. Only codes are passed
 * on from its errors, since its messages carry the feed's addresses.
 */
export function electronAppUpdater(portalUrl: string, updater: ElectronUpdater = electronUpdater.autoUpdater): AppUpdater {
  updater.setFeedURL({ provider: 'generic', url: updateFeedUrl(portalUrl) });
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = false;
  updater.allowDowngrade = false;
  updater.allowPrerelease = false;
  // Its own logging goes to the console with full URLs; the host logs the state changes instead.
  updater.logger = null;
  return {
    check: async () => {
      await updater.checkForUpdates();
    },
    install: () => updater.quitAndInstall(true, true),
    on: (listener: (event: AppUpdaterEvent) => void) => {
      updater.on('checking-for-update', () => listener({ kind: 'checking' }));
      updater.on('update-available', (info) => listener({ kind: 'available', version: info.version }));
      updater.on('update-not-available', () => listener({ kind: 'not-available' }));
      updater.on('download-progress', (progress) => listener({ kind: 'progress', percent: progress.percent }));
      updater.on('update-downloaded', (info) => listener({ kind: 'downloaded', version: info.version }));
      updater.on('error', (error) => listener({ kind: 'error', code: errorCode(error) }));
    },
  };
}

function errorCode(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,39}$/.test(code) ? code : 'UPDATE_ERROR';
}
