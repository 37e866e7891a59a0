import { createHash, randomBytes } from 'node:crypto';
import type { BackOfficeRole } from '../../shared/contract/backoffice.js';
import type { BackOfficeAccountStore } from '../storage/backoffice-account-store.js';
import { SESSION_POLICY } from './session-policy.js';

/** A session id or CSRF token: 32 random bytes, base64url. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const newToken = (): string => randomBytes(32).toString('base64url');
/** Only this is stored: a copy of the store does not hold a cookie anyone could present. */
export const sessionIdHash = (sessionId: string): string => createHash('sha256').update(sessionId).digest('hex');

/** Who a request's session cookie signs in, as the endpoints see it. */
export interface SignedInAccount {
  accountId: number;
  username: string;
  role: BackOfficeRole;
  sessionIdHash: string;
  csrfToken: string;
  /** When the session ends however busy it is. */
  expiresAt: string;
}

/**
 * Back office sessions in the portal's store, so every portal process on one database knows
 * them and deleting one ends it for every tab and client that holds its cookie. The cookie
 * holds the random id; the store holds its SHA-256, the CSRF token and the times.
 */
export class BackOfficeSessions {
  constructor(private readonly options: { accounts: BackOfficeAccountStore; now: () => Date }) {}

  /** A new session with a new id for this account: never one the client brought (no fixation). */
  async open(account: { id: number; username: string; role: BackOfficeRole }): Promise<{ sessionId: string; signedIn: SignedInAccount }> {
    const sessionId = newToken();
    const csrfToken = newToken();
    const createdAt = this.options.now();
    const idHash = sessionIdHash(sessionId);
    await this.options.accounts.createSession({ idHash, accountId: account.id, csrfToken, createdAt });
    return {
      sessionId,
      signedIn: { accountId: account.id, username: account.username, role: account.role, sessionIdHash: idHash, csrfToken, expiresAt: this.expiresAt(createdAt) },
    };
  }

  /**
   * The account a cookie's session id signs in, or null: unknown, idle too long, past its
   * absolute end, or its account disabled (an ended session is deleted on the way).
   */
  async resolve(sessionId: string | undefined): Promise<SignedInAccount | null> {
    if (!sessionId || !TOKEN_PATTERN.test(sessionId)) return null;
    const idHash = sessionIdHash(sessionId);
    const session = await this.options.accounts.session(idHash);
    if (!session) return null;
    const now = this.options.now().getTime();
    const idleFor = now - Date.parse(session.lastSeenAt);
    const age = now - Date.parse(session.createdAt);
    if (idleFor > SESSION_POLICY.idleSeconds * 1000 || age > SESSION_POLICY.absoluteSeconds * 1000 || session.account.disabledAt !== null) {
      await this.options.accounts.deleteSession(idHash);
      return null;
    }
    if (idleFor > SESSION_POLICY.touchEverySeconds * 1000) await this.options.accounts.touchSession(idHash, new Date(now));
    const { id, username, role } = session.account;
    return { accountId: id, username, role, sessionIdHash: idHash, csrfToken: session.csrfToken, expiresAt: this.expiresAt(new Date(session.createdAt)) };
  }

  end(idHash: string): Promise<void> {
    return this.options.accounts.deleteSession(idHash);
  }

  /** Ends the session a cookie names, if it names one. */
  async endPresented(sessionId: string | undefined): Promise<void> {
    if (sessionId && TOKEN_PATTERN.test(sessionId)) await this.options.accounts.deleteSession(sessionIdHash(sessionId));
  }

  private expiresAt(createdAt: Date): string {
    return new Date(createdAt.getTime() + SESSION_POLICY.absoluteSeconds * 1000).toISOString();
  }
}
