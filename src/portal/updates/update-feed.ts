import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { PortalLog } from '../portal-log.js';

/** Where kiosks ask for a newer version of the app: electron-updater's generic provider reads this folder. */
export const UPDATE_FEED_PATH = '/v1/updates/';

/**
 * Serves the folder an administrator publishes releases into (PORTAL_UPDATES_FOLDER): what
 * electron-builder writes for a release, latest.yml / latest-linux.yml with the installers and their
 * blockmaps. The .yml names the version, each file's SHA-512 (which the kiosk checks before it
 * installs) and the stagingPercentage of kiosks that take it. Files only: no listing, no dot
 * files, nothing outside the folder; the channel file is asked for afresh each time so that a
 * changed stagingPercentage reaches the fleet at its next check.
 */
export async function registerUpdateFeed(app: FastifyInstance, options: { folder?: string; log: PortalLog }): Promise<void> {
  if (!options.folder) return;
  options.log('update_feed_served', { route: 'updates' });
  await app.register(async (scope) => {
    await scope.register(fastifyStatic, {
      root: options.folder!,
      prefix: UPDATE_FEED_PATH,
      // The back office registered the plugin first and owns reply.sendFile.
      decorateReply: false,
      index: false,
      list: false,
      serveDotFiles: false,
      dotfiles: 'ignore',
      cacheControl: false,
      etag: true,
      setHeaders: (reply: FastifyReply | { setHeader(name: string, value: string): void }, path: string) => {
        const value = /\.ya?ml$/.test(path) ? 'no-cache' : 'public, max-age=86400';
        if ('setHeader' in reply) reply.setHeader('cache-control', value);
        else void reply.header('cache-control', value);
      },
    });
  });
}
