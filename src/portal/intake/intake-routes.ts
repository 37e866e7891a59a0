import { PORTAL_HEADERS } from '../../shared/contract/portal.js';
import type { EndpointHandlers } from '../http/endpoint-types.js';
import { Refusal } from '../http/refusal.js';
import type { IntakeService } from './intake-service.js';

/** POST /v1/submissions (the status lookup lives with the applications' workflow). */
export function intakeRoutes(intake: IntakeService): Pick<EndpointHandlers, 'submitApplication'> {
  return {
    submitApplication: async ({ body, headers, kioskCode }) => {
      if (headers[PORTAL_HEADERS.idempotencyKey] !== body.id) throw new Refusal(400, 'VALIDATION', 'The Idempotency-Key header must equal the body’s id.');
      const result = await intake.submit(kioskCode, body);
      switch (result.outcome) {
        case 'created':
          return { status: 201, body: result.accepted };
        case 'replayed':
          return { status: 200, body: result.accepted };
        case 'invalid':
          throw new Refusal(400, 'VALIDATION', result.message);
        case 'other-kiosk':
          throw new Refusal(403, 'FORBIDDEN', 'The receipt number belongs to another kiosk.');
        case 'conflict':
          throw new Refusal(
            409,
            'IDEMPOTENCY_CONFLICT',
            result.reason === 'different-body'
              ? 'This submission id was delivered before with a different body.'
              : 'This receipt number belongs to another submission id.',
          );
      }
    },
  };
}
