import type { BackOfficeSession } from '../../shared/contract/backoffice.js';
import { PORTAL_ENDPOINTS } from '../../shared/contract/portal.js';
import {
  pinIssuedSchema,
  staffPageSchema,
  staffRefusedSchema,
  staffStateChangedSchema,
  type CreateStaffRequest,
  type PinIssued,
  type StaffPage,
  type StaffRefusalCode,
  type StaffSearch,
  type StaffState,
  type StaffStateChanged,
} from '../../shared/contract/staff-page.js';
import { callPortal, type CallFailure, type CallResult } from './back-office-request.js';

/** Why a staff call did not do what was asked: the portal's own refusal (a taken id or card, a record gone), or a failure of the call. */
export type StaffCallFailure = { kind: 'refused'; reason: StaffRefusalCode } | { kind: 'failed'; failure: CallFailure };
export type StaffCall<T> = { ok: true; value: T } | { ok: false; failure: StaffCallFailure };

/**
 * The staff page's calls: the list (never a PIN or hash), and the three changes, each of which
 * the portal signs into the office's next staff list. A PIN comes back once, in the answer that
 * made it; the page keeps it in memory only, until the administrator closes it.
 */
export const staffApi = {
  search: (session: BackOfficeSession, search: StaffSearch): Promise<StaffCall<StaffPage>> =>
    callPortal(session, 'POST', PORTAL_ENDPOINTS.searchStaff.path({}), staffPageSchema, search).then(readCall),

  create: (session: BackOfficeSession, request: CreateStaffRequest): Promise<StaffCall<PinIssued>> =>
    callPortal(session, 'POST', PORTAL_ENDPOINTS.createStaff.path({}), pinIssuedSchema, request).then(readCall),

  setState: (session: BackOfficeSession, officeCode: string, staffId: string, state: StaffState): Promise<StaffCall<StaffStateChanged>> =>
    callPortal(session, 'POST', PORTAL_ENDPOINTS.setStaffState.path({}), staffStateChangedSchema, { officeCode, staffId, state }).then(readCall),

  resetPin: (session: BackOfficeSession, officeCode: string, staffId: string): Promise<StaffCall<PinIssued>> =>
    callPortal(session, 'POST', PORTAL_ENDPOINTS.resetStaffPin.path({}), pinIssuedSchema, { officeCode, staffId }).then(readCall),
};

function readCall<T>(result: CallResult<T>): StaffCall<T> {
  if (result.ok) return result;
  if (result.failure === 'refused') {
    const refused = staffRefusedSchema.safeParse(result.body);
    if (refused.success) return { ok: false, failure: { kind: 'refused', reason: refused.data.error.reason } };
  }
  return { ok: false, failure: { kind: 'failed', failure: result.failure } };
}
