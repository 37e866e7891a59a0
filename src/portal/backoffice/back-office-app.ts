import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { BACKOFFICE_PATH } from '../../shared/contract/backoffice.js';
import type { PortalLog } from '../portal-log.js';

/** Where `npm run build` puts the web app: the same place seen from src/portal/backoffice and dist/portal/backoffice. */
export const BUILT_BACKOFFICE_FOLDER = fileURLToPath(new URL('../../../dist/backoffice/', import.meta.url));

/**
 * The back office page's own policy, stricter than a browser's default: scripts, styles, images
 * and requests from this portal only, nothing inline, no plugins or frames, no framing by another
 * site, forms post only here.
 */
export const BACKOFFICE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** The headers every answer of the web app carries besides its CSP. */
export const BACKOFFICE_SECURITY_HEADERS = {
  'content-security-policy': BACKOFFICE_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=()',
} as const;

/**
 * Serves the built web app under /backoffice/ with @fastify/static, and sends `/` there. The API
 * under /backoffice/api/ is the contract's routes, which take precedence over the files. Built
 * assets have hashed names and are cached for good; index.html is asked for again every time, so
 * a new build reaches every desk.
 */
export async function registerBackOfficeApp(app: FastifyInstance, options: { folder: string; log: PortalLog }): Promise<void> {
  if (!existsSync(options.folder)) options.log('backoffice_not_built', { folder: 'dist/backoffice' });
  await app.register(async (scope) => {
    scope.addHook('onSend', async (_request, reply) => {
      void reply.headers(BACKOFFICE_SECURITY_HEADERS);
    });
    await scope.register(fastifyStatic, {
      root: options.folder,
      prefix: BACKOFFICE_PATH,
      index: 'index.html',
      cacheControl: false,
      etag: true,
      lastModified: false,
      serveDotFiles: false,
      dotfiles: 'ignore',
      setHeaders: (reply: FastifyReply | { setHeader(name: string, value: string): void }, path: string) => {
        const value = /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
        if ('setHeader' in reply) reply.setHeader('cache-control', value);
        else void reply.header('cache-control', value);
      },
    });
    scope.get('/', (_request, reply) => reply.redirect(BACKOFFICE_PATH, 302));
    scope.get(BACKOFFICE_PATH.slice(0, -1), (_request, reply) => reply.redirect(BACKOFFICE_PATH, 301));
  });
}
