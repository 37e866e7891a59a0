import type { BackOfficeRole, BackOfficeUser } from '../../shared/contract/backoffice.js';

/** A password hash as stored: scrypt with its own salt and the cost it was made with, so the cost can rise later. */
export interface PasswordHash {
  algorithm: 'scrypt';
  N: number;
  r: number;
  p: number;
  keyLength: number;
  salt: string;
  hash: string;
}

export interface StoredAccount {
  id: number;
  username: string;
  role: BackOfficeRole;
  passwordHash: PasswordHash;
  createdAt: string;
  disabledAt: string | null;
}

/** A session as stored: the SHA-256 of its id (the cookie's value never is), whose account, and its times. */
export interface StoredSession {
  idHash: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  account: Pick<StoredAccount, 'id' | 'username' | 'role' | 'disabledAt'>;
}

/**
 * The back office's accounts, sessions and sign-in failures (migration 0005). Failures are kept
 * by username whether or not an account has it, so an unknown name is counted and locked as a
 * known one is.
 */
export interface BackOfficeAccountStore {
  createAccount(account: Omit<StoredAccount, 'id' | 'disabledAt'>): Promise<'created' | 'username-taken'>;
  account(username: string): Promise<StoredAccount | null>;
  accounts(): Promise<BackOfficeUser[]>;
  /** Disables the account and deletes its sessions in one transaction; false when no account has the name. */
  disableAccount(username: string, at: Date): Promise<boolean>;
  /** Until when sign-in with this username is locked; null if it never was (a past time: the lock is over). */
  lockedUntil(username: string): Promise<string | null>;
  /**
   * Counts one failure. The `lockAfter`-th failure in a row sets the lock to `lockUntil` and starts
   * the count again; answers the lock now stored (null if none ever was).
   */
  recordFailure(username: string, lockAfter: number, lockUntil: Date): Promise<string | null>;
  clearFailures(username: string): Promise<void>;
  createSession(session: { idHash: string; accountId: number; csrfToken: string; createdAt: Date }): Promise<void>;
  session(idHash: string): Promise<StoredSession | null>;
  touchSession(idHash: string, at: Date): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
}

/** The one upsert behind recordFailure, in either dialect's placeholders (username, lockAfter, lockUntil). */
export const recordFailureSql = (username: string, lockAfter: string, lockUntil: string): string =>
  `INSERT INTO backoffice_sign_in_failure (username, failures, locked_until) VALUES (${username}, 1, NULL)
   ON CONFLICT (username) DO UPDATE SET
     failures = CASE WHEN backoffice_sign_in_failure.failures + 1 >= ${lockAfter} THEN 0 ELSE backoffice_sign_in_failure.failures + 1 END,
     locked_until = CASE WHEN backoffice_sign_in_failure.failures + 1 >= ${lockAfter} THEN ${lockUntil} ELSE backoffice_sign_in_failure.locked_until END
   RETURNING locked_until`;

export const SESSION_SELECT = `SELECT s.id_hash, s.csrf_token, s.created_at, s.last_seen_at, u.id, u.username, u.role, u.disabled_at
  FROM backoffice_session s JOIN backoffice_user u ON u.id = s.user_id WHERE s.id_hash = `;
