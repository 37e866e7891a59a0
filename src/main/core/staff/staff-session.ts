import type { StaffRole } from '../../../shared/content/staff-schema.js';
import type { SignedInStaff } from './staff-sign-in.js';

/**
 * Who is signed in on this kiosk: one staff member at a time, held in memory only, so a restart
 * of the kiosk signs everyone out and nothing on the disk can sign anyone in.
 */
export class StaffSession {
  private signedIn: SignedInStaff | null = null;

  current(): SignedInStaff | null {
    return this.signedIn ? { ...this.signedIn, roles: [...this.signedIn.roles] } : null;
  }

  /** A new sign-in replaces whoever was signed in before. */
  begin(staff: SignedInStaff): void {
    this.signedIn = { ...staff, roles: [...staff.roles] };
  }

  /** Ends the session; answers who it was, or null when nobody was signed in. */
  end(): SignedInStaff | null {
    const ended = this.signedIn;
    this.signedIn = null;
    return ended;
  }

  hasRole(role: StaffRole): boolean {
    return this.signedIn?.roles.includes(role) ?? false;
  }

  /** The signed-in staff id for the audit trail's actor, or null. */
  actor(): string | null {
    return this.signedIn?.staffId ?? null;
  }
}
