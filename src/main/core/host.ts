import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE } from '../../shared/content/content-schema.js';
import { applicationHandlers } from './applications/application-handlers.js';
import { ApplicationService } from './applications/application-service.js';
import { Outbox } from './applications/outbox.js';
import { catalogueHandlers } from './content/catalogue-handlers.js';
import { contentHandlers, contentStatus } from './content/content-handlers.js';
import { ContentPuller } from './content/content-puller.js';
import { ContentService } from './content/content-service.js';
import { contentStatusNotifier } from './content/content-status-events.js';
import { ContentStore } from './content/content-store.js';
import { folderPackageReader } from './content/folder-package-reader.js';
import { kioskInfoHandlers } from './content/kiosk-info-handlers.js';
import { readTrustAnchors } from './content/trust-anchors.js';
import { HostEvents } from './host-events.js';
import type { KioskHostOptions } from './host-options.js';
import { createRouter, type Router } from './ipc/router.js';
import { createFileLogger, type Logger } from './logger.js';
import { PortalClient } from './portal-client/portal-client.js';
import { PdfReceiptPrinter } from './printing/pdf-receipt-printer.js';
import { printingHandlers } from './printing/printing-handlers.js';
import { openDatabase } from './storage/database.js';
import { HeartbeatLoop, heartbeatOf } from './sync/heartbeat.js';
import { SyncEngine } from './sync/sync-engine.js';
import { syncHandlers } from './sync/sync-handlers.js';
import { SyncStatusReporter } from './sync/sync-status.js';

export type { KioskHostOptions };

export interface KioskHost {
  readonly router: Router;
  readonly log: Logger;
  readonly events: HostEvents;
  readonly databaseFile: string;
  close(): void;
}

export const DATABASE_FILE_NAME = 'kiosk.sqlite';
const DEFAULT_POLL_SECONDS = 300;

/**
 * The composition root of the kiosk host: it opens the database, builds each domain's services
 * with their dependencies, and joins the domains' channel handlers into the one router both shells
 * put in front of the renderer. Behaviour lives in the domains; this only wires.
 */
export async function startKioskHost(options: KioskHostOptions): Promise<KioskHost> {
  const clock = options.clock ?? (() => new Date());
  const { portalUrl } = options;
  mkdirSync(join(options.dataFolder, 'logs'), { recursive: true, mode: 0o700 });
  const log = options.log ?? createFileLogger(join(options.dataFolder, 'logs', 'kiosk.log'), clock);
  const databaseFile = join(options.dataFolder, DATABASE_FILE_NAME);
  const db = openDatabase(databaseFile);
  const events = new HostEvents();
  const portal = portalUrl ? new PortalClient({ portalUrl, credential: options.kioskCredential, fetch: options.fetch ?? globalThis.fetch }) : undefined;

  const store = new ContentStore(db);
  const contentNotices = contentStatusNotifier(() => contentStatus({ store, puller, portalUrl }), (status) => events.emit({ name: 'contentStatusChanged', payload: status }));
  const content = new ContentService({
    store, trustAnchors: readTrustAnchors(options.trustAnchorsFile), appVersion: options.appVersion, clock, log,
    onApplied: (version) => events.emit({ name: 'contentUpdated', payload: { version } }),
    onSettled: () => contentNotices.changed(),
  });
  const settings = () => content.catalogue()?.document.settings;
  const puller = portal
    ? new ContentPuller({
        portal, service: content, log, clock, onProgress: () => contentNotices.changed(),
        intervalMs: () => 1000 * (options.contentPollSeconds ?? settings()?.contentPollSeconds ?? DEFAULT_POLL_SECONDS),
      })
    : undefined;
  if (options.bundledContentFolder && existsSync(join(options.bundledContentFolder, MANIFEST_FILE))) {
    await content.install(folderPackageReader(options.bundledContentFolder), 'bundled', { quietIfNotNewer: true });
  }

  const outbox = new Outbox(db, options.kioskCode);
  const sync = portal
    ? new SyncEngine({
        outbox, portal, clock, log, policy: options.deliveryBackoff, probeIntervalMs: options.connectivityProbeMs,
        onDelivered: (receiptNumber) => events.emit({ name: 'applicationDelivered', payload: { receiptNumber } }),
        onStatusChange: () => reporter.changed(),
      })
    : undefined;
  const reporter = new SyncStatusReporter(outbox, sync, clock, (status) => events.emit({ name: 'syncStatusChanged', payload: status }));
  const applications = new ApplicationService({
    outbox, clock, log,
    onQueued: () => (reporter.changed(), sync?.notifyQueued()),
    currentContent: () => content.current(),
  });
  const printer = options.printer ?? PdfReceiptPrinter.inFolders(options.dataFolder, options.fontsFolder);
  const heartbeat = sync && new HeartbeatLoop({
    intervalSeconds: options.heartbeatSeconds ?? 60,
    send: (beat) => sync.sendHeartbeat(beat),
    snapshot: () => heartbeatOf(reporter.current(), { appVersion: options.appVersion, contentVersion: store.active()?.version ?? null, printerState: options.printer ? 'ready' : 'pdf' }),
  });

  const router = createRouter(
    {
      ...kioskInfoHandlers({ content, store, appVersion: options.appVersion, visitorIdleSeconds: options.visitorIdleSeconds, idleWarningSeconds: options.idleWarningSeconds }),
      ...catalogueHandlers(content, store),
      ...contentHandlers({ content, store, puller, portalUrl, removableMediaRoots: options.removableMediaRoots, log }),
      ...applicationHandlers({ applications, outbox, lookupAtPortal: sync && ((receiptNumber) => sync.lookup(receiptNumber)), log }),
      ...syncHandlers(reporter, sync),
      ...printingHandlers({ printer, outbox, catalogue: () => content.catalogue(), log }),
    },
    log,
  );
  puller?.start();
  sync?.start();
  heartbeat?.start();
  log.info('host_ready', { appVersion: options.appVersion, contentVersion: store.active()?.version ?? 0 });

  return {
    router, log, events, databaseFile,
    close: () => {
      contentNotices.stop();
      puller?.stop();
      sync?.stop();
      heartbeat?.stop();
      if (db.open) db.close();
    },
  };
}
