import type Database from 'better-sqlite3';
import type { EnrolmentCodeStore, StoredEnrolmentCode } from '../enrolment-code-store.js';

/** Enrolment codes in the portal's SQLite file; a spend is one IMMEDIATE transaction with the credential it issues. */
export function sqliteEnrolmentCodes(db: Database.Database): EnrolmentCodeStore {
  const run = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));
  return {
    replace: (kioskCode, code, createdAt) =>
      run(() => {
        db.prepare(
          `INSERT INTO enrolment_code (kiosk_code, code_salt, code_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (kiosk_code) DO UPDATE SET code_salt = excluded.code_salt, code_hash = excluded.code_hash,
             created_at = excluded.created_at, expires_at = excluded.expires_at`,
        ).run(kioskCode, code.salt, code.hash, createdAt.toISOString(), code.expiresAt);
      }),
    pending: (kioskCode) =>
      run(
        (): StoredEnrolmentCode | null =>
          db
            .prepare<[string], StoredEnrolmentCode>('SELECT code_salt AS salt, code_hash AS hash, expires_at AS expiresAt FROM enrolment_code WHERE kiosk_code = ?')
            .get(kioskCode) ?? null,
      ),
    spend: (kioskCode, hash, now, credentialSecretHash) =>
      run(() => {
        const at = now.toISOString();
        return db
          .transaction((): boolean => {
            const spent = db.prepare('DELETE FROM enrolment_code WHERE kiosk_code = ? AND code_hash = ? AND expires_at > ?').run(kioskCode, hash, at);
            if (spent.changes === 0) return false;
            db.prepare('UPDATE kiosk_credential SET revoked_at = ? WHERE kiosk_code = ? AND revoked_at IS NULL').run(at, kioskCode);
            db.prepare('INSERT INTO kiosk_credential (secret_hash, kiosk_code, issued_at) VALUES (?, ?, ?)').run(credentialSecretHash, kioskCode, at);
            return true;
          })
          .immediate();
      }),
    cancel: (kioskCode) => run(() => db.prepare('DELETE FROM enrolment_code WHERE kiosk_code = ?').run(kioskCode).changes > 0),
  };
}
