import { fail } from '../../../shared/contract/result.js';
import type { Channel } from '../../../shared/contract/ipc.js';
import type { ChannelHandlers } from '../handlers.js';
import type { Logger } from '../logger.js';
import type { StaffSession } from './staff-session.js';

/**
 * The service panel's channels: what shows the kiosk's content setup and what changes it. The
 * delivery state (getSyncStatus) stays open, since the attract screen shows it to staff passing by.
 */
export const SERVICE_PANEL_CHANNELS = [
  'getContentStatus',
  'checkForContentUpdate',
  'importContentFromRemovableMedia',
  'syncNow',
  'getEnrolmentStatus',
  'enrolKiosk',
  'getUpdateStatus',
] as const satisfies readonly Channel[];

/** The clerk's queue view sends the queue now, as the panel does: nothing else of the panel is a clerk's. */
const CLERKS_MAY: ReadonlySet<string> = new Set<(typeof SERVICE_PANEL_CHANNELS)[number]>(['syncNow']);

/**
 * Answers the service panel's channels with FORBIDDEN unless a technician is signed in (Send now: or a clerk), so holding
 * the office name on the attract screen no longer opens the kiosk's setup to anyone; every other
 * channel is passed through as it is.
 */
export function guardServicePanel<H extends Partial<ChannelHandlers>>(handlers: H, session: StaffSession, log: Logger): H {
  const guarded: Partial<ChannelHandlers> = { ...handlers };
  for (const channel of SERVICE_PANEL_CHANNELS) {
    const handler = handlers[channel] as ((request: never) => unknown) | undefined;
    if (!handler) continue;
    (guarded as Record<string, unknown>)[channel] = (request: never) => {
      if (session.hasRole('technician') || (CLERKS_MAY.has(channel) && session.hasRole('clerk'))) return handler(request);
      // Reading the status is refused quietly: the browser shell's event stream asks for it at every page load.
      if (channel !== 'getContentStatus') log.warn('service_panel_refused', { channel, signedIn: session.actor() !== null });
      return fail('FORBIDDEN', 'The service panel is for a signed-in technician.');
    };
  }
  return guarded as H;
}
