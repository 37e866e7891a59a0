import type { TrustAnchor } from '../../../shared/content/content-schema.js';
import {
  ContentRejection,
  parseCatalogue,
  verifyPackage,
  type PackageReader,
} from '../../../shared/content/package-verification.js';
import type { ContentManifest } from '../../../shared/content/content-schema.js';
import type { InstallOutcome } from '../../../shared/contract/ipc.js';
import type { RecordAudit } from '../audit/audit-recorder.js';
import { describeError, type Logger } from '../logger.js';
import { CatalogueView } from './catalogue-view.js';
import type { ContentSource, ContentStore } from './content-store.js';

export interface ContentServiceOptions {
  store: ContentStore;
  trustAnchors: readonly TrustAnchor[];
  appVersion: string;
  clock: () => Date;
  log: Logger;
  /** Told after a package is applied, so the shells can tell the page. */
  onApplied: (version: number) => void;
  /** Told after every install attempt, whatever its outcome: the recent-installs list has changed. */
  onSettled?: () => void;
  /** The audit trail: every install applied, refused or failed is recorded there. */
  recordAudit?: RecordAudit;
}

/**
 * Installs content packages from any source through the one verification path, and holds the
 * active catalogue in memory. Installs run one at a time: a portal pull and a USB import that
 * arrive together are applied in turn, each checked against what the other left.
 */
export class ContentService {
  private view: CatalogueView | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ContentServiceOptions) {
    this.view = this.loadActiveView();
  }

  catalogue(): CatalogueView | undefined {
    return this.view;
  }

  /** The active catalogue with its package version, which a new application is pinned to. */
  current(): { document: CatalogueView['document']; version: number } | undefined {
    const active = this.options.store.active();
    return this.view && active ? { document: this.view.document, version: active.version } : undefined;
  }

  install(
    reader: PackageReader,
    source: ContentSource,
    hooks: { onManifestVerified?: (manifest: ContentManifest) => void; quietIfNotNewer?: boolean } = {},
  ): Promise<InstallOutcome> {
    const run = () => this.installNow(reader, source, hooks).finally(() => this.options.onSettled?.());
    const next = this.queue.then(run, run);
    this.queue = next;
    return next;
  }

  private async installNow(
    reader: PackageReader,
    source: ContentSource,
    hooks: { onManifestVerified?: (manifest: ContentManifest) => void; quietIfNotNewer?: boolean },
  ): Promise<InstallOutcome> {
    const { store, log, clock } = this.options;
    try {
      const verified = await verifyPackage(
        reader,
        {
          trustAnchors: this.options.trustAnchors,
          currentVersion: store.highestVersion(),
          appVersion: this.options.appVersion,
          now: clock(),
        },
        hooks.onManifestVerified,
      );
      const view = new CatalogueView(verified.catalogue);
      store.apply(verified, source, clock());
      this.view = view;
      log.info('content_applied', { source, version: verified.manifest.version, keyId: verified.manifest.keyId });
      this.options.recordAudit?.({ kind: 'content_applied', actor: null, subject: String(verified.manifest.version), details: { source, keyId: verified.manifest.keyId } });
      this.options.onApplied(verified.manifest.version);
      return { outcome: 'applied', version: verified.manifest.version };
    } catch (error) {
      if (error instanceof ContentRejection) {
        if (!(hooks.quietIfNotNewer && error.code === 'VERSION_NOT_NEWER')) {
          store.recordEvent({
            at: clock().toISOString(),
            source,
            outcome: 'rejected',
            version: null,
            code: error.code,
            detail: error.detail,
            problem: error.problems[0] ?? null,
          });
          log.warn('content_rejected', { source, code: error.code, detail: error.detail });
          this.options.recordAudit?.({ kind: 'content_refused', actor: null, subject: null, details: { source, code: error.code } });
        }
        return { outcome: 'rejected', code: error.code, detail: error.detail };
      }
      const detail = error instanceof Error ? error.message : String(error);
      store.recordEvent({ at: clock().toISOString(), source, outcome: 'failed', version: null, code: null, detail, problem: null });
      log.warn('content_install_failed', { source, ...describeError(error) });
      this.options.recordAudit?.({ kind: 'content_refused', actor: null, subject: null, details: { source, code: 'INSTALL_FAILED' } });
      return { outcome: 'failed', detail };
    }
  }

  /** The active package was verified when it was applied; its catalogue is read back as stored. */
  private loadActiveView(): CatalogueView | undefined {
    const bytes = this.options.store.activeCatalogueBytes();
    if (!bytes) return undefined;
    try {
      return new CatalogueView(parseCatalogue(bytes));
    } catch (error) {
      this.options.log.error('content_active_unreadable', describeError(error));
      return undefined;
    }
  }
}
