import { ok } from '../../../shared/contract/result.js';
import type { HandlersFor } from '../handlers.js';
import type { Logger } from '../logger.js';
import type { UnavailableServices } from './unavailable-services.js';

export interface ScreenFailures {
  readonly handlers: HandlersFor<'reportScreenFailure'>;
  /** Failures since the host started, for the heartbeat. */
  count(): number;
}

/**
 * The page reports a screen that failed in front of a visitor. The host logs what failed (screen,
 * kind, error name, service; never an error's text, which could quote an answer), counts it for
 * the heartbeat, and takes a service whose form failed out of use on this kiosk.
 */
export function screenFailures(options: { unavailable: UnavailableServices; log: Logger; onServiceDisabled: () => void }): ScreenFailures {
  let failures = 0;
  return {
    count: () => failures,
    handlers: {
      reportScreenFailure: ({ screen, kind, errorName, serviceId }) => {
        failures += 1;
        options.log.error('screen_failed', { screen, kind, errorName, serviceId: serviceId ?? '' });
        // Only a failure inside an application is the form's doing; a catalogue screen that failed says nothing about a service.
        const serviceDisabled = serviceId !== undefined && screen === 'application' && options.unavailable.disable(serviceId);
        if (serviceDisabled) {
          options.log.warn('service_disabled_here', { serviceId, kind });
          options.onServiceDisabled();
        }
        return ok({ serviceDisabled });
      },
    },
  };
}
