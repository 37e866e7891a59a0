import type { KioskAlarm } from '../../../shared/contract/kiosk-alarms.js';
import type { SyncStatusView } from '../../../shared/contract/ipc.js';
import type { ApplicationStatus } from '../../../shared/contract/portal.js';
import type { Outbox } from '../applications/outbox.js';
import { coalescedNotice } from '../coalesced-notice.js';
import type { HandlersFor } from '../handlers.js';
import type { HostEvents } from '../host-events.js';
import type { KioskHostOptions } from '../host-options.js';
import { describeError, type Logger } from '../logger.js';
import type { PortalClient } from '../portal-client/portal-client.js';
import type { RecordAudit } from '../audit/audit-recorder.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import { AuditUpload } from './audit-upload.js';
import { HeartbeatLoop, heartbeatOf, type KioskFacts } from './heartbeat.js';
import { SyncEngine } from './sync-engine.js';
import { syncHandlers } from './sync-handlers.js';
import { onlyChanges, syncStatusOf } from './sync-status.js';

export interface SyncDomain {
  readonly handlers: HandlersFor<'getSyncStatus' | 'syncNow'>;
  status(): SyncStatusView;
  /** An application was committed to the outbox: send it, and tell staff the queue grew. */
  queued(): void;
  /** The portal client carries a new credential (the kiosk was enrolled): a pause for the old one is lifted and the queue goes now. */
  credentialReplaced(): void;
  /** Another poll (the staff list) had the credential refused: delivery pauses with the alarm, as for a refused delivery. */
  credentialRefused(status: 401 | 403, code: string): void;
  /** The kiosk's own alarms changed: staff are told, as for a change in delivery. */
  healthChanged(): void;
  /** Asks the portal about a receipt; absent without a portal. */
  readonly lookup: ((receiptNumber: string) => Promise<ApplicationStatus | undefined>) | undefined;
  start(): void;
  stop(): void;
}

/**
 * Delivery of the outbox to the portal: the engine, the heartbeat, the status staff see (pushed to
 * the page as it changes, coalesced so a draining queue costs one count per notice, not per step).
 */
export interface SyncDomainParts {
  outbox: Outbox;
  portal: PortalClient | undefined;
  events: HostEvents;
  clock: () => Date;
  log: Logger;
  /** The kiosk's own facts for the heartbeat. */
  kiosk: () => KioskFacts;
  recordAudit?: RecordAudit;
  /** The trail sent to the portal on each heartbeat tick. */
  auditTrail?: AuditTrail;
  /** Who the panel's "send now" is recorded under. */
  panelActor?: () => string | null;
  /** The alarms the kiosk raises about itself. */
  kioskAlarms?: () => KioskAlarm[];
  /** Delivery could not write to the outbox (a full disk). */
  onStorageFailed?: (error: unknown) => void;
}

export function createSyncDomain(options: KioskHostOptions, parts: SyncDomainParts): SyncDomain {
  const { outbox, portal, events, clock, log } = parts;
  const status = () => syncStatusOf(outbox, engine, clock(), auditUpload?.alarm() ?? null, parts.kioskAlarms?.() ?? []);
  const push = onlyChanges((payload) => events.emit({ name: 'syncStatusChanged', payload }));
  const notices = coalescedNotice(
    () => push(status()),
    250,
    (error) => log.warn('sync_status_notice_failed', describeError(error)),
  );
  const engine = portal
    ? new SyncEngine({
        outbox,
        portal,
        clock,
        log,
        policy: options.deliveryBackoff,
        probeIntervalMs: options.connectivityProbeMs,
        onDelivered: (receiptNumber) => events.emit({ name: 'applicationDelivered', payload: { receiptNumber } }),
        onStatusChange: () => notices.changed(),
        recordAudit: parts.recordAudit,
        onStorageFailed: parts.onStorageFailed,
      })
    : undefined;
  const auditUpload =
    portal && parts.auditTrail ? new AuditUpload({ trail: parts.auditTrail, portal, clock, log, recordAudit: parts.recordAudit, onAlarmChange: () => notices.changed() }) : undefined;
  const heartbeat =
    engine &&
    new HeartbeatLoop({
      intervalSeconds: options.heartbeatSeconds ?? 60,
      // The audit trail goes on the heartbeat's tick, after it: a refused chain never costs the fleet view its heartbeat.
      send: async (beat) => {
        await engine.sendHeartbeat(beat);
        await auditUpload?.tick();
      },
      snapshot: () => heartbeatOf(status(), parts.kiosk()),
    });
  return {
    handlers: syncHandlers(status, engine, parts.recordAudit, parts.panelActor),
    status,
    queued: () => {
      engine?.notifyQueued();
      notices.changed();
    },
    credentialReplaced: () => {
      engine?.syncNow();
      notices.changed();
    },
    credentialRefused: (status, code) => {
      engine?.credentialRefused(status, code);
      notices.changed();
    },
    healthChanged: () => notices.changed(),
    lookup: engine && ((receiptNumber) => engine.lookup(receiptNumber)),
    start: () => {
      engine?.start();
      heartbeat?.start();
    },
    stop: () => {
      notices.stop();
      engine?.stop();
      heartbeat?.stop();
    },
  };
}
