import type { ContentStatus } from '../../../shared/contract/ipc.js';
import { ok } from '../../../shared/contract/result.js';
import type { HandlersFor } from '../handlers.js';
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
  return {
    getContentStatus: () => ok(contentStatus(options)),
    checkForContentUpdate: async () => ok(options.puller ? await options.puller.checkNow() : { outcome: 'not-found' as const }),
    importContentFromRemovableMedia: async () => {
      const folder = findRemovableContent(options.removableMediaRoots ?? defaultMountRoots());
      if (!folder) return ok({ outcome: 'not-found' as const });
      options.log.info('content_import_started', { source: 'folder' });
      return ok(await options.content.install(folderPackageReader(folder), 'folder'));
    },
  };
}
