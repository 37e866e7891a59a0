import type { HostEventPayloads } from '../../../shared/contract/ipc.js';
import type { StaffSignOutReason } from '../audit/audit-kinds.js';
import type { RecordAudit } from '../audit/audit-recorder.js';
import type { HostEvents } from '../host-events.js';
import type { Logger } from '../logger.js';
import type { StaffSession } from './staff-session.js';
import type { SignedInStaff } from './staff-sign-in.js';

/** Why the host ended a session without the page asking, as the page is told. */
export type HostSignOutReason = HostEventPayloads['staffSessionEnded']['reason'];

/** Every way a staff session ends, each recorded in the trail under the person who was signed in. */
export interface StaffSessionEnding {
  /** The page asked: Sign out, its own clerk idle timer, or a new sign-in replacing this one. */
  byPage(reason: Extract<StaffSignOutReason, 'signed-out' | 'idle-timeout'>): SignedInStaff | null;
  /**
   * The host ended it on its own, and tells the page with `staffSessionEnded` so that it wipes the
   * screen it shows. `expiredAt` is when an idle session actually ran out.
   */
  byHost(reason: HostSignOutReason, expiredAt?: Date): SignedInStaff | null;
}

export function staffSessionEnding(parts: { session: StaffSession; recordAudit: RecordAudit; events: HostEvents; log: Logger }): StaffSessionEnding {
  const { session, recordAudit, events, log } = parts;
  const end = (reason: StaffSignOutReason, expiredAt?: Date) => {
    const ended = session.end();
    if (ended) {
      const details = expiredAt ? { reason, expiredAt: expiredAt.toISOString() } : { reason };
      recordAudit({ kind: 'staff_sign_out', actor: ended.staffId, subject: null, details });
    }
    return ended;
  };
  return {
    byPage: (reason) => end(reason),
    byHost: (reason, expiredAt) => {
      const ended = end(reason, expiredAt);
      if (!ended) return null;
      log.info('staff_signed_out_by_host', { staffId: ended.staffId, reason });
      events.emit({ name: 'staffSessionEnded', payload: { reason } });
      return ended;
    },
  };
}
