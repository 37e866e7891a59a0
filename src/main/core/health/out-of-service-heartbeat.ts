import type { Heartbeat } from '../../../shared/contract/portal.js';
import { KioskEnrolment } from '../enrolment/kiosk-enrolment.js';
import type { KioskHostOptions } from '../host-options.js';
import { describeError, type Logger } from '../logger.js';
import { PortalClient } from '../portal-client/portal-client.js';
import { HeartbeatLoop } from '../sync/heartbeat.js';
import { freeDiskBytes } from './free-disk.js';

/**
 * The heartbeat of a kiosk out of service: the fleet page learns at once, and every minute after,
 * that this kiosk is down and which recovery procedure it needs, instead of seeing it go stale an
 * hour later with no reason. Its queue is unknown (the database is what cannot be used), so the
 * counts are null rather than a 0 that would say nothing waits. Needs a portal and a credential:
 * with its secret store refused, only a credential from the environment can be used.
 */
export function startOutOfServiceHeartbeat(options: KioskHostOptions, operatorCode: string, log: Logger): { stop(): void } {
  const stopped = { stop: () => undefined };
  if (!options.portalUrl) return stopped;
  const credential = credentialOf(options, log);
  if (!credential) {
    log.warn('out_of_service_not_reported', { operatorCode, reason: 'no-credential' });
    return stopped;
  }
  const portal = new PortalClient({ portalUrl: options.portalUrl, credential, fetch: options.fetch ?? globalThis.fetch });
  const snapshot = (): Heartbeat => ({
    appVersion: options.appVersion,
    contentVersion: null,
    queueDepth: null,
    oldestQueuedAgeSeconds: null,
    quarantined: null,
    lastSyncAt: null,
    printerState: options.printer ? 'ready' : 'pdf',
    freeDiskBytes: freeDiskBytes(options.dataFolder),
    alarms: ['out-of-service'],
    outOfServiceCode: operatorCode,
  });
  // Logged when the outcome changes, not every minute: a portal down for a day is one line.
  let recorded: boolean | undefined;
  const send = async (beat: Heartbeat) => {
    const outcome = await portal.heartbeat(beat).catch(() => false);
    if (outcome !== recorded) log[outcome ? 'info' : 'warn'](outcome ? 'out_of_service_reported' : 'out_of_service_not_reported', { operatorCode });
    recorded = outcome;
  };
  const loop = new HeartbeatLoop({ intervalSeconds: options.heartbeatSeconds ?? 60, snapshot, send });
  void send(snapshot());
  loop.start();
  return loop;
}

function credentialOf(options: KioskHostOptions, log: Logger): string | undefined {
  try {
    return new KioskEnrolment({
      dataFolder: options.dataFolder,
      kioskCode: options.kioskCode,
      environmentCredential: options.kioskCredential,
      protector: options.credentialProtector,
      log,
      actor: () => null,
    }).credential;
  } catch (error) {
    // The secret store itself is why the kiosk is out of service; its refusal is already logged.
    log.warn('out_of_service_credential_unavailable', describeError(error));
    return undefined;
  }
}
