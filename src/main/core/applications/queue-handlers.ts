import { fail, ok } from '../../../shared/contract/result.js';
import type { QueueView } from '../../../shared/contract/ipc.js';
import type { CatalogueView } from '../content/catalogue-view.js';
import type { HandlersFor } from '../handlers.js';
import type { Logger } from '../logger.js';
import type { StaffSession } from '../staff/staff-session.js';
import type { Outbox } from './outbox.js';
import { storedClerk, type AssistingClerk } from './assisting-clerk.js';

/** A screenful for the counter; the total says how many more the kiosk holds. */
export const QUEUE_VIEW_LIMIT = 200;

export interface QueueHandlersOptions {
  outbox: Outbox;
  session: Pick<StaffSession, 'hasRole' | 'actor'>;
  catalogue: () => CatalogueView | undefined;
  /** What the heartbeat reports: a printer attached, or receipts saved as PDFs. */
  printerState: () => QueueView['printer'];
  log: Logger;
}

/**
 * The clerk's queue view: this kiosk's applications by receipt number, service, time, state and
 * assisting clerk. It reads the outbox's metadata columns only, never the sealed answers, so
 * nothing a visitor typed can reach the counter's screen. Only a signed-in clerk may see it.
 */
export function queueHandlers(options: QueueHandlersOptions): HandlersFor<'listQueue'> {
  const { outbox, session, catalogue, printerState, log } = options;
  return {
    listQueue: ({ language }) => {
      if (!session.hasRole('clerk')) {
        log.warn('queue_refused', { signedIn: session.actor() !== null });
        return fail('FORBIDDEN', 'The queue is for a signed-in clerk.');
      }
      const active = catalogue();
      const staff: readonly AssistingClerk[] | undefined = active?.document.staff;
      const { applications, total } = outbox.newest(QUEUE_VIEW_LIMIT);
      return ok({
        applications: applications.map((row) => ({
          receiptNumber: row.receiptNumber,
          serviceId: row.serviceId,
          serviceTitle: active?.service(language, row.serviceId)?.title ?? row.serviceId,
          createdAt: row.createdAt,
          state: row.state,
          quarantineReason: row.state === 'quarantined' ? row.quarantineReason : null,
          assistedBy: storedClerk(row.assistedBy, staff),
        })),
        totalInQueue: total,
        printer: printerState(),
      });
    },
  };
}
