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
 */
export class BackOfficeSignIn {
  constructor(private readonly options: { accounts: BackOfficeAccountStore; sessions: BackOfficeSessions; now: () => Date; log: PortalLog }) {}

  async signIn(username: string, password: string, address: string): Promise<SignInOutcome> {
    const { accounts, log } = this.options;
    const now = this.options.now();
    const account = await accounts.account(username);
    const logged = { ...(account ? { username } : { account: 'unknown' }), address };
    const lock = await accounts.lockedUntil(username);
    if (lock !== null && Date.parse(lock) > now.getTime()) {
      log('backoffice_sign_in_refused_locked', { ...logged, lockedUntil: lock });
      return { outcome: 'locked', lockedUntil: lock };
    }
    const usable = account !== null && account.disabledAt === null;
    const matches = await passwordMatches(password, usable ? account.passwordHash : UNMATCHABLE_HASH);
    if (!usable || !matches) {
      const lockUntil = new Date(now.getTime() + LOCKOUT_POLICY.lockMinutes * 60_000);
      const stored = await accounts.recordFailure(username, LOCKOUT_POLICY.failuresBeforeLock, lockUntil);
      log('backoffice_sign_in_failed', { ...logged, ...(account?.disabledAt ? { disabled: 1 } : {}) });
      if (stored !== null && Date.parse(stored) === lockUntil.getTime()) {
        log('backoffice_account_locked', { ...logged, lockedUntil: stored, failures: LOCKOUT_POLICY.failuresBeforeLock });
        return { outcome: 'locked', lockedUntil: lockUntil.toISOString() };
      }
      return { outcome: 'wrong-credentials' };
    }
    await accounts.clearFailures(username);
    const { sessionId, signedIn } = await this.options.sessions.open(account);
    log('backoffice_signed_in', { username, role: account.role, address });
    return { outcome: 'signed-in', sessionId, signedIn };
  }
}
