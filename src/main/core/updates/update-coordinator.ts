import { DEFAULT_MAINTENANCE_WINDOW, isInsideWindow, type MaintenanceWindow } from '../../../shared/domain/maintenance-window.js';
import type { UpdateState } from '../../../shared/contract/update-states.js';
import type { UpdateStatusView } from '../../../shared/contract/ipc.js';
import type { Logger } from '../logger.js';
import type { AppUpdater } from './app-updater.js';

export interface UpdateCoordinatorOptions {
  /** Absent when the kiosk has no feed (no portal) or the shell cannot update itself (the browser shell). */
  updater?: AppUpdater;
  /** Starts the app afresh; absent where the shell cannot (the browser shell restarts with its supervisor). */
  restart?: () => void;
  /** The active content's settings. */
  window: () => MaintenanceWindow | undefined;
  nightlyRestart: () => boolean;
  /** True while no visit is open and no staff member is signed in. */
  kioskEmpty: () => boolean;
  clock: () => Date;
  log: Logger;
  /** The local minute of the day (0..1439) the clock reads; the machine's own time zone unless a test says otherwise. */
  localMinute?: (now: Date) => number;
  /** How often the feed is asked (ms); 6 hours unless a test shortens it. */
  checkEveryMs?: number;
  /** How often the window and the kiosk are looked at (ms). */
  tickEveryMs?: number;
}

/** A process younger than this is not restarted at night: it has just started, from a restart or an install. */
export const NIGHTLY_RESTART_MIN_UPTIME_MS = 20 * 60 * 60 * 1000;
const SIX_HOURS = 6 * 60 * 60 * 1000;

/**
 * Decides when the kiosk's software changes under it. An update downloads in the background
 * whenever the feed has one, but installs only inside the nightly window and only while the
 * kiosk is empty (no visit open, no staff member signed in): an install restarts the app, and
 * a restart in front of a visitor loses their visit. A nightly restart, when the settings ask for
 * one, follows the same two rules, once per window and only after a day of running.
 */
export class UpdateCoordinator {
  private state: UpdateState;
  private version: string | null = null;
  private percent: number | null = null;
  private lastCheckAt: Date | null = null;
  private readonly startedAt: Date;
  private timers: NodeJS.Timeout[] = [];
  private acting = false;

  constructor(private readonly options: UpdateCoordinatorOptions) {
    this.startedAt = options.clock();
    this.state = options.updater ? 'up-to-date' : 'off';
    options.updater?.on((event) => {
      switch (event.kind) {
        case 'checking':
          this.set('checking');
          break;
        case 'available':
          this.version = event.version;
          this.percent = 0;
          this.set('downloading');
          break;
        case 'not-available':
          this.version = null;
          this.percent = null;
          this.set('up-to-date');
          break;
        case 'progress':
          this.percent = Math.max(0, Math.min(100, Math.round(event.percent)));
          if (this.state !== 'downloading') this.set('downloading');
          break;
        case 'downloaded':
          this.version = event.version;
          this.percent = null;
          this.set('ready');
          this.tick();
          break;
        case 'error':
          // A failed check or download is tried again at the next check; a ready version stays ready.
          if (this.state !== 'ready') {
            this.percent = null;
            this.set('error');
          }
          options.log.warn('update_failed', { code: event.code });
          break;
      }
    });
  }

  start(): void {
    const { checkEveryMs = SIX_HOURS, tickEveryMs = 60_000 } = this.options;
    if (this.options.updater) {
      void this.check();
      this.timers.push(setInterval(() => void this.check(), checkEveryMs));
    }
    this.timers.push(setInterval(() => this.tick(), tickEveryMs));
    for (const timer of this.timers) timer.unref?.();
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }

  async check(): Promise<void> {
    const updater = this.options.updater;
    // A version already downloaded waits for its night; checking again would only fetch it again.
    if (!updater || this.state === 'ready' || this.state === 'installing') return;
    this.lastCheckAt = this.options.clock();
    try {
      await updater.check();
    } catch (error) {
      const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'CHECK_FAILED';
      // The state may have moved while the check ran (events arrive during it).
      if ((this.state as UpdateState) !== 'ready') this.set('error');
      this.options.log.warn('update_failed', { code });
    }
  }

  /** Looks at the clock and the kiosk: installs a ready update, or restarts for the night, when both allow it. */
  tick(): void {
    if (this.acting || !this.insideWindow() || !this.options.kioskEmpty()) return;
    if (this.state === 'ready' && this.options.updater) {
      this.acting = true;
      this.set('installing');
      this.options.log.info('update_installing', { version: this.version ?? 'unknown' });
      this.options.updater.install();
      return;
    }
    const uptime = this.options.clock().getTime() - this.startedAt.getTime();
    if (this.options.nightlyRestart() && this.options.restart && uptime >= NIGHTLY_RESTART_MIN_UPTIME_MS) {
      this.acting = true;
      this.options.log.info('nightly_restart', { uptimeHours: Math.floor(uptime / 3_600_000) });
      this.options.restart();
    }
  }

  status(): UpdateStatusView {
    const window = this.window();
    return {
      state: this.state,
      version: this.version,
      percent: this.state === 'downloading' ? this.percent : null,
      lastCheckAt: this.lastCheckAt?.toISOString() ?? null,
      window: { from: window.from, to: window.to },
      nightlyRestart: this.options.nightlyRestart(),
    };
  }

  /** For the heartbeat: the state and the version it concerns; nothing else. */
  heartbeat(): { state: UpdateState; version?: string } {
    return this.version && this.state !== 'up-to-date' ? { state: this.state, version: this.version } : { state: this.state };
  }

  private window(): MaintenanceWindow {
    return this.options.window() ?? DEFAULT_MAINTENANCE_WINDOW;
  }

  private insideWindow(): boolean {
    const now = this.options.clock();
    const localMinute = this.options.localMinute ?? ((moment: Date) => moment.getHours() * 60 + moment.getMinutes());
    return isInsideWindow(localMinute(now), this.window());
  }

  private set(state: UpdateState): void {
    if (state === this.state) return;
    this.state = state;
    this.options.log.info('update_state', { state, ...(this.version ? { version: this.version } : {}) });
  }
}
