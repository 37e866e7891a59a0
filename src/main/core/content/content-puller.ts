import { MANIFEST_FILE, type ContentManifest } from '../../../shared/content/content-schema.js';
import type { ContentStatus, InstallOutcome } from '../../../shared/contract/ipc.js';
import { describeError, type Logger } from '../logger.js';
import type { ContentService } from './content-service.js';
import type { PortalClient } from '../portal-client/portal-client.js';

export type DownloadState = ContentStatus['download'];

export interface ContentPullerOptions {
  portal: PortalClient;
  service: ContentService;
  log: Logger;
  clock: () => Date;
  intervalMs: () => number;
  onProgress?: (download: DownloadState) => void;
}

/**
 * Polls the portal's manifest with If-None-Match and installs a changed package through the
 * content service. A package the kiosk refused is not fetched again until the portal changes it;
 * a network failure is simply tried again at the next poll.
 */
export class ContentPuller {
  private etag: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<InstallOutcome> | undefined;
  lastCheckAt: Date | undefined;
  download: DownloadState = { state: 'idle', receivedBytes: 0, totalBytes: 0 };

  constructor(private readonly options: ContentPullerOptions) {}

  start(firstCheckInMs = 1000): void {
    this.schedule(firstCheckInMs);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Checks now; a check already under way is joined rather than doubled. */
  checkNow(): Promise<InstallOutcome> {
    this.running ??= this.check().finally(() => (this.running = undefined));
    return this.running;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.checkNow().finally(() => {
        if (this.timer) this.schedule(this.options.intervalMs());
      });
    }, delayMs);
    this.timer.unref?.();
  }

  private async check(): Promise<InstallOutcome> {
    const { portal, log, clock } = this.options;
    this.lastCheckAt = clock();
    this.setDownload({ state: 'checking', receivedBytes: 0, totalBytes: 0 });
    try {
      const answer = await portal.contentManifest(this.etag);
      if (answer.kind !== 'manifest') {
        this.setDownload({ state: 'idle', receivedBytes: 0, totalBytes: 0 });
        return { outcome: answer.kind === 'unchanged' ? 'unchanged' : 'not-found' };
      }
      const { version, etag, bytes: manifestBytes } = answer;
      let received = manifestBytes.length;
      let total = 0;
      const reader = portal.packageReader(version, new Map([[MANIFEST_FILE, manifestBytes]]), (count) => {
        received += count;
        if (total > 0) this.setDownload({ state: 'downloading', receivedBytes: received, totalBytes: total });
      });
      const outcome = await this.options.service.install(reader, 'portal', {
        onManifestVerified: (manifest: ContentManifest) => {
          // What has arrived so far is the manifest and its signature; the parts follow at their signed sizes.
          total = received + manifest.parts.reduce((sum, part) => sum + part.size, 0);
          this.setDownload({ state: 'downloading', receivedBytes: received, totalBytes: total });
        },
      });
      // A refused package stays refused until the portal publishes another; a failure is retried.
      if (outcome.outcome !== 'failed') this.etag = etag;
      this.setDownload({ state: outcome.outcome === 'failed' ? 'failed' : 'idle', receivedBytes: received, totalBytes: total });
      return outcome;
    } catch (error) {
      log.warn('content_check_failed', describeError(error));
      this.setDownload({ state: 'failed', receivedBytes: 0, totalBytes: 0 });
      return { outcome: 'failed', detail: error instanceof Error ? error.message : String(error) };
    }
  }

  private setDownload(download: DownloadState): void {
    this.download = download;
    this.options.onProgress?.(download);
  }
}
