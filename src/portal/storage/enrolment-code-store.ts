/**
 * One-time enrolment codes, one per kiosk (migration 0007). The code itself is never stored: only
 * its scrypt hash with its own salt, so a copy of the database cannot be used to enrol a kiosk.
 */
export interface StoredEnrolmentCode {
  salt: string;
  hash: string;
  expiresAt: string;
}

export interface EnrolmentCodeStore {
  /** Stores the kiosk's new code, replacing the one it had (a replaced code can no longer be spent). */
  replace(kioskCode: string, code: StoredEnrolmentCode, createdAt: Date): Promise<void>;
  /** The kiosk's unspent code, expired or not; null when it has none. */
  pending(kioskCode: string): Promise<StoredEnrolmentCode | null>;
  /**
   * In one transaction: deletes the kiosk's code if it still has this hash and has not expired at
   * `now`, and if it did, revokes the kiosk's live credentials and stores the new one. False:
   * nothing changed (another exchange spent it first, it was replaced, or it expired meanwhile).
   */
  spend(kioskCode: string, hash: string, now: Date, credentialSecretHash: string): Promise<boolean>;
  /** Drops the kiosk's unspent code (its credential is being revoked); answers whether it had one. */
  cancel(kioskCode: string): Promise<boolean>;
}
