import type { ChannelHandlers } from '../handlers.js';
import type { StaffIdleExpiry } from './staff-idle-expiry.js';

/**
 * Every channel's handler, preceded by the idle expiry's look at the request: a request the page
 * sends is the sign that someone is still at the kiosk, and an expired session ends before the
 * request is answered, so a guarded channel refuses it as it would with nobody signed in.
 */
export function countingStaffActivity<H extends Partial<ChannelHandlers>>(handlers: H, expiry: StaffIdleExpiry): H {
  const counted: Record<string, unknown> = {};
  for (const [channel, handler] of Object.entries(handlers) as [string, ((request: never) => unknown) | undefined][]) {
    if (!handler) continue;
    counted[channel] = (request: never) => {
      expiry.requestArrived();
      return handler(request);
    };
  }
  return counted as H;
}
