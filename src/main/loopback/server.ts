import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Channel, HostEventName } from '../../shared/contract/channels.js';
import { fail, type Result } from '../../shared/contract/result.js';
import type { HostEvents } from '../core/host-events.js';
import type { Logger } from '../core/logger.js';
import { CONTENT_SECURITY_POLICY, contentTypeFor, resolveBundleFile } from '../shell-common/renderer-bundle.js';
import type { Router } from '../core/ipc/router.js';

export interface BrowserShellOptions {
  router: Router;
  events: HostEvents;
  log: Logger;
  /** The built renderer (index.html and its assets). */
  rendererFolder: string;
  /** The built page script that installs `window.kiosk`. */
  bridgeFile: string;
  port?: number;
  /** Lets a development server (Vite) answer what the shell itself does not. */
  fallback?: (request: IncomingMessage, response: ServerResponse) => void;
  /** Development only: Vite's module scripts and HMR need a looser policy. */
  contentSecurityPolicy?: string;
}

export interface BrowserShell {
  readonly origin: string;
  /** Opening this URL once hands the page a session cookie of another value; the link is spent by that first use. */
  readonly launchUrl: string;
  readonly server: Server;
  close(): Promise<void>;
}

export const SESSION_COOKIE = 'kiosk_session';
export const BRIDGE_PATH = '/__kiosk/bridge.js';
export const EVENTS_PATH = '/__kiosk/events';
const RPC_PREFIX = '/rpc/';
/** The host events that carry a whole state, with the channel that reads that state now. */
const CURRENT_STATE_EVENTS = [
  ['syncStatusChanged', 'getSyncStatus'],
  ['contentStatusChanged', 'getContentStatus'],
] as const satisfies readonly (readonly [HostEventName, Channel])[];
const MAX_REQUEST_BYTES = 1024 * 1024;

/**
 * The browser shell: the host's router behind 127.0.0.1 for Chromium. A random token made at
 * launch (kept in an HttpOnly, SameSite=Strict cookie, never in web storage) and an exact Origin
 * and Host check stand where Electron's IPC sender check stands, so another local process or a
 * web page the machine happens to open cannot call the host.
 */
export async function startBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  // Two secrets: the launch link's, spent on its first use (it stands on Chromium's command line
  // and in its history), and the session cookie's, which no URL ever carries.
  const launchToken = randomBytes(32).toString('base64url');
  const token = randomBytes(32).toString('base64url');
  let launchSpent = false;
  const csp = options.contentSecurityPolicy ?? CONTENT_SECURITY_POLICY;
  let origin = '';
  let hostHeader = '';

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.log.error('browser_shell_request_failed', { errorType: error instanceof Error ? error.name : typeof error });
      if (!response.headersSent) sendJson(response, 500, fail('INTERNAL', 'The kiosk could not complete this request.'));
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = requestTarget(request.url, origin);
    if (!url) return sendJson(response, 400, fail('VALIDATION', 'The request target is not a path.'));
    if (request.headers.host !== hostHeader) {
      return sendJson(response, 403, fail('FORBIDDEN', 'Unexpected host.'));
    }
    if (url.pathname === '/launch') return launch(url, request, response);
    if (url.pathname === EVENTS_PATH) return streamEvents(request, response);
    if (url.pathname.startsWith(RPC_PREFIX)) return rpc(url.pathname.slice(RPC_PREFIX.length), request, response);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendJson(response, 405, fail('FORBIDDEN', 'Method not allowed.'));
    }
    if (url.pathname === BRIDGE_PATH) return serveFile(options.bridgeFile, response);
    if (options.fallback) return options.fallback(request, response);
    const file = resolveBundleFile(options.rendererFolder, url.pathname);
    if (!file) return sendJson(response, 404, fail('NOT_FOUND', 'Not found.'));
    return serveFile(file, response);
  }

  function launch(url: URL, request: IncomingMessage, response: ServerResponse): void {
    const given = url.searchParams.get('token');
    const fresh = !launchSpent && sameSecret(given, launchToken);
    // The page opened again with the spent link (a reload of the first address) is let through
    // only to the browser that already holds the session: anyone else who read the link is refused.
    const reopened = launchSpent && sameSecret(given, launchToken) && sameSecret(readCookie(request.headers.cookie, SESSION_COOKIE), token);
    if (!fresh && !reopened) {
      options.log.warn(launchSpent && sameSecret(given, launchToken) ? 'browser_shell_launch_reused' : 'browser_shell_launch_refused');
      return sendJson(response, 403, fail('FORBIDDEN', 'This launch link is not valid.'));
    }
    launchSpent = true;
    response.writeHead(303, {
      ...(fresh ? { 'Set-Cookie': `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/` } : {}),
      Location: '/',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    });
    response.end();
  }

  /** Server-sent events: the page's EventSource carries the session cookie like any same-origin request. */
  function streamEvents(request: IncomingMessage, response: ServerResponse): void {
    if (!sameSecret(readCookie(request.headers.cookie, SESSION_COOKIE), token)) {
      options.log.warn('browser_shell_token_refused');
      return sendJson(response, 403, fail('FORBIDDEN', 'The kiosk session token is missing or wrong.'));
    }
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    response.write(': connected\n\n');
    const send = (name: string, payload: unknown) => response.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    const unsubscribe = options.events.subscribe((event) => send(event.name, event.payload));
    void replayCurrentState(send);
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), 25_000);
    request.once('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
    });
  }

  /**
   * The page follows delivery and content by events alone, and EventSource reconnects by itself
   * after a dropped stream; what changed meanwhile is not replayed, so each connection starts with
   * the current state.
   */
  async function replayCurrentState(send: (name: string, payload: unknown) => void): Promise<void> {
    for (const [event, channel] of CURRENT_STATE_EVENTS) {
      const current = await options.router.handle(channel, {});
      if (current.ok) send(event, current.value);
    }
  }

  async function rpc(channel: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST') return sendJson(response, 405, fail('FORBIDDEN', 'Method not allowed.'));
    if (request.headers.origin !== origin) {
      options.log.warn('browser_shell_origin_refused');
      return sendJson(response, 403, fail('FORBIDDEN', 'Requests are accepted only from the kiosk page.'));
    }
    if (!sameSecret(readCookie(request.headers.cookie, SESSION_COOKIE), token)) {
      options.log.warn('browser_shell_token_refused');
      return sendJson(response, 403, fail('FORBIDDEN', 'The kiosk session token is missing or wrong.'));
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(response, 415, fail('VALIDATION', 'Requests must be JSON.'));
    }
    const body = await readBody(request);
    if (body === null) return sendJson(response, 413, fail('VALIDATION', 'The request is too large.'));
    let payload: unknown;
    try {
      payload = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      return sendJson(response, 400, fail('VALIDATION', 'The request is not valid JSON.'));
    }
    sendJson(response, 200, await options.router.handle(channel, payload));
  }

  async function serveFile(file: string, response: ServerResponse): Promise<void> {
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return sendJson(response, 404, fail('NOT_FOUND', 'Not found.'));
    }
    const type = contentTypeFor(file);
    if (type.startsWith('text/html')) {
      // The page itself never names the bridge, so the same build runs unchanged under Electron.
      body = Buffer.from(body.toString('utf8').replace('<head>', `<head><script src="${BRIDGE_PATH}"></script>`));
    }
    response.writeHead(200, {
      ...securityHeaders(csp),
      'Content-Type': type,
      'Cache-Control': type.startsWith('text/html') ? 'no-store' : 'no-cache',
    });
    response.end(body);
  }

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  hostHeader = `127.0.0.1:${port}`;
  options.log.info('browser_shell_listening', { port });

  return {
    origin,
    launchUrl: `${origin}/launch?token=${launchToken}`,
    server,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

function sendJson(response: ServerResponse, status: number, result: Result<unknown>): void {
  response.writeHead(status, {
    ...securityHeaders(CONTENT_SECURITY_POLICY),
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(JSON.stringify(result));
}

/** The request's path and query, or null for a target that is not one (an absolute URL of another origin, a malformed one). */
function requestTarget(target: string | undefined, origin: string): URL | null {
  if (!target?.startsWith('/') || target.startsWith('//')) return null;
  try {
    const url = new URL(target, origin);
    return url.origin === origin ? url : null;
  } catch {
    return null;
  }
}

function sameSecret(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolveBody, rejectBody) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolveBody(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', rejectBody);
  });
}
