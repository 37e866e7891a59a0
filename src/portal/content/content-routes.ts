import { PACKAGE_REFUSED_CODE } from '../../shared/contract/content-rollout.js';
import { PORTAL_HEADERS } from '../../shared/contract/portal.js';
import type { EndpointHandlers } from '../http/endpoint-types.js';
import { Refusal } from '../http/refusal.js';
import type { ContentLibrary } from './content-library.js';
import type { ContentRolloutService } from './content-rollout-service.js';
import type { PackageFiles } from './package-files.js';

/** The kiosk behind a request's kiosk credential (401/403 Refusal for a bad or revoked one). */
export type KioskOfCredential = (authorization: string | undefined) => Promise<string>;

/**
 * GET /v1/content/manifest, GET /v1/content/packages/:version/*, PUT /v1/admin/content, and the
 * back office's upload and staged rollout.
 *
 * The manifest is the rollout's one gate: each kiosk is answered the version assigned to it, its
 * ETag that version's, so a kiosk's If-None-Match stays right however its assignment moves. The
 * package files stay public and immutable: they are signed, the kiosk fetches only the version its
 * manifest names and refuses any older one, and one cacheable URL per file serves every kiosk and
 * any cache in front of the portal. Keeping a staged version's files from other kiosks would hide
 * nothing that matters (it is the public catalogue) and would cost that.
 */
export function contentRoutes(
  library: ContentLibrary,
  rollout: ContentRolloutService,
  kioskOfCredential: KioskOfCredential,
): Pick<EndpointHandlers, 'contentManifest' | 'contentPackageFile' | 'publishContent' | 'uploadContentPackage' | 'contentRollout' | 'assignContentVersion'> {
  return {
    contentManifest: async ({ headers }) => {
      // A kiosk that names itself is answered its own version; an older kiosk without a credential here gets what all kiosks get.
      const authorization = (headers as Record<string, string | undefined>)[PORTAL_HEADERS.authorization];
      const kioskCode = authorization === undefined ? null : await kioskOfCredential(authorization);
      const version = await rollout.offeredVersion(kioskCode);
      if (version === null || !library.isPublished(version)) throw new Refusal(404, 'NOT_FOUND', 'No content is published for this kiosk yet.');
      const etag = await library.etagOf(version);
      const answerHeaders = {
        [PORTAL_HEADERS.etag]: etag,
        [PORTAL_HEADERS.cacheControl]: 'no-cache',
        [PORTAL_HEADERS.contentPackageVersion]: String(version),
        // One URL, a different answer per kiosk: no cache may give one kiosk's answer to another.
        vary: PORTAL_HEADERS.authorization,
      };
      if (headers[PORTAL_HEADERS.ifNoneMatch] === etag) return { status: 304, body: undefined, headers: answerHeaders };
      // The bytes exactly as signed: the kiosk verifies the signature over them.
      return { status: 200, body: library.manifestBytes(version), headers: answerHeaders };
    },

    contentPackageFile: ({ params }) => {
      const bytes = library.file(params.version, params.path);
      if (!bytes) throw new Refusal(404, 'NOT_FOUND', 'No such file.');
      return { status: 200, body: bytes, headers: { [PORTAL_HEADERS.cacheControl]: 'public, max-age=31536000, immutable' } };
    },

    publishContent: async ({ body }) => {
      const files: PackageFiles = new Map(Object.entries(body.files).map(([path, base64]) => [path, Buffer.from(base64, 'base64')]));
      const result = await library.publish(files, { aheadOfFleet: body.aheadOfFleet });
      if (result.outcome === 'published') {
        await rollout.publishedWithAdminToken(result.version);
        return { status: 201, body: { version: result.version } };
      }
      if (result.outcome === 'ahead-of-fleet') return { status: 422, body: { error: { code: 'APP_AHEAD_OF_FLEET', message: result.message } } };
      const { code, detail } = result.rejection;
      return { status: code === 'VERSION_NOT_NEWER' ? 409 : 422, body: { error: { code, message: detail } } };
    },

    uploadContentPackage: async ({ body, account }) => {
      const result = await rollout.upload(Buffer.from(body.zip, 'base64'), body.aheadOfFleet ?? false, account!.accountId);
      if (result.outcome === 'published') return { status: 201, body: { version: result.version } };
      const count = result.problems.length;
      return {
        status: 422,
        body: { error: { code: PACKAGE_REFUSED_CODE, message: `Nothing was published: the package has ${count} problem${count === 1 ? '' : 's'}.`, problems: result.problems } },
      };
    },

    contentRollout: async () => ({ status: 200, body: await rollout.view() }),

    assignContentVersion: async ({ body, account }) => {
      const outcome = await rollout.assign(body.version, body.targets, account!.accountId);
      if (outcome === 'not-published') throw new Refusal(404, 'NOT_FOUND', `Version ${body.version} is not published.`);
      if (outcome === 'behind-all') {
        return { status: 409, body: { error: { code: 'VERSION_NOT_NEWER', message: `Version ${body.version} is older than the version all kiosks are assigned.` } } };
      }
      return { status: 200, body: { version: body.version, targets: body.targets } };
    },
  };
}
