import { ok } from '../../../shared/contract/result.js';
import type { HandlersFor } from '../handlers.js';
import type { PortalClient } from '../portal-client/portal-client.js';
import type { KioskEnrolment } from './kiosk-enrolment.js';

/** The service panel's enrolment: whether the kiosk holds a credential, and "Enrol this kiosk" with a code. */
export function enrolmentHandlers(
  enrolment: KioskEnrolment,
  portal: PortalClient | undefined,
  /** Hands the new credential to the running delivery. */
  credentialReplaced: () => void,
): HandlersFor<'getEnrolmentStatus' | 'enrolKiosk'> {
  return {
    getEnrolmentStatus: () => ok(enrolment.status(portal)),
    enrolKiosk: async ({ code }) =>
      ok(
        await enrolment.enrol(portal, code, (token) => {
          portal?.useCredential(token);
          credentialReplaced();
        }),
      ),
  };
}
