import { fleetSettingsFromEnvironment } from './fleet-settings.js';
import type { PortalLog } from '../portal-log.js';
import type { PortalStore } from '../storage/portal-store.js';

export interface HeartbeatRetentionOptions {
  store: Pick<PortalStore, 'pruneHeartbeatWindow'>;
  retentionDays: number;
  now: () => Date;
  log: PortalLog;
  /** Heartbeats looked at per window: each window is one short statement, and requests run between windows. */
  windowSize?: number;
  /** How often the retention runs after the first time at start. */
  intervalMs?: number;
}

const DAY_MS = 86_400_000;
const DEFAULT_WINDOW = 2000;
const DEFAULT_INTERVAL_MS = 60 * 60_000;

/**
 * Heartbeats older than the retention are deleted at start and then every hour, a window at a time
 * in arrival order, so a table of millions never holds the database (SQLite blocks the process
 * while a statement runs) for more than one short window. Each kiosk's newest heartbeat is always
 * kept: a kiosk silent for months still shows as stale instead of vanishing from the fleet.
 */
export class HeartbeatRetention {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(private readonly options: HeartbeatRetentionOptions) {
    // The same rule as the setting's, for a portal started in code rather than by main.ts: 0 days would prune all but each kiosk's newest.
    fleetSettingsFromEnvironment({ PORTAL_HEARTBEAT_RETENTION_DAYS: String(options.retentionDays) });
  }

  start(): void {
    void this.runOnce();
    this.timer = setInterval(() => void this.runOnce(), this.options.intervalMs ?? DEFAULT_INTERVAL_MS);
    this.timer.unref();
  }

  /** Stops the timer and waits for a run in progress to finish its window. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass over the heartbeats older than the retention; answers how many were deleted. A pass already running is joined. */
  runOnce(): Promise<number> {
    this.running ??= this.prune().finally(() => (this.running = null));
    return this.running;
  }

  private async prune(): Promise<number> {
    const { store, retentionDays, now, log } = this.options;
    const before = new Date(now().getTime() - retentionDays * DAY_MS);
    const size = this.options.windowSize ?? DEFAULT_WINDOW;
    let deleted = 0;
    let afterSeq = 0;
    try {
      while (!this.stopped) {
        const window = await store.pruneHeartbeatWindow({ afterSeq, before, size });
        deleted += window.deleted;
        afterSeq = window.lastSeq;
        if (window.done) break;
        // Let waiting requests in before the next window.
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (deleted > 0) log('heartbeats_pruned', { deleted, retentionDays });
    } catch (error) {
      log('heartbeat_retention_failed', { errorType: error instanceof Error ? error.name : 'unknown' });
    }
    return deleted;
  }
}
