import type { KioskApi } from '../../shared/contract/ipc.js';
import type { SliceCreator, StaffSlice, VisitScopedState } from './types.js';

export const staffVisitDefaults = { staffSignInCard: undefined } satisfies Partial<VisitScopedState>;

/**
 * Staff at the kiosk: the sign-in screen the long press opens, and where a sign-in leads. A
 * technician goes to the service panel, a clerk to the clerk's home. The PIN is never kept here:
 * the sign-in screen holds what is typed and drops it when it closes.
 */
export const createStaffSlice =
  (host: KioskApi): SliceCreator<StaffSlice> =>
  (set, get) => ({
    ...staffVisitDefaults,
    staff: undefined,
    openStaffSignIn: (cardNumber) => set({ screen: 'staff-sign-in', staffSignInCard: cardNumber }),
    chooseStaffLanguage: (language) => set({ language }),
    signInStaff: async (request) => {
      set({ staffSignInCard: undefined });
      const result = await host.signInStaff(request);
      if (!result.ok) return result.error;
      set({ staff: result.value });
      if (result.value.roles.includes('technician')) get().openServicePanel();
      else set({ screen: 'clerk-home' });
      return undefined;
    },
    signOutStaff: async () => {
      set({ staff: undefined });
      get().endVisit();
      await host.signOutStaff({});
    },
  });
