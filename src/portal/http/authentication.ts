import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { BACKOFFICE_SESSION_COOKIE, roleMayUse, type BackOfficeRole } from '../../shared/contract/backoffice.js';
import { KIOSK_AUTH_REALM, PORTAL_HEADERS, bearer, type PortalAuth } from '../../shared/contract/portal.js';
import type { BackOfficeSessions, SignedInAccount } from '../backoffice/back-office-sessions.js';
import { fromOwnOrigin } from '../backoffice/same-origin.js';
import { presentedCredential } from '../credentials.js';
import type { PortalStore } from '../storage/portal-store.js';
import { Refusal } from './refusal.js';

/** Who made an authenticated request: the kiosk behind a kiosk credential, or the signed-in back office account. */
export interface Caller {
  kioskCode: string;
  account: SignedInAccount | null;
}

/** Checks a request's credentials for an endpoint, before its body is read. */
export type Authenticate = (auth: Exclude<PortalAuth, 'none'>, request: FastifyRequest) => Promise<Caller>;

export interface AuthenticatorOptions {
  store: PortalStore;
  adminToken: string;
  sessions: BackOfficeSessions;
  /** The portal is reached through a TLS proxy: requests count as over TLS whatever the socket says. */
  behindTls: boolean;
}

export function createAuthenticator(options: AuthenticatorOptions): Authenticate {
  const { store, adminToken, sessions } = options;
  const kiosk = (authorization: string | undefined) => kioskOfCredential(store, authorization);

  /**
   * 401 without a live session; 403 for a state-changing request from another site or without
   * the session's CSRF token, and for a role that may not use the endpoint.
   */
  async function backOffice(required: BackOfficeRole, request: FastifyRequest): Promise<SignedInAccount> {
    const account = await sessions.resolve(request.cookies[BACKOFFICE_SESSION_COOKIE]);
    if (!account) throw new Refusal(401, 'UNAUTHORIZED', 'Sign in to the back office first; the session may have ended.');
    if (request.method !== 'GET') {
      if (!fromOwnOrigin(request.headers, overTls(request, options.behindTls))) throw new Refusal(403, 'FORBIDDEN', 'The request came from another site.');
      if (!sameSecret(headerValue(request.headers[PORTAL_HEADERS.csrfToken]), account.csrfToken)) {
        throw new Refusal(403, 'FORBIDDEN', `The session's CSRF token is required in the ${PORTAL_HEADERS.csrfToken} header.`);
      }
    }
    if (!roleMayUse(account.role, required)) throw new Refusal(403, 'FORBIDDEN', 'This needs an administrator.');
    return account;
  }

  return async (auth, request) => {
    if (auth === 'officer' || auth === 'administrator') return { kioskCode: '', account: await backOffice(auth, request) };
    const authorization = request.headers[PORTAL_HEADERS.authorization];
    if (auth === 'kiosk') return { kioskCode: await kiosk(authorization), account: null };
    if (!sameSecret(authorization, bearer(adminToken))) throw new Refusal(401, 'UNAUTHORIZED', 'An administrator token is required.');
    return { kioskCode: '', account: null };
  };
}

const KIOSK_CHALLENGE = { [PORTAL_HEADERS.wwwAuthenticate]: `Bearer realm="${KIOSK_AUTH_REALM}"` };

/**
 * The kiosk behind an `Authorization: Bearer kiosk_…` header: 401 without a valid kiosk
 * credential, 403 when it is revoked. Also for endpoints a kiosk may call with or without one.
 */
export async function kioskOfCredential(store: Pick<PortalStore, 'kioskByCredentialHash'>, authorization: string | undefined): Promise<string> {
  const presented = presentedCredential(authorization);
  if (!presented) throw new Refusal(401, 'UNAUTHORIZED', 'A kiosk credential is required: Authorization: Bearer kiosk_<CODE>.<secret>.', KIOSK_CHALLENGE);
  const credential = await store.kioskByCredentialHash(presented.secretHash);
  if (!credential || credential.kioskCode !== presented.kioskCode) throw new Refusal(401, 'UNAUTHORIZED', 'The kiosk credential is not known.', KIOSK_CHALLENGE);
  if (credential.revokedAt !== null) throw new Refusal(403, 'FORBIDDEN', 'The kiosk credential has been revoked.');
  return credential.kioskCode;
}

/** Whether the request reached the portal over TLS, directly or through the proxy it is configured behind. */
export function overTls(request: FastifyRequest, behindTls: boolean): boolean {
  return behindTls || request.protocol === 'https';
}

const headerValue = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? undefined : value);

function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
