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
 * The back office's accounts, sessions and sign-in attempts (migration 0005). Attempts are kept
 * by username whether or not an account has it, so an unknown name is counted and locked as a
 * known one is.
 */
export interface BackOfficeAccountStore {
  createAccount(account: Omit<StoredAccount, 'id' | 'disabledAt'>): Promise<'created' | 'username-taken'>;
  account(username: string): Promise<StoredAccount | null>;
  accounts(): Promise<BackOfficeUser[]>;
  /** The usernames of these account ids (the audit trail names accounts by id); an unknown id is left out. */
  usernames(ids: readonly number[]): Promise<Map<number, string>>;
  /** Disables the account and deletes its sessions in one transaction; false when no account has the name. */
  disableAccount(username: string, at: Date): Promise<boolean>;
  /**
   * Counts one sign-in attempt before its password is checked, in one atomic step, so attempts in
   * flight together are counted one by one. A lock in force is answered unchanged and the attempt
   * not counted; a lock that is over starts the count again; an attempt past `lockAfter` sets the
   * lock to `lockUntil`. Answers this attempt's number and the lock in force (null if none).
   */
  countAttempt(username: string, policy: SignInAttemptPolicy): Promise<CountedAttempt>;
  /** Sets the lock to `lockUntil` unless one is in force already; answers the lock in force. */
  lock(username: string, policy: Omit<SignInAttemptPolicy, 'lockAfter'>): Promise<string>;
  /**
   * After a right password: starts the count again unless a lock is in force (set by attempts in
   * flight meanwhile), which stays; answers that lock (null if none).
   */
  clearAttempts(username: string, now: Date): Promise<string | null>;
  createSession(session: { idHash: string; accountId: number; csrfToken: string; createdAt: Date }): Promise<void>;
  session(idHash: string): Promise<StoredSession | null>;
  touchSession(idHash: string, at: Date): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
}

/** When a username's sign-in locks: after which attempt, until when, judged at `now`. */
export interface SignInAttemptPolicy {
  lockAfter: number;
  lockUntil: Date;
  now: Date;
}

export interface CountedAttempt {
  attempt: number;
  lockedUntil: string | null;
}

/**
 * The statements behind countAttempt, lock and clearAttempts, in either dialect's placeholders.
 * Each is one statement on one row, so the database orders concurrent attempts; SET reads the row
 * as it was before the statement in both dialects. The `failures` column of migration 0005 counts
 * the attempts since the last right password, those still being checked included, so the count
 * needed no new schema.
 */
const TABLE = 'backoffice_sign_in_failure';
const LOCK_IN_FORCE = (now: string) => `${TABLE}.locked_until > ${now}`;

export const countAttemptSql = (p: { username: string; lockAfter: string; lockUntil: string; now: string }): string =>
  `INSERT INTO ${TABLE} (username, failures, locked_until) VALUES (${p.username}, 1, NULL)
   ON CONFLICT (username) DO UPDATE SET
     failures = CASE WHEN ${LOCK_IN_FORCE(p.now)} THEN ${TABLE}.failures
                     WHEN ${TABLE}.locked_until IS NOT NULL THEN 1
                     ELSE ${TABLE}.failures + 1 END,
     locked_until = CASE WHEN ${LOCK_IN_FORCE(p.now)} THEN ${TABLE}.locked_until
                         WHEN ${TABLE}.locked_until IS NOT NULL THEN NULL
                         WHEN ${TABLE}.failures + 1 > ${p.lockAfter} THEN ${p.lockUntil}
                         ELSE NULL END
   RETURNING failures, locked_until`;

export const lockSql = (p: { username: string; lockUntil: string; now: string }): string =>
  `INSERT INTO ${TABLE} (username, failures, locked_until) VALUES (${p.username}, 0, ${p.lockUntil})
   ON CONFLICT (username) DO UPDATE SET
     locked_until = CASE WHEN ${LOCK_IN_FORCE(p.now)} THEN ${TABLE}.locked_until ELSE ${p.lockUntil} END
   RETURNING locked_until`;

export const clearAttemptsSql = (p: { username: string; now: string }): string =>
  `UPDATE ${TABLE} SET
     failures = CASE WHEN ${LOCK_IN_FORCE(p.now)} THEN failures ELSE 0 END,
     locked_until = CASE WHEN ${LOCK_IN_FORCE(p.now)} THEN locked_until ELSE NULL END
   WHERE username = ${p.username}
   RETURNING locked_until`;

export const SESSION_SELECT = `SELECT s.id_hash, s.csrf_token, s.created_at, s.last_seen_at, u.id, u.username, u.role, u.disabled_at
  FROM backoffice_session s JOIN backoffice_user u ON u.id = s.user_id WHERE s.id_hash = `;
