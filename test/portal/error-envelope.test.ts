import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newKioskCredential } from '../../src/portal/credentials.js';
import { startPortal, type Portal } from '../../src/portal/server.js';
import type { PortalStore } from '../../src/portal/storage/portal-store.js';
import { portalErrorSchema } from '../../src/shared/contract/portal.js';
import { endpointReached, expectListedRefusal } from './contract-answers.js';
import { ADMIN_TOKEN, bearer, makeSubmission, send, submit, useStorage, validHeartbeat, type Answer } from './support.js';

/** What a framework or a runtime says in its own words, which must never reach a client. */
function expectPortalEnvelope(answer: Answer, label: string): void {
  expect(answer.headers['content-type'], label).toMatch(/^application\/json/);
  expect(portalErrorSchema.strict().safeParse(answer.json()).success, `${label}: ${answer.text}`).toBe(true);
  for (const leak of ['statusCode', 'FST_', '"error":"', 'Error:', '    at ', '.ts:', '.js:']) expect(answer.text, label).not.toContain(leak);
}

describe('every refusal is the portal error envelope', () => {
  const { startPortals } = useStorage('sqlite');

  it('for schema failures, bad bodies, bad URLs, unknown methods and paths', async () => {
    const env = await startPortals();
    const request = await makeSubmission('BSK1');
    const kiosk = { ...bearer(env.tokens.BSK1), 'Content-Type': 'application/json' };
    const cases: [string, number, Parameters<typeof send>[1]][] = [
      ['empty JSON body', 400, { method: 'POST', path: '/v1/heartbeats', headers: kiosk, body: '' }],
      ['truncated JSON', 400, { method: 'POST', path: '/v1/heartbeats', headers: kiosk, body: '{"appVersion":' }],
      ['not UTF-8', 400, { method: 'POST', path: '/v1/heartbeats', headers: kiosk, body: Buffer.from([0x7b, 0xff, 0x7d]) }],
      ['JSON of the wrong type', 400, { method: 'POST', path: '/v1/heartbeats', headers: kiosk, body: '[]' }],
      ['a field of the wrong type', 400, { method: 'POST', path: '/v1/heartbeats', headers: kiosk, body: JSON.stringify({ ...validHeartbeat, queueDepth: 'x' }) }],
      ['a malformed Idempotency-Key', 400, { method: 'POST', path: '/v1/submissions', headers: { ...kiosk, 'Idempotency-Key': 'x' }, body: JSON.stringify(request) }],
      ['a compressed body', 415, { method: 'POST', path: '/v1/heartbeats', headers: { ...kiosk, 'Content-Encoding': 'gzip' }, body: JSON.stringify(validHeartbeat) }],
      ['a form body', 415, { method: 'POST', path: '/v1/heartbeats', headers: { ...kiosk, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=1' }],
      ['a body past the heartbeat limit', 413, { method: 'POST', path: '/v1/heartbeats', headers: kiosk, body: JSON.stringify({ ...validHeartbeat, appVersion: `1.0.0${'x'.repeat(20_000)}` }) }],
      ['a URL that does not decode', 400, { path: '/v1/applications/%E0%A4%A', headers: bearer(env.tokens.BSK1) }],
      // Where the endpoint takes no malformed request (no 400 in its contract), such a URL names no file.
      ['a package path that does not decode', 404, { path: '/v1/content/packages/1/%ZZ' }],
      ['a URL that does not decode, with a method its path does not serve', 405, { method: 'DELETE', path: '/v1/content/packages/1/%ZZ' }],
      ['a malformed receipt number', 400, { path: '/v1/applications/BSK1', headers: bearer(env.tokens.BSK1) }],
      ['a package path outside the package', 404, { path: '/v1/content/packages/1/..%2F..%2Fportal.sqlite' }],
      ['a package version that is not one', 404, { path: '/v1/content/packages/01/manifest.json' }],
      ['an unknown path', 404, { path: '/v1/unknown' }],
      ['an unknown method', 405, { method: 'PATCH', path: '/v1/heartbeats', headers: kiosk, body: '{}' }],
      ['OPTIONS', 405, { method: 'OPTIONS', path: '/v1/openapi.json' }],
      ['a method Fastify does not route', 405, { method: 'PROPFIND', path: '/v1/content/manifest' }],
      ['no credential', 401, { method: 'POST', path: '/v1/heartbeats', headers: { 'Content-Type': 'application/json' }, body: '{}' }],
      ['no administrator token', 401, { method: 'PUT', path: '/v1/admin/content', body: '{}' }],
      ['a publish body that is not the contract', 400, { method: 'PUT', path: '/v1/admin/content', headers: { Authorization: `Bearer ${ADMIN_TOKEN}` }, body: '{"files":[]}' }],
    ];
    for (const [label, status, shot] of cases) {
      const answer = await send(env.portal.url, shot);
      expect(answer.status, `${label}: ${answer.text}`).toBe(status);
      expectPortalEnvelope(answer, label);
      const endpoint = endpointReached(shot.method ?? 'GET', shot.path);
      if (endpoint) expectListedRefusal(endpoint, answer, label);
    }
    const methodNotAllowed = await send(env.portal.url, { method: 'PROPFIND', path: '/v1/content/manifest' });
    expect(methodNotAllowed.headers.allow).toBe('GET');
    // HEAD is not part of the API either; its answer has headers only.
    const head = await send(env.portal.url, { method: 'HEAD', path: '/v1/openapi.json' });
    expect([head.status, head.headers.allow, head.text]).toEqual([405, 'GET', '']);
  });

  it('for requests Node cannot parse, as JSON on the raw socket', async () => {
    const env = await startPortals();
    const url = new URL(env.portal.url);
    const raw = (bytes: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(Number(url.port), url.hostname, () => socket.end(bytes));
        let answer = '';
        socket.on('data', (chunk) => (answer += chunk.toString()));
        socket.on('end', () => resolve(answer));
        socket.on('error', reject);
      });
    for (const bytes of ['NOT HTTP\r\n\r\n', 'GET /v1/openapi.json HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n']) {
      const answer = await raw(bytes);
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
      expect(portalErrorSchema.strict().parse(JSON.parse(body))).toMatchObject({ error: { code: 'VALIDATION' } });
      expect(body).not.toContain('statusCode');
    }
  });
});

describe('the portal failing', () => {
  const { storage } = useStorage('sqlite');
  const portals: Portal[] = [];
  const folders: string[] = [];
  afterEach(async () => {
    for (const portal of portals.splice(0)) await portal.close();
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  /** A portal over a store whose `acceptSubmission` is replaced. */
  async function portalWith(acceptSubmission: PortalStore['acceptSubmission']) {
    const store = await (await storage()).open();
    await store.migrate();
    const failing = new Proxy(store, { get: (target, key) => (key === 'acceptSubmission' ? acceptSubmission : Reflect.get(target, key)) as unknown });
    const credential = newKioskCredential('BSK1');
    await store.issueCredential('BSK1', credential.secretHash, new Date());
    const dataFolder = mkdtempSync(join(tmpdir(), 'kyzmat-portal-data-'));
    folders.push(dataFolder);
    const lines: string[] = [];
    const portal = await startPortal({ dataFolder, adminToken: ADMIN_TOKEN, trustAnchors: [], store: failing, log: (event, fields) => lines.push(JSON.stringify({ event, ...fields })) });
    portals.push(portal);
    return { portal, token: credential.token, lines };
  }

  it('answers 500 INTERNAL without a stack trace when storage throws', async () => {
    const { portal, token, lines } = await portalWith(() => Promise.reject(new Error('disk on fire at /var/lib/portal')));
    const answer = await submit(portal.url, token, await makeSubmission('BSK1'));
    expect(answer.status).toBe(500);
    expectPortalEnvelope(answer, 'storage failure');
    expect(answer.text).not.toContain('disk on fire');
    expect(lines.join('\n')).toContain('portal_request_failed');
    expect(lines.join('\n')).not.toContain('disk on fire');
  });

  it('answers 500 INTERNAL rather than a body that breaks its own contract', async () => {
    const { portal, token } = await portalWith((_kiosk, request) =>
      Promise.resolve({ outcome: 'created', accepted: { id: request.id, receiptNumber: request.receiptNumber, acceptedAt: 'yesterday' } }),
    );
    const answer = await submit(portal.url, token, await makeSubmission('BSK1'));
    expect(answer.status).toBe(500);
    expectPortalEnvelope(answer, 'response serialization');
  });
});
