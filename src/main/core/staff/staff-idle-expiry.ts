import type { StaffSession } from './staff-session.js';

/**
 * What the host allows beyond the clerk idle time before it ends a session itself. The page's
 * timer, with its warning, is the one staff see; the host's catches a page that froze or closed.
 */
export const HOST_IDLE_GRACE_SECONDS = 60;
/** How often the host looks for an expired session while no request arrives. */
const CHECK_EVERY_MS = 5_000;

export interface StaffIdleExpiryOptions {
  session: StaffSession;
  clock: () => Date;
  /** The clerk idle time the page's timer runs on (seconds), read at each check: new content may change it. */
  clerkIdleSeconds: () => number;
  /** Ends the session as an idle timeout that ran out at `expiredAt`. */
  expire: (expiredAt: Date) => void;
}

/**
 * Ends a staff session on the host when the page has asked nothing for the clerk idle time plus
 * the grace, so a session never outlives its page. It looks at every request from the page and
 * every few seconds between them.
 */
export class StaffIdleExpiry {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: StaffIdleExpiryOptions) {}

  /** Ends the session now if it has been idle too long. */
  check(): void {
    const { session, clock, clerkIdleSeconds } = this.options;
    const lastActivity = session.lastActivity();
    if (!lastActivity) return;
    const expiresAt = lastActivity.getTime() + (clerkIdleSeconds() + HOST_IDLE_GRACE_SECONDS) * 1000;
    if (clock().getTime() >= expiresAt) this.options.expire(new Date(expiresAt));
  }

  /**
   * A request from the page: a session that has already expired ends first (the request comes
   * too late to keep it), otherwise the idle time starts again.
   */
  requestArrived(): void {
    this.check();
    this.options.session.markActivity();
  }

  start(): void {
    this.stop();
    this.timer = setInterval(() => this.check(), CHECK_EVERY_MS);
    // The check alone never keeps the host's process running.
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
