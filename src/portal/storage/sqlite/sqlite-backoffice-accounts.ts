import type Database from 'better-sqlite3';
import type { BackOfficeRole, BackOfficeUser } from '../../../shared/contract/backoffice.js';
import { clearAttemptsSql, countAttemptSql, lockSql, SESSION_SELECT, type BackOfficeAccountStore, type PasswordHash, type StoredAccount, type StoredSession } from '../backoffice-account-store.js';

interface AccountRow {
  id: number;
  username: string;
  role: BackOfficeRole;
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
}
interface SessionRow {
  id_hash: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  id: number;
  username: string;
  role: BackOfficeRole;
  disabled_at: string | null;
}

/** The back office's accounts in the portal's SQLite file; better-sqlite3 is synchronous, so every call is one step. */
export function sqliteBackOfficeAccounts(db: Database.Database): BackOfficeAccountStore {
  const run = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));
  const countAttempt = countAttemptSql({ username: '@username', lockAfter: '@lockAfter', lockUntil: '@lockUntil', now: '@now' });
  const lock = lockSql({ username: '@username', lockUntil: '@lockUntil', now: '@now' });
  const clearAttempts = clearAttemptsSql({ username: '@username', now: '@now' });
  return {
    createAccount: (account) =>
      run(() => {
        const inserted = db
          .prepare('INSERT INTO backoffice_user (username, role, password_hash, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (username) DO NOTHING')
          .run(account.username, account.role, JSON.stringify(account.passwordHash), account.createdAt);
        return inserted.changes === 1 ? 'created' : 'username-taken';
      }),
    account: (username) =>
      run((): StoredAccount | null => {
        const row = db.prepare<[string], AccountRow>('SELECT * FROM backoffice_user WHERE username = ?').get(username);
        return row
          ? { id: row.id, username: row.username, role: row.role, passwordHash: JSON.parse(row.password_hash) as PasswordHash, createdAt: row.created_at, disabledAt: row.disabled_at }
          : null;
      }),
    accounts: () =>
      run((): BackOfficeUser[] =>
        db
          .prepare<[], AccountRow>('SELECT * FROM backoffice_user ORDER BY username')
          .all()
          .map((row) => ({ username: row.username, role: row.role, createdAt: row.created_at, disabledAt: row.disabled_at })),
      ),
    usernames: (ids) =>
      run(() => {
        const select = db.prepare<[number], { username: string }>('SELECT username FROM backoffice_user WHERE id = ?');
        const names = new Map<number, string>();
        for (const id of new Set(ids)) {
          const row = select.get(id);
          if (row) names.set(id, row.username);
        }
        return names;
      }),
    disableAccount: (username, at) =>
      run(() =>
        db
          .transaction(() => {
            const row = db.prepare<[string], { id: number }>('SELECT id FROM backoffice_user WHERE username = ?').get(username);
            if (!row) return false;
            db.prepare('UPDATE backoffice_user SET disabled_at = coalesce(disabled_at, ?) WHERE id = ?').run(at.toISOString(), row.id);
            db.prepare('DELETE FROM backoffice_session WHERE user_id = ?').run(row.id);
            return true;
          })
          .immediate(),
      ),
    countAttempt: (username, { lockAfter, lockUntil, now }) =>
      run(() => {
        const row = db
          .prepare<[{ username: string; lockAfter: number; lockUntil: string; now: string }], { failures: number; locked_until: string | null }>(countAttempt)
          .get({ username, lockAfter, lockUntil: lockUntil.toISOString(), now: now.toISOString() })!;
        return { attempt: row.failures, lockedUntil: row.locked_until };
      }),
    lock: (username, { lockUntil, now }) =>
      run(
        () =>
          db
            .prepare<[{ username: string; lockUntil: string; now: string }], { locked_until: string }>(lock)
            .get({ username, lockUntil: lockUntil.toISOString(), now: now.toISOString() })!.locked_until,
      ),
    clearAttempts: (username, now) =>
      run(() => db.prepare<[{ username: string; now: string }], { locked_until: string | null }>(clearAttempts).get({ username, now: now.toISOString() })?.locked_until ?? null),
    createSession: (session) =>
      run(() => {
        const at = session.createdAt.toISOString();
        db.prepare('INSERT INTO backoffice_session (id_hash, user_id, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)').run(
          session.idHash,
          session.accountId,
          session.csrfToken,
          at,
          at,
        );
      }),
    session: (idHash) =>
      run((): StoredSession | null => {
        const row = db.prepare<[string], SessionRow>(`${SESSION_SELECT}?`).get(idHash);
        return row
          ? {
              idHash: row.id_hash,
              csrfToken: row.csrf_token,
              createdAt: row.created_at,
              lastSeenAt: row.last_seen_at,
              account: { id: row.id, username: row.username, role: row.role, disabledAt: row.disabled_at },
            }
          : null;
      }),
    touchSession: (idHash, at) =>
      run(() => {
        db.prepare('UPDATE backoffice_session SET last_seen_at = ? WHERE id_hash = ?').run(at.toISOString(), idHash);
      }),
    deleteSession: (idHash) =>
      run(() => {
        db.prepare('DELETE FROM backoffice_session WHERE id_hash = ?').run(idHash);
      }),
  };
}
