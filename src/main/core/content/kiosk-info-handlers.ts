import type { CatalogueDocument, KioskSettings } from '../../../shared/content/content-schema.js';
import { isDemoPublicKey } from '../../../shared/content/demo-keys.js';
import { ok } from '../../../shared/contract/result.js';
import type { HandlersFor } from '../handlers.js';
import type { ContentService } from './content-service.js';
import type { ContentStore } from './content-store.js';

export interface KioskInfoOptions {
  content: ContentService;
  store: ContentStore;
  appVersion: string;
  /** Overrides of the content settings' idle times (seconds), for tests and demonstrations. */
  visitorIdleSeconds: number | undefined;
  idleWarningSeconds: number | undefined;
  clerkIdleSeconds: number | undefined;
  /** The public keys this kiosk trusts for content and staff lists. */
  trustedPublicKeys: readonly string[];
}

const DEFAULT_VISITOR_IDLE_SECONDS = 120;
const DEFAULT_IDLE_WARNING_SECONDS = 30;
const DEFAULT_CLERK_IDLE_SECONDS = 900;

/**
 * How long a signed-in staff member's kiosk may sit untouched (seconds): the host's override, else
 * the active content's settings, else 15 minutes. The page runs its clerk timer on this and the
 * host its own expiry, so both must read it from here.
 */
export function resolveClerkIdleSeconds(override: number | undefined, settings: KioskSettings | undefined): number {
  return override ?? settings?.clerkIdleSeconds ?? DEFAULT_CLERK_IDLE_SECONDS;
}

/** Who this kiosk is and how it behaves, from the app and the active content's settings. */
export function kioskInfoHandlers(options: KioskInfoOptions): HandlersFor<'getKioskInfo'> {
  return {
    getKioskInfo: () => {
      const settings = options.content.catalogue()?.document.settings;
      return ok({
        appVersion: options.appVersion,
        contentVersion: options.store.active()?.version ?? null,
        officeName: settings?.officeName ?? null,
        support: settings?.support ?? null,
        officeAddress: settings?.officeAddress ?? null,
        payment: settings?.payment ?? null,
        visitorIdleSeconds: options.visitorIdleSeconds ?? settings?.visitorIdleSeconds ?? DEFAULT_VISITOR_IDLE_SECONDS,
        idleWarningSeconds: options.idleWarningSeconds ?? settings?.idleWarningSeconds ?? DEFAULT_IDLE_WARNING_SECONDS,
        clerkIdleSeconds: resolveClerkIdleSeconds(options.clerkIdleSeconds, settings),
        // A demo key trusted, or applications sealed to the demo portal key: either way, not a kiosk for real visitors.
        demo: options.trustedPublicKeys.some(isDemoPublicKey) || portalKeysOf(options.content.catalogue()?.document).some(isDemoPublicKey),
      });
    },
  };
}

/** The public halves of the portal keys the content names, the next one included: it will be sealed to. */
function portalKeysOf(document: CatalogueDocument | undefined): string[] {
  if (!document) return [];
  return [document.portalEncryptionKey.publicKey, ...(document.portalEncryptionNextKey ? [document.portalEncryptionNextKey.publicKey] : [])];
}
