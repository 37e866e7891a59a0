import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { z } from 'zod';
import { RECEIPT_ALPHABET, isValidKioskCode } from '../../shared/domain/receipt-number.js';
import { KIOSK_TOKEN_PATTERN } from '../../shared/contract/portal.js';
import type { KioskHostOptions } from '../core/host-options.js';

/** A start-up setting that cannot be used: the one line a shell prints before it stops. */
export class HostConfigError extends Error {
  override readonly name = 'HostConfigError';
}

/** Where the shell found the app's own files; the rest of the options come from the environment. */
export interface HostPlaces {
  dataFolder: string;
  appVersion: string;
  /** The project's or the package's resources/ (trust anchors, fonts). */
  resourcesFolder: string;
  /** The built app's dist/ (the bundled content package). */
  distFolder: string;
}

const seconds = (name: string) =>
  z
    .string()
    .regex(/^[1-9]\d{0,6}$/, `${name} must be a whole number of seconds from 1 to 9999999`)
    .transform(Number)
    .optional();

/** https, or http to this very machine (the local portal of `npm start`, a reverse proxy beside the kiosk). */
function isEncryptedOrLoopback(address: string): boolean {
  // An address that is no URL at all is refused by the check before, in its own words.
  if (!URL.canParse(address)) return true;
  const url = new URL(address);
  if (url.protocol === 'https:') return true;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

const KIOSK_ENVIRONMENT = z.object({
  KIOSK_CODE: z
    .string()
    .refine(isValidKioskCode, `KIOSK_CODE must be four upper-case characters of ${RECEIPT_ALPHABET} (office code and kiosk number), e.g. BSK1`)
    .default('DEV1'),
  KIOSK_PORTAL_URL: z
    .url({ protocol: /^https?$/, error: 'KIOSK_PORTAL_URL must be an http:// or https:// address, e.g. https://portal.example.kg' })
    .refine(
      isEncryptedOrLoopback,
      'KIOSK_PORTAL_URL must be an https:// address: plain http:// would send the kiosk credential and the applications readable on the network, so it is accepted only for a portal on this machine (127.0.0.1, ::1, localhost)',
    )
    .optional(),
  KIOSK_PORTAL_TOKEN: z
    .string()
    .regex(KIOSK_TOKEN_PATTERN, 'KIOSK_PORTAL_TOKEN must be a kiosk credential exactly as issued: kiosk_<CODE>.<43 characters>')
    .optional(),
  KIOSK_IDLE_SECONDS: seconds('KIOSK_IDLE_SECONDS'),
  KIOSK_IDLE_WARNING_SECONDS: seconds('KIOSK_IDLE_WARNING_SECONDS'),
  KIOSK_CLERK_IDLE_SECONDS: seconds('KIOSK_CLERK_IDLE_SECONDS'),
  KIOSK_CONTENT_POLL_SECONDS: seconds('KIOSK_CONTENT_POLL_SECONDS'),
  // The portal's stale alarm assumes the default 60 s (PORTAL_FLEET_STALE_MINUTES is five of them): change both together.
  KIOSK_HEARTBEAT_SECONDS: seconds('KIOSK_HEARTBEAT_SECONDS'),
  KIOSK_REMOVABLE_MEDIA_ROOTS: z
    .string()
    .transform((value) => value.split(delimiter).filter(Boolean))
    .optional(),
  // Read elsewhere (the data folder, the Electron shell), listed so that a misspelt setting is refused rather than ignored.
  KIOSK_PORTAL_CA_FILE: z.string().optional(),
  KIOSK_DATA_DIR: z.string().optional(),
  KIOSK_PRINTER_NAME: z.string().optional(),
  KIOSK_DEVTOOLS: z.enum(['0', '1'], 'KIOSK_DEVTOOLS must be 1 (on) or 0 (off)').optional(),
});
const KNOWN_SETTINGS = Object.keys(KIOSK_ENVIRONMENT.shape);

/**
 * The one place environment variables become the host's options, for both shells: a value that
 * cannot be used stops start-up with a line naming the variable and what it allows, instead of a
 * kiosk that starts and then fails every visitor (a lower-case KIOSK_CODE once did exactly that).
 * Empty variables count as unset.
 */
export function hostOptionsFromEnvironment(env: NodeJS.ProcessEnv, places: HostPlaces): KioskHostOptions {
  const set = Object.fromEntries(Object.entries(env).filter(([name, value]) => name.startsWith('KIOSK_') && value !== ''));
  const unknown = Object.keys(set).find((name) => !KNOWN_SETTINGS.includes(name));
  if (unknown) throw new HostConfigError(`${unknown} is not a kiosk setting; the settings are ${KNOWN_SETTINGS.join(', ')}`);
  const parsed = KIOSK_ENVIRONMENT.safeParse(set);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HostConfigError(issue.message.startsWith('KIOSK_') ? issue.message : `${String(issue.path[0])}: ${issue.message}`);
  }
  const config = parsed.data;
  const { KIOSK_IDLE_SECONDS: idle, KIOSK_IDLE_WARNING_SECONDS: warning } = config;
  if (idle !== undefined && warning !== undefined && warning >= idle) {
    throw new HostConfigError(`KIOSK_IDLE_WARNING_SECONDS (${warning}) must be shorter than KIOSK_IDLE_SECONDS (${idle}): the warning comes before the visit ends`);
  }
  if (config.KIOSK_PORTAL_TOKEN && !config.KIOSK_PORTAL_TOKEN.startsWith(`kiosk_${config.KIOSK_CODE}.`)) {
    throw new HostConfigError(`KIOSK_PORTAL_TOKEN was issued to another kiosk: it must start with kiosk_${config.KIOSK_CODE}. (KIOSK_CODE is ${config.KIOSK_CODE})`);
  }
  const portalCaFile = config.KIOSK_PORTAL_CA_FILE ?? join(places.resourcesFolder, 'trust', PORTAL_CA_FILE_NAME);
  return {
    portalCertificates: config.KIOSK_PORTAL_CA_FILE || existsSync(portalCaFile) ? readPortalCertificates(portalCaFile) : undefined,
    dataFolder: places.dataFolder,
    appVersion: places.appVersion,
    trustAnchorsFile: join(places.resourcesFolder, 'trust', 'content-keys.json'),
    staffListTrustAnchorsFile: join(places.resourcesFolder, 'trust', 'staff-list-keys.json'),
    bundledContentFolder: join(places.distFolder, 'content-bundle'),
    fontsFolder: join(places.resourcesFolder, 'fonts'),
    kioskCode: config.KIOSK_CODE,
    portalUrl: config.KIOSK_PORTAL_URL,
    kioskCredential: config.KIOSK_PORTAL_TOKEN,
    visitorIdleSeconds: config.KIOSK_IDLE_SECONDS,
    idleWarningSeconds: config.KIOSK_IDLE_WARNING_SECONDS,
    clerkIdleSeconds: config.KIOSK_CLERK_IDLE_SECONDS,
    contentPollSeconds: config.KIOSK_CONTENT_POLL_SECONDS,
    heartbeatSeconds: config.KIOSK_HEARTBEAT_SECONDS,
    removableMediaRoots: config.KIOSK_REMOVABLE_MEDIA_ROOTS,
  };
}

/** A CA bundle shipped beside the trust anchors: when present, the portal's certificate must chain to it and to nothing else. */
export const PORTAL_CA_FILE_NAME = 'portal-ca.pem';

/** The PEM certificates of a CA bundle, each checked to be one; a file that holds none stops start-up. */
export function readPortalCertificates(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new HostConfigError(`KIOSK_PORTAL_CA_FILE: ${file} cannot be read`);
  }
  const certificates = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (certificates.length === 0) throw new HostConfigError(`KIOSK_PORTAL_CA_FILE: ${file} holds no PEM certificate`);
  for (const certificate of certificates) {
    try {
      new X509Certificate(certificate);
    } catch {
      throw new HostConfigError(`KIOSK_PORTAL_CA_FILE: ${file} holds a certificate that cannot be read`);
    }
  }
  return certificates;
}

/** `npm start`'s flags; see src/main/launcher/start.ts. */
export interface LauncherFlags {
  dev: boolean;
  browser: boolean;
  open: boolean;
  localPortal: boolean;
  port: number | undefined;
}

export const LAUNCHER_USAGE = 'usage: npm start -- [--browser] [--dev] [--no-open] [--no-portal] [--port N]';

export function parseLauncherFlags(args: readonly string[]): LauncherFlags {
  const flags: LauncherFlags = { dev: false, browser: false, open: true, localPortal: true, port: undefined };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--dev') flags.dev = true;
    else if (arg === '--browser') flags.browser = true;
    else if (arg === '--no-open') flags.open = false;
    else if (arg === '--no-portal') flags.localPortal = false;
    else if (arg === '--port') {
      const value = args[++index];
      if (!value || !/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new HostConfigError(`--port takes a port number from 0 to 65535 (${LAUNCHER_USAGE})`);
      flags.port = Number(value);
    } else throw new HostConfigError(`unknown option ${JSON.stringify(arg)} (${LAUNCHER_USAGE})`);
  }
  return flags;
}
