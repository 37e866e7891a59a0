import { PORTAL_HEADERS } from '../../shared/contract/portal.js';
import type { z } from 'zod';
import { STAFF_REFUSED_CODE, type StaffRefusalCode, type staffRefusedSchema } from '../../shared/contract/staff-page.js';
import type { EndpointHandlers } from '../http/endpoint-types.js';
import { Refusal } from '../http/refusal.js';
import type { StaffService } from './staff-service.js';

/** The portal's own words for each refusal: the page words them again in the desk's language by `reason`. */
const REFUSAL_MESSAGES: Record<StaffRefusalCode, string> = {
  STAFF_ID_TAKEN: 'The office already has a staff member with this staff id (active or disabled).',
  CARD_TAKEN: 'Another active staff member of the office already has this card.',
  STAFF_NOT_FOUND: 'The office has no staff member with this staff id.',
};

const refusedBody = (reason: StaffRefusalCode): z.output<typeof staffRefusedSchema> => ({ error: { code: STAFF_REFUSED_CODE, reason, message: REFUSAL_MESSAGES[reason] } });

/** GET /v1/staff-list for kiosks, and the back office's staff page (administrators). */
export function staffRoutes(staff: StaffService): Pick<EndpointHandlers, 'staffList' | 'searchStaff' | 'createStaff' | 'setStaffState' | 'resetStaffPin'> {
  return {
    staffList: async ({ kioskCode, headers }) => {
      const list = await staff.listForKiosk(kioskCode);
      if (!list) throw new Refusal(404, 'NOT_FOUND', 'The portal publishes no staff list for this kiosk’s office.');
      const answerHeaders = {
        [PORTAL_HEADERS.etag]: list.etag,
        [PORTAL_HEADERS.cacheControl]: 'no-cache',
        // One URL, a different answer per office: no cache may give one kiosk's answer to another.
        vary: PORTAL_HEADERS.authorization,
      };
      if (headers[PORTAL_HEADERS.ifNoneMatch] === list.etag) return { status: 304, body: undefined, headers: answerHeaders };
      return { status: 200, body: list.signed, headers: answerHeaders };
    },

    searchStaff: async ({ body }) => ({ status: 200, body: await staff.search(body) }),

    createStaff: async ({ body, account }) => {
      const answer = await staff.create(body, account!.accountId);
      // Only a taken id or card can refuse a creation.
      if (answer.outcome === 'refused') return { status: 409, body: refusedBody(answer.reason) };
      return { status: 201, body: answer.value, headers: { [PORTAL_HEADERS.cacheControl]: 'no-store' } };
    },

    setStaffState: async ({ body, account }) => {
      const answer = await staff.setState(body, account!.accountId);
      if (answer.outcome === 'refused' && answer.reason === 'STAFF_NOT_FOUND') return { status: 404, body: refusedBody(answer.reason) };
      // Enabling would give a card to two active records.
      if (answer.outcome === 'refused') return { status: 409, body: refusedBody(answer.reason) };
      return { status: 200, body: answer.value };
    },

    resetStaffPin: async ({ body, account }) => {
      const answer = await staff.resetPin(body, account!.accountId);
      if (answer.outcome === 'refused') return { status: 404, body: refusedBody(answer.reason) };
      return { status: 200, body: answer.value, headers: { [PORTAL_HEADERS.cacheControl]: 'no-store' } };
    },
  };
}
