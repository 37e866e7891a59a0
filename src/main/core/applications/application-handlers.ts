import type { ApplicationStatus } from '../../../shared/contract/portal.js';
import { fail, ok } from '../../../shared/contract/result.js';
import { normaliseReceiptNumber } from '../../../shared/domain/receipt-number.js';
import type { HandlersFor } from '../handlers.js';
import { describeError, type Logger } from '../logger.js';
import type { ApplicationService } from './application-service.js';
import type { Outbox } from './outbox.js';
import { PortalRateLimitedError } from '../portal-client/rate-limited.js';
import { visitorStatusOf } from '../sync/lookup-answer.js';

export interface ApplicationHandlersOptions {
  applications: ApplicationService;
  outbox: Outbox;
  /** Asks the portal where an application stands (undefined: the portal does not know it); absent without a portal. */
  lookupAtPortal: ((receiptNumber: string) => Promise<ApplicationStatus | undefined>) | undefined;
  log: Logger;
  /** For when a refused lookup may be tried again (default: the system clock). */
  now?: () => Date;
}

type ApplicationChannel = 'startApplication' | 'submitApplication' | 'cancelApplication' | 'lookupApplication';

/** A visitor's application from its start to its receipt, and the visitor's later question of where it stands. */
export function applicationHandlers(options: ApplicationHandlersOptions): HandlersFor<ApplicationChannel> {
  const { applications, outbox, lookupAtPortal, log } = options;
  const now = options.now ?? (() => new Date());
  return {
    startApplication: ({ serviceId }) => applications.start(serviceId),
    submitApplication: (request) => applications.submit(request),
    cancelApplication: ({ applicationId }) => {
      applications.cancel(applicationId);
      return ok({});
    },
    lookupApplication: async ({ receiptNumber }) => {
      const normalised = normaliseReceiptNumber(receiptNumber);
      if (!normalised) return fail('VALIDATION', 'That is not a receipt number.');
      const local = outbox.byReceiptNumber(normalised);
      if (local && (local.state === 'queued' || local.state === 'sending')) {
        // Not sent yet: the portal cannot know it, but this kiosk does.
        return ok({ receiptNumber: normalised, serviceId: local.serviceId, status: 'received' as const, reason: null, updatedAt: local.createdAt, queuedHere: true });
      }
      if (!lookupAtPortal) return fail('UNAVAILABLE', 'No portal is configured.');
      let status: ApplicationStatus | undefined;
      try {
        status = await lookupAtPortal(normalised);
      } catch (error) {
        if (error instanceof PortalRateLimitedError) {
          // The portal's limit on lookups by this kiosk: the visitor waits a minute rather than reading "no connection".
          log.warn('application_lookup_rate_limited', error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds });
          const until = error.retryAfterSeconds === undefined ? undefined : new Date(now().getTime() + error.retryAfterSeconds * 1000).toISOString();
          return fail('RATE_LIMITED', 'The portal refuses more lookups for now.', until ? { until } : undefined);
        }
        log.warn('application_lookup_failed', describeError(error));
        return fail('UNAVAILABLE', 'The portal cannot be reached.');
      }
      if (!status) return fail('NOT_FOUND', 'No application has this receipt number.');
      return ok({ ...visitorStatusOf(status), queuedHere: false });
    },
  };
}
