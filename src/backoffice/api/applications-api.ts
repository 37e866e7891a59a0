import {
  applicationPageSchema,
  cannotOpenSchema,
  openedApplicationSchema,
  statusChangedSchema,
  statusMoveRefusedSchema,
  type ApplicationPage,
  type ApplicationSearch,
  type OpenedApplication,
  type STATUS_CHANGE_REFUSALS,
  type CANNOT_OPEN_REASONS,
} from '../../shared/contract/applications.js';
import type { BackOfficeSession } from '../../shared/contract/backoffice.js';
import { PORTAL_ENDPOINTS, PORTAL_HEADERS } from '../../shared/contract/portal.js';
import type { Language } from '../../shared/domain/languages.js';
import type { ApplicationStatusName } from '../../shared/domain/submission.js';

/** Why a call did not answer what was asked, as the page words it. */
export type CallRefusal = { reason: 'session-ended' } | { reason: 'unavailable' };

export type PageResult = { ok: true; page: ApplicationPage } | { ok: false; refusal: CallRefusal };

export type OpeningResult =
  | { ok: true; opened: OpenedApplication }
  | { ok: false; refusal: CallRefusal | { reason: 'not-found' } | { reason: 'cannot-open'; why: (typeof CANNOT_OPEN_REASONS)[number]; purgedAt: Date | null } };

export type MoveResult =
  | { ok: true; status: ApplicationStatusName }
  | { ok: false; refusal: CallRefusal | { reason: 'not-found' } | { reason: 'refused'; why: (typeof STATUS_CHANGE_REFUSALS)[number]; current: ApplicationStatusName } };

/**
 * The applications page's calls to its portal: the list (metadata only), an opening (its answers
 * stay in the page's memory, never in web storage) and a status move from the status the page
 * showed. Every call is a POST with the session's CSRF token; the session cookie goes by itself.
 */
export const applicationsApi = {
  async search(session: BackOfficeSession, search: ApplicationSearch): Promise<PageResult> {
    const response = await post(session, PORTAL_ENDPOINTS.listApplications.path({}), search);
    if (!response || response.status !== 200) return { ok: false, refusal: callRefusal(response) };
    return { ok: true, page: applicationPageSchema.parse(await response.json()) };
  },

  async open(session: BackOfficeSession, id: string, language: Language): Promise<OpeningResult> {
    const response = await post(session, PORTAL_ENDPOINTS.openApplication.path({ id }), { language });
    if (response?.status === 200) return { ok: true, opened: openedApplicationSchema.parse(await response.json()) };
    if (response?.status === 404) return { ok: false, refusal: { reason: 'not-found' } };
    if (response?.status === 409) {
      const refused = cannotOpenSchema.safeParse(await response.json());
      if (refused.success) {
        const { reason, purgedAt } = refused.data.error;
        return { ok: false, refusal: { reason: 'cannot-open', why: reason, purgedAt: purgedAt ? new Date(purgedAt) : null } };
      }
    }
    return { ok: false, refusal: callRefusal(response) };
  },

  async move(
    session: BackOfficeSession,
    receiptNumber: string,
    move: { to: ApplicationStatusName; reasonId: string | null; expected: ApplicationStatusName },
  ): Promise<MoveResult> {
    const response = await post(session, PORTAL_ENDPOINTS.changeApplicationStatus.path({ receiptNumber }), move);
    if (response?.status === 200) return { ok: true, status: statusChangedSchema.parse(await response.json()).status };
    if (response?.status === 404) return { ok: false, refusal: { reason: 'not-found' } };
    if (response?.status === 409) {
      const refused = statusMoveRefusedSchema.safeParse(await response.json());
      if (refused.success) return { ok: false, refusal: { reason: 'refused', why: refused.data.error.refusal, current: refused.data.error.from } };
    }
    return { ok: false, refusal: callRefusal(response) };
  },
};

const callRefusal = (response: Response | null): CallRefusal => (response?.status === 401 ? { reason: 'session-ended' } : { reason: 'unavailable' });

async function post(session: BackOfficeSession, path: string, body: unknown): Promise<Response | null> {
  try {
    return await fetch(path, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', [PORTAL_HEADERS.csrfToken]: session.csrfToken },
      credentials: 'same-origin',
      // The answers must not rest in the browser's HTTP cache either.
      cache: 'no-store',
    });
  } catch {
    return null;
  }
}
