import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PORTAL_HEADERS } from '../../shared/contract/portal.js';
import { ClientGone, Refusal } from './refusal.js';

/** After a body passes its limit the portal still reads (and drops) this much more, so the client hears the 413. */
const DRAIN_BYTES = 64 * 1024 * 1024;

/**
 * The portal's only body parser. Every endpoint that takes a body takes JSON, so one parser
 * serves all media types and refuses the wrong ones itself: 415 for another media type or an
 * encoded body (a body without Content-Type is read as JSON), 413 past the route's limit, 400 for
 * bytes that are not strict UTF-8 JSON. Its messages never repeat the body.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', async (request: FastifyRequest, payload: IncomingMessage) => {
    // A request for no route: nothing will read its body (Node discards it after the answer).
    if (request.is404) return undefined;
    requireJsonBody(request.headers);
    const parsed = parseJsonBody(await readBody(payload, request.routeOptions.bodyLimit ?? 0));
    if (!parsed.ok) throw new Refusal(400, 'VALIDATION', parsed.message);
    return parsed.value;
  });
}

function requireJsonBody(headers: IncomingHttpHeaders): void {
  const type = headers[PORTAL_HEADERS.contentType];
  if (type !== undefined && type.split(';')[0]!.trim().toLowerCase() !== 'application/json') {
    throw new Refusal(415, 'VALIDATION', 'The body must be application/json.');
  }
  const encoding = headers[PORTAL_HEADERS.contentEncoding];
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
    throw new Refusal(415, 'VALIDATION', 'Content-Encoding is not supported.');
  }
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8, then JSON. */
export function parseJsonBody(bytes: Uint8Array): Parsed<unknown> {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, message: 'The body is not UTF-8.' };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, message: 'The body is not JSON.' };
  }
}

/**
 * The body, at most `limit` bytes; past it, 413 PAYLOAD_TOO_LARGE once the client has finished
 * sending (up to DRAIN_BYTES more are read and dropped so it hears the answer; beyond that the
 * connection is cut).
 */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    const tooLarge = () => new Refusal(413, 'PAYLOAD_TOO_LARGE', `The body may be at most ${limit} bytes.`, { Connection: 'close' });
    if (declared > limit + DRAIN_BYTES) {
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let ended = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > limit + DRAIN_BYTES) request.destroy();
    });
    request.on('end', () => {
      ended = true;
      if (size > limit) reject(tooLarge());
      else resolve(Buffer.concat(chunks));
    });
    request.on('error', () => reject(new ClientGone()));
    request.on('close', () => {
      if (!ended) reject(new ClientGone());
    });
  });
}
