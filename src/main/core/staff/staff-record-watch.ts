import type { PinHash, StaffRecord } from '../../../shared/content/staff-schema.js';
import type { HostEvents } from '../host-events.js';
import type { StaffSession } from './staff-session.js';
import type { HostSignOutReason, StaffSessionEnding } from './staff-session-ending.js';
import type { SignedInStaff, StaffDirectory } from './staff-sign-in.js';

/**
 * Why the active staff list no longer allows a session: the person's record is gone, it lost a
 * role the session was signed in with, or it carries another PIN hash than the one the PIN matched
 * (a PIN reset at the portal: the old PIN must not keep a session open). Undefined while the
 * record still allows it (a role added later needs a new sign-in to be used). Without the hash the
 * session was opened with, the PIN is not compared.
 */
export function revokedBy(
  signedIn: SignedInStaff,
  staff: readonly StaffRecord[],
  openedWith?: PinHash | null,
): Extract<HostSignOutReason, 'staff-record-removed' | 'role-removed' | 'pin-changed'> | undefined {
  const record = staff.find((candidate) => candidate.staffId === signedIn.staffId);
  if (!record) return 'staff-record-removed';
  if (!signedIn.roles.every((role) => record.roles.includes(role))) return 'role-removed';
  return openedWith && !samePinHash(openedWith, record.pinHash) ? 'pin-changed' : undefined;
}

function samePinHash(a: PinHash, b: PinHash): boolean {
  return a.algorithm === b.algorithm && a.N === b.N && a.r === b.r && a.p === b.p && a.keyLength === b.keyLength && a.salt === b.salt && a.hash === b.hash;
}

/**
 * Ends the session as soon as content or a staff list is applied that no longer allows it: staff
 * taken off the list, or given a new PIN, lose the kiosk at once, not at their next sign-in.
 * Answers the unsubscribe.
 */
export function endSessionsContentRevokes(parts: {
  events: HostEvents;
  session: StaffSession;
  directory: StaffDirectory;
  ending: StaffSessionEnding;
}): () => void {
  const { events, session, directory, ending } = parts;
  return events.subscribe((event) => {
    if (event.name !== 'contentUpdated' && event.name !== 'staffListUpdated') return;
    const signedIn = session.current();
    if (!signedIn) return;
    const reason = revokedBy(signedIn, directory.staff(), session.openedWithPinHash());
    if (reason) ending.byHost(reason);
  });
}
