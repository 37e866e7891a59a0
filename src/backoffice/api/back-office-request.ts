import type { BackOfficeSession } from '../../shared/contract/backoffice.js';
import { PORTAL_HEADERS } from '../../shared/contract/portal.js';

/** Why a page's call brought nothing back, as the page words it. */
export type CallFailure = 'signed-out' | 'forbidden' | 'refused' | 'unavailable';
/** What the page needs of a contract schema: to check an answer (the contract's zod schemas are such). */
export interface AnswerSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

export type CallResult<T> = { ok: true; value: T } | { ok: false; failure: CallFailure; status: number | null; body: unknown };

/**
 * Sent on the window when the portal answers 401 to a signed-in page: the session ended (expired,
 * signed out elsewhere, the account disabled), and the app goes back to the sign-in page saying so.
 */
export const SESSION_ENDED_EVENT = 'kyzmat-backoffice-session-ended';

/**
 * One call from a section page to its portal: the session cookie goes by itself (HttpOnly), the
 * CSRF token in its header on every POST, the answer checked against the contract's schema. Answers
 * are never cached (they may hold what an officer is allowed to see only now).
 */
export async function callPortal<T>(session: BackOfficeSession, method: 'GET' | 'POST', path: string, schema: AnswerSchema<T>, body?: unknown): Promise<CallResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: method === 'POST' ? { [PORTAL_HEADERS.csrfToken]: session.csrfToken, 'content-type': 'application/json' } : {},
      ...(method === 'POST' ? { body: JSON.stringify(body ?? {}) } : {}),
    });
  } catch {
    return { ok: false, failure: 'unavailable', status: null, body: null };
  }
  const answer: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const parsed = schema.safeParse(answer);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, failure: 'unavailable', status: response.status, body: answer };
  }
  // The event names the session the call was made under: a late answer to an old session's call must not end a newer one.
  if (response.status === 401) window.dispatchEvent(new CustomEvent<string>(SESSION_ENDED_EVENT, { detail: session.csrfToken }));
  const failure: CallFailure = response.status === 401 ? 'signed-out' : response.status === 403 ? 'forbidden' : response.status >= 500 ? 'unavailable' : 'refused';
  return { ok: false, failure, status: response.status, body: answer };
}
