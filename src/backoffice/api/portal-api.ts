import { accountLockedSchema, backOfficeSessionSchema, type BackOfficeSession } from '../../shared/contract/backoffice.js';
import { PORTAL_ENDPOINTS, PORTAL_HEADERS } from '../../shared/contract/portal.js';

/** Why a sign-in did not open a session, as the page words it. */
export type SignInRefusal = { reason: 'wrong-credentials' } | { reason: 'locked'; until: Date } | { reason: 'rate-limited'; until: Date } | { reason: 'unavailable' };
export type SignInResult = { ok: true; session: BackOfficeSession } | { ok: false; refusal: SignInRefusal };

/**
 * The back office's requests to its portal, with the paths and headers of the endpoint contract.
 * The session cookie goes by itself (HttpOnly: no script reads it); the CSRF token the session
 * answered goes in a header on every state-changing request.
 */
export const portalApi = {
  async signIn(username: string, password: string): Promise<SignInResult> {
    const response = await request(PORTAL_ENDPOINTS.signIn.path({}), { method: 'POST', body: JSON.stringify({ username, password }), headers: { 'content-type': 'application/json' } });
    if (!response) return { ok: false, refusal: { reason: 'unavailable' } };
    if (response.status === 200) return { ok: true, session: backOfficeSessionSchema.parse(await response.json()) };
    if (response.status === 401) return { ok: false, refusal: { reason: 'wrong-credentials' } };
    if (response.status === 423) {
      const locked = accountLockedSchema.safeParse(await response.json());
      if (locked.success) return { ok: false, refusal: { reason: 'locked', until: new Date(locked.data.error.lockedUntil) } };
    }
    if (response.status === 429) {
      const seconds = Number(response.headers.get(PORTAL_HEADERS.retryAfter)) || 60;
      return { ok: false, refusal: { reason: 'rate-limited', until: new Date(Date.now() + seconds * 1000) } };
    }
    return { ok: false, refusal: { reason: 'unavailable' } };
  },

  /** The signed-in session, or null when there is none (or it ended). */
  async session(): Promise<BackOfficeSession | null> {
    const response = await request(PORTAL_ENDPOINTS.backOfficeSession.path({}), { method: 'GET' });
    if (!response || response.status !== 200) return null;
    return backOfficeSessionSchema.parse(await response.json());
  },

  /** Ends the session at the portal: every tab with this cookie is signed out. */
  async signOut(session: BackOfficeSession): Promise<void> {
    await request(PORTAL_ENDPOINTS.signOut.path({}), { method: 'POST', headers: { [PORTAL_HEADERS.csrfToken]: session.csrfToken } });
  },
};

async function request(path: string, init: RequestInit): Promise<Response | null> {
  try {
    return await fetch(path, { ...init, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    return null;
  }
}
