import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fail } from '../../shared/contract/result.js';
import { HostEvents } from '../core/host-events.js';
import { DATABASE_FILE_NAME, startKioskHost, type KioskHost, type KioskHostOptions } from '../core/host.js';
import { createFileLogger, describeError } from '../core/logger.js';
import { CredentialStoreError } from '../core/enrolment/credential-protector.js';
import { DatabaseFromNewerVersionError } from '../core/storage/database.js';
import { startOutOfServiceHeartbeat } from '../core/health/out-of-service-heartbeat.js';

/** What the screen shows a technician, and what the recovery procedure in the README is looked up by. */
export const OUT_OF_SERVICE_CODES = {
  /** The database was written by a newer app: this app was rolled back over it. */
  newerDatabase: 'KK-DB-NEWER',
  /** The database file is damaged or is not a database at all. */
  damagedDatabase: 'KK-DB-DAMAGED',
  /** The secret store is Linux's basic_text, which protects nothing. */
  unprotectedSecretStore: 'KK-KEYSTORE-UNPROTECTED',
  /** The credential was sealed by another secret store than the one there now, or the store cannot open it. */
  secretStoreChanged: 'KK-KEYSTORE-CHANGED',
} as const;
export type OutOfServiceCode = (typeof OUT_OF_SERVICE_CODES)[keyof typeof OUT_OF_SERVICE_CODES];

// SQLite's own result codes for a file it cannot read as a database (extended codes start the same).
const DAMAGED_DATABASE = /^SQLITE_(CORRUPT|NOTADB)/;

/** The operator code of a start-up failure the kiosk can be taken out of service for; undefined for any other (a bug, a bad setting). */
export function outOfServiceCodeOf(error: unknown): OutOfServiceCode | undefined {
  if (error instanceof DatabaseFromNewerVersionError) return OUT_OF_SERVICE_CODES.newerDatabase;
  if (error instanceof CredentialStoreError) {
    return error.reason === 'unprotected-backend' ? OUT_OF_SERVICE_CODES.unprotectedSecretStore : OUT_OF_SERVICE_CODES.secretStoreChanged;
  }
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (typeof code === 'string' && DAMAGED_DATABASE.test(code)) return OUT_OF_SERVICE_CODES.damagedDatabase;
  return undefined;
}

export interface OutOfServiceHost extends KioskHost {
  readonly outOfService: OutOfServiceCode;
}

/**
 * Starts the host, or, when its database or its secret store cannot be used, a host that is out of service: every
 * channel answers OUT_OF_SERVICE with the operator code, so the page shows a translated screen
 * that sends the visitor to the counter and tells the technician which procedure to follow, and
 * the portal hears of it (the out-of-service alarm with the code) when it can be reached. The
 * database file is left exactly as it was (a newer app's file is not written to, a damaged one is
 * not "repaired" by a start-up that would drop the undelivered applications in it).
 */
export async function startKioskHostOrOutOfService(options: KioskHostOptions): Promise<KioskHost | OutOfServiceHost> {
  try {
    return await startKioskHost(options);
  } catch (error) {
    const operatorCode = outOfServiceCodeOf(error);
    if (!operatorCode) throw error;
    const clock = options.clock ?? (() => new Date());
    mkdirSync(join(options.dataFolder, 'logs'), { recursive: true, mode: 0o700 });
    const log = options.log ?? createFileLogger(join(options.dataFolder, 'logs', 'kiosk.log'), clock);
    // The store's refusal names no secret, and says what the technician can do about it.
    const why = error instanceof CredentialStoreError ? { detail: error.message } : {};
    log.error('kiosk_out_of_service', { operatorCode, ...why, ...describeError(error) });
    const answer = fail('OUT_OF_SERVICE', 'The kiosk is out of service.', { operatorCode });
    const heartbeat = startOutOfServiceHeartbeat(options, operatorCode, log);
    return {
      outOfService: operatorCode,
      router: { handle: () => Promise.resolve(answer) },
      events: new HostEvents(log),
      log,
      databaseFile: join(options.dataFolder, DATABASE_FILE_NAME),
      close: () => heartbeat.stop(),
    };
  }
}
