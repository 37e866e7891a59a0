import { statfsSync } from 'node:fs';

/**
 * Bytes free to this process on the disk of the kiosk's data folder (blocks available to an
 * unprivileged user, not the root reserve), for the heartbeat. Undefined when the folder cannot be
 * asked: the heartbeat then says nothing of the disk rather than a number that is not true.
 */
export function freeDiskBytes(folder: string): number | undefined {
  try {
    const stats = statfsSync(folder);
    return Number(stats.bavail) * Number(stats.bsize);
  } catch {
    return undefined;
  }
}
