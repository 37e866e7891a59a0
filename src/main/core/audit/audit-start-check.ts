import { describeError, type Logger } from '../logger.js';
import type { AuditTrail } from './audit-trail.js';

/** Entries walked between two turns of the event loop: about 50 ms of hashing on a slow kiosk. */
export const START_CHECK_SLICE = 2000;

/**
 * After start the host walks its own audit chain and says in the log when it no longer holds (an
 * entry edited, deleted, inserted or reordered on the disk) or when its append-only guards were
 * removed. It does not stop the kiosk: the portal's copy of the chain is what settles it. The walk
 * runs in slices after the host is ready, since a year of entries takes seconds to hash and the
 * kiosk must not wait for it to show its first screen.
 */
export async function reportAuditChain(trail: AuditTrail, log: Logger, isOpen: () => boolean): Promise<void> {
  try {
    let from: { seq: number; entryHash: string } | undefined;
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      if (!isOpen()) return;
      const slice = trail.verifySlice(from, START_CHECK_SLICE);
      if (!slice.ok) {
        log.error('audit_chain_broken', { brokenAt: slice.brokenAt, reason: slice.reason });
        break;
      }
      if (slice.entries < START_CHECK_SLICE || !slice.head) break;
      from = slice.head;
    }
    if (isOpen() && !trail.guardsInPlace()) log.error('audit_guards_missing');
  } catch (error) {
    // A kiosk closed while the walk ran, or a database that cannot be read: the log says so, the kiosk goes on.
    if (isOpen()) log.warn('audit_chain_check_failed', describeError(error));
  }
}
