import { fastifyCookie } from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { registerBackOfficeApp } from '../backoffice/back-office-app.js';
import { registerUpdateFeed } from '../updates/update-feed.js';
import type { Authenticate } from './authentication.js';
import type { EndpointHandlers } from './endpoint-types.js';
import type { PortalLog } from '../portal-log.js';
import { answerClientError, frameworkErrorAnswer, installErrorHandling } from './error-handling.js';
import { registerOpenApi } from './openapi.js';
import { registerEndpoints } from './register-endpoints.js';
import { registerRateLimits, type RateLimitSettings } from './rate-limits.js';
import { registerJsonBodyParser } from './request-body.js';
import { validatorCompiler } from './validation.js';

/** A certificate and its private key (PEM) the portal serves HTTPS with. */
export interface PortalTls {
  cert: Buffer;
  key: Buffer;
}

export interface PortalAppOptions {
  /** Serve HTTPS with this certificate instead of plain HTTP (for a portal not behind a TLS proxy). */
  tls?: PortalTls;
  /** A handler for every contract endpoint but the OpenAPI document, which the app serves itself. */
  handlers: Omit<EndpointHandlers, 'openApi'>;
  authenticate: Authenticate;
  log: PortalLog;
  /** The built back office web app, served under /backoffice/. */
  backOfficeFolder: string;
  /** The kiosk app's releases, served under /v1/updates/ for electron-updater; no feed without it. */
  updatesFolder?: string;
  /**
   * The address (or addresses, comma-separated; CIDR allowed) of the reverse proxy in front of the
   * portal. Only a request from it may say, in X-Forwarded-For and X-Forwarded-Proto, which client it
   * came from: then the per-address limits count each client, not the proxy, and a visitor cannot
   * make up an address by sending the header directly.
   */
  trustedProxy?: string;
  /** This portal's numbers for the contract's rate limits (status lookups: PORTAL_STATUS_LOOKUPS_PER_MINUTE_*). */
  rateLimits?: RateLimitSettings;
}

/** The portal's HTTP face: Fastify with zod schemas from the contract, ready to listen. */
export async function createPortalApp(options: PortalAppOptions): Promise<FastifyInstance> {
  // Fastify types an HTTPS instance apart from an HTTP one; routes and hooks are the same on both.
  const app = Fastify({
    ...(options.tls ? { https: { cert: options.tls.cert, key: options.tls.key, minVersion: 'TLSv1.2' as const } } : {}),
    logger: false,
    ...(options.trustedProxy ? { trustProxy: options.trustedProxy } : {}),
    // HEAD is not part of the API: it answers 405 like any other method a path does not serve.
    exposeHeadRoutes: false,
    // While closing, requests are cut rather than answered in Fastify's own words.
    return503OnClosing: false,
    forceCloseConnections: true,
    // Node's own limits, which the portal had before Fastify: an idle kiosk connection stays 5 s, a request may take 5 min.
    keepAliveTimeout: 5_000,
    requestTimeout: 300_000,
    // Long enough that a malformed parameter reaches validation (400) instead of missing the route.
    routerOptions: { maxParamLength: 4096 },
    frameworkErrors: frameworkErrorAnswer(options.log),
    clientErrorHandler: answerClientError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app, options.log);
  // Every answer, the API's JSON included: a browser must not guess another type from an answer
  // that quotes what a request sent, nor frame one.
  app.addHook('onSend', async (_request, reply) => {
    if (!reply.hasHeader('x-content-type-options')) reply.header('x-content-type-options', 'nosniff');
    if (!reply.hasHeader('x-frame-options')) reply.header('x-frame-options', 'DENY');
  });
  registerJsonBodyParser(app);
  // Parses the Cookie header into request.cookies, where the back office's session cookie is read.
  await app.register(fastifyCookie);
  await registerRateLimits(app);
  const openApiDocument = await registerOpenApi(app);
  await registerBackOfficeApp(app, { folder: options.backOfficeFolder, log: options.log });
  await registerUpdateFeed(app, { folder: options.updatesFolder, log: options.log });
  registerEndpoints(app, { ...options.handlers, openApi: () => ({ status: 200, body: openApiDocument() }) }, options.authenticate, options.rateLimits);
  await app.ready();
  return app;
}
