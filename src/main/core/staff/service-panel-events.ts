import type { HostEvent } from '../../../shared/contract/ipc.js';
import { HostEvents } from '../host-events.js';
import type { Logger } from '../logger.js';
import type { StaffSession } from './staff-session.js';

/**
 * The host events that carry what only the service panel may show (the content setup and its
 * history). staffSessionEnded is not one: it is sent just after the session ended, to a page that
 * no longer has anyone signed in, and must reach it.
 */
const SERVICE_PANEL_EVENTS: ReadonlySet<HostEvent['name']> = new Set(['contentStatusChanged']);

/**
 * The host's events, except that the service panel's go to the page only while a technician is
 * signed in: otherwise the page would be told by push what getContentStatus refuses it. The panel
 * loads its status when it opens, so nothing is lost by a notice that was held back.
 */
export class ServicePanelGuardedEvents extends HostEvents {
  constructor(
    private readonly session: StaffSession,
    log?: Logger,
  ) {
    super(log);
  }

  override emit(event: HostEvent): void {
    if (SERVICE_PANEL_EVENTS.has(event.name) && !this.session.hasRole('technician')) return;
    super.emit(event);
  }
}
