import type { EndpointHandlers } from '../http/endpoint-types.js';
import { Refusal } from '../http/refusal.js';
import type { ApplicationStatusService } from './application-status-service.js';

/** GET /v1/applications/:receiptNumber: any kiosk may ask, since the answer holds nothing personal. */
export function applicationRoutes(applications: ApplicationStatusService): Pick<EndpointHandlers, 'applicationStatus'> {
  return {
    applicationStatus: async ({ params }) => {
      const status = await applications.lookup(params.receiptNumber);
      if (!status) throw new Refusal(404, 'NOT_FOUND', 'No application has this receipt number.');
      return { status: 200, body: status };
    },
  };
}
