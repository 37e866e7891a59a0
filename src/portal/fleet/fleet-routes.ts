import type { EndpointHandlers } from '../http/endpoint-types.js';
import { Refusal } from '../http/refusal.js';
import type { FleetService } from './fleet-service.js';

/** POST /v1/heartbeats, and the back office's fleet search. */
export function fleetRoutes(fleet: FleetService): Pick<EndpointHandlers, 'recordHeartbeat' | 'listFleet'> {
  return {
    recordHeartbeat: async ({ body, kioskCode }) => {
      const result = await fleet.recordHeartbeat(kioskCode, body);
      if (result.outcome === 'invalid') throw new Refusal(400, 'VALIDATION', result.message);
      return { status: 204, body: undefined };
    },
    listFleet: async ({ body }) => ({ status: 200, body: await fleet.fleet(body) }),
  };
}
