/**
 * What the host needs of the app's updater (electron-updater in the Electron shell), so the
 * decisions of when to check, install and restart are made and tested without Electron.
 * The shell sets the updater up to download in the background, never to install on quit, and
 * never to go down a version; the host only asks it to check and, at the right moment, to install.
 */
export interface AppUpdater {
  /** Asks the feed for a newer version; a newer one starts downloading at once. Events tell the outcome. */
  check(): Promise<void>;
  /** Quits and installs the downloaded version, then starts the app again. */
  install(): void;
  on(listener: (event: AppUpdaterEvent) => void): void;
}

export type AppUpdaterEvent =
  | { kind: 'checking' }
  | { kind: 'available'; version: string }
  | { kind: 'not-available' }
  | { kind: 'progress'; percent: number }
  | { kind: 'downloaded'; version: string }
  /** A code only (an errno, an HTTP status, a short name): the updater's messages can carry the feed's URL. */
  | { kind: 'error'; code: string };
