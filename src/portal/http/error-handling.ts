import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PORTAL_ENDPOINTS, PORTAL_HEADERS, type PortalErrorCode } from '../../shared/contract/portal.js';
import type { PortalLog } from '../portal-log.js';
import { endpointsAt, methodsServing } from './endpoint-paths.js';
import { ClientGone, errorBody, Refusal, sendRefusal } from './refusal.js';
import { routeLogName, UNKNOWN_ROUTE } from './route-names.js';
import { validationMessage } from './validation.js';

/**
 * Every answer that is not a route's own goes out as `{error:{code,message}}`: refusals thrown by
 * routes, schema validation failures, unknown paths and methods, URLs the router cannot decode,
 * and bytes Node cannot parse as HTTP. Nothing Fastify would say in its own words (`statusCode`,
 * `FST_ERR_*`) and never a stack trace reaches a client.
 */
export function installErrorHandling(app: FastifyInstance, log: PortalLog): void {
  const refuse = refuser(log);
  // Node hands over an absolute-form target (`GET http://host/path`) and the router would serve it; the API takes paths only.
  app.addHook('onRequest', async (request, reply) => {
    if (request.raw.url?.startsWith('/')) return;
    void refuse(reply, UNKNOWN_ROUTE, new Refusal(400, 'VALIDATION', 'The request target must be a path.'));
    return reply;
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const route = routeLogName(request.routeOptions.config.endpoint);
    if (error instanceof ClientGone) {
      reply.hijack();
      request.raw.destroy();
      return;
    }
    const refusal = asRefusal(error, request);
    if (refusal) return refuse(reply, route, refusal);
    log('portal_request_failed', { route, errorType: error instanceof Error ? error.name : typeof error });
    return sendRefusal(reply, new Refusal(500, 'INTERNAL', 'The portal failed.'));
  });

  app.setNotFoundHandler((request, reply) => {
    const target = request.raw.url ?? '';
    return refuse(reply, routeLogName(endpointsAt(target)[0]), unroutedRefusal(request.method, target));
  });
}

/**
 * For the Fastify constructor: a URL the router cannot decode. At an endpoint whose contract lists
 * 400 that is a malformed request; elsewhere the target names no resource, as for a parameter that
 * does not parse; at a path that serves other methods, 405 as always.
 */
export function frameworkErrorAnswer(log: PortalLog): (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void {
  const refuse = refuser(log);
  return (_error, request, reply) => {
    const target = request.raw.url ?? '';
    const atPath = endpointsAt(target);
    const endpoint = atPath.find((name) => PORTAL_ENDPOINTS[name].method === request.raw.method);
    const refusal = !endpoint
      ? unroutedRefusal(request.raw.method ?? '', target)
      : 400 in PORTAL_ENDPOINTS[endpoint].responses
        ? new Refusal(400, 'VALIDATION', 'The request target is not a valid URL.')
        : new Refusal(404, 'NOT_FOUND', 'No such resource.');
    void refuse(reply, routeLogName(endpoint ?? atPath[0]), refusal);
  };
}

/** Logs a refusal by the route's name, its status and code (never what the request held), and sends it. */
function refuser(log: PortalLog) {
  return (reply: FastifyReply, route: string, refusal: Refusal): FastifyReply => {
    log('portal_request_refused', { route, status: refusal.status, code: refusal.code });
    return sendRefusal(reply, refusal);
  };
}

/** A request no route takes: 405 with Allow where its path serves other methods, else 404. */
function unroutedRefusal(method: string, target: string): Refusal {
  const allowed = methodsServing(target);
  const allow = allowed.join(', ');
  return allowed.length > 0 && !(allowed as string[]).includes(method)
    ? new Refusal(405, 'VALIDATION', `Use ${allow} here.`, { [PORTAL_HEADERS.allow]: allow })
    : new Refusal(404, 'NOT_FOUND', 'No such resource.');
}

/** For the Fastify constructor: requests Node cannot even parse (bad request line, oversized headers) still get a JSON 4xx. */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body = errorBody('VALIDATION', 'The request is not well-formed HTTP.');
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

const CODE_BY_STATUS: Partial<Record<number, PortalErrorCode>> = {
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
};

/** A client's mistake as a refusal in the portal's words; null for the portal's own failures. */
function asRefusal(error: FastifyError, request: FastifyRequest): Refusal | null {
  if (error instanceof Refusal) return error;
  if (error.validation) {
    const endpoint = request.routeOptions.config.endpoint;
    // Where the contract has no 400 for an endpoint, parameters that do not parse name no resource.
    if (error.validationContext === 'params' && endpoint && !(400 in PORTAL_ENDPOINTS[endpoint].responses)) {
      return new Refusal(404, 'NOT_FOUND', 'No such resource.');
    }
    return new Refusal(400, 'VALIDATION', validationMessage(error));
  }
  const status = error.statusCode ?? 500;
  if (status < 400 || status >= 500) return null;
  return new Refusal(status, CODE_BY_STATUS[status] ?? 'VALIDATION', `The request was refused (${STATUS_CODES[status] ?? status}).`);
}
