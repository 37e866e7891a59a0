import { useEffect, useRef } from 'react';
import { useKioskStore } from '../../state/store.js';
import { clearVisitTraces } from '../visit/wipe.js';

/**
 * Back on the attract screen nobody may stay signed in: however the staff screens were left (Sign
 * out, Cancel, the idle timer), the host is told to end the session. It is told even when the page
 * knows of no session: a page that reloaded has forgotten a session the host still holds, and that
 * session would otherwise mark the next visitors' applications as assisted. When the host ends a
 * session by itself, what the page held goes as after a visit.
 */
export function StaffSessionEnd() {
  const screen = useKioskStore((state) => state.screen);
  const staff = useKioskStore((state) => state.staff);
  const signOutStaff = useKioskStore((state) => state.signOutStaff);
  const hadStaff = useRef(false);
  useEffect(() => {
    if (screen === 'attract') void signOutStaff();
  }, [screen, signOutStaff]);
  useEffect(() => {
    if (hadStaff.current && !staff) clearVisitTraces();
    hadStaff.current = staff !== undefined;
  }, [staff]);
  return null;
}
