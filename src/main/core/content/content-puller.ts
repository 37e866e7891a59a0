import { MANIFEST_FILE, type ContentManifest } from '../../../shared/content/content-schema.js';
import type { ContentStatus, InstallOutcome } from '../../../shared/contract/ipc.js';
import { describeError, type Logger } from '../logger.js';
import type { ContentService } from './content-service.js';
import { httpPackageReader, type Fetch } from './http-package-reader.js';

/** Portal paths; kept in step with src/portal/server.ts by the integration tests. */
const MANIFEST_PATH = '/v1/content/manifest';
const VERSION_HEADER = 'content-package-version';

export type DownloadState = ContentStatus['download'];

export interface ContentPullerOptions {
  portalUrl: string;
  service: ContentService;
  fetch: Fetch;
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
    const { fetch, log, clock, portalUrl } = this.options;
    this.lastCheckAt = clock();
    this.setDownload({ state: 'checking', receivedBytes: 0, totalBytes: 0 });
    try {
      const response = await fetch(new URL(MANIFEST_PATH, portalUrl), {
        headers: this.etag ? { 'If-None-Match': this.etag } : {},
        signal: AbortSignal.timeout(30_000),
      });
      if (response.status === 304) {
        this.setDownload({ state: 'idle', receivedBytes: 0, totalBytes: 0 });
        return { outcome: 'unchanged' };
      }
      if (response.status === 404) {
        this.setDownload({ state: 'idle', receivedBytes: 0, totalBytes: 0 });
        return { outcome: 'not-found' };
      }
      const version = Number(response.headers.get(VERSION_HEADER));
      if (!response.ok || !Number.isInteger(version) || version < 1) {
        throw new Error(`the portal answered ${response.status} without a package version`);
      }
      const etag = response.headers.get('etag') ?? undefined;
      const manifestBytes = new Uint8Array(await response.arrayBuffer());
      let received = manifestBytes.length;
      let total = 0;
      const reader = httpPackageReader(
        new URL(`/v1/content/packages/${version}/`, portalUrl).href,
        fetch,
        new Map([[MANIFEST_FILE, manifestBytes]]),
        (count) => {
          received += count;
          if (total > 0) this.setDownload({ state: 'downloading', receivedBytes: received, totalBytes: total });
        },
      );
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
