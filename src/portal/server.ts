import { randomUUID, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, STATUS_CODES, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { MANIFEST_FILE, type TrustAnchor } from '../shared/content/content-schema.js';
import { ContentRejection, sha256Hex, verifyPackage } from '../shared/content/package-verification.js';
import { heartbeatSchema, PORTAL_PATHS, type PortalErrorCode } from '../shared/contract/portal.js';
import { normaliseReceiptNumber } from '../shared/domain/receipt-number.js';
import { packageReader, writePackageFolder, type PackageFiles } from './content/package-files.js';
import { PACKAGE_FILE_PATH, publishBodySchema } from './content/publish-schema.js';
import { presentedCredential } from './credentials.js';
import { checkSubmission, parseJsonBody, submissionBodyHash, validate } from './intake.js';
import { buildOpenApiDocument, HEARTBEAT_BODY_LIMIT, IDEMPOTENCY_KEY_HEADER, SUBMISSION_BODY_LIMIT } from './openapi.js';
import { createPortalStore, type PortalStore } from './storage/portal-store.js';

export interface PortalOptions {
  dataFolder: string;
  adminToken: string;
  /** Keys the portal accepts content from: the same anchors the kiosks trust. */
  trustAnchors: readonly TrustAnchor[];
  /** Where submissions, credentials and heartbeats live. The caller keeps ownership: close() leaves it open. */
  store?: PortalStore;
  /** Without a store: PostgreSQL at this URL (DATABASE_URL) … */
  databaseUrl?: string;
  /** … else SQLite in this file (default dataFolder/portal.sqlite). The portal closes a store it opened. */
  sqliteFile?: string;
  port?: number;
  now?: () => Date;
  log?: (event: string, fields?: Record<string, string | number>) => void;
}

export interface Portal {
  readonly url: string;
  readonly server: Server;
  readonly store: PortalStore;
  close(): Promise<void>;
}

/** Where the kiosk asks for the current manifest; the answer names its version for the other files. */
export const CONTENT_MANIFEST_PATH = PORTAL_PATHS.contentManifest;
export const CONTENT_VERSION_HEADER = 'content-package-version';
export const contentFilePath = (version: number, path: string) => `/v1/content/packages/${version}/${path}`;
const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
/** After a body passes its limit the portal still reads (and drops) this much more, so the client hears the 413. */
const DRAIN_BYTES = 64 * 1024 * 1024;

/** A refusal with its HTTP status: thrown inside a handler, answered as `{error:{code,message}}`. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: PortalErrorCode,
    message: string,
    readonly headers: OutgoingHttpHeaders = {},
  ) {
    super(message);
  }
}

/** The client went away mid-request: nothing to answer. */
class ClientGone extends Error {}

type Handler = (request: IncomingMessage, response: ServerResponse, params: string[]) => Promise<void> | void;
interface Route {
  name: string;
  pattern: RegExp;
  methods: Partial<Record<string, Handler>>;
}

/**
 * The reference portal: serves published content to kiosks, accepts new packages from
 * administrators, and takes kiosks' sealed submissions (exactly once in effect), status lookups and
 * heartbeats. Every malformed request is a 4xx `{error:{code,message}}` that writes nothing;
 * log lines carry routes, codes and receipt numbers, never a request body.
 */
export async function startPortal(options: PortalOptions): Promise<Portal> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  const contentFolder = join(options.dataFolder, 'content');
  mkdirSync(contentFolder, { recursive: true });
  const latestFile = join(contentFolder, 'latest.json');
  const ownsStore = !options.store;
  const store =
    options.store ??
    (await createPortalStore({
      databaseUrl: options.databaseUrl,
      sqliteFile: options.sqliteFile ?? join(options.dataFolder, 'portal.sqlite'),
      onError: (error) => log('portal_store_error', { errorType: error.name }),
    }));
  try {
    await store.migrate();
  } catch (error) {
    if (ownsStore) await store.close();
    throw error;
  }
  const openApiDocument = Buffer.from(JSON.stringify(buildOpenApiDocument()));

  const latest = (): { version: number; etag: string } | null =>
    existsSync(latestFile) ? (JSON.parse(readFileSync(latestFile, 'utf8')) as { version: number; etag: string }) : null;

  const routes: Route[] = [
    { name: 'openapi', pattern: /^\/v1\/openapi\.json$/, methods: { GET: serveOpenApi } },
    { name: 'submissions', pattern: /^\/v1\/submissions$/, methods: { POST: submit } },
    { name: 'application-status', pattern: /^\/v1\/applications\/([^/]*)$/, methods: { GET: applicationStatus } },
    { name: 'heartbeats', pattern: /^\/v1\/heartbeats$/, methods: { POST: heartbeat } },
    { name: 'content-manifest', pattern: /^\/v1\/content\/manifest$/, methods: { GET: serveManifest } },
    { name: 'content-file', pattern: /^\/v1\/content\/packages\/([^/]+)\/(.+)$/, methods: { GET: serveFile } },
    { name: 'admin-content', pattern: /^\/v1\/admin\/content$/, methods: { PUT: publish } },
  ];

  const server = createServer((request, response) => {
    let route = 'unknown';
    handle(request, response, (name) => (route = name)).catch((error: unknown) => {
      if (error instanceof Refusal) {
        log('portal_request_refused', { route, status: error.status, code: error.code });
        if (!response.headersSent) return sendError(response, error.status, error.code, error.message, error.headers);
      } else if (!(error instanceof ClientGone)) {
        log('portal_request_failed', { route, errorType: error instanceof Error ? error.name : typeof error });
        if (!response.headersSent) return sendError(response, 500, 'INTERNAL', 'The portal failed.');
      }
      response.destroy();
    });
  });
  // Requests Node cannot even parse (bad request line, oversized headers) still get a JSON 4xx.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const body = JSON.stringify({ error: { code: 'VALIDATION', message: 'The request is not well-formed HTTP.' } });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });

  async function handle(request: IncomingMessage, response: ServerResponse, named: (route: string) => void): Promise<void> {
    const path = requestPath(request.url);
    if (path === null) throw new Refusal(400, 'VALIDATION', 'The request target must be a path.');
    for (const route of routes) {
      const match = route.pattern.exec(path);
      if (!match) continue;
      named(route.name);
      const handler = route.methods[request.method ?? ''];
      if (!handler) {
        const allow = Object.keys(route.methods).join(', ');
        throw new Refusal(405, 'VALIDATION', `Use ${allow} here.`, { Allow: allow });
      }
      return handler(request, response, match.slice(1));
    }
    throw new Refusal(404, 'NOT_FOUND', 'No such resource.');
  }

  // ---- kiosk API -------------------------------------------------------------------------------

  /** The kiosk behind the request's credential: 401 without a valid one, 403 when it is revoked. */
  async function authenticateKiosk(request: IncomingMessage): Promise<string> {
    const challenge = { 'WWW-Authenticate': 'Bearer realm="kyzmat-portal"' };
    const presented = presentedCredential(request.headers.authorization);
    if (!presented) throw new Refusal(401, 'UNAUTHORIZED', 'A kiosk credential is required: Authorization: Bearer kiosk_<CODE>.<secret>.', challenge);
    const credential = await store.kioskByCredentialHash(presented.secretHash);
    if (!credential || credential.kioskCode !== presented.kioskCode) {
      throw new Refusal(401, 'UNAUTHORIZED', 'The kiosk credential is not known.', challenge);
    }
    if (credential.revokedAt !== null) throw new Refusal(403, 'FORBIDDEN', 'The kiosk credential has been revoked.');
    return credential.kioskCode;
  }

  async function submit(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const kioskCode = await authenticateKiosk(request);
    requireJsonBody(request);
    const key = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (typeof key !== 'string' || key.length === 0) {
      throw new Refusal(400, 'VALIDATION', 'The Idempotency-Key header is required; it is the submission id.');
    }
    const body = await readJson(request, SUBMISSION_BODY_LIMIT);
    const checked = checkSubmission(body);
    if (!checked.ok) throw new Refusal(400, 'VALIDATION', checked.message);
    const submission = checked.value;
    if (key !== submission.id) throw new Refusal(400, 'VALIDATION', 'The Idempotency-Key header must equal the body’s id.');
    if (!submission.receiptNumber.startsWith(`${kioskCode}-`)) {
      throw new Refusal(403, 'FORBIDDEN', 'The receipt number belongs to another kiosk.');
    }
    const result = await store.acceptSubmission(kioskCode, submission, submissionBodyHash(submission), now());
    if (result.outcome === 'conflict') {
      log('submission_conflict', { kiosk: kioskCode, receiptNumber: submission.receiptNumber, reason: result.reason });
      throw new Refusal(
        409,
        'IDEMPOTENCY_CONFLICT',
        result.reason === 'different-body'
          ? 'This submission id was delivered before with a different body.'
          : 'This receipt number belongs to another submission id.',
      );
    }
    log('submission_accepted', { kiosk: kioskCode, receiptNumber: result.accepted.receiptNumber, outcome: result.outcome });
    sendJson(response, result.outcome === 'created' ? 201 : 200, result.accepted);
  }

  async function applicationStatus(request: IncomingMessage, response: ServerResponse, [receiptNumber]: string[]): Promise<void> {
    await authenticateKiosk(request);
    if (!receiptNumber || normaliseReceiptNumber(receiptNumber) !== receiptNumber) {
      throw new Refusal(400, 'VALIDATION', 'Not a receipt number (XXXX-XXXX-XX, upper case, with its check character).');
    }
    const status = await store.applicationStatus(receiptNumber);
    if (!status) throw new Refusal(404, 'NOT_FOUND', 'No application has this receipt number.');
    sendJson(response, 200, status);
  }

  async function heartbeat(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const kioskCode = await authenticateKiosk(request);
    requireJsonBody(request);
    const checked = validate(heartbeatSchema, await readJson(request, HEARTBEAT_BODY_LIMIT));
    if (!checked.ok) throw new Refusal(400, 'VALIDATION', checked.message);
    await store.recordHeartbeat(kioskCode, checked.value, now());
    response.writeHead(204, { 'Cache-Control': 'no-store' });
    response.end();
  }

  function serveOpenApi(_request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': openApiDocument.length });
    response.end(openApiDocument);
  }

  // ---- content -----------------------------------------------------------------------------------

  function serveManifest(request: IncomingMessage, response: ServerResponse): void {
    const current = latest();
    if (!current) throw new Refusal(404, 'NOT_FOUND', 'No content is published yet.');
    const headers = { ETag: current.etag, 'Cache-Control': 'no-cache', [CONTENT_VERSION_HEADER]: String(current.version) };
    if (request.headers['if-none-match'] === current.etag) {
      response.writeHead(304, headers);
      return void response.end();
    }
    const bytes = readFileSync(join(contentFolder, String(current.version), MANIFEST_FILE));
    response.writeHead(200, { ...headers, 'Content-Type': 'application/json', 'Content-Length': bytes.length });
    response.end(bytes);
  }

  function serveFile(_request: IncomingMessage, response: ServerResponse, [version, path]: string[]): void {
    if (!/^[1-9]\d{0,8}$/.test(version!) || !PACKAGE_FILE_PATH.test(path!)) throw new Refusal(404, 'NOT_FOUND', 'No such file.');
    const target = join(contentFolder, version!, ...path!.split('/'));
    if (!existsSync(target)) throw new Refusal(404, 'NOT_FOUND', 'No such file.');
    const bytes = readFileSync(target);
    response.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': bytes.length,
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
    response.end(bytes);
  }

  async function publish(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!sameSecret(request.headers.authorization, `Bearer ${options.adminToken}`)) {
      throw new Refusal(401, 'UNAUTHORIZED', 'An administrator token is required.');
    }
    const body = await readBody(request, MAX_UPLOAD_BYTES);
    const parsed = publishBodySchema.safeParse(safeJson(body.toString('utf8')));
    if (!parsed.success) throw new Refusal(400, 'VALIDATION', 'Expected {files: {path: base64}}.');
    const files: PackageFiles = new Map(Object.entries(parsed.data.files).map(([path, base64]) => [path, Buffer.from(base64, 'base64')]));
    const current = latest();
    try {
      const verified = await verifyPackage(packageReader(files), {
        trustAnchors: options.trustAnchors,
        currentVersion: current?.version ?? null,
        appVersion: '999999.0.0',
        now: now(),
      });
      const version = verified.manifest.version;
      const staging = join(contentFolder, `.staging-${randomUUID()}`);
      writePackageFolder(staging, files);
      renameSync(staging, join(contentFolder, String(version)));
      const etag = `"${await sha256Hex(Buffer.concat([verified.manifestBytes, verified.signatureBytes]))}"`;
      const pointer = `${latestFile}.${randomUUID()}`;
      writeFileSync(pointer, JSON.stringify({ version, etag }));
      renameSync(pointer, latestFile);
      log('content_published', { version });
      sendJson(response, 201, { version });
    } catch (error) {
      if (!(error instanceof ContentRejection)) throw error;
      log('content_publish_refused', { code: error.code });
      sendJson(response, error.code === 'VERSION_NOT_NEWER' ? 409 : 422, { error: { code: error.code, message: error.detail } });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  }).catch(async (error: unknown) => {
    if (ownsStore) await store.close();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    store,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      if (ownsStore) await store.close();
    },
  };
}

/** The path of an origin-form request target (`/a/b?c`), without query; null for anything else. No decoding, no normalising. */
function requestPath(target: string | undefined): string | null {
  if (!target?.startsWith('/')) return null;
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}

function requireJsonBody(request: IncomingMessage): void {
  const type = request.headers['content-type'];
  if (type !== undefined && type.split(';')[0]!.trim().toLowerCase() !== 'application/json') {
    throw new Refusal(415, 'VALIDATION', 'The body must be application/json.');
  }
  const encoding = request.headers['content-encoding'];
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
    throw new Refusal(415, 'VALIDATION', 'Content-Encoding is not supported.');
  }
}

async function readJson(request: IncomingMessage, limit: number): Promise<unknown> {
  const parsed = parseJsonBody(await readBody(request, limit));
  if (!parsed.ok) throw new Refusal(400, 'VALIDATION', parsed.message);
  return parsed.value;
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

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const bytes = Buffer.from(JSON.stringify(body));
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': bytes.length, 'Cache-Control': 'no-store' });
  response.end(bytes);
}

function sendError(response: ServerResponse, status: number, code: PortalErrorCode, message: string, headers: OutgoingHttpHeaders = {}): void {
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) response.setHeader(name, value);
  sendJson(response, status, { error: { code, message } });
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
