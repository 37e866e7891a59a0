import { ok } from '../../../shared/contract/result.js';
import type { ChannelHandlers } from '../handlers.js';
import type { Logger } from '../logger.js';
import type { StaffSession } from '../staff/staff-session.js';
import type { UpdateCoordinator } from './update-coordinator.js';

/**
 * Whether a visit is open, as the page last said. The page says so when a visit leaves the
 * attract screen (or a clerk's home) and when it comes back; a page loaded afresh says it has none.
 */
export class VisitPresence {
  private open = false;

  isOpen(): boolean {
    return this.open;
  }

  /** Answers whether this report ended a visit. */
  report(open: boolean): boolean {
    const ended = this.open && !open;
    this.open = open;
    return ended;
  }
}

export interface MaintenanceHandlerDeps {
  presence: VisitPresence;
  updates: UpdateCoordinator;
  /** The shell clears the browser's storage and cache: whatever the page or Chromium kept of the visit goes with it. */
  onVisitEnded?: () => void | Promise<void>;
  log: Logger;
}

export function maintenanceHandlers(deps: MaintenanceHandlerDeps): Pick<ChannelHandlers, 'reportVisit' | 'getUpdateStatus'> {
  return {
    reportVisit: async ({ open }) => {
      const ended = deps.presence.report(open);
      // At a page's first report too: a page reloaded after a crash may leave the last visit's storage behind.
      if ((ended || !open) && deps.onVisitEnded) {
        try {
          await deps.onVisitEnded();
        } catch (error) {
          deps.log.warn('visit_storage_not_cleared', { errorType: error instanceof Error ? error.name : typeof error });
        }
      }
      // Between visits is the moment an update may go in.
      if (!open) deps.updates.tick();
      return ok({});
    },
    getUpdateStatus: () => ok(deps.updates.status()),
  };
}

/** A kiosk is empty when no visit is open and nobody is signed in: then, and only then, it may restart under nobody. */
export const kioskIsEmpty = (presence: VisitPresence, staff: StaffSession) => () => !presence.isOpen() && staff.current() === null;
