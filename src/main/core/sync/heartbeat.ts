import type { SyncStatusView } from '../../../shared/contract/ipc.js';
import type { Heartbeat } from '../../../shared/contract/portal.js';

/** The heartbeat for this moment: the queue as delivery sees it, and the kiosk's own versions and printer. */
export function heartbeatOf(sync: SyncStatusView, kiosk: KioskFacts): Heartbeat {
  return { ...kiosk, queueDepth: sync.queued, oldestQueuedAgeSeconds: sync.oldestQueuedAgeSeconds, quarantined: sync.quarantined, lastSyncAt: sync.lastSyncAt };
}

/** What the kiosk knows of itself beyond its queue: versions, printer, and the health of its screens. */
export type KioskFacts = Pick<Heartbeat, 'appVersion' | 'contentVersion' | 'printerState' | 'screenFailures' | 'unavailableServices' | 'freeDiskBytes' | 'update' | 'alarms'>;

export interface HeartbeatOptions {
  intervalSeconds: number;
  /** What the kiosk reports now: versions, queue, printer; nothing personal. */
  snapshot: () => Heartbeat;
  send: (heartbeat: Heartbeat) => Promise<unknown>;
}

/** Tells the portal, at a steady pace, that this kiosk is alive and how its queue stands. */
export class HeartbeatLoop {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: HeartbeatOptions) {}

  start(): void {
    this.timer = setInterval(() => void this.options.send(this.options.snapshot()), 1000 * this.options.intervalSeconds);
    this.timer.unref?.();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
