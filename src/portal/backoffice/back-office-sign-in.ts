import type { BackOfficeAccountStore } from '../storage/backoffice-account-store.js';
import type { PortalLog } from '../portal-log.js';
import type { BackOfficeSessions, SignedInAccount } from './back-office-sessions.js';
import { passwordMatches, UNMATCHABLE_HASH } from './password-hash.js';
import { LOCKOUT_POLICY } from './session-policy.js';

export type SignInOutcome =
  | { outcome: 'signed-in'; sessionId: string; signedIn: SignedInAccount }
  | { outcome: 'wrong-credentials' }
  | { outcome: 'locked'; lockedUntil: string };

/**
 * Sign-in by username and password. An unknown or disabled username is checked against a hash no
 * password matches and counted as a wrong password is, so neither the answer nor its time says
 * which accounts exist. The log names the account and the address, never the password; a username
 * no account has is not logged, since it may be a password typed in the wrong field.
 *
 * Each attempt is counted in the store before its password is checked, so requests sent together
 * cannot all be checked while the lock is still unwritten: past the limit they are refused
 * unchecked. A right password starts the count again only when no lock is in force, and is itself
 * refused while one is, so a lock set by attempts in flight beside it stays.
 */
export class BackOfficeSignIn {
  constructor(private readonly options: { accounts: BackOfficeAccountStore; sessions: BackOfficeSessions; now: () => Date; log: PortalLog }) {}

  async signIn(username: string, password: string, address: string): Promise<SignInOutcome> {
    const { accounts, log } = this.options;
    const now = this.options.now();
    const lockAfter = LOCKOUT_POLICY.failuresBeforeLock;
    const policy = { lockAfter, lockUntil: new Date(now.getTime() + LOCKOUT_POLICY.lockMinutes * 60_000), now };
    const account = await accounts.account(username);
    const logged = { ...(account ? { username } : { account: 'unknown' }), address };
    const refuseLocked = (lockedUntil: string): SignInOutcome => {
      log('backoffice_sign_in_refused_locked', { ...logged, lockedUntil });
      return { outcome: 'locked', lockedUntil };
    };

    const counted = await accounts.countAttempt(username, policy);
    if (counted.lockedUntil !== null) return refuseLocked(counted.lockedUntil);
    const usable = account !== null && account.disabledAt === null;
    const matches = await passwordMatches(password, usable ? account.passwordHash : UNMATCHABLE_HASH);
    if (!usable || !matches) {
      log('backoffice_sign_in_failed', { ...logged, ...(account?.disabledAt ? { disabled: 1 } : {}) });
      if (counted.attempt < lockAfter) return { outcome: 'wrong-credentials' };
      const lockedUntil = await accounts.lock(username, policy);
      log('backoffice_account_locked', { ...logged, lockedUntil, failures: lockAfter });
      return { outcome: 'locked', lockedUntil };
    }
    const lockedMeanwhile = await accounts.clearAttempts(username, now);
    if (lockedMeanwhile !== null) return refuseLocked(lockedMeanwhile);
    const { sessionId, signedIn } = await this.options.sessions.open(account);
    log('backoffice_signed_in', { username, role: account.role, address });
    return { outcome: 'signed-in', sessionId, signedIn };
  }
}
