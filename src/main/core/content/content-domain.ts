import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE } from '../../../shared/content/content-schema.js';
import { coalescedNotice } from '../coalesced-notice.js';
import type { HandlersFor } from '../handlers.js';
import type { HostEvents } from '../host-events.js';
import type { KioskHostOptions } from '../host-options.js';
import { describeError, type Logger } from '../logger.js';
import type { PortalClient } from '../portal-client/portal-client.js';
import type { KioskDatabase } from '../storage/database.js';
import { catalogueHandlers } from './catalogue-handlers.js';
import { contentHandlers, contentStatus } from './content-handlers.js';
import type { RecordAudit } from '../audit/audit-recorder.js';
import { UnavailableServices } from '../health/unavailable-services.js';
import { ContentPuller } from './content-puller.js';
import { ContentService } from './content-service.js';
import { ContentStore } from './content-store.js';
import { folderPackageReader } from './folder-package-reader.js';
import { kioskInfoHandlers } from './kiosk-info-handlers.js';
import { DEFAULT_STAFF_LIST_TRUST_FILE, readStaffListTrustAnchors } from './staff-list-trust-anchors.js';
import { readTrustAnchors } from './trust-anchors.js';

const DEFAULT_POLL_SECONDS = 300;

type ContentChannel = keyof ReturnType<typeof catalogueHandlers> | keyof ReturnType<typeof contentHandlers> | 'getKioskInfo';

export interface ContentDomain {
  readonly service: ContentService;
  readonly store: ContentStore;
  /** Services whose form failed on this kiosk, for the active package. */
  readonly unavailable: UnavailableServices;
  readonly handlers: HandlersFor<ContentChannel>;
  /** How often the portal is asked for a new manifest (ms); the staff list is polled as often. */
  pollIntervalMs(): number;
  start(): void;
  stop(): void;
}

/**
 * Content on this kiosk: the store and service, the bundled package installed when nothing newer
 * is there, the portal puller, the handlers of the catalogue, content and kiosk-info channels, and
 * the content-status notices the service panel follows.
 */
export async function startContentDomain(
  options: KioskHostOptions,
  parts: {
    db: KioskDatabase;
    portal: PortalClient | undefined;
    events: HostEvents;
    clock: () => Date;
    log: Logger;
    recordAudit?: RecordAudit;
    /** Who the panel's content actions are recorded under. */
    panelActor?: () => string | null;
  },
): Promise<ContentDomain> {
  const { events, clock, log, portal } = parts;
  const store = new ContentStore(parts.db);
  const notices = coalescedNotice(
    () => events.emit({ name: 'contentStatusChanged', payload: contentStatus({ store, puller, portalUrl: options.portalUrl }) }),
    250,
    (error) => log.warn('content_status_notice_failed', describeError(error)),
  );
  const trustAnchors = readTrustAnchors(options.trustAnchorsFile);
  const staffListAnchors = readStaffListTrustAnchors(options.staffListTrustAnchorsFile ?? DEFAULT_STAFF_LIST_TRUST_FILE) ?? [];
  const service = new ContentService({
    store,
    trustAnchors,
    appVersion: options.appVersion,
    clock,
    log,
    onApplied: (version) => events.emit({ name: 'contentUpdated', payload: { version } }),
    onSettled: () => notices.changed(),
    recordAudit: parts.recordAudit,
  });
  const settings = () => service.catalogue()?.document.settings;
  const pollIntervalMs = () => 1000 * (options.contentPollSeconds ?? settings()?.contentPollSeconds ?? DEFAULT_POLL_SECONDS);
  const puller = portal
    ? new ContentPuller({
        portal,
        service,
        log,
        clock,
        onProgress: () => notices.changed(),
        intervalMs: pollIntervalMs,
      })
    : undefined;
  if (options.bundledContentFolder && existsSync(join(options.bundledContentFolder, MANIFEST_FILE))) {
    await service.install(folderPackageReader(options.bundledContentFolder), 'bundled', { quietIfNotNewer: true });
  }
  const unavailable = new UnavailableServices(parts.db, () => store.active()?.version ?? null);
  return {
    service,
    store,
    unavailable,
    pollIntervalMs,
    handlers: {
      ...kioskInfoHandlers({
        content: service,
        store,
        appVersion: options.appVersion,
        visitorIdleSeconds: options.visitorIdleSeconds,
        idleWarningSeconds: options.idleWarningSeconds,
        clerkIdleSeconds: options.clerkIdleSeconds,
        trustedPublicKeys: [...trustAnchors, ...staffListAnchors].map((anchor) => anchor.publicKey),
      }),
      ...catalogueHandlers(service, store, unavailable),
      ...contentHandlers({
        content: service,
        store,
        puller,
        portalUrl: options.portalUrl,
        removableMediaRoots: options.removableMediaRoots,
        log,
        recordAudit: parts.recordAudit,
        actor: parts.panelActor,
      }),
    },
    start: () => puller?.start(),
    stop: () => {
      notices.stop();
      puller?.stop();
    },
  };
}
