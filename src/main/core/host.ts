import { setDefaultCACertificates } from 'node:tls';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { applicationHandlers } from './applications/application-handlers.js';
import { auditRecorder } from './audit/audit-recorder.js';
import { reportAuditChain } from './audit/audit-start-check.js';
import { AuditTrail } from './audit/audit-trail.js';
import { ApplicationService } from './applications/application-service.js';
import { signedInClerk } from './applications/assisting-clerk.js';
import { queueHandlers } from './applications/queue-handlers.js';
import { Outbox } from './applications/outbox.js';
import { startContentDomain } from './content/content-domain.js';
import { DEFAULT_STAFF_LIST_TRUST_FILE, readStaffListTrustAnchors } from './content/staff-list-trust-anchors.js';
import { enrolmentHandlers } from './enrolment/enrolment-handlers.js';
import { KioskEnrolment } from './enrolment/kiosk-enrolment.js';
import type { HostEvents } from './host-events.js';
import type { KioskHostOptions } from './host-options.js';
import { resolveClerkIdleSeconds } from './content/kiosk-info-handlers.js';
import { freeDiskBytes } from './health/free-disk.js';
import { screenFailures } from './health/screen-failure-handlers.js';
import { createRouter, type Router } from './ipc/router.js';
import { createFileLogger, type Logger } from './logger.js';
import { KioskHealth } from './health/kiosk-health.js';
import { PortalClient } from './portal-client/portal-client.js';
import { BlankFormPdfPrinter } from './printing/blank-form-pdf-printer.js';
import { PdfReceiptPrinter } from './printing/pdf-receipt-printer.js';
import { withBlankForms } from './printing/printer-port.js';
import { printingHandlers } from './printing/printing-handlers.js';
import { ServicePanelGuardedEvents } from './staff/service-panel-events.js';
import { guardServicePanel } from './staff/service-panel-guard.js';
import { createStaffDomain } from './staff/staff-domain.js';
import { StaffListPuller } from './staff/staff-list-puller.js';
import { StaffSession } from './staff/staff-session.js';
import { openDatabase } from './storage/database.js';
import { officeCodeOfKiosk } from '../../shared/domain/receipt-number.js';
import { createSyncDomain } from './sync/sync-domain.js';
import { kioskIsEmpty, maintenanceHandlers, VisitPresence } from './updates/maintenance-handlers.js';
import { UpdateCoordinator } from './updates/update-coordinator.js';

export type { KioskHostOptions };

export interface KioskHost {
  readonly router: Router;
  readonly log: Logger;
  readonly events: HostEvents;
  readonly databaseFile: string;
  close(): void;
}

export const DATABASE_FILE_NAME = 'kiosk.sqlite';

/**
 * The composition root of the kiosk host: it opens the database, builds each domain with its
 * dependencies, and joins the domains' channel handlers into the one router both shells put in
 * front of the renderer. Behaviour lives in the domains; this only wires.
 */
export async function startKioskHost(options: KioskHostOptions): Promise<KioskHost> {
  // Process-wide on purpose: the portal is the only TLS peer the host ever has. Set before anything
  // can fail, so a kiosk out of service still reaches the portal to say so.
  if (options.portalCertificates) setDefaultCACertificates(options.portalCertificates);
  const clock = options.clock ?? (() => new Date());
  mkdirSync(join(options.dataFolder, 'logs'), { recursive: true, mode: 0o700 });
  const fileLog = options.log ? undefined : createFileLogger(join(options.dataFolder, 'logs', 'kiosk.log'), clock);
  const log: Logger = options.log ?? fileLog!;
  const health = new KioskHealth({
    freeDiskBytes: () => freeDiskBytes(options.dataFolder),
    logWritesFailing: fileLog && (() => fileLog.writesFailing()),
    probeLog: () => log.info('log_writes_check'),
    onChange: () => sync.healthChanged(),
  });
  const databaseFile = join(options.dataFolder, DATABASE_FILE_NAME);
  const db = openDatabase(databaseFile);
  const staffSession = new StaffSession(clock);
  const events = new ServicePanelGuardedEvents(staffSession, log);
  const auditTrail = new AuditTrail(db, clock);
  const recordAudit = auditRecorder(auditTrail, log);
  const enrolment = new KioskEnrolment({
    dataFolder: options.dataFolder,
    kioskCode: options.kioskCode,
    environmentCredential: options.kioskCredential,
    protector: options.credentialProtector,
    log,
    recordAudit,
    actor: () => staffSession.actor(),
  });
  const portal = options.portalUrl
    ? new PortalClient({ portalUrl: options.portalUrl, credential: enrolment.credential, fetch: options.fetch ?? globalThis.fetch })
    : undefined;

  const panelActor = () => staffSession.actor();
  const content = await startContentDomain(options, { db, portal, events, clock, log, recordAudit, panelActor });
  const failures = screenFailures({
    unavailable: content.unavailable,
    log,
    onServiceDisabled: () => events.emit({ name: 'contentUpdated', payload: { version: content.store.active()?.version ?? 0 } }),
  });
  const staffListTrustFile = options.staffListTrustAnchorsFile ?? DEFAULT_STAFF_LIST_TRUST_FILE;
  const staffListTrust = readStaffListTrustAnchors(staffListTrustFile);
  if (!staffListTrust) log.warn('staff_list_no_trust_file', { file: staffListTrustFile });
  const staffList = await StaffListPuller.open({
    db,
    portal,
    trustAnchors: staffListTrust,
    officeCode: officeCodeOfKiosk(options.kioskCode),
    appendInCommit: (entry) => auditTrail.append(entry),
    recordAudit,
    clock,
    log,
    intervalMs: () => content.pollIntervalMs(),
    onApplied: (version) => events.emit({ name: 'staffListUpdated', payload: { version } }),
    onCredentialRefused: (status, code) => sync.credentialRefused(status, code),
  });
  const visits = new VisitPresence();
  const updates = new UpdateCoordinator({
    updater: options.appUpdater,
    restart: options.restartApp,
    window: () => content.service.catalogue()?.document.settings.maintenanceWindow,
    nightlyRestart: () => content.service.catalogue()?.document.settings.nightlyRestart ?? false,
    kioskEmpty: kioskIsEmpty(visits, staffSession),
    clock,
    log,
    checkEveryMs: options.updateCheckMs,
  });
  const outbox = new Outbox(db, options.kioskCode);
  const printerState = (): 'ready' | 'pdf' => (options.printer ? 'ready' : 'pdf');
  const sync = createSyncDomain(options, {
    outbox,
    portal,
    events,
    clock,
    log,
    recordAudit,
    auditTrail,
    panelActor,
    kiosk: () => ({
      appVersion: options.appVersion,
      contentVersion: content.store.active()?.version ?? null,
      printerState: printerState(),
      screenFailures: failures.count(),
      unavailableServices: content.unavailable.count(),
      freeDiskBytes: freeDiskBytes(options.dataFolder),
      update: updates.heartbeat(),
      alarms: health.alarms(),
    }),
    kioskAlarms: () => health.alarms(),
    onStorageFailed: (error) => health.databaseWriteFailed(error),
  });
  const applications = new ApplicationService({
    outbox,
    clock,
    log,
    onQueued: () => {
      health.databaseWriteSucceeded();
      sync.queued();
    },
    onNotSaved: (error) => health.databaseWriteFailed(error),
    currentContent: () => content.service.current(),
    availableHere: (serviceId) => content.unavailable.availableHere(serviceId),
    assistance: { clerk: () => signedInClerk(staffSession), recordInCommit: (entry) => auditTrail.append(entry) },
  });
  const printer =
    options.printer ??
    withBlankForms(PdfReceiptPrinter.inFolders(options.dataFolder, options.fontsFolder), BlankFormPdfPrinter.inFolders(options.dataFolder, options.fontsFolder));

  const staff = createStaffDomain({
    db,
    session: staffSession,
    events,
    clock,
    log,
    recordAudit,
    activeCatalogue: () => content.service.catalogue()?.document,
    heldStaffList: () => staffList.staff(),
    clerkIdleSeconds: () => resolveClerkIdleSeconds(options.clerkIdleSeconds, content.service.catalogue()?.document.settings),
  });

  const router = createRouter(
    staff.countingActivity({
      ...guardServicePanel(content.handlers, staffSession, log),
      ...applicationHandlers({ applications, outbox, lookupAtPortal: sync.lookup, log }),
      ...queueHandlers({ outbox, session: staffSession, catalogue: () => content.service.catalogue(), printerState, log }),
      ...guardServicePanel(sync.handlers, staffSession, log),
      ...guardServicePanel(
        enrolmentHandlers(enrolment, portal, () => sync.credentialReplaced()),
        staffSession,
        log,
      ),
      ...staff.handlers,
      ...failures.handlers,
      ...guardServicePanel(maintenanceHandlers({ presence: visits, updates, onVisitEnded: options.onVisitEnded, log }), staffSession, log),
      ...printingHandlers({
        printer,
        outbox,
        catalogue: () => content.service.catalogue(),
        receiptDetails: (receiptNumber) => applications.receiptDetails(receiptNumber),
        mayPrintReceipt: (receiptNumber) => staffSession.current() !== null || applications.isLatestReceipt(receiptNumber),
        log,
        recordAudit,
        actor: panelActor,
      }),
    }),
    log,
  );
  staff.start();
  content.start();
  staffList.start();
  sync.start();
  updates.start();
  void reportAuditChain(auditTrail, log, () => db.open);
  log.info('host_ready', { appVersion: options.appVersion, contentVersion: content.store.active()?.version ?? 0 });

  return {
    router,
    log,
    events,
    databaseFile,
    close: () => {
      staff.stop();
      content.stop();
      staffList.stop();
      sync.stop();
      updates.stop();
      if (db.open) db.close();
    },
  };
}
