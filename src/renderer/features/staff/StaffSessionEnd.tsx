import { useEffect } from 'react';
import { useKioskStore } from '../../state/store.js';

/**
 * Back on the attract screen nobody may stay signed in: however the staff screen was left (Sign
 * out, Cancel, the idle timer), the host is told to end the session.
 */
export function StaffSessionEnd() {
  const screen = useKioskStore((state) => state.screen);
  const staff = useKioskStore((state) => state.staff);
  const signOutStaff = useKioskStore((state) => state.signOutStaff);
  useEffect(() => {
    if (screen === 'attract' && staff) void signOutStaff();
  }, [screen, staff, signOutStaff]);
  return null;
}
