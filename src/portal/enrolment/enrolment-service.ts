import { randomBytes } from 'node:crypto';
import { ENROLMENT_CODE_LIFETIME_MS, ENROLMENT_CODE_RANDOM_LENGTH, enrolmentCodeFromRandom } from '../../shared/domain/enrolment-code.js';
import type { EnrolmentCodeCreated } from '../../shared/contract/portal.js';
import { newKioskCredential } from '../credentials.js';
import type { PortalLog } from '../portal-log.js';
import type { EnrolmentCodeStore } from '../storage/enrolment-code-store.js';
import { enrolmentCodeMatches, hashEnrolmentCode } from './enrolment-code-hash.js';

export interface EnrolmentServiceOptions {
  codes: EnrolmentCodeStore;
  /** Revokes the kiosk's live credentials; answers how many were live. */
  revokeCredential(kioskCode: string, revokedAt: Date): Promise<number>;
  now: () => Date;
  log?: PortalLog;
  /** Random bytes for codes (tests pin them). */
  random?: (size: number) => Uint8Array;
}

/** Hashed when the kiosk has no code, so a refusal takes as long whether or not a code is pending. */
const NO_CODE = { salt: 'no-code-pending', hash: '' };

/**
 * Kiosk enrolment: an administrator makes a one-time code for a kiosk code, the kiosk trades it for
 * its credential once. Issuing the credential revokes the kiosk's earlier one, so re-enrolling a
 * kiosk (a new disk, or one whose disk was stolen) leaves the old credential worthless. Neither the
 * code nor the credential is ever logged.
 */
export class EnrolmentService {
  constructor(private readonly options: EnrolmentServiceOptions) {}

  async createCode(kioskCode: string): Promise<EnrolmentCodeCreated> {
    const { codes, now, log, random = randomBytes } = this.options;
    const code = enrolmentCodeFromRandom(random(ENROLMENT_CODE_RANDOM_LENGTH));
    const createdAt = now();
    const expiresAt = new Date(createdAt.getTime() + ENROLMENT_CODE_LIFETIME_MS).toISOString();
    await codes.replace(kioskCode, { ...(await hashEnrolmentCode(code)), expiresAt }, createdAt);
    log?.('enrolment_code_created', { kioskCode, expiresAt });
    return { kioskCode, code, expiresAt };
  }

  /** The kiosk's new credential, or null for a code that is wrong, spent, replaced, expired or another kiosk's: all alike. */
  async exchange(kioskCode: string, code: string): Promise<string | null> {
    const { codes, now, log } = this.options;
    const pending = await codes.pending(kioskCode);
    const matches = await enrolmentCodeMatches(code, pending ?? NO_CODE);
    const at = now();
    if (pending && matches && Date.parse(pending.expiresAt) > at.getTime()) {
      const credential = newKioskCredential(kioskCode);
      if (await codes.spend(kioskCode, pending.hash, at, credential.secretHash)) {
        log?.('kiosk_enrolled', { kioskCode });
        return credential.token;
      }
    }
    log?.('enrolment_refused', { kioskCode });
    return null;
  }

  /** Ends the kiosk's credential and any code it could still enrol with; answers how many credentials were live. */
  async revoke(kioskCode: string): Promise<number> {
    const { codes, now, log } = this.options;
    await codes.cancel(kioskCode);
    const revoked = await this.options.revokeCredential(kioskCode, now());
    log?.('kiosk_revoked', { kioskCode, revokedCredentials: revoked });
    return revoked;
  }
}
