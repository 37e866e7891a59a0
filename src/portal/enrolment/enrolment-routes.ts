import type { EndpointHandlers } from '../http/endpoint-types.js';
import { Refusal } from '../http/refusal.js';
import type { EnrolmentService } from './enrolment-service.js';

/** The administrator's code and revocation, and the kiosk's exchange of its code for a credential. */
export function enrolmentRoutes(enrolment: EnrolmentService): Pick<EndpointHandlers, 'createEnrolmentCode' | 'exchangeEnrolmentCode' | 'revokeKiosk'> {
  return {
    createEnrolmentCode: async ({ params }) => ({ status: 201, body: await enrolment.createCode(params.kioskCode) }),
    exchangeEnrolmentCode: async ({ body }) => {
      const credential = await enrolment.exchange(body.kioskCode, body.code);
      // One refusal for every reason, so an answer never tells a guesser which part was wrong.
      if (!credential) throw new Refusal(401, 'UNAUTHORIZED', 'This enrolment code is not valid for this kiosk.');
      return { status: 200, body: { credential } };
    },
    revokeKiosk: async ({ params }) => ({ status: 200, body: { kioskCode: params.kioskCode, revokedCredentials: await enrolment.revoke(params.kioskCode) } }),
  };
}
