import type { StaffSession } from '../staff/staff-session.js';

/** The clerk who fills an application for a visitor, as the receipt and the queue name them. */
export interface AssistingClerk {
  staffId: string;
  displayName: string;
}

/**
 * Who assists an application submitted now: the signed-in staff member when they hold the clerk
 * role, otherwise nobody. The host decides it from its own session, so a page cannot claim a clerk
 * (nor hide one); a technician signed in to the service panel does not make an application assisted.
 */
export function signedInClerk(session: Pick<StaffSession, 'current'>): AssistingClerk | null {
  const staff = session.current();
  if (!staff?.roles.includes('clerk')) return null;
  return { staffId: staff.staffId, displayName: staff.displayName };
}

/**
 * The display name the active content's staff list gives a stored clerk's id, or undefined when a
 * later package removed the record. Names are read at the moment of asking, never stored with the
 * application: the outbox keeps the id only.
 */
export function staffNameOf(staffId: string, staff: readonly AssistingClerk[] | undefined): string | undefined {
  return staff?.find((candidate) => candidate.staffId === staffId)?.displayName;
}

/** The clerk a stored application names, with the id for a name when the record is gone, so the queue still says who assisted. */
export function storedClerk(staffId: string | null, staff: readonly AssistingClerk[] | undefined): AssistingClerk | null {
  if (staffId === null) return null;
  return { staffId, displayName: staffNameOf(staffId, staff) ?? staffId };
}
