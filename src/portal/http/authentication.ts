import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { KIOSK_AUTH_REALM, PORTAL_HEADERS, bearer, type PortalAuth } from '../../shared/contract/portal.js';
import { presentedCredential } from '../credentials.js';
import type { PortalStore } from '../storage/portal-store.js';
import { Refusal } from './refusal.js';

/** Checks a request's Authorization for an endpoint; answers the kiosk code behind a kiosk credential. */
export type Authenticate = (auth: Exclude<PortalAuth, 'none'>, request: FastifyRequest) => Promise<string>;

export function createAuthenticator(store: PortalStore, adminToken: string): Authenticate {
  const challenge = { [PORTAL_HEADERS.wwwAuthenticate]: `Bearer realm="${KIOSK_AUTH_REALM}"` };

  /** 401 without a valid kiosk credential, 403 when it is revoked. */
  async function kiosk(authorization: string | undefined): Promise<string> {
    const presented = presentedCredential(authorization);
    if (!presented) throw new Refusal(401, 'UNAUTHORIZED', 'A kiosk credential is required: Authorization: Bearer kiosk_<CODE>.<secret>.', challenge);
    const credential = await store.kioskByCredentialHash(presented.secretHash);
    if (!credential || credential.kioskCode !== presented.kioskCode) throw new Refusal(401, 'UNAUTHORIZED', 'The kiosk credential is not known.', challenge);
    if (credential.revokedAt !== null) throw new Refusal(403, 'FORBIDDEN', 'The kiosk credential has been revoked.');
    return credential.kioskCode;
  }

  return async (auth, request) => {
    const authorization = request.headers[PORTAL_HEADERS.authorization];
    if (auth === 'kiosk') return kiosk(authorization);
    if (!sameSecret(authorization, bearer(adminToken))) throw new Refusal(401, 'UNAUTHORIZED', 'An administrator token is required.');
    return '';
  };
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
