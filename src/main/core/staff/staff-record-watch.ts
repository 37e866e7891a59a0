import type { StaffRecord } from '../../../shared/content/staff-schema.js';
import type { HostEvents } from '../host-events.js';
import type { StaffSession } from './staff-session.js';
import type { HostSignOutReason, StaffSessionEnding } from './staff-session-ending.js';
import type { SignedInStaff, StaffDirectory } from './staff-sign-in.js';

/**
 * Why the active staff list no longer allows a session: the person's record is gone, or it lost a
 * role the session was signed in with. Undefined while the record still carries every one of them
 * (a role added later needs a new sign-in to be used).
 */
export function revokedBy(signedIn: SignedInStaff, staff: readonly StaffRecord[]): Extract<HostSignOutReason, 'staff-record-removed' | 'role-removed'> | undefined {
  const record = staff.find((candidate) => candidate.staffId === signedIn.staffId);
  if (!record) return 'staff-record-removed';
  return signedIn.roles.every((role) => record.roles.includes(role)) ? undefined : 'role-removed';
}

/**
 * Ends the session as soon as content is applied whose staff list no longer allows it: staff
 * taken off the list lose the kiosk at once, not at their next sign-in. Answers the unsubscribe.
 */
export function endSessionsContentRevokes(parts: {
  events: HostEvents;
  session: StaffSession;
  directory: StaffDirectory;
  ending: StaffSessionEnding;
}): () => void {
  const { events, session, directory, ending } = parts;
  return events.subscribe((event) => {
    if (event.name !== 'contentUpdated') return;
    const signedIn = session.current();
    if (!signedIn) return;
    const reason = revokedBy(signedIn, directory.staff());
    if (reason) ending.byHost(reason);
  });
}
