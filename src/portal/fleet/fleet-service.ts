import type { Heartbeat } from '../../shared/contract/portal.js';
import { KIOSK_ALARMS } from '../../shared/contract/kiosk-alarms.js';
import {
  DISK_LOW_BYTES,
  FLEET_ERROR_KINDS,
  QUEUE_STUCK_SECONDS,
  RECENT_ERROR_HOURS,
  RECENT_ERRORS_SHOWN,
  type Fleet,
  type FleetAlarm,
  type FleetError,
  type FleetErrorKind,
  type FleetKiosk,
  type FleetSearch,
} from '../../shared/contract/fleet.js';
import { isValidKioskCode, officeCodeOfKiosk } from '../../shared/domain/receipt-number.js';
import type { PortalStore, StoredFleetKiosk, StoredKioskError } from '../storage/portal-store.js';
import { unstorableTextField } from '../storage/storable-text.js';

export type HeartbeatOutcome = { outcome: 'recorded' } | { outcome: 'invalid'; message: string };

/** The fleet view: each kiosk's heartbeats as they arrive, and the whole fleet with its alarms for administrators. */
export class FleetService {
  constructor(private readonly deps: { store: PortalStore; now: () => Date; staleAfterMinutes: number }) {}

  async recordHeartbeat(kioskCode: string, heartbeat: Heartbeat): Promise<HeartbeatOutcome> {
    const unstorable = unstorableTextField(heartbeat);
    if (unstorable) return { outcome: 'invalid', message: `Invalid request: ${unstorable}: text with a NUL character or a lone surrogate.` };
    await this.deps.store.recordHeartbeat(kioskCode, heartbeat, this.deps.now());
    return { outcome: 'recorded' };
  }

  /** Every known kiosk with its alarms at this moment, then the filters. */
  async fleet(search: FleetSearch): Promise<Fleet> {
    const now = this.deps.now();
    const staleBefore = now.getTime() - this.deps.staleAfterMinutes * 60_000;
    // A code the store holds but no kiosk could be issued for (written by hand) is left out rather than failing the page.
    const known = (await this.deps.store.fleetKiosks()).filter((kiosk) => isValidKioskCode(kiosk.kioskCode));
    const errors = errorsByKiosk(await this.deps.store.recentKioskErrors(new Date(now.getTime() - RECENT_ERROR_HOURS * 3_600_000)));
    const kiosks = known.map((stored) => fleetKiosk(stored, staleBefore, errors.get(stored.kioskCode) ?? []));
    const wanted = kiosks.filter(
      (kiosk) =>
        (search.officeCode === undefined || kiosk.officeCode === search.officeCode) &&
        (search.alarm === undefined || (search.alarm === 'any' ? kiosk.alarms.length > 0 : kiosk.alarms.includes(search.alarm))),
    );
    return {
      kiosks: wanted,
      offices: [...new Set(kiosks.map((kiosk) => kiosk.officeCode))].sort(),
      total: kiosks.length,
      staleAfterMinutes: this.deps.staleAfterMinutes,
      generatedAt: now.toISOString(),
    };
  }
}

const CODE = /^[A-Z][A-Z0-9_]{0,39}$/;

/**
 * Each kiosk's newest errors (the rows come newest first). The code is the refusal or alarm the
 * kiosk recorded; anything else in its details stays out, and a code that is not one (the chain
 * holds what the kiosk sent) is shown as UNKNOWN rather than as text an administrator would read.
 */
function errorsByKiosk(rows: readonly StoredKioskError[]): Map<string, FleetError[]> {
  const byKiosk = new Map<string, FleetError[]>();
  for (const row of rows) {
    if (!(FLEET_ERROR_KINDS as readonly string[]).includes(row.kind)) continue;
    const shown = byKiosk.get(row.kioskCode) ?? [];
    if (shown.length >= RECENT_ERRORS_SHOWN) continue;
    shown.push({ kind: row.kind as FleetErrorKind, code: errorCode(row.details), at: row.at.slice(0, 40) });
    byKiosk.set(row.kioskCode, shown);
  }
  return byKiosk;
}

function errorCode(details: string): string {
  try {
    const parsed = JSON.parse(details) as { code?: unknown; alarm?: unknown; reason?: unknown };
    // A delivery alarm names itself; content and staff-list refusals carry their code.
    const code = parsed.alarm ?? parsed.code;
    return typeof code === 'string' && CODE.test(code) ? code : 'UNKNOWN';
  } catch {
    return 'UNKNOWN';
  }
}

function fleetKiosk(stored: StoredFleetKiosk, staleBefore: number, recentErrors: FleetError[]): FleetKiosk {
  const credential: FleetKiosk['credential'] =
    stored.liveSince !== null
      ? { state: 'live', since: stored.liveSince }
      : stored.revokedAt !== null
        ? { state: 'revoked', since: stored.revokedAt }
        : { state: 'never-enrolled', since: null };
  return {
    kioskCode: stored.kioskCode,
    officeCode: officeCodeOfKiosk(stored.kioskCode),
    credential,
    enrolmentCodeExpiresAt: stored.enrolmentCodeExpiresAt,
    lastHeartbeat: stored.lastHeartbeat,
    alarms: alarmsOf(stored, staleBefore),
    recentErrors,
  };
}

function alarmsOf({ lastHeartbeat: beat }: StoredFleetKiosk, staleBefore: number): FleetAlarm[] {
  if (!beat) return ['never-reported'];
  const alarms: FleetAlarm[] = [];
  if (Date.parse(beat.receivedAt) < staleBefore) alarms.push('stale');
  if ((beat.oldestQueuedAgeSeconds ?? 0) > QUEUE_STUCK_SECONDS) alarms.push('queue-stuck');
  if ((beat.quarantined ?? 0) > 0) alarms.push('quarantined');
  if (beat.printerState === 'error' || beat.printerState === 'no-printer') alarms.push('printer');
  if ((beat.screenFailures ?? 0) > 0 || (beat.unavailableServices ?? 0) > 0) alarms.push('screens');
  if (beat.freeDiskBytes !== null && beat.freeDiskBytes < DISK_LOW_BYTES) alarms.push('disk-low');
  for (const raised of KIOSK_ALARMS) if (beat.kioskAlarms?.includes(raised)) alarms.push(raised);
  if (beat.updateState === 'error') alarms.push('update-failed');
  return alarms;
}
