import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy does to one request on its way to the portal:
 *   pass            forward it and its answer
 *   drop            close the connection before the portal sees anything
 *   delay           forward after `ms`
 *   status          answer itself (e.g. 503 with Retry-After) without asking the portal
 *   lose-response   forward it, let the portal commit, then close the connection before the answer
 */
export type Fault =
  | { kind: 'pass' }
  | { kind: 'drop' }
  | { kind: 'delay'; ms: number }
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'lose-response' };

export interface FaultProxy {
  readonly url: string;
  readonly seen: { path: string; fault: Fault['kind'] }[];
  close(): Promise<void>;
}

/** A real HTTP proxy on 127.0.0.1 in front of the portal, failing requests as the plan says. */
export async function startFaultProxy(target: string, plan: (path: string, index: number) => Fault): Promise<FaultProxy> {
  const upstream = new URL(target);
  const seen: FaultProxy['seen'] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const fault = plan(path, seen.length);
      seen.push({ path, fault: fault.kind });
      const body = Buffer.concat(chunks);
      switch (fault.kind) {
        case 'drop':
          return void request.socket.destroy();
        case 'status':
          response.writeHead(fault.status, {
            'Content-Type': 'application/json',
            ...(fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {}),
          });
          return void response.end(JSON.stringify({ error: { code: 'INTERNAL', message: 'injected' } }));
        case 'delay':
          return void setTimeout(() => forward(request, response, body, false), fault.ms);
        case 'lose-response':
          return forward(request, response, body, true);
        case 'pass':
          return forward(request, response, body, false);
      }
    });
  });

  function forward(request: IncomingMessage, response: ServerResponse, body: Buffer, loseAnswer: boolean): void {
    const outgoing = httpRequest(
      { host: upstream.hostname, port: upstream.port, path: request.url, method: request.method, headers: { ...request.headers, host: upstream.host } },
      (answer) => {
        if (loseAnswer) {
          // The portal has committed by now; the kiosk never learns it.
          answer.resume();
          answer.on('end', () => request.socket.destroy());
          return;
        }
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    outgoing.on('error', () => request.socket.destroy());
    outgoing.end(body);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
