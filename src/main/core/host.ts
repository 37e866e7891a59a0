import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE, trustAnchorsSchema, type TrustAnchor } from '../../shared/content/content-schema.js';
import { type CatalogueView } from './content/catalogue-view.js';
import { ContentPuller } from './content/content-puller.js';
import { ContentService } from './content/content-service.js';
import { ContentStore } from './content/content-store.js';
import { folderPackageReader } from './content/folder-package-reader.js';
import type { Fetch } from './content/http-package-reader.js';
import { defaultMountRoots, findRemovableContent } from './content/removable-media.js';
import { openDatabase } from './storage/database.js';
import { HostEvents } from './host-events.js';
import { createFileLogger, describeError, type Logger } from './logger.js';
import { PdfReceiptPrinter } from './printing/pdf-receipt-printer.js';
import type { PrinterPort } from './printing/printer-port.js';
import { ExpectedFailure, createRouter, type Router } from './ipc/router.js';
import { ApplicationService } from './applications/application-service.js';
import { Outbox } from './applications/outbox.js';
import type { BackoffPolicy } from './sync/backoff.js';
import { SyncEngine } from './sync/sync-engine.js';
import { normaliseReceiptNumber } from '../../shared/domain/receipt-number.js';

export interface KioskHostOptions {
  dataFolder: string;
  appVersion: string;
  /** The bundled trust anchors (resources/trust/content-keys.json). */
  trustAnchorsFile: string;
  /** The signed package shipped with the app, applied when the kiosk has nothing newer. */
  bundledContentFolder?: string;
  /** The portal: content is pulled from it and applications are delivered to it. Without it, USB only and no delivery. */
  portalUrl?: string;
  /** This kiosk's credential for the portal (`kiosk_<code>.<secret>`, issued by an administrator). */
  kioskCredential?: string;
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
  fetch?: Fetch;
  clock?: () => Date;
  log?: Logger;
}

export interface KioskHost {
  readonly router: Router;
  readonly log: Logger;
  readonly events: HostEvents;
  readonly databaseFile: string;
  close(): void;
}

export const DATABASE_FILE_NAME = 'kiosk.sqlite';
const DEFAULT_POLL_SECONDS = 300;

export function readTrustAnchors(file: string): TrustAnchor[] {
  return trustAnchorsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/**
 * The composition root of the kiosk host: it opens the database, wires the services with their
 * dependencies, installs the bundled content if it is newer than what the kiosk has, and exposes
 * the router and events that both shells put in front of the renderer.
 */
export async function startKioskHost(options: KioskHostOptions): Promise<KioskHost> {
  const clock = options.clock ?? (() => new Date());
  mkdirSync(join(options.dataFolder, 'logs'), { recursive: true, mode: 0o700 });
  const log = options.log ?? createFileLogger(join(options.dataFolder, 'logs', 'kiosk.log'), clock);
  const databaseFile = join(options.dataFolder, DATABASE_FILE_NAME);
  const db = openDatabase(databaseFile);
  const events = new HostEvents();
  const trustAnchors = readTrustAnchors(options.trustAnchorsFile);

  const store = new ContentStore(db);
  const content = new ContentService({
    store,
    trustAnchors,
    appVersion: options.appVersion,
    clock,
    log,
    onApplied: (version) => events.emit({ name: 'contentUpdated', payload: { version } }),
  });
  if (options.bundledContentFolder && existsSync(join(options.bundledContentFolder, MANIFEST_FILE))) {
    await content.install(folderPackageReader(options.bundledContentFolder), 'bundled', { quietIfNotNewer: true });
  }

  const settings = () => content.catalogue()?.document.settings;
  const outbox = new Outbox(db, options.kioskCode);
  const sync = options.portalUrl
    ? new SyncEngine({
        outbox,
        portalUrl: options.portalUrl,
        credential: options.kioskCredential,
        fetch: options.fetch ?? fetch,
        clock,
        log,
        onDelivered: (receiptNumber) => events.emit({ name: 'applicationDelivered', payload: { receiptNumber } }),
        policy: options.deliveryBackoff,
        probeIntervalMs: options.connectivityProbeMs,
      })
    : undefined;
  const applications = new ApplicationService({
    onQueued: () => sync?.notifyQueued(),
    outbox,
    currentContent: () => {
      const view = content.catalogue();
      const active = store.active();
      return view && active ? { document: view.document, version: active.version } : undefined;
    },
    clock,
    log,
  });
  const printer =
    options.printer ??
    new PdfReceiptPrinter({
      folder: join(options.dataFolder, 'receipts'),
      regularFont: join(options.fontsFolder, 'NotoSans-Regular.ttf'),
      boldFont: join(options.fontsFolder, 'NotoSans-Bold.ttf'),
    });
  const puller = options.portalUrl
    ? new ContentPuller({
        portalUrl: options.portalUrl,
        service: content,
        fetch: options.fetch ?? fetch,
        log,
        clock,
        intervalMs: () => 1000 * (options.contentPollSeconds ?? settings()?.contentPollSeconds ?? DEFAULT_POLL_SECONDS),
      })
    : undefined;
  puller?.start();
  sync?.start();
  const heartbeat = sync
    ? setInterval(() => {
        const counts = outbox.counts(clock());
        void sync.sendHeartbeat({
          appVersion: options.appVersion,
          contentVersion: store.active()?.version ?? null,
          queueDepth: counts.queued,
          oldestQueuedAgeSeconds: counts.oldestQueuedAgeSeconds,
          quarantined: counts.quarantined,
          lastSyncAt: sync.status().lastSyncAt,
          printerState: options.printer ? 'ready' : 'pdf',
        });
      }, 1000 * (options.heartbeatSeconds ?? 60))
    : undefined;
  heartbeat?.unref?.();

  const catalogue = (): CatalogueView => {
    const view = content.catalogue();
    if (!view) throw new ExpectedFailure('UNAVAILABLE', 'The kiosk has no content yet.');
    return view;
  };

  const router = createRouter(
    {
      getKioskInfo: () => {
        const current = settings();
        return {
          appVersion: options.appVersion,
          contentVersion: store.active()?.version ?? null,
          officeName: current?.officeName ?? null,
          support: current?.support ?? null,
          visitorIdleSeconds: options.visitorIdleSeconds ?? current?.visitorIdleSeconds ?? 120,
          idleWarningSeconds: options.idleWarningSeconds ?? current?.idleWarningSeconds ?? 30,
        };
      },
      listCategories: ({ language }) => content.catalogue()?.categories(language) ?? [],
      listServices: ({ language, categoryId }) => content.catalogue()?.services(language, categoryId) ?? [],
      getService: ({ language, serviceId }) => {
        const service = catalogue().service(language, serviceId);
        if (!service) throw new ExpectedFailure('NOT_FOUND', 'No such service.');
        return service;
      },
      searchServices: ({ language, query }) => content.catalogue()?.search(language, query) ?? [],
      getSampleForm: ({ serviceId, sampleId }) => {
        const sample = catalogue().samplePart(serviceId, sampleId);
        const bytes = sample && store.readActivePart(sample.part);
        if (!sample || !bytes) throw new ExpectedFailure('NOT_FOUND', 'No such sample form.');
        return { mediaType: sample.mediaType, dataBase64: Buffer.from(bytes).toString('base64') };
      },
      getContentStatus: () => {
        const active = store.active();
        return {
          activeVersion: active?.version ?? null,
          activeKeyId: active?.keyId ?? null,
          signedWithDemoKey: active?.keyId.startsWith('demo-') ?? false,
          expires: active?.expires ?? null,
          previousVersion: store.previous()?.version ?? null,
          portalUrl: options.portalUrl ?? null,
          lastCheckAt: puller?.lastCheckAt?.toISOString() ?? null,
          download: puller?.download ?? { state: 'idle', receivedBytes: 0, totalBytes: 0 },
          events: store.recentEvents(),
        };
      },
      checkForContentUpdate: () => (puller ? puller.checkNow() : { outcome: 'not-found' as const }),
      importContentFromRemovableMedia: () => {
        const folder = findRemovableContent(options.removableMediaRoots ?? defaultMountRoots());
        if (!folder) return { outcome: 'not-found' as const };
        log.info('content_import_started', { source: 'folder' });
        return content.install(folderPackageReader(folder), 'folder');
      },
      getSyncStatus: () => {
        const counts = outbox.counts(clock());
        const status = sync?.status() ?? { state: 'not-configured' as const, online: null, lastSyncAt: null, lastError: null, pausedReason: null };
        return { ...status, ...counts };
      },
      syncNow: () => {
        sync?.syncNow();
        return {};
      },
      lookupApplication: async ({ receiptNumber }) => {
        const normalised = normaliseReceiptNumber(receiptNumber);
        if (!normalised) throw new ExpectedFailure('VALIDATION', 'That is not a receipt number.');
        const local = outbox.byReceiptNumber(normalised);
        if (local && (local.state === 'queued' || local.state === 'sending')) {
          // Not sent yet: the portal cannot know it, but this kiosk does.
          return { receiptNumber: normalised, serviceId: local.serviceId, status: 'received' as const, updatedAt: local.createdAt, queuedHere: true };
        }
        if (!sync) throw new ExpectedFailure('UNAVAILABLE', 'No portal is configured.');
        let status;
        try {
          status = await sync.lookup(normalised);
        } catch (error) {
          log.warn('application_lookup_failed', describeError(error));
          throw new ExpectedFailure('UNAVAILABLE', 'The portal cannot be reached.');
        }
        if (!status) throw new ExpectedFailure('NOT_FOUND', 'No application has this receipt number.');
        return { ...status, queuedHere: false };
      },
      startApplication: ({ serviceId }) => applications.start(serviceId),
      submitApplication: (request) => applications.submit(request),
      cancelApplication: ({ applicationId }) => {
        applications.cancel(applicationId);
        return {};
      },
      printReceipt: async ({ receipt }) => {
        if (!outbox.byReceiptNumber(receipt.receiptNumber)) throw new ExpectedFailure('NOT_FOUND', 'No such receipt.');
        try {
          return await printer.print(receipt);
        } catch (error) {
          log.warn('receipt_print_failed', describeError(error));
          return { outcome: 'failed' as const, reason: 'PRINT_FAILED' as const };
        }
      },
    },
    log,
  );
  log.info('host_ready', { appVersion: options.appVersion, contentVersion: store.active()?.version ?? 0 });

  return {
    router,
    log,
    events,
    databaseFile,
    close: () => {
      puller?.stop();
      sync?.stop();
      clearInterval(heartbeat);
      if (db.open) db.close();
    },
  };
}
