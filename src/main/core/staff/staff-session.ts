import type { PinHash, StaffRole } from '../../../shared/content/staff-schema.js';
import type { SignedInStaff } from './staff-sign-in.js';

/**
 * Who is signed in on this kiosk: one staff member at a time, held in memory only, so a restart
 * of the kiosk signs everyone out and nothing on the disk can sign anyone in. It also keeps when
 * the page last asked the host anything during the session, which the idle expiry reads.
 */
export class StaffSession {
  private signedIn: SignedInStaff | null = null;
  private pinHash: PinHash | null = null;
  private lastActivityAt: Date | null = null;

  constructor(private readonly clock: () => Date = () => new Date()) {}

  current(): SignedInStaff | null {
    return this.signedIn ? { ...this.signedIn, roles: [...this.signedIn.roles] } : null;
  }

  /**
   * A new sign-in replaces whoever was signed in before; the sign-in itself is the first activity.
   * `pinHash` is the hash the PIN matched, kept so that a PIN reset can end the session.
   */
  begin(staff: SignedInStaff, pinHash?: PinHash): void {
    this.signedIn = { ...staff, roles: [...staff.roles] };
    this.pinHash = pinHash ? { ...pinHash } : null;
    this.lastActivityAt = this.clock();
  }

  /** Ends the session; answers who it was, or null when nobody was signed in. */
  end(): SignedInStaff | null {
    const ended = this.signedIn;
    this.signedIn = null;
    this.pinHash = null;
    this.lastActivityAt = null;
    return ended;
  }

  /** The PIN hash the session was opened with; null when nobody is signed in or it was not given. Never sent to the page. */
  openedWithPinHash(): PinHash | null {
    return this.pinHash ? { ...this.pinHash } : null;
  }

  /** A request from the page arrived: the session is in use. Nothing happens while nobody is signed in. */
  markActivity(): void {
    if (this.signedIn) this.lastActivityAt = this.clock();
  }

  /** When the page last asked anything during this session; null when nobody is signed in. */
  lastActivity(): Date | null {
    return this.lastActivityAt;
  }

  hasRole(role: StaffRole): boolean {
    return this.signedIn?.roles.includes(role) ?? false;
  }

  /** The signed-in staff id for the audit trail's actor, or null. */
  actor(): string | null {
    return this.signedIn?.staffId ?? null;
  }
}
