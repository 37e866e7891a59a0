import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PortalClient, PortalCredentialRefused } from '../../../../src/main/core/portal-client/portal-client.js';
import { PortalRateLimitedError } from '../../../../src/main/core/portal-client/rate-limited.js';
import type { SubmissionRequest } from '../../../../src/shared/contract/portal.js';

const CREDENTIAL = `kiosk_BSK1.${'c'.repeat(43)}`;
const REQUEST: SubmissionRequest = {
  id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  receiptNumber: 'BSK1-0000-1A',
  serviceId: 'birth',
  formId: 'form-birth',
  formVersion: 1,
  contentVersion: 3,
  privacyPolicyVersion: '1',
  userAgreementVersion: '1',
  language: 'ky',
  createdAt: '2026-12-01T10:00:00.000Z',
  sealedFormat: 'hpke-x25519-sha256-aes256gcm-v1',
  sealedKeyId: 'portal-2026',
  sealed: 'AAAA',
};

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

/** A real HTTP server on 127.0.0.1 that records each request and answers as told. */
async function portal(answer: (seen: Seen, response: ServerResponse) => void): Promise<{ client: PortalClient; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const entry = { method: request.method!, url: request.url!, headers: request.headers, body };
      seen.push(entry);
      answer(entry, response);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { client: new PortalClient({ portalUrl: `http://127.0.0.1:${port}`, credential: CREDENTIAL, fetch }), seen };
}

const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
};

describe('the kiosk’s portal client', () => {
  it('posts a submission with its credential and idempotency key, and reads the acceptance', async () => {
    const { client, seen } = await portal((_, response) =>
      json(response, 201, { id: REQUEST.id, receiptNumber: REQUEST.receiptNumber, acceptedAt: '2026-12-01T10:00:01.000Z' }),
    );
    expect(await client.submit(REQUEST)).toEqual({
      kind: 'accepted',
      accepted: { id: REQUEST.id, receiptNumber: REQUEST.receiptNumber, acceptedAt: '2026-12-01T10:00:01.000Z' },
    });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/v1/submissions' });
    expect(seen[0]!.headers).toMatchObject({ authorization: `Bearer ${CREDENTIAL}`, 'idempotency-key': REQUEST.id, 'content-type': 'application/json' });
    expect(JSON.parse(seen[0]!.body)).toEqual(REQUEST);
  });

  it('does not take an acceptance that names another submission, or is not the contract’s', async () => {
    let body: unknown = { id: '0193a1b2-c3d4-7e5f-8a9b-ffffffffffff', receiptNumber: REQUEST.receiptNumber, acceptedAt: '2026-12-01T10:00:01.000Z' };
    const { client } = await portal((_, response) => json(response, 200, body));
    expect(await client.submit(REQUEST)).toEqual({ kind: 'bad-answer', status: 200 });
    body = { ok: true };
    expect(await client.submit(REQUEST)).toEqual({ kind: 'bad-answer', status: 200 });
  });

  it('hands back a refusal with the portal’s code and its Retry-After, or HTTP_<status> without a code', async () => {
    let status = 503;
    const { client } = await portal((_, response) =>
      status === 503 ? json(response, 503, { error: { code: 'INTERNAL', message: 'busy' } }, { 'retry-after': '7' }) : (response.writeHead(status), response.end('<html>')),
    );
    expect(await client.submit(REQUEST)).toEqual({ kind: 'refused', status: 503, code: 'INTERNAL', retryAfter: '7' });
    status = 502;
    expect(await client.submit(REQUEST)).toEqual({ kind: 'refused', status: 502, code: 'HTTP_502', retryAfter: null });
  });

  it('rejects when the portal cannot be reached, so delivery can tell offline from refused', async () => {
    const client = new PortalClient({ portalUrl: 'http://127.0.0.1:9', credential: CREDENTIAL, fetch });
    await expect(client.submit(REQUEST)).rejects.toThrow();
    await expect(client.probe()).rejects.toThrow();
  });

  it('asks for a status by receipt number: the status, undefined when unknown, an error for anything else', async () => {
    let status = 200;
    const { client, seen } = await portal((_, response) =>
      status === 200
        ? json(response, 200, { receiptNumber: 'BSK1-0000-1A', serviceId: 'birth', status: 'ready', updatedAt: '2026-12-02T09:00:00.000Z' })
        : json(response, status, { error: { code: 'NOT_FOUND', message: 'no' } }),
    );
    expect(await client.applicationStatus('BSK1-0000-1A')).toMatchObject({ status: 'ready' });
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/v1/applications/BSK1-0000-1A' });
    status = 404;
    expect(await client.applicationStatus('BSK1-0000-1A')).toBeUndefined();
    status = 500;
    await expect(client.applicationStatus('BSK1-0000-1A')).rejects.toThrow('the portal answered 500');
  });

  it('rejects a status lookup the portal limited (429) with PortalRateLimitedError and its Retry-After, so the visitor is told to wait', async () => {
    let retryAfter: string | undefined = '42';
    const { client } = await portal((_, response) => {
      if (retryAfter !== undefined) response.setHeader('Retry-After', retryAfter);
      json(response, 429, { error: { code: 'RATE_LIMITED', message: 'Too many requests with this kiosk credential; try again later.' } });
    });
    const limited = client.applicationStatus('BSK1-7K4Q-2MXR-Q');
    await expect(limited).rejects.toBeInstanceOf(PortalRateLimitedError);
    await expect(limited).rejects.toMatchObject({ retryAfterSeconds: 42 });
    for (const unusable of [undefined, 'soon', '0', '1.5']) {
      retryAfter = unusable;
      await expect(client.applicationStatus('BSK1-7K4Q-2MXR-Q')).rejects.toMatchObject({ name: 'PortalRateLimitedError', retryAfterSeconds: undefined });
    }
  });

  it('reads the manifest with If-None-Match and the package version header, and package files by path', async () => {
    const { client, seen } = await portal((request, response) => {
      if (request.url === '/v1/content/manifest' && request.headers['if-none-match'] === '"v3"') return void (response.writeHead(304), response.end());
      if (request.url === '/v1/content/manifest') {
        response.writeHead(200, { etag: '"v3"', 'content-package-version': '3' });
        return void response.end('{"version":3}');
      }
      response.writeHead(200);
      response.end('svg bytes');
    });
    const first = await client.contentManifest(undefined);
    expect(first).toMatchObject({ kind: 'manifest', version: 3, etag: '"v3"' });
    expect(await client.contentManifest('"v3"')).toEqual({ kind: 'unchanged' });
    // The kiosk names itself, so the portal answers the version its staged rollout assigns this kiosk.
    expect(seen.map((request) => request.headers.authorization)).toEqual([`Bearer ${CREDENTIAL}`, `Bearer ${CREDENTIAL}`]);
    const reader = client.packageReader(3, new Map(), () => undefined);
    expect(new TextDecoder().decode((await reader.read('samples/birth.svg', 100))!)).toBe('svg bytes');
    expect(seen.at(-1)!.url).toBe('/v1/content/packages/3/samples/birth.svg');
  });

  it('asks for the staff list with its credential and If-None-Match: the list as sent with its ETag, unchanged on 304, none on 404', async () => {
    const list = { document: '{"kind":"staff-list"}', keyId: 'demo-staff-list-2026', algorithm: 'Ed25519', signature: 'A'.repeat(86) + '==' };
    let status = 200;
    const { client, seen } = await portal((request, response) => {
      if (request.url !== '/v1/staff-list') return json(response, 404, { error: { code: 'NOT_FOUND', message: 'no' } });
      if (status === 404) return json(response, 404, { error: { code: 'NOT_FOUND', message: 'no list' } });
      if (request.headers['if-none-match'] === '"s7"') return void (response.writeHead(304, { etag: '"s7"' }), response.end());
      json(response, 200, list, { etag: '"s7"' });
    });
    expect(await client.staffList()).toEqual({ kind: 'list', signed: list, etag: '"s7"' });
    expect(await client.staffList('"s7"')).toEqual({ kind: 'unchanged' });
    status = 404;
    expect(await client.staffList('"s7"')).toEqual({ kind: 'none' });
    expect(seen.map((request) => [request.method, request.headers.authorization, request.headers['if-none-match']])).toEqual([
      ['GET', `Bearer ${CREDENTIAL}`, undefined],
      ['GET', `Bearer ${CREDENTIAL}`, '"s7"'],
      ['GET', `Bearer ${CREDENTIAL}`, '"s7"'],
    ]);
  });

  it('answers a staff list body that is not JSON as it came (the verifier refuses it), and rejects a refused credential or any other status', async () => {
    let answer: (response: ServerResponse) => void = (response) => (response.writeHead(200, { etag: '"x"' }), response.end('not json'));
    const { client } = await portal((_, response) => answer(response));
    expect(await client.staffList()).toEqual({ kind: 'list', signed: undefined, etag: '"x"' });
    answer = (response) => json(response, 403, { error: { code: 'FORBIDDEN', message: 'revoked' } });
    const refused = await client.staffList().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PortalCredentialRefused);
    expect(refused).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    answer = (response) => json(response, 503, { error: { code: 'INTERNAL', message: 'later' } });
    await expect(client.staffList()).rejects.toThrow('503');
  });
});
