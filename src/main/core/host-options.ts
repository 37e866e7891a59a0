import type { CredentialProtector } from './enrolment/credential-protector.js';
import type { Fetch } from './portal-client/portal-client.js';
import type { Logger } from './logger.js';
import type { PrinterPort } from './printing/printer-port.js';
import type { BackoffPolicy } from './sync/backoff.js';
import type { AppUpdater } from './updates/app-updater.js';

/** Everything the host needs from the shell that starts it; shell-common/host-config.ts builds it from the environment. */
export interface KioskHostOptions {
  dataFolder: string;
  appVersion: string;
  /** The bundled trust anchors (resources/trust/content-keys.json). */
  trustAnchorsFile: string;
  /**
   * The staff-list keys (resources/trust/staff-list-keys.json), trusted for the portal's signed
   * staff lists only; a separate file from the content keys. Defaults to that path from the working folder.
   */
  staffListTrustAnchorsFile?: string;
  /** The signed package shipped with the app, applied when the kiosk has nothing newer. */
  bundledContentFolder?: string;
  /** The portal: content is pulled from it and applications are delivered to it. Without it, USB only and no delivery. */
  portalUrl?: string;
  /** This kiosk's credential for the portal (`kiosk_<code>.<secret>`, issued by an administrator). */
  kioskCredential?: string;
  /**
   * The CA certificates (PEM) the portal's certificate must chain to, instead of the system's: a
   * kiosk in a hall trusts its own service's CA, not every CA a browser would.
   */
  portalCertificates?: readonly string[];
  /** The operating system's secret store the credential file is sealed with (the Electron shell's safeStorage). */
  credentialProtector?: CredentialProtector;
  /** How often to tell the portal this kiosk is alive (seconds). */
  heartbeatSeconds?: number;
  /** Delivery retry timing (tests shorten it). */
  deliveryBackoff?: BackoffPolicy;
  /** While offline, how often to look for the portal again (ms). */
  connectivityProbeMs?: number;
  /** Overrides the poll interval the content settings give (seconds). */
  contentPollSeconds?: number;
  removableMediaRoots?: readonly string[];
  /** Office code and kiosk number, four receipt-alphabet characters (e.g. BSK1); unique in the fleet. */
  kioskCode: string;
  /** Where receipts print; the PDF printer in the data folder when absent. */
  printer?: PrinterPort;
  /** resources/fonts: the TrueType fonts the PDF receipt needs. */
  fontsFolder: string;
  /** Overrides the idle times of the content settings (seconds), for tests and demonstrations. */
  visitorIdleSeconds?: number;
  idleWarningSeconds?: number;
  /** Overrides how long a signed-in clerk's kiosk may sit untouched before the session ends (seconds). */
  clerkIdleSeconds?: number;
  /** The app's own updater (the Electron shell's electron-updater, fed by the portal); the browser shell has none. */
  appUpdater?: AppUpdater;
  /** Starts the app afresh, for the nightly restart; the browser shell has none. */
  restartApp?: () => void;
  /** A visit ended: the shell clears the browser's storage and cache. */
  onVisitEnded?: () => void | Promise<void>;
  /** How often the update feed is asked (ms); tests shorten it. */
  updateCheckMs?: number;
  fetch?: Fetch;
  clock?: () => Date;
  log?: Logger;
}
