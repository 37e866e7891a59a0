import { PORTAL_HEADERS } from '../../shared/contract/portal.js';
import type { EndpointHandlers } from '../http/endpoint-types.js';
import { Refusal } from '../http/refusal.js';
import type { ContentLibrary } from './content-library.js';
import type { PackageFiles } from './package-files.js';

/** GET /v1/content/manifest, GET /v1/content/packages/:version/*, PUT /v1/admin/content. */
export function contentRoutes(library: ContentLibrary): Pick<EndpointHandlers, 'contentManifest' | 'contentPackageFile' | 'publishContent'> {
  return {
    contentManifest: ({ headers }) => {
      const current = library.latest();
      if (!current) throw new Refusal(404, 'NOT_FOUND', 'No content is published yet.');
      const answerHeaders = {
        [PORTAL_HEADERS.etag]: current.etag,
        [PORTAL_HEADERS.cacheControl]: 'no-cache',
        [PORTAL_HEADERS.contentPackageVersion]: String(current.version),
      };
      if (headers[PORTAL_HEADERS.ifNoneMatch] === current.etag) return { status: 304, body: undefined, headers: answerHeaders };
      // The bytes exactly as signed: the kiosk verifies the signature over them.
      return { status: 200, body: library.manifestBytes(current.version), headers: answerHeaders };
    },

    contentPackageFile: ({ params }) => {
      const bytes = library.file(params.version, params.path);
      if (!bytes) throw new Refusal(404, 'NOT_FOUND', 'No such file.');
      return { status: 200, body: bytes, headers: { [PORTAL_HEADERS.cacheControl]: 'public, max-age=31536000, immutable' } };
    },

    publishContent: async ({ body }) => {
      const files: PackageFiles = new Map(Object.entries(body.files).map(([path, base64]) => [path, Buffer.from(base64, 'base64')]));
      const result = await library.publish(files, { aheadOfFleet: body.aheadOfFleet });
      if (result.outcome === 'published') return { status: 201, body: { version: result.version } };
      if (result.outcome === 'ahead-of-fleet') return { status: 422, body: { error: { code: 'APP_AHEAD_OF_FLEET', message: result.message } } };
      const { code, detail } = result.rejection;
      return { status: code === 'VERSION_NOT_NEWER' ? 409 : 422, body: { error: { code, message: detail } } };
    },
  };
}
