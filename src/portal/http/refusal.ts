import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyReply } from 'fastify';
import { PORTAL_HEADERS, type PortalAnswerCode } from '../../shared/contract/portal.js';

/**
 * A request the portal will not serve, with its HTTP status: thrown anywhere in a route, answered
 * by the error handler as `{error:{code,message}}`. The message is the portal's own words: it never
 * repeats what the client sent.
 */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: PortalAnswerCode,
    message: string,
    readonly headers: OutgoingHttpHeaders = {},
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

/** The client went away mid-request: nothing to answer. */
export class ClientGone extends Error {
  constructor() {
    super('the client closed the connection');
    this.name = 'ClientGone';
  }
}

/** The one shape of every refusal, sent as a finished string so no serializer can reshape it. */
export function sendRefusal(reply: FastifyReply, refusal: Refusal): FastifyReply {
  for (const [name, value] of Object.entries(refusal.headers)) if (value !== undefined) void reply.header(name, value);
  return reply
    .code(refusal.status)
    .header(PORTAL_HEADERS.cacheControl, 'no-store')
    .type('application/json; charset=utf-8')
    .send(errorBody(refusal.code, refusal.message));
}

export function errorBody(code: PortalAnswerCode, message: string): string {
  return JSON.stringify({ error: { code, message } });
}
