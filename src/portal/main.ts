import { readFileSync } from 'node:fs';
import { delimiter } from 'node:path';
import { parseArgs } from 'node:util';
import { trustAnchorsSchema } from '../shared/content/content-schema.js';
import { sealedAnswersRetentionDays } from './applications/sealed-answers-retention.js';
import { statusLookupLimitsFromEnvironment, StatusLookupLimitError } from './applications/status-lookup-limits.js';
import type { RateLimitSetting } from './http/rate-limits.js';
import { fleetSettingsFromEnvironment, FleetSettingError, type FleetSettings } from './fleet/fleet-settings.js';
import { startPortal } from './server.js';

/**
 * `npm run portal`: the reference portal on 127.0.0.1. PORTAL_ADMIN_TOKEN guards publishing;
 * storage is PostgreSQL when DATABASE_URL is set, else SQLite in <data>/portal.sqlite. Kiosk
 * credentials come from `npm run portal-admin -- issue-credential --kiosk <CODE>`.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORTAL_PORT ?? '8790' },
    data: { type: 'string', default: process.env.PORTAL_DATA_DIR ?? '.portal-data' },
    trust: { type: 'string', default: 'resources/trust/content-keys.json' },
  },
});
const adminToken = process.env.PORTAL_ADMIN_TOKEN;
if (!adminToken || adminToken.length < 16) {
  console.error('Set PORTAL_ADMIN_TOKEN (at least 16 characters) to start the portal.');
  process.exit(2);
}
let retentionDays: number;
try {
  retentionDays = sealedAnswersRetentionDays(process.env.PORTAL_SEALED_ANSWERS_RETENTION_DAYS);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
let fleetSettings: FleetSettings;
try {
  fleetSettings = fleetSettingsFromEnvironment(process.env);
} catch (error) {
  if (!(error instanceof FleetSettingError)) throw error;
  console.error(error.message);
  process.exit(2);
}
// Unset: the demo staff-list key, so the demo kiosks (which trust it) receive each office's list;
// empty: no key, so staff changes are kept but no list is published.
const DEMO_STAFF_LIST_KEY_FILE = 'resources/demo-keys/demo-staff-list-2026.private.json';
const staffListKeyFile = process.env.PORTAL_STAFF_LIST_KEY_FILE ?? DEMO_STAFF_LIST_KEY_FILE;
let statusLookupLimits: RateLimitSetting;
try {
  statusLookupLimits = statusLookupLimitsFromEnvironment(process.env);
} catch (error) {
  if (!(error instanceof StatusLookupLimitError)) throw error;
  console.error(error.message);
  process.exit(2);
}
// HTTPS from certificate files, both or neither; behind a TLS proxy, neither (PORTAL_BEHIND_TLS).
const tlsCertFile = process.env.PORTAL_TLS_CERT_FILE || undefined;
const tlsKeyFile = process.env.PORTAL_TLS_KEY_FILE || undefined;
if (Boolean(tlsCertFile) !== Boolean(tlsKeyFile)) {
  console.error('Set both PORTAL_TLS_CERT_FILE and PORTAL_TLS_KEY_FILE to serve HTTPS, or neither.');
  process.exit(2);
}
const databaseUrl = process.env.DATABASE_URL || undefined;
// Behind a TLS proxy the back office's session cookie must be Secure although this listener is plain HTTP.
const behindTls = process.env.PORTAL_BEHIND_TLS === '1';
// Behind a proxy every request comes from its address: naming it lets the per-address limits see each client.
const trustedProxy = process.env.PORTAL_TRUSTED_PROXY || undefined;
const portal = await startPortal({
  dataFolder: values.data,
  databaseUrl,
  port: Number(values.port),
  adminToken,
  behindTls,
  ...(tlsCertFile && tlsKeyFile ? { tls: { certFile: tlsCertFile, keyFile: tlsKeyFile } } : {}),
  trustedProxy,
  fleetStaleMinutes: fleetSettings.staleAfterMinutes,
  heartbeatRetentionDays: fleetSettings.heartbeatRetentionDays,
  trustAnchors: trustAnchorsSchema.parse(JSON.parse(readFileSync(values.trust, 'utf8'))),
  // Officers open applications with it; without it the back office lists and moves them but opens none.
  portalPrivateKeyFile: process.env.PORTAL_PRIVATE_KEY_FILE || undefined,
  // During a rotation: the next key before kiosks move to it, and earlier keys while their applications still hold answers.
  portalOtherKeyFiles: {
    next: process.env.PORTAL_NEXT_PRIVATE_KEY_FILE || undefined,
    retired: (process.env.PORTAL_RETIRED_PRIVATE_KEY_FILES ?? '').split(delimiter).filter(Boolean),
  },
  // Issued or rejected applications keep their sealed answers this many days, then only their metadata.
  sealedAnswersRetentionDays: retentionDays,
  // The kiosk app's releases (electron-builder's output with its latest*.yml), for the kiosks' updater.
  updatesFolder: process.env.PORTAL_UPDATES_FOLDER || undefined,
  // Each office's staff list is signed with it as administrators change the office's staff.
  ...(staffListKeyFile ? { staffListKeyFile } : {}),
  // Receipt numbers are 40-bit random; these limits make guessing one take years (README, "Receipt numbers").
  rateLimits: { applicationStatus: statusLookupLimits },
  log: (event, fields) => console.log(JSON.stringify({ time: new Date().toISOString(), event, ...fields })),
});
// Never print the database URL: it may carry a password.
console.log(`Portal storage: ${portal.store.kind === 'postgresql' ? 'PostgreSQL (DATABASE_URL)' : `SQLite in ${values.data}`}`);
if (staffListKeyFile === DEMO_STAFF_LIST_KEY_FILE) console.log(`Staff lists are signed with the DEMO key ${DEMO_STAFF_LIST_KEY_FILE}: set PORTAL_STAFF_LIST_KEY_FILE before production.`);
else if (!staffListKeyFile) console.log('No staff-list key (PORTAL_STAFF_LIST_KEY_FILE is empty): staff changes are kept, no kiosk receives them.');
console.log(`Portal listening on ${portal.url}`);
console.log(`Back office: ${portal.backOfficeUrl} (accounts: npm run portal-admin -- create-user --role administrator --username <name>)`);
const stop = () => void portal.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
