import type { KioskDatabase } from '../storage/database.js';

export interface LockoutState {
  /** Wrong PINs since the last right one or the last lock's end. */
  failedAttempts: number;
  /** Set while the subject is locked; a lock whose end has passed reads as none. */
  lockedUntil: Date | null;
}

interface LockoutRow {
  failed_attempts: number;
  locked_until: string | null;
}

/**
 * Subjects with wrong PINs but no lock, kept at most: each row is a few bytes, but ids typed at
 * random on the keypad must not grow the table without end. The oldest go first.
 */
const MAX_COUNTING_SUBJECTS = 1000;

const FRESH: LockoutState = { failedAttempts: 0, lockedUntil: null };

/** Wrong-PIN counts and locks of this kiosk, in its database so that a restart keeps them. */
export class StaffLockoutStore {
  constructor(private readonly db: KioskDatabase) {}

  state(subject: string, now: Date): LockoutState {
    const row = this.db
      .prepare<[string], LockoutRow>('SELECT failed_attempts, locked_until FROM staff_lockout WHERE subject = ?')
      .get(subject);
    if (!row) return FRESH;
    if (row.locked_until === null) return { failedAttempts: row.failed_attempts, lockedUntil: null };
    const lockedUntil = new Date(row.locked_until);
    // A lock that has run out leaves nothing behind: the next PIN starts a new count.
    return lockedUntil.getTime() > now.getTime() ? { failedAttempts: row.failed_attempts, lockedUntil } : FRESH;
  }

  /** Counts one more wrong PIN, and locks the subject until `now + lockMinutes` at `maxAttempts`. */
  recordFailure(subject: string, now: Date, policy: { maxAttempts: number; lockMinutes: number }): LockoutState {
    return this.db
      .transaction((): LockoutState => {
        const failedAttempts = this.state(subject, now).failedAttempts + 1;
        const lockedUntil = failedAttempts >= policy.maxAttempts ? new Date(now.getTime() + policy.lockMinutes * 60_000) : null;
        this.db
          .prepare(
            `INSERT INTO staff_lockout (subject, failed_attempts, last_failed_at, locked_until) VALUES (?, ?, ?, ?)
             ON CONFLICT(subject) DO UPDATE SET failed_attempts = excluded.failed_attempts,
               last_failed_at = excluded.last_failed_at, locked_until = excluded.locked_until`,
          )
          .run(subject, failedAttempts, now.toISOString(), lockedUntil?.toISOString() ?? null);
        this.prune(now, subject);
        return { failedAttempts, lockedUntil };
      })
      .immediate();
  }

  /** A right PIN: the count starts again from nothing. */
  clear(subject: string): void {
    this.db.prepare('DELETE FROM staff_lockout WHERE subject = ?').run(subject);
  }

  /** Drops ended locks and the oldest counts beyond the limit; never the subject just counted. */
  private prune(now: Date, current: string): void {
    this.db.prepare('DELETE FROM staff_lockout WHERE locked_until IS NOT NULL AND locked_until <= ?').run(now.toISOString());
    this.db
      .prepare(
        `DELETE FROM staff_lockout WHERE subject IN (
           SELECT subject FROM staff_lockout WHERE locked_until IS NULL AND subject <> ?
           ORDER BY last_failed_at DESC, rowid DESC LIMIT -1 OFFSET ?)`,
      )
      .run(current, MAX_COUNTING_SUBJECTS - 1);
  }
}
