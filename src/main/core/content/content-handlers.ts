import type { ContentStatus } from '../../../shared/contract/ipc.js';
import { ok } from '../../../shared/contract/result.js';
import type { HandlersFor } from '../handlers.js';
import type { RecordAudit } from '../audit/audit-recorder.js';
import type { Logger } from '../logger.js';
import type { ContentPuller } from './content-puller.js';
import type { ContentService } from './content-service.js';
import type { ContentStore } from './content-store.js';
import { folderPackageReader } from './folder-package-reader.js';
import { defaultMountRoots, findRemovableContent } from './removable-media.js';

export interface ContentHandlersOptions {
  content: ContentService;
  store: ContentStore;
  puller: ContentPuller | undefined;
  portalUrl: string | undefined;
  removableMediaRoots: readonly string[] | undefined;
  log: Logger;
  recordAudit?: RecordAudit;
  /** The staff member the panel's actions are recorded under (the signed-in technician), or null. */
  actor?: () => string | null;
}

/** What the service panel shows of content: the active package, the download under way, recent installs. */
export function contentStatus(options: Pick<ContentHandlersOptions, 'store' | 'puller' | 'portalUrl'>): ContentStatus {
  const active = options.store.active();
  return {
    activeVersion: active?.version ?? null,
    activeKeyId: active?.keyId ?? null,
    signedWithDemoKey: active?.keyId.startsWith('demo-') ?? false,
    expires: active?.expires ?? null,
    previousVersion: options.store.previous()?.version ?? null,
    portalUrl: options.portalUrl ?? null,
    lastCheckAt: options.puller?.lastCheckAt?.toISOString() ?? null,
    download: options.puller?.download ?? { state: 'idle', receivedBytes: 0, totalBytes: 0 },
    events: options.store.recentEvents(),
  };
}

/** Staff's content actions on the service panel: status, a check of the portal now, an import from USB. */
export function contentHandlers(options: ContentHandlersOptions): HandlersFor<'getContentStatus' | 'checkForContentUpdate' | 'importContentFromRemovableMedia'> {
  const actor = () => options.actor?.() ?? null;
  const importFrom = (folder: string) => {
    options.log.info('content_import_started', { source: 'folder' });
    return options.content.install(folderPackageReader(folder), 'folder');
  };
  return {
    getContentStatus: () => ok(contentStatus(options)),
    checkForContentUpdate: async () => {
      options.recordAudit?.({ kind: 'panel_action', actor: actor(), subject: null, details: { action: 'check-for-update' } });
      return ok(options.puller ? await options.puller.checkNow() : { outcome: 'not-found' as const });
    },
    importContentFromRemovableMedia: async () => {
      options.recordAudit?.({ kind: 'panel_action', actor: actor(), subject: null, details: { action: 'load-from-usb' } });
      const folder = findRemovableContent(options.removableMediaRoots ?? defaultMountRoots());
      const outcome = folder ? await importFrom(folder) : { outcome: 'not-found' as const };
      options.recordAudit?.({ kind: 'usb_import', actor: actor(), subject: null, details: { outcome: outcome.outcome } });
      return ok(outcome);
    },
  };
}
