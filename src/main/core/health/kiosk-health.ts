import type { KioskAlarm } from '../../../shared/contract/kiosk-alarms.js';

/** Free space grown by this much since a write failed for want of it means room has come back. */
export const DISK_RECOVERED_BYTES = 4 * 1024 * 1024;

// A write the disk refused: SQLite's "database or disk is full", a short write, or the file system's own codes.
const DISK_REFUSED = /^(SQLITE_FULL|SQLITE_IOERR_WRITE|SQLITE_IOERR_SHORT_WRITE|ENOSPC|EFBIG|EDQUOT)/;

export function isDiskRefusal(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  return typeof code === 'string' && DISK_REFUSED.test(code);
}

export interface KioskHealthOptions {
  /** Bytes free on the disk of the data folder, undefined when it cannot be asked. */
  freeDiskBytes: () => number | undefined;
  /** Whether the log's last write failed; absent for a logger that does not write a file. */
  logWritesFailing?: () => boolean;
  /** Writes one line to the log, so a log that failed finds out whether it works again. */
  probeLog?: () => void;
  /** An alarm was raised or cleared: the panel and the next heartbeat are told. */
  onChange?: () => void;
}

/**
 * The alarms the kiosk raises about itself, for the service panel and the heartbeat, each
 * clearing by itself when its cause goes away:
 * - disk-full from an application the database could not take, until the next one it takes or
 *   until DISK_RECOVERED_BYTES more are free than when it failed;
 * - log-writes-failing while the log file refuses lines; each look tries one line, so the alarm
 *   clears with the first line that is written again.
 */
export class KioskHealth {
  private diskFull: { freeBytesThen: number | undefined } | null = null;
  private lastKey = '';

  constructor(private readonly options: KioskHealthOptions) {}

  /** A write to the database failed; raises disk-full when the disk is why. */
  databaseWriteFailed(error: unknown): void {
    if (!isDiskRefusal(error)) return;
    this.diskFull = { freeBytesThen: this.options.freeDiskBytes() };
    this.alarms();
  }

  /** The database took a write: whatever filled the disk, there is room again. */
  databaseWriteSucceeded(): void {
    if (!this.diskFull) return;
    this.diskFull = null;
    this.alarms();
  }

  /**
   * The alarms now. Looking is also what notices a cause gone by itself (space back, the log
   * writable again), so a look whose answer differs from the last one tells onChange: the panel
   * hears of a recovery the heartbeat's look found, not only of the failures.
   */
  alarms(): KioskAlarm[] {
    if (this.diskFull) {
      const free = this.options.freeDiskBytes();
      const then = this.diskFull.freeBytesThen ?? 0;
      if (free !== undefined && free >= then + DISK_RECOVERED_BYTES) this.diskFull = null;
    }
    if (this.options.logWritesFailing?.()) this.options.probeLog?.();
    const alarms: KioskAlarm[] = [];
    if (this.diskFull) alarms.push('disk-full');
    if (this.options.logWritesFailing?.()) alarms.push('log-writes-failing');
    const key = alarms.join(' ');
    if (key !== this.lastKey) {
      this.lastKey = key;
      this.options.onChange?.();
    }
    return alarms;
  }
}
