import type { CatalogueDocument } from '../../../shared/content/content-schema.js';
import type { StaffRecord } from '../../../shared/content/staff-schema.js';
import type { RecordAudit } from '../audit/audit-recorder.js';
import type { ChannelHandlers, HandlersFor } from '../handlers.js';
import type { HostEvents } from '../host-events.js';
import type { Logger } from '../logger.js';
import type { KioskDatabase } from '../storage/database.js';
import { countingStaffActivity } from './staff-activity.js';
import { catalogueStaffDirectory } from './staff-directory.js';
import { staffHandlers } from './staff-handlers.js';
import { StaffIdleExpiry } from './staff-idle-expiry.js';
import { endSessionsContentRevokes } from './staff-record-watch.js';
import type { StaffSession } from './staff-session.js';
import { staffSessionEnding } from './staff-session-ending.js';
import { StaffSignIn } from './staff-sign-in.js';

export interface StaffDomain {
  readonly handlers: HandlersFor<'signInStaff' | 'signOutStaff' | 'getStaffSession'>;
  /** The router's handlers, each request counted as the page's activity for the idle expiry. */
  countingActivity<H extends Partial<ChannelHandlers>>(handlers: H): H;
  start(): void;
  stop(): void;
}

/**
 * Staff on this kiosk: sign-in against the signed staff list held from the portal, or the active
 * content's staff without one, the one session and every way it ends (sign-out, the page's idle
 * timer, the host's own idle expiry, content or a staff list that takes the person's record or a
 * role away or gives them a new PIN).
 */
export function createStaffDomain(parts: {
  db: KioskDatabase;
  session: StaffSession;
  events: HostEvents;
  clock: () => Date;
  log: Logger;
  recordAudit: RecordAudit;
  activeCatalogue: () => CatalogueDocument | undefined;
  /** The staff of the signed staff list the kiosk holds (StaffListPuller), undefined while it holds none. */
  heldStaffList?: () => readonly StaffRecord[] | undefined;
  /** The clerk idle time the page is given (seconds). */
  clerkIdleSeconds: () => number;
}): StaffDomain {
  const { db, session, events, clock, log, recordAudit } = parts;
  const directory = catalogueStaffDirectory(parts.activeCatalogue, parts.heldStaffList);
  const signIn = new StaffSignIn({ db, directory, clock, log, recordAudit });
  const ending = staffSessionEnding({ session, recordAudit, events, log });
  const expiry = new StaffIdleExpiry({
    session,
    clock,
    clerkIdleSeconds: parts.clerkIdleSeconds,
    expire: (expiredAt) => void ending.byHost('idle-timeout', expiredAt),
  });
  let stopWatch: (() => void) | undefined;
  return {
    handlers: staffHandlers({ signIn, session, ending, recordAudit }),
    countingActivity: (handlers) => countingStaffActivity(handlers, expiry),
    start: () => {
      stopWatch ??= endSessionsContentRevokes({ events, session, directory, ending });
      expiry.start();
    },
    stop: () => {
      expiry.stop();
      stopWatch?.();
      stopWatch = undefined;
    },
  };
}
