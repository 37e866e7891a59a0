import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { PORTAL_ENDPOINTS, PORTAL_HEADERS, type PortalEndpoint, type PortalEndpointName } from '../../shared/contract/portal.js';
import type { SignedInAccount } from '../backoffice/back-office-sessions.js';
import type { Authenticate } from './authentication.js';
import type { EndpointAnswer, EndpointHandler, EndpointHandlers } from './endpoint-types.js';
import { credentialRateLimit, effectiveRateLimit, type RateLimitSettings } from './rate-limits.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The contract endpoint a route serves (for logs, error answers and the OpenAPI document). */
    endpoint?: PortalEndpointName;
  }
  interface FastifyRequest {
    /** The kiosk behind the credential of a kiosk endpoint's request. */
    kioskCode: string;
    /** The signed-in back office account of an officer or administrator endpoint's request. */
    account: SignedInAccount | null;
  }
}

/** The security requirement names the OpenAPI document declares for each kind of authentication. */
export const SECURITY_SCHEME = { kiosk: 'kioskCredential', admin: 'adminToken', officer: 'backOfficeSession', administrator: 'backOfficeSession' } as const;

/**
 * One Fastify route per contract endpoint, everything taken from the contract: method, pattern,
 * body limit, schemas for params, headers, body and every response, and the authentication that
 * runs before the body is read, then the per-credential limit where the endpoint has one.
 */
export function registerEndpoints(app: FastifyInstance, handlers: EndpointHandlers, authenticate: Authenticate, rateLimits: RateLimitSettings = {}): void {
  app.decorateRequest('kioskCode', '');
  app.decorateRequest('account', null);
  for (const name of Object.keys(PORTAL_ENDPOINTS) as PortalEndpointName[]) {
    const endpoint: PortalEndpoint = PORTAL_ENDPOINTS[name];
    const handler = handlers[name] as unknown as EndpointHandler<PortalEndpoint>;
    const auth = endpoint.auth;
    const rateLimit = effectiveRateLimit(endpoint, rateLimits[name]);
    const perCredential = auth === 'kiosk' && rateLimit ? credentialRateLimit(app, name, rateLimit) : undefined;
    app.route({
      method: endpoint.method,
      url: endpoint.pattern,
      config: { endpoint: name, ...(rateLimit ? { rateLimit: { max: rateLimit.max, timeWindow: rateLimit.windowSeconds * 1000 } } : {}) },
      ...(endpoint.bodyLimit > 0 ? { bodyLimit: endpoint.bodyLimit } : {}),
      schema: routeSchema(endpoint),
      ...(auth === 'none'
        ? {}
        : {
            onRequest: async (request: FastifyRequest) => {
              const caller = await authenticate(auth, request);
              request.kioskCode = caller.kioskCode;
              request.account = caller.account;
              await perCredential?.(request);
            },
          }),
      ...(endpoint.rest ? { preValidation: restParameter(endpoint.rest) } : {}),
      handler: async (request, reply) => {
        const answer = await handler({
          params: request.params as never,
          headers: request.headers,
          body: request.body as never,
          kioskCode: request.kioskCode,
          account: request.account,
          connection: { address: request.ip, encrypted: request.protocol === 'https' },
          cookies: request.cookies,
        });
        return send(reply, endpoint, answer);
      },
    });
  }
}

function routeSchema(endpoint: PortalEndpoint): FastifySchema & Record<string, unknown> {
  const response = Object.fromEntries(
    Object.entries(endpoint.responses).map(([status, answer]) => [
      status,
      answer.contentType === null
        ? answer.schema.describe(answer.description)
        : { description: answer.description, content: { [answer.contentType]: { schema: answer.schema } } },
    ]),
  );
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    security: endpoint.auth === 'none' ? [] : [{ [SECURITY_SCHEME[endpoint.auth]]: [] }],
    ...(Object.keys(endpoint.params.shape).length > 0 ? { params: endpoint.params } : {}),
    ...(Object.keys(endpoint.headers.shape).length > 0 ? { headers: endpoint.headers } : {}),
    ...(endpoint.body ? { body: endpoint.body } : {}),
    response,
  };
}

/** The router names a trailing `*` "*"; the contract names it. */
function restParameter(name: string) {
  return (request: FastifyRequest, _reply: FastifyReply, done: () => void) => {
    const { '*': rest, ...others } = request.params as Record<string, string>;
    request.params = { ...others, [name]: rest };
    done();
  };
}

function send(reply: FastifyReply, endpoint: PortalEndpoint, answer: EndpointAnswer<PortalEndpoint>): FastifyReply {
  const response = endpoint.responses[answer.status]!;
  void reply.code(answer.status).header(PORTAL_HEADERS.cacheControl, 'no-store');
  if (answer.headers) void reply.headers(answer.headers);
  if (response.contentType === null) return reply.send();
  if (answer.body instanceof Uint8Array) {
    const bytes = Buffer.isBuffer(answer.body) ? answer.body : Buffer.from(answer.body.buffer, answer.body.byteOffset, answer.body.byteLength);
    return reply.type(response.contentType).send(bytes);
  }
  return reply.send(answer.body);
}
