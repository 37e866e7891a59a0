import type { KioskApi } from '../../shared/contract/ipc.js';
import type { SliceCreator, StaffSlice, VisitScopedState } from './types.js';

export const staffVisitDefaults = { staffSignInCard: undefined, confirmingNextVisitor: false } satisfies Partial<VisitScopedState>;

/** How often, at most, a touched kiosk tells the host its staff member is still there. */
export const STAFF_KEEP_ALIVE_MS = 30_000;

/**
 * Staff at the kiosk: the sign-in screen the long press opens, and where a sign-in leads. A
 * technician goes to the service panel, a clerk (also one who is a technician) to the clerk's home, from which the clerk fills
 * applications for visitors (assisted mode: the host, not the page, marks them with the clerk).
 * The PIN is never kept here: the sign-in screen holds what is typed and drops it when it closes.
 */
export const createStaffSlice =
  (host: KioskApi): SliceCreator<StaffSlice> =>
  (set, get) => {
    let lastKeepAlive = 0;
    const signOut = async (reason: 'signed-out' | 'idle-timeout') => {
      set({ staff: undefined, staffLanguage: 'ky' });
      get().endVisit();
      await host.signOutStaff({ reason });
    };
    return {
      ...staffVisitDefaults,
      staff: undefined,
      staffLanguage: 'ky',
      openStaffSignIn: (cardNumber) => set({ screen: 'staff-sign-in', staffSignInCard: cardNumber }),
      chooseStaffLanguage: (language) => set({ language, staffLanguage: language }),
      signInStaff: async (request) => {
        set({ staffSignInCard: undefined });
        const result = await host.signInStaff(request);
        if (!result.ok) return result.error;
        lastKeepAlive = Date.now();
        set({ staff: result.value, staffLanguage: get().language });
        // Someone who is both reaches the service panel from the clerk's home; a technician alone goes straight to it.
        if (result.value.roles.includes('clerk')) set({ screen: 'clerk-home' });
        else get().openServicePanel();
        return undefined;
      },
      signOutStaff: () => signOut('signed-out'),
      staffIdleTimedOut: () => signOut('idle-timeout'),
      helpVisitor: () => get().startVisit(),
      requestNextVisitor: () => set({ confirmingNextVisitor: true }),
      cancelNextVisitor: () => set({ confirmingNextVisitor: false }),
      nextVisitor: () => {
        // endVisit forgets every answer and lands a signed-in clerk on the clerk home; the next visitor starts at the languages.
        get().endVisit();
        if (get().staff) get().startVisit();
      },
      openClerkHome: () => get().endVisit(),
      keepStaffSessionAlive: async () => {
        if (!get().staff || Date.now() - lastKeepAlive < STAFF_KEEP_ALIVE_MS) return;
        lastKeepAlive = Date.now();
        const result = await host.getStaffSession({});
        // The host ended the session (its own idle limit, or content that removed the record): so does the page.
        if (result.ok && result.value === null && get().staff) get().staffSessionEnded();
      },
      staffSessionEnded: () => {
        if (!get().staff) return;
        set({ staff: undefined, staffLanguage: 'ky' });
        get().endVisit();
      },
    };
  };
