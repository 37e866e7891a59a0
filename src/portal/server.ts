import { randomUUID, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';
import { MANIFEST_FILE, type TrustAnchor } from '../shared/content/content-schema.js';
import { ContentRejection, sha256Hex, verifyPackage } from '../shared/content/package-verification.js';
import { packageReader, writePackageFolder, type PackageFiles } from './content/package-files.js';

export interface PortalOptions {
  dataFolder: string;
  adminToken: string;
  /** Keys the portal accepts content from: the same anchors the kiosks trust. */
  trustAnchors: readonly TrustAnchor[];
  port?: number;
  now?: () => Date;
  log?: (event: string, fields?: Record<string, string | number>) => void;
}

export interface Portal {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/** Where the kiosk asks for the current manifest; the answer names its version for the other files. */
export const CONTENT_MANIFEST_PATH = '/v1/content/manifest';
export const CONTENT_VERSION_HEADER = 'content-package-version';
export const contentFilePath = (version: number, path: string) => `/v1/content/packages/${version}/${path}`;
const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
const FILE_PATH = /^(manifest\.sig|manifest\.json|catalogue\.json|samples\/[a-z0-9][a-z0-9._-]*)$/;
const publishBodySchema = z.object({ files: z.record(z.string().regex(FILE_PATH), z.string()) });

/**
 * The reference portal: serves the published content package to kiosks and accepts new packages
 * from administrators. Later issues add submissions, status and heartbeats under the same /v1.
 */
export async function startPortal(options: PortalOptions): Promise<Portal> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  const contentFolder = join(options.dataFolder, 'content');
  mkdirSync(contentFolder, { recursive: true });
  const latestFile = join(contentFolder, 'latest.json');

  const latest = (): { version: number; etag: string } | null =>
    existsSync(latestFile) ? (JSON.parse(readFileSync(latestFile, 'utf8')) as { version: number; etag: string }) : null;

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log('portal_request_failed', { errorType: error instanceof Error ? error.name : typeof error });
      if (!response.headersSent) sendJson(response, 500, { error: { code: 'INTERNAL', message: 'The portal failed.' } });
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://portal');
    if (request.method === 'GET' && url.pathname === CONTENT_MANIFEST_PATH) return serveManifest(request, response);
    const file = /^\/v1\/content\/packages\/(\d+)\/(.+)$/.exec(url.pathname);
    if (request.method === 'GET' && file) return serveFile(Number(file[1]), file[2]!, response);
    if (request.method === 'PUT' && url.pathname === '/v1/admin/content') return publish(request, response);
    sendJson(response, 404, { error: { code: 'NOT_FOUND', message: 'No such resource.' } });
  }

  function serveManifest(request: IncomingMessage, response: ServerResponse): void {
    const current = latest();
    if (!current) return sendJson(response, 404, { error: { code: 'NOT_FOUND', message: 'No content is published yet.' } });
    const headers = { ETag: current.etag, 'Cache-Control': 'no-cache', [CONTENT_VERSION_HEADER]: String(current.version) };
    if (request.headers['if-none-match'] === current.etag) {
      response.writeHead(304, headers);
      return void response.end();
    }
    const bytes = readFileSync(join(contentFolder, String(current.version), MANIFEST_FILE));
    response.writeHead(200, { ...headers, 'Content-Type': 'application/json', 'Content-Length': bytes.length });
    response.end(bytes);
  }

  function serveFile(version: number, path: string, response: ServerResponse): void {
    const target = join(contentFolder, String(version), ...path.split('/'));
    if (!FILE_PATH.test(path) || !existsSync(target)) {
      return sendJson(response, 404, { error: { code: 'NOT_FOUND', message: 'No such file.' } });
    }
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
      return sendJson(response, 401, { error: { code: 'UNAUTHORIZED', message: 'An administrator token is required.' } });
    }
    const body = await readBody(request);
    if (body === null) return sendJson(response, 413, { error: { code: 'TOO_LARGE', message: 'The package is too large.' } });
    const parsed = publishBodySchema.safeParse(safeJson(body));
    if (!parsed.success) return sendJson(response, 400, { error: { code: 'VALIDATION', message: 'Expected {files: {path: base64}}.' } });
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
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
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

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_UPLOAD_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_UPLOAD_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
