import type { Channel } from '../../../shared/contract/ipc.js';
import type { ChannelHandlers } from '../handlers.js';
import type { StaffIdleExpiry } from './staff-idle-expiry.js';

/**
 * The requests that only a person at the kiosk sends: the page's keep-alive (sent on a touch, at
 * most every 30 s), a sign-in, and the staff's own actions. Requests the page or the browser shell
 * send by themselves (the sync status on every event-stream connection, the queue reloading on every
 * delivery, a visitor's ordinary use after the page lost its session) must not keep a clerk signed
 * in: otherwise a clerk who walked away would stay signed in, and every visitor's application after
 * would be marked as assisted by that clerk.
 */
export const STAFF_ACTIVITY_CHANNELS = [
  'getStaffSession',
  'signInStaff',
  'syncNow',
  'checkForContentUpdate',
  'importContentFromRemovableMedia',
] as const satisfies readonly Channel[];
const COUNTED: ReadonlySet<string> = new Set(STAFF_ACTIVITY_CHANNELS);

/**
 * Every channel's handler, preceded by the idle expiry's look at the request: an expired session
 * ends before any request is answered, so a guarded channel refuses it as it would with nobody
 * signed in; a request of a person at the kiosk (above) starts the idle time again.
 */
export function countingStaffActivity<H extends Partial<ChannelHandlers>>(handlers: H, expiry: StaffIdleExpiry): H {
  const counted: Record<string, unknown> = {};
  for (const [channel, handler] of Object.entries(handlers) as [string, ((request: never) => unknown) | undefined][]) {
    if (!handler) continue;
    const byPerson = COUNTED.has(channel);
    counted[channel] = (request: never) => {
      if (byPerson) expiry.requestArrived();
      else expiry.check();
      return handler(request);
    };
  }
  return counted as H;
}
