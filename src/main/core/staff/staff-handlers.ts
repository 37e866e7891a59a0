import { fail, ok } from '../../../shared/contract/result.js';
import type { RecordAudit } from '../audit/audit-recorder.js';
import type { HandlersFor } from '../handlers.js';
import type { StaffSession } from './staff-session.js';
import type { StaffSessionEnding } from './staff-session-ending.js';
import type { StaffSignIn } from './staff-sign-in.js';

export interface StaffHandlersOptions {
  signIn: StaffSignIn;
  session: StaffSession;
  ending: StaffSessionEnding;
  recordAudit: RecordAudit;
}

/** Staff sign in and out at the kiosk; the page asks who is signed in when it needs to know. */
export function staffHandlers(options: StaffHandlersOptions): HandlersFor<'signInStaff' | 'signOutStaff' | 'getStaffSession'> {
  const { session, ending, recordAudit } = options;
  return {
    signInStaff: async (request) => {
      const { pin, ...identifier } = request;
      const result = await options.signIn.signIn(identifier, pin);
      if (!result.ok) {
        const { error } = result;
        if (error.code === 'WRONG_PIN') return fail('WRONG_PIN', error.message, { attemptsLeft: error.attemptsLeft });
        if (error.code === 'LOCKED') return fail('LOCKED', error.message, { until: error.until });
        return fail('VALIDATION', error.message);
      }
      // Whoever was signed in before is signed out first: the trail shows one session at a time.
      ending.byPage('signed-out');
      session.begin(result.value, result.pinHash);
      recordAudit({
        kind: 'staff_sign_in',
        actor: result.value.staffId,
        subject: null,
        details: { roles: [...result.value.roles], method: 'staffId' in identifier ? 'staff_id' : 'card' },
      });
      return ok(result.value);
    },
    signOutStaff: ({ reason }) => {
      ending.byPage(reason ?? 'signed-out');
      return ok({});
    },
    getStaffSession: () => ok(session.current()),
  };
}
