import type { EnrolmentOutcome, EnrolmentStatus } from '../../../shared/contract/ipc.js';
import { normaliseEnrolmentCode } from '../../../shared/domain/enrolment-code.js';
import type { RecordAudit } from '../audit/audit-recorder.js';
import { describeError, type Logger } from '../logger.js';
import type { PortalClient } from '../portal-client/portal-client.js';
import { readCredentialFile, writeCredentialFile } from './credential-file.js';
import { CredentialStoreError, UNPROTECTED_BACKEND, type CredentialProtector } from './credential-protector.js';

export interface KioskEnrolmentOptions {
  dataFolder: string;
  kioskCode: string;
  /** KIOSK_PORTAL_TOKEN: wins over the file at start, for tests and scripted set-ups. */
  environmentCredential: string | undefined;
  log: Logger;
  recordAudit?: RecordAudit;
  /** The signed-in technician, who is recorded as the one who enrolled the kiosk. */
  actor: () => string | null;
  /** The operating system's secret store (Electron's safeStorage); without it, the file is readable by the kiosk's user only. */
  protector?: CredentialProtector;
}

/**
 * The kiosk's credential for the portal: from the environment, else from the file enrolment
 * wrote; and enrolment itself, which trades a technician's one-time code for a new credential,
 * stores it, and hands it to the running portal client without a restart. The code and the
 * credential never reach the log or the trail.
 */
export class KioskEnrolment {
  private source: EnrolmentStatus['source'];
  private current: string | undefined;

  constructor(private readonly options: KioskEnrolmentOptions) {
    if (options.environmentCredential) {
      this.current = options.environmentCredential;
      this.source = 'environment';
      return;
    }
    const { protector } = options;
    if (protector?.backend === UNPROTECTED_BACKEND) {
      throw new CredentialStoreError(
        'unprotected-backend',
        'the secret store is basic_text, which seals with a key anyone can read: run the kiosk in a session with a password manager (gnome-libsecret or kwallet) or start it with --password-store=gnome-libsecret',
      );
    }
    const stored = readCredentialFile(options.dataFolder, protector);
    if (stored.kind === 'unreadable') options.log.error('credential_file_unreadable');
    if (stored.kind === 'credential' && !stored.token.startsWith(`kiosk_${options.kioskCode}.`)) {
      // Enrolled under another kiosk code: the portal would refuse every receipt number of this one.
      options.log.error('credential_file_other_kiosk', { kioskCode: options.kioskCode });
    } else if (stored.kind === 'credential') {
      this.current = stored.token;
      // A credential written before the store was used is sealed now, so the plain copy goes.
      if (protector && !stored.sealed) this.store(stored.token);
    }
    this.source = this.current ? 'enrolment' : null;
  }

  private store(token: string): void {
    try {
      writeCredentialFile(this.options.dataFolder, token, this.options.protector);
      this.options.log.info('credential_file_sealed', { backend: this.options.protector?.backend ?? 'none' });
    } catch (error) {
      this.options.log.error('kiosk_credential_not_stored', describeError(error));
    }
  }

  /** The credential the host starts with; undefined when the kiosk is not enrolled. */
  get credential(): string | undefined {
    return this.current;
  }

  status(portal: PortalClient | undefined): EnrolmentStatus {
    return { portal: Boolean(portal), enrolled: Boolean(this.current), source: this.source };
  }

  async enrol(portal: PortalClient | undefined, typed: string, onCredential: (token: string) => void): Promise<EnrolmentOutcome> {
    const { log, kioskCode } = this.options;
    if (!portal) return { outcome: 'no-portal' };
    const code = normaliseEnrolmentCode(typed);
    if (!code) return { outcome: 'code-mistyped' };
    let answer;
    try {
      answer = await portal.exchangeEnrolmentCode(kioskCode, code);
    } catch (error) {
      log.warn('kiosk_enrolment_unreachable', describeError(error));
      return { outcome: 'portal-unreachable' };
    }
    if (answer.kind === 'refused') {
      log.warn('kiosk_enrolment_refused');
      return { outcome: 'code-refused' };
    }
    if (answer.kind === 'rate-limited') {
      log.warn('kiosk_enrolment_rate_limited', { retryAfterSeconds: answer.retryAfterSeconds });
      return answer.retryAfterSeconds ? { outcome: 'too-many-tries', retryAfterSeconds: answer.retryAfterSeconds } : { outcome: 'too-many-tries' };
    }
    if (answer.kind === 'failed' || !answer.token.startsWith(`kiosk_${kioskCode}.`)) {
      log.warn('kiosk_enrolment_failed', { status: answer.kind === 'failed' ? answer.status : 200 });
      return { outcome: 'portal-unreachable' };
    }
    // Stored before it is used, so a restart keeps it. If the disk refuses (full, read-only), the
    // portal has already spent the code and revoked the old credential: the new one is used anyway,
    // so what waits goes now, and the panel says it will be lost at the next restart.
    let stored = true;
    try {
      writeCredentialFile(this.options.dataFolder, answer.token, this.options.protector);
    } catch (error) {
      stored = false;
      log.error('kiosk_credential_not_stored', describeError(error));
    }
    const replacedCredential = Boolean(this.current);
    this.current = answer.token;
    this.source = 'enrolment';
    onCredential(answer.token);
    log.info('kiosk_enrolled', { kioskCode, replacedCredential });
    const actor = this.options.actor();
    if (actor) this.options.recordAudit?.({ kind: 'kiosk_enrolled', actor, subject: null, details: { replacedCredential } });
    return { outcome: stored ? 'enrolled' : 'enrolled-not-stored' };
  }
}
