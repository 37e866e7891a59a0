import { z } from 'zod';
import { isValidOfficeCode } from '../domain/receipt-number.js';

/**
 * What the back office's fleet and kiosks pages carry: every kiosk the portal knows, with its
 * credential, its latest heartbeat and the alarms the portal reads off it. Shared by the portal,
 * which computes the alarms and filters, and the back office web app, which shows them; the
 * endpoint itself is declared in portal.ts with the rest of the API. No personal data.
 */

/**
 * What needs an administrator's eye, read off the latest heartbeat at the portal:
 * - never-reported: the kiosk is known (enrolled, or given a code) but no heartbeat ever came;
 * - stale: its latest heartbeat is older than the portal's stale threshold;
 * - queue-stuck: an application has waited in its queue longer than QUEUE_STUCK_SECONDS;
 * - quarantined: deliveries the portal refused for good are set aside on the kiosk;
 * - printer: the printer is missing or failing;
 * - screens: a screen failed in front of a visitor, or a service was taken out of use;
 * - disk-low: less than DISK_LOW_BYTES free on the disk of the kiosk's data folder;
 * - disk-full, log-writes-failing, out-of-service: raised by the kiosk itself (KIOSK_ALARMS);
 * - update-failed: the kiosk's last software update check or download failed.
 */
export const FLEET_ALARMS = [
  'never-reported',
  'stale',
  'queue-stuck',
  'quarantined',
  'printer',
  'screens',
  'disk-low',
  'disk-full',
  'log-writes-failing',
  'out-of-service',
  'update-failed',
] as const;
export type FleetAlarm = (typeof FLEET_ALARMS)[number];

/** An application waiting this long in a kiosk's queue means delivery is not getting through. */
export const QUEUE_STUCK_SECONDS = 3600;

/**
 * Below this a kiosk is close to refusing applications: a day of a busy office's queue, receipts
 * and the write-ahead log take a few hundred megabytes, so 1 GiB leaves a technician the day to act.
 */
export const DISK_LOW_BYTES = 1024 ** 3;

/** A kiosk's credential: live since it was issued, revoked at a time, or never issued. */
export const KIOSK_CREDENTIAL_STATES = ['live', 'revoked', 'never-enrolled'] as const;
export type KioskCredentialState = (typeof KIOSK_CREDENTIAL_STATES)[number];

export const officeCodeSchema = z.string().refine(isValidOfficeCode, { error: 'Not an office code (three characters of 0-9 and A-Z without I, L, O, U, such as BSK).' });

/** The filters, all optional: one office, and kiosks with one alarm (`any`: with at least one). */
export const fleetSearchSchema = z
  .object({
    officeCode: officeCodeSchema.optional(),
    alarm: z.enum([...FLEET_ALARMS, 'any']).optional(),
  })
  .strict();
export type FleetSearch = z.infer<typeof fleetSearchSchema>;

/** The latest heartbeat as the portal stored it; fields an older kiosk does not send are null. */
export const fleetHeartbeatSchema = z.object({
  receivedAt: z.iso.datetime(),
  appVersion: z.string(),
  contentVersion: z.number().int().nullable(),
  /** Null from a kiosk out of service, which cannot read its queue. */
  queueDepth: z.number().int().nullable(),
  oldestQueuedAgeSeconds: z.number().nullable(),
  quarantined: z.number().int().nullable(),
  lastSyncAt: z.string().nullable(),
  printerState: z.string(),
  screenFailures: z.number().int().nullable(),
  unavailableServices: z.number().int().nullable(),
  freeDiskBytes: z.number().int().nullable(),
  /** Where the kiosk's software update stands (UPDATE_STATES) and the version it fetches or holds ready. */
  updateState: z.string().nullable(),
  updateVersion: z.string().nullable(),
  /** The alarms the kiosk raised about itself (KIOSK_ALARMS); null from kiosks that do not say. */
  kioskAlarms: z.array(z.string()).nullable(),
  /** The operator code of a kiosk out of service (KK-DB-DAMAGED); null otherwise. */
  outOfServiceCode: z.string().nullable(),
  /**
   * When queueDepth is null: the newest heartbeat that counted the queue, while the heartbeat
   * retention keeps it. What a technician recovering a damaged database should find in it.
   */
  lastKnownQueue: z.object({ queueDepth: z.number().int(), receivedAt: z.iso.datetime() }).nullable(),
});
export type FleetHeartbeat = z.infer<typeof fleetHeartbeatSchema>;

/**
 * The kinds of a kiosk's audit entries that are errors an administrator acts on: delivery stopped
 * (a refused credential or chain), content refused, a staff list refused. Read from the chain the
 * kiosk uploaded, so they reach the fleet page with the next upload, after the heartbeat's alarms.
 */
export const FLEET_ERROR_KINDS = ['sync_alarm', 'content_refused', 'staff_list_refused'] as const;
export type FleetErrorKind = (typeof FLEET_ERROR_KINDS)[number];
/** How far back the fleet page looks for errors, and how many of each kiosk's newest it shows. */
export const RECENT_ERROR_HOURS = 24;
export const RECENT_ERRORS_SHOWN = 3;

/** One error: its kind, the code the kiosk recorded (a refusal or alarm code, never free text) and the kiosk's time. */
export const fleetErrorSchema = z.object({ kind: z.enum(FLEET_ERROR_KINDS), code: z.string().max(40), at: z.string().max(40) });
export type FleetError = z.infer<typeof fleetErrorSchema>;

export const fleetKioskSchema = z.object({
  kioskCode: z.string(),
  officeCode: z.string(),
  credential: z.object({
    state: z.enum(KIOSK_CREDENTIAL_STATES),
    /** live: when the credential was issued; revoked: when it was revoked; never-enrolled: null. */
    since: z.iso.datetime().nullable(),
  }),
  /** When the kiosk's unspent enrolment code expires (null: it has none). */
  enrolmentCodeExpiresAt: z.iso.datetime().nullable(),
  /** Null: the kiosk never reported. */
  lastHeartbeat: fleetHeartbeatSchema.nullable(),
  alarms: z.array(z.enum(FLEET_ALARMS)),
  /** The newest errors of its uploaded audit chain in the last RECENT_ERROR_HOURS, newest first. */
  recentErrors: z.array(fleetErrorSchema).max(RECENT_ERRORS_SHOWN),
});
export type FleetKiosk = z.infer<typeof fleetKioskSchema>;

/**
 * The whole fleet in one answer, not paged: a thousand kiosks are about 300 KB of JSON, the page
 * shows them all in one table an administrator scrolls and filters, and paging would make a
 * refresh lose the scroll. The filters are applied at the portal.
 */
export const fleetSchema = z.object({
  kiosks: z.array(fleetKioskSchema),
  /** Every office of the fleet, unfiltered, for the office filter's choices. */
  offices: z.array(z.string()),
  /** How many kiosks the portal knows, before the filters. */
  total: z.number().int().nonnegative(),
  /** A heartbeat older than this raises the stale alarm. */
  staleAfterMinutes: z.number().int().positive(),
  generatedAt: z.iso.datetime(),
});
export type Fleet = z.infer<typeof fleetSchema>;

/** The search body is two short filters. */
export const FLEET_SEARCH_BODY_LIMIT = 1024;
