import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { TrustAnchor } from '../shared/content/content-schema.js';
import { ApplicationStatusService } from './applications/application-status-service.js';
import { applicationRoutes } from './applications/application-routes.js';
import { readStatusReasons } from './applications/status-reasons.js';
import { ApplicationOpening } from './applications/application-opening.js';
import { readPortalKeyring, type PortalKeyFiles } from './applications/portal-private-key.js';
import { publishedForms, publishedServices } from './applications/published-forms.js';
import { DEFAULT_SEALED_ANSWERS_RETENTION_DAYS, SealedAnswersRetention } from './applications/sealed-answers-retention.js';
import { AuditChainService } from './audit/audit-chain-service.js';
import { auditRoutes } from './audit/audit-routes.js';
import { AuditOverview } from './audit/audit-overview.js';
import { auditPageRoutes } from './audit/audit-page-routes.js';
import { logPortalAuditHeads } from './audit/portal-audit-head.js';
import { backOfficeAccounts } from './backoffice/back-office-accounts.js';
import { BUILT_BACKOFFICE_FOLDER } from './backoffice/back-office-app.js';
import { BACKOFFICE_PATH } from '../shared/contract/backoffice.js';
import { ContentLibrary } from './content/content-library.js';
import { contentRoutes } from './content/content-routes.js';
import { ContentRolloutService } from './content/content-rollout-service.js';
import { FleetService } from './fleet/fleet-service.js';
import { fleetRoutes } from './fleet/fleet-routes.js';
import { DEFAULT_FLEET_STALE_MINUTES, DEFAULT_HEARTBEAT_RETENTION_DAYS } from './fleet/fleet-settings.js';
import { HeartbeatRetention } from './fleet/heartbeat-retention.js';
import { EnrolmentService } from './enrolment/enrolment-service.js';
import { enrolmentRoutes } from './enrolment/enrolment-routes.js';
import { createPortalApp } from './http/app.js';
import { createAuthenticator, kioskOfCredential } from './http/authentication.js';
import type { RateLimitSettings } from './http/rate-limits.js';
import { IntakeService } from './intake/intake-service.js';
import { readStaffListKey } from './staff/staff-list-key.js';
import { StaffService } from './staff/staff-service.js';
import { staffRoutes } from './staff/staff-routes.js';
import { intakeRoutes } from './intake/intake-routes.js';
import type { PortalLog } from './portal-log.js';
import { createPortalStore, type PortalStore } from './storage/portal-store.js';

export interface PortalOptions {
  dataFolder: string;
  adminToken: string;
  /** Keys the portal accepts content from: the same anchors the kiosks trust. */
  trustAnchors: readonly TrustAnchor[];
  /** Where submissions, credentials and heartbeats live. The caller keeps ownership: close() leaves it open. */
  store?: PortalStore;
  /** Without a store: PostgreSQL at this URL (DATABASE_URL) … */
  databaseUrl?: string;
  /** … else SQLite in this file (default dataFolder/portal.sqlite). The portal closes a store it opened. */
  sqliteFile?: string;
  port?: number;
  now?: () => Date;
  log?: PortalLog;
  /** The reasons officers give for a status (default resources/portal/status-reasons.json), read and checked at start. */
  statusReasonsFile?: string;
  /** The portal's HPKE private key file (PORTAL_PRIVATE_KEY_FILE): officers' openings unseal with it here; without it nothing opens. */
  portalPrivateKeyFile?: string;
  /** Keys beside the current one: the next ahead of a rotation, and retired ones (PORTAL_NEXT_PRIVATE_KEY_FILE, PORTAL_RETIRED_PRIVATE_KEY_FILES). */
  portalOtherKeyFiles?: Omit<PortalKeyFiles, 'current'>;
  /**
   * The portal's online staff-list key file (PORTAL_STAFF_LIST_KEY_FILE), with which each office's
   * staff list is signed as it changes; without it staff changes are kept but no list is published.
   */
  staffListKeyFile?: string;
  /** Reached through a TLS proxy (PORTAL_BEHIND_TLS): the back office's session cookie is Secure even though this listener is plain HTTP. */
  behindTls?: boolean;
  /** Serve HTTPS from these PEM files (PORTAL_TLS_CERT_FILE, PORTAL_TLS_KEY_FILE), read at start; the session cookie is then Secure. */
  tls?: { certFile: string; keyFile: string };
  /** The reverse proxy's address(es): only it may name the client in X-Forwarded-For (PORTAL_TRUSTED_PROXY). */
  trustedProxy?: string;
  /** Days an issued or rejected application's sealed answers are kept (PORTAL_SEALED_ANSWERS_RETENTION_DAYS, default 90). */
  sealedAnswersRetentionDays?: number;
  /** How often the retention job runs after the run at start (default hourly). */
  retentionIntervalMs?: number;
  /** The built back office web app (default: dist/backoffice of this checkout). */
  backOfficeFolder?: string;
  /** Releases of the kiosk app for its updater (PORTAL_UPDATES_FOLDER), served under /v1/updates/. */
  updatesFolder?: string;
  /** A heartbeat older than this raises the fleet's stale alarm (PORTAL_FLEET_STALE_MINUTES; fleet-settings.ts says why 5). */
  fleetStaleMinutes?: number;
  /** Heartbeats older than this are pruned at start and every hour, each kiosk's newest kept (PORTAL_HEARTBEAT_RETENTION_DAYS, default 30). */
  heartbeatRetentionDays?: number;
  /** How often the heartbeat retention runs after the start (default hourly; tests shorten it). */
  heartbeatRetentionIntervalMs?: number;
  /** This portal's numbers for the contract's rate limits (PORTAL_STATUS_LOOKUPS_PER_MINUTE_PER_KIOSK / _PER_ADDRESS). */
  rateLimits?: RateLimitSettings;
}

const DEFAULT_STATUS_REASONS_FILE = 'resources/portal/status-reasons.json';

export interface Portal {
  readonly url: string;
  /** The back office web app's address. */
  readonly backOfficeUrl: string;
  readonly server: Server;
  readonly store: PortalStore;
  close(): Promise<void>;
}

/**
 * The reference portal on 127.0.0.1: serves published content to kiosks, accepts new packages from
 * administrators, and takes kiosks' sealed submissions (exactly once in effect), status lookups and
 * heartbeats. This only wires: the routes live beside their domains, the HTTP rules in http/.
 */
export async function startPortal(options: PortalOptions): Promise<Portal> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  const ownsStore = !options.store;
  const store =
    options.store ??
    (await createPortalStore({
      databaseUrl: options.databaseUrl,
      sqliteFile: options.sqliteFile ?? join(options.dataFolder, 'portal.sqlite'),
      onError: (error) => log('portal_store_error', { errorType: error.name }),
    }));
  const closeOwnStore = () => (ownsStore ? store.close() : Promise.resolve());
  try {
    await store.migrate();
    // The trail's newest head goes to the log, outside the table, so a trail cut short is still found (verify-portal-audit --expect-head).
    logPortalAuditHeads(store.portalAudit, log);
    const library = new ContentLibrary(join(options.dataFolder, 'content'), {
      trustAnchors: options.trustAnchors,
      now,
      log,
      fleetAppVersions: (since) => store.fleetAppVersions(since),
    });
    const applications = new ApplicationStatusService({
      store: store.applications,
      reasons: readStatusReasons(options.statusReasonsFile ?? DEFAULT_STATUS_REASONS_FILE),
      now,
      log,
    });
    const portalKeys = readPortalKeyring({ current: options.portalPrivateKeyFile, ...options.portalOtherKeyFiles });
    // The ids only: which keys this portal opens with is what an operator checks during a rotation.
    log('portal_keys_held', { keyIds: portalKeys.keyIds.join(',') || 'none' });
    const opening = new ApplicationOpening({
      submission: (id) => store.submission(id),
      applications: store.applications,
      forms: publishedForms(library),
      keys: portalKeys,
      now,
      log,
    });
    const staff = new StaffService({ store: store.staff, key: options.staffListKeyFile ? readStaffListKey(options.staffListKeyFile) : null, now, log });
    const kioskChains = new AuditChainService({ store: store.auditChain, now, log });
    const auditOverview = new AuditOverview({ portalAudit: store.portalAudit, kioskChains: store.auditChain, kioskChainService: kioskChains, accounts: store.backOfficeAccounts, now });
    await auditOverview.rememberStartingHead();
    // Checked before anything listens: a wrong retention setting stops the start.
    const retention = new SealedAnswersRetention({
      store: store.applications,
      retentionDays: options.sealedAnswersRetentionDays ?? DEFAULT_SEALED_ANSWERS_RETENTION_DAYS,
      now,
      log,
      ...(options.retentionIntervalMs ? { intervalMs: options.retentionIntervalMs } : {}),
    });
    const tls = options.tls ? { cert: readFileSync(options.tls.certFile), key: readFileSync(options.tls.keyFile) } : undefined;
    const behindTls = (options.behindTls ?? false) || Boolean(tls);
    const backOffice = backOfficeAccounts({ accounts: store.backOfficeAccounts, now, log, behindTls });
    const app = await createPortalApp({
      tls,
      handlers: {
        ...intakeRoutes(new IntakeService({ store, now, log })),
        ...applicationRoutes(applications, opening, publishedServices(library)),
        ...fleetRoutes(new FleetService({ store, now, staleAfterMinutes: options.fleetStaleMinutes ?? DEFAULT_FLEET_STALE_MINUTES })),
        ...auditRoutes(kioskChains),
        ...auditPageRoutes(auditOverview),
        ...contentRoutes(
          library,
          new ContentRolloutService({ library, rollout: store.contentRollout, audit: store.applications, trustAnchors: options.trustAnchors, now, log }),
          (authorization) => kioskOfCredential(store, authorization),
        ),
        ...backOffice.routes,
        ...staffRoutes(staff),
        ...enrolmentRoutes(new EnrolmentService({ codes: store.enrolmentCodes, revokeCredential: (code, at) => store.revokeCredential(code, at), now, log })),
      },
      backOfficeFolder: options.backOfficeFolder ?? BUILT_BACKOFFICE_FOLDER,
      updatesFolder: options.updatesFolder,
      trustedProxy: options.trustedProxy,
      rateLimits: options.rateLimits,
      authenticate: createAuthenticator({ store, adminToken: options.adminToken, sessions: backOffice.sessions, behindTls }),
      log,
    });
    await app.listen({ port: options.port ?? 0, host: '127.0.0.1' }).catch(async (error: unknown) => {
      await app.close();
      throw error;
    });
    retention.start();
    const { port } = app.server.address() as AddressInfo;
    const heartbeatRetention = new HeartbeatRetention({
      store,
      retentionDays: options.heartbeatRetentionDays ?? DEFAULT_HEARTBEAT_RETENTION_DAYS,
      now,
      log,
      ...(options.heartbeatRetentionIntervalMs ? { intervalMs: options.heartbeatRetentionIntervalMs } : {}),
    });
    heartbeatRetention.start();
    return {
      url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
      backOfficeUrl: `${tls ? 'https' : 'http'}://127.0.0.1:${port}${BACKOFFICE_PATH}`,
      server: app.server,
      store,
      close: async () => {
        await heartbeatRetention.stop();
        await retention.stop();
        await app.close();
        await closeOwnStore();
      },
    };
  } catch (error) {
    await closeOwnStore();
    throw error;
  }
}
