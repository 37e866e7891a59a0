import type pg from 'pg';
import { isoTime } from '../row-mapping.js';
import type { EnrolmentCodeStore } from '../enrolment-code-store.js';

/**
 * Enrolment codes in PostgreSQL. A spend is one transaction on one connection: the DELETE of the
 * code decides, so of two exchanges racing with the same code (two portal processes) only the one
 * whose DELETE removed the row issues a credential.
 */
export function postgresEnrolmentCodes(pool: pg.Pool): EnrolmentCodeStore {
  return {
    replace: async (kioskCode, code, createdAt) => {
      await pool.query(
        `INSERT INTO enrolment_code (kiosk_code, code_salt, code_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (kiosk_code) DO UPDATE SET code_salt = excluded.code_salt, code_hash = excluded.code_hash,
           created_at = excluded.created_at, expires_at = excluded.expires_at`,
        [kioskCode, code.salt, code.hash, createdAt, code.expiresAt],
      );
    },
    pending: async (kioskCode) => {
      const { rows } = await pool.query<{ code_salt: string; code_hash: string; expires_at: unknown }>(
        'SELECT code_salt, code_hash, expires_at FROM enrolment_code WHERE kiosk_code = $1',
        [kioskCode],
      );
      const row = rows[0];
      return row ? { salt: row.code_salt, hash: row.code_hash, expiresAt: isoTime(row.expires_at) } : null;
    },
    spend: async (kioskCode, hash, now, credentialSecretHash) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const spent = await client.query('DELETE FROM enrolment_code WHERE kiosk_code = $1 AND code_hash = $2 AND expires_at > $3', [kioskCode, hash, now]);
        if (spent.rowCount !== 1) {
          await client.query('ROLLBACK');
          return false;
        }
        await client.query('UPDATE kiosk_credential SET revoked_at = $2 WHERE kiosk_code = $1 AND revoked_at IS NULL', [kioskCode, now]);
        await client.query('INSERT INTO kiosk_credential (secret_hash, kiosk_code, issued_at) VALUES ($1, $2, $3)', [credentialSecretHash, kioskCode, now]);
        await client.query('COMMIT');
        return true;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    cancel: async (kioskCode) => ((await pool.query('DELETE FROM enrolment_code WHERE kiosk_code = $1', [kioskCode])).rowCount ?? 0) > 0,
  };
}
