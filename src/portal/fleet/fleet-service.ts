import type { Heartbeat } from '../../shared/contract/portal.js';
import type { PortalStore } from '../storage/portal-store.js';
import { unstorableTextField } from '../storage/storable-text.js';

export type HeartbeatOutcome = { outcome: 'recorded' } | { outcome: 'invalid'; message: string };

/** The fleet view: each kiosk's heartbeats as they arrive. */
export class FleetService {
  constructor(private readonly deps: { store: PortalStore; now: () => Date }) {}

  async recordHeartbeat(kioskCode: string, heartbeat: Heartbeat): Promise<HeartbeatOutcome> {
    const unstorable = unstorableTextField(heartbeat);
    if (unstorable) return { outcome: 'invalid', message: `Invalid request: ${unstorable}: text with a NUL character or a lone surrogate.` };
    await this.deps.store.recordHeartbeat(kioskCode, heartbeat, this.deps.now());
    return { outcome: 'recorded' };
  }
}
