import type { BackOfficeSession } from '../../shared/contract/backoffice.js';
import { fleetSchema, type Fleet, type FleetSearch } from '../../shared/contract/fleet.js';
import { enrolmentCodeCreatedSchema, kioskRevokedSchema, PORTAL_ENDPOINTS, PORTAL_HEADERS, type EnrolmentCodeCreated } from '../../shared/contract/portal.js';

/** Why a call did not give what was asked, as the pages word it. */
export type FleetCallFailure = 'signed-out' | 'forbidden' | 'invalid' | 'unavailable';
export type FleetCall<T> = { ok: true; value: T } | { ok: false; failure: FleetCallFailure };

/**
 * The fleet and kiosks pages' requests to the portal, with the contract's paths. Every call is a
 * POST, so each carries the session's CSRF token; the session cookie goes by itself.
 */
export const fleetApi = {
  fleet: (session: BackOfficeSession, search: FleetSearch): Promise<FleetCall<Fleet>> =>
    call(session, PORTAL_ENDPOINTS.listFleet.path({}), search, (body) => fleetSchema.parse(body)),

  /** A new one-time code for the kiosk; it replaces any code the kiosk had. */
  createEnrolmentCode: (session: BackOfficeSession, kioskCode: string): Promise<FleetCall<EnrolmentCodeCreated>> =>
    call(session, PORTAL_ENDPOINTS.createEnrolmentCode.path({ kioskCode }), undefined, (body) => enrolmentCodeCreatedSchema.parse(body)),

  /** Revokes the kiosk's credential and its unspent code; answers how many live credentials it had. */
  revokeKiosk: (session: BackOfficeSession, kioskCode: string): Promise<FleetCall<number>> =>
    call(session, PORTAL_ENDPOINTS.revokeKiosk.path({ kioskCode }), undefined, (body) => kioskRevokedSchema.parse(body).revokedCredentials),
};

async function call<T>(session: BackOfficeSession, path: string, body: unknown, read: (body: unknown) => T): Promise<FleetCall<T>> {
  const headers: Record<string, string> = { [PORTAL_HEADERS.csrfToken]: session.csrfToken };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    return { ok: false, failure: 'unavailable' };
  }
  if (response.ok) {
    try {
      return { ok: true, value: read(await response.json()) };
    } catch {
      return { ok: false, failure: 'unavailable' };
    }
  }
  const failure: FleetCallFailure = response.status === 401 ? 'signed-out' : response.status === 403 ? 'forbidden' : response.status === 400 ? 'invalid' : 'unavailable';
  return { ok: false, failure };
}
