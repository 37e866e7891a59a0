import { ACCOUNT_LOCKED_CODE, BACKOFFICE_SESSION_COOKIE, type BackOfficeSession } from '../../shared/contract/backoffice.js';
import { PORTAL_HEADERS } from '../../shared/contract/portal.js';
import type { EndpointHandlers } from '../http/endpoint-types.js';
import { Refusal } from '../http/refusal.js';
import type { PortalLog } from '../portal-log.js';
import type { BackOfficeAccountStore } from '../storage/backoffice-account-store.js';
import type { BackOfficeSessions, SignedInAccount } from './back-office-sessions.js';
import type { BackOfficeSignIn } from './back-office-sign-in.js';
import { fromOwnOrigin } from './same-origin.js';
import { SESSION_POLICY } from './session-policy.js';

type AccountEndpoints = 'signIn' | 'backOfficeSession' | 'signOut' | 'listBackOfficeUsers';

export interface AccountRoutesOptions {
  signIn: BackOfficeSignIn;
  sessions: BackOfficeSessions;
  accounts: BackOfficeAccountStore;
  /** The portal is reached through a TLS proxy: the cookie is Secure whatever this connection is. */
  behindTls: boolean;
  log: PortalLog;
}

/** Sign-in, the session, sign-out and the administrators' account list. */
export function accountRoutes(options: AccountRoutesOptions): Pick<EndpointHandlers, AccountEndpoints> {
  const { sessions, log } = options;
  /**
   * HttpOnly: no script, injected or not, reads it. SameSite=Strict: no other site's page sends it.
   * Path=/: the page and its API share it. Secure under TLS. No Max-Age: it dies with the browser,
   * and the portal ends the session itself (idle and absolute expiry) whatever the browser keeps.
   */
  const cookie = (value: string, secure: boolean, clear = false): string =>
    // The value is base64url, which a cookie carries as it is.
    [`${BACKOFFICE_SESSION_COOKIE}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : []), ...(clear ? ['Max-Age=0'] : [])].join('; ');

  return {
    signIn: async ({ body, headers, connection, cookies }) => {
      const secure = options.behindTls || connection.encrypted;
      if (!fromOwnOrigin(headers, secure)) throw new Refusal(403, 'FORBIDDEN', 'The request came from another site.');
      const result = await options.signIn.signIn(body.username, body.password, connection.address);
      // A session this browser still held (another person's at a shared desk) ends with the new sign-in, never carried over.
      if (result.outcome === 'signed-in') await sessions.endPresented(cookies[BACKOFFICE_SESSION_COOKIE]);
      if (result.outcome === 'wrong-credentials') throw new Refusal(401, 'SIGN_IN_FAILED', 'The username or password is wrong.');
      if (result.outcome === 'locked') {
        const message = 'Too many wrong passwords for this username: sign-in is locked for a while.';
        return { status: 423, body: { error: { code: ACCOUNT_LOCKED_CODE, message, lockedUntil: result.lockedUntil } } };
      }
      return { status: 200, body: sessionBody(result.signedIn), headers: { [PORTAL_HEADERS.setCookie]: cookie(result.sessionId, secure) } };
    },
    backOfficeSession: ({ account }) => ({ status: 200, body: sessionBody(signedIn(account)) }),
    signOut: async ({ account, connection }) => {
      const { sessionIdHash, username } = signedIn(account);
      await sessions.end(sessionIdHash);
      log('backoffice_signed_out', { username, address: connection.address });
      return { status: 204, body: undefined, headers: { [PORTAL_HEADERS.setCookie]: cookie('', options.behindTls || connection.encrypted, true) } };
    },
    listBackOfficeUsers: async () => ({ status: 200, body: { users: await options.accounts.accounts() } }),
  };
}

function sessionBody(account: SignedInAccount): BackOfficeSession {
  return { username: account.username, role: account.role, csrfToken: account.csrfToken, idleTimeoutSeconds: SESSION_POLICY.idleSeconds, expiresAt: account.expiresAt };
}

/** The authenticator ran before the handler of every officer and administrator endpoint. */
function signedIn(account: SignedInAccount | null): SignedInAccount {
  if (!account) throw new Error('a back office endpoint ran without a signed-in account');
  return account;
}
