import type pg from 'pg';
import type { BackOfficeRole } from '../../../shared/contract/backoffice.js';
import { clearAttemptsSql, countAttemptSql, lockSql, SESSION_SELECT, type BackOfficeAccountStore, type PasswordHash } from '../backoffice-account-store.js';
import { isoTime } from '../row-mapping.js';

type Row = Record<string, unknown>;
const isoOrNull = (value: unknown): string | null => (value === null ? null : isoTime(value));
const COUNT_ATTEMPT = countAttemptSql({ username: '$1', lockAfter: '$2::integer', lockUntil: '$3::timestamptz', now: '$4::timestamptz' });
const LOCK = lockSql({ username: '$1', lockUntil: '$2::timestamptz', now: '$3::timestamptz' });
const CLEAR_ATTEMPTS = clearAttemptsSql({ username: '$1', now: '$2::timestamptz' });

/** The back office's accounts in PostgreSQL; several portal processes share them, so sessions need no sticky routing. */
export function postgresBackOfficeAccounts(pool: pg.Pool): BackOfficeAccountStore {
  return {
    createAccount: async (account) => {
      const inserted = await pool.query(
        'INSERT INTO backoffice_user (username, role, password_hash, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (username) DO NOTHING',
        [account.username, account.role, JSON.stringify(account.passwordHash), account.createdAt],
      );
      return inserted.rowCount === 1 ? 'created' : 'username-taken';
    },
    account: async (username) => {
      const row = (await pool.query<Row>('SELECT * FROM backoffice_user WHERE username = $1', [username])).rows[0];
      return row
        ? {
            id: Number(row.id),
            username: String(row.username),
            role: row.role as BackOfficeRole,
            passwordHash: JSON.parse(String(row.password_hash)) as PasswordHash,
            createdAt: isoTime(row.created_at),
            disabledAt: isoOrNull(row.disabled_at),
          }
        : null;
    },
    accounts: async () => {
      const { rows } = await pool.query<Row>('SELECT username, role, created_at, disabled_at FROM backoffice_user ORDER BY username');
      return rows.map((row) => ({ username: String(row.username), role: row.role as BackOfficeRole, createdAt: isoTime(row.created_at), disabledAt: isoOrNull(row.disabled_at) }));
    },
    usernames: async (ids) => {
      const { rows } = await pool.query<{ id: number; username: string }>('SELECT id, username FROM backoffice_user WHERE id = ANY($1::bigint[])', [[...new Set(ids)]]);
      return new Map(rows.map((row) => [Number(row.id), String(row.username)]));
    },
    disableAccount: async (username, at) => {
      // One statement: the account is disabled and its sessions are gone together.
      const { rows } = await pool.query<Row>(
        `WITH disabled AS (UPDATE backoffice_user SET disabled_at = coalesce(disabled_at, $2) WHERE username = $1 RETURNING id),
              ended AS (DELETE FROM backoffice_session WHERE user_id IN (SELECT id FROM disabled))
         SELECT count(*)::integer AS found FROM disabled`,
        [username, at],
      );
      return Number(rows[0]!.found) > 0;
    },
    countAttempt: async (username, { lockAfter, lockUntil, now }) => {
      const row = (await pool.query<Row>(COUNT_ATTEMPT, [username, lockAfter, lockUntil, now])).rows[0]!;
      return { attempt: Number(row.failures), lockedUntil: isoOrNull(row.locked_until) };
    },
    lock: async (username, { lockUntil, now }) => isoTime((await pool.query<Row>(LOCK, [username, lockUntil, now])).rows[0]!.locked_until),
    clearAttempts: async (username, now) => {
      const row = (await pool.query<Row>(CLEAR_ATTEMPTS, [username, now])).rows[0];
      return row ? isoOrNull(row.locked_until) : null;
    },
    createSession: async (session) => {
      await pool.query('INSERT INTO backoffice_session (id_hash, user_id, csrf_token, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $4)', [
        session.idHash,
        session.accountId,
        session.csrfToken,
        session.createdAt,
      ]);
    },
    session: async (idHash) => {
      const row = (await pool.query<Row>(`${SESSION_SELECT}$1`, [idHash])).rows[0];
      return row
        ? {
            idHash: String(row.id_hash),
            csrfToken: String(row.csrf_token),
            createdAt: isoTime(row.created_at),
            lastSeenAt: isoTime(row.last_seen_at),
            account: { id: Number(row.id), username: String(row.username), role: row.role as BackOfficeRole, disabledAt: isoOrNull(row.disabled_at) },
          }
        : null;
    },
    touchSession: async (idHash, at) => {
      await pool.query('UPDATE backoffice_session SET last_seen_at = $2 WHERE id_hash = $1', [idHash, at]);
    },
    deleteSession: async (idHash) => {
      await pool.query('DELETE FROM backoffice_session WHERE id_hash = $1', [idHash]);
    },
  };
}
