import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AdminUsageError, runAdmin } from '../../src/portal/admin.js';
import { PORTAL_ENDPOINTS, submissionRequestSchema } from '../../src/shared/contract/portal.js';
import { ADMIN_TOKEN, makeSubmission, send, submit, useStorage } from './support.js';

describe('OpenAPI document', () => {
  const { startPortals } = useStorage('sqlite');

  it('is OpenAPI 3.1 generated from the contract, listing every endpoint with bearer security', async () => {
    const env = await startPortals();
    const answer = await send(env.portal.url, { path: PORTAL_ENDPOINTS.openApi.path({}) });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    const document = answer.json() as {
      openapi: string;
      paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, { type: string; scheme: string }> };
    };
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        '/v1/submissions',
        '/v1/applications/{receiptNumber}',
        '/v1/heartbeats',
        '/v1/audit-entries',
        '/v1/content/manifest',
        '/v1/content/packages/{version}/{path}',
        '/v1/admin/content',
        '/v1/admin/kiosks/{kioskCode}/enrolment-code',
        '/v1/admin/kiosks/{kioskCode}/revocation',
        '/v1/enrolment',
        '/v1/openapi.json',
        '/backoffice/api/sign-in',
        '/backoffice/api/session',
        '/backoffice/api/sign-out',
        '/backoffice/api/users',
        '/backoffice/api/applications/search',
        '/backoffice/api/applications/{id}/opening',
        '/backoffice/api/applications/{receiptNumber}/status',
        '/backoffice/api/content/packages',
        '/backoffice/api/content/rollout',
        '/backoffice/api/content/assignments',
        '/backoffice/api/fleet/search',
        '/v1/staff-list',
        '/backoffice/api/staff/search',
        '/backoffice/api/staff/members',
        '/backoffice/api/staff/state',
        '/backoffice/api/staff/pin-reset',
        '/backoffice/api/audit/chains',
        '/backoffice/api/audit/verification',
        '/backoffice/api/audit/entries',
      ].sort(),
    );
    expect(Object.keys(document.paths['/v1/submissions']!)).toEqual(['post']);
    expect(document.paths['/v1/submissions']!.post!.security).toEqual([{ kioskCredential: [] }]);
    expect(Object.keys(document.paths['/v1/submissions']!.post!.responses)).toEqual(expect.arrayContaining(['200', '201', '400', '401', '403', '409', '413']));
    expect(document.paths['/v1/audit-entries']!.post!.security).toEqual([{ kioskCredential: [] }]);
    expect(Object.keys(document.paths['/v1/audit-entries']!.post!.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '409', '413']));
    expect(document.components.securitySchemes.kioskCredential).toMatchObject({ type: 'http', scheme: 'bearer' });
    // The back office signs requests with its session cookie; only an administrator's may list the accounts.
    expect(document.components.securitySchemes.backOfficeSession).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'kyzmat_backoffice_session' });
    expect(document.paths['/backoffice/api/users']!.get!.security).toEqual([{ backOfficeSession: [] }]);
    // Opening an application and moving its status are refused without a session, and a refused move says why.
    expect(document.paths['/backoffice/api/applications/{id}/opening']!.post!.security).toEqual([{ backOfficeSession: [] }]);
    expect(Object.keys(document.paths['/backoffice/api/applications/{receiptNumber}/status']!.post!.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '409']),
    );
    const expected = z.toJSONSchema(submissionRequestSchema, { io: 'input' }) as Record<string, unknown>;
    delete expected.$schema;
    expect(document.components.schemas.SubmissionRequest).toEqual(expected);
    // Every $ref resolves.
    const refs = [...answer.text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((match) => match[1]!);
    expect(refs.length).toBeGreaterThan(5);
    for (const name of refs) expect(document.components.schemas[name], name).toBeDefined();
  });
});

describe('portal-admin credentials', () => {
  const { startPortals } = useStorage('sqlite');

  it('issues a token once (kiosk_<CODE>.<secret>), which the portal accepts; revoking makes it 403', async () => {
    const env = await startPortals();
    const run = async (...argv: string[]) => {
      const out: string[] = [];
      const notes: string[] = [];
      await runAdmin(argv, { env: { PORTAL_DATA_DIR: '/nonexistent' }, out: (line) => out.push(line), note: (line) => notes.push(line) });
      return { out, notes };
    };
    const sqliteFolder = env.storage.options.sqliteFile.replace(/\/portal\.sqlite$/, '');
    const issued = await run('issue-credential', '--kiosk', 'BSK3', '--data', sqliteFolder);
    expect(issued.out).toHaveLength(1);
    const token = issued.out[0]!;
    expect(token).toMatch(/^kiosk_BSK3\.[A-Za-z0-9_-]{43}$/);
    expect(issued.notes.join('\n')).not.toContain(token);
    const secret = token.split('.')[1]!;
    const stats = JSON.parse((await run('stats', '--data', sqliteFolder)).out[0]!) as Record<string, number>;
    expect(stats).toMatchObject({ credentials: 3, liveCredentials: 3 });

    const request = await makeSubmission('BSK3');
    expect((await submit(env.portal.url, token, request)).status).toBe(201);
    await run('revoke-credential', '--kiosk', 'BSK3', '--data', sqliteFolder);
    expect((await submit(env.portal.url, token, request)).status).toBe(403);

    // The store holds the hash of the secret, never the secret.
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(env.storage.options.sqliteFile).includes(Buffer.from(secret))).toBe(false);

    await expect(run('issue-credential', '--kiosk', 'bsk1', '--data', sqliteFolder)).rejects.toBeInstanceOf(AdminUsageError);
    await expect(run('issue-credential', '--data', sqliteFolder)).rejects.toBeInstanceOf(AdminUsageError);
  });

  it('answers admin publishing without a token 401, and requests Node cannot parse with a JSON 400', async () => {
    const env = await startPortals();
    const publish = await send(env.portal.url, { method: 'PUT', path: '/v1/admin/content', body: '{}' });
    expect(publish.status).toBe(401);
    const withToken = await send(env.portal.url, { method: 'PUT', path: '/v1/admin/content', headers: { Authorization: `Bearer ${ADMIN_TOKEN}` }, body: '[' });
    expect(withToken.status).toBe(400);

    const raw = (bytes: string) =>
      new Promise<string>((resolve, reject) => {
        const url = new URL(env.portal.url);
        const socket = connect(Number(url.port), url.hostname, () => socket.end(bytes));
        let answer = '';
        socket.on('data', (chunk) => (answer += chunk.toString()));
        socket.on('end', () => resolve(answer));
        socket.on('error', reject);
      });
    for (const bytes of ['GARBAGE\r\n\r\n', 'GET /v1/openapi.json HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n', `GET /v1/heartbeats HTTP/1.1\r\nX: ${'a'.repeat(20_000)}\r\n\r\n`]) {
      const answer = await raw(bytes);
      expect(answer, bytes.slice(0, 40)).toMatch(/^HTTP\/1\.1 4\d\d /);
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ error: { code: 'VALIDATION' } });
    }
    const absolute = await raw('GET http://example.com/v1/openapi.json HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n');
    expect(absolute).toMatch(/^HTTP\/1\.1 400 /);
    expect(await env.store.stats()).toMatchObject({ submissions: 0, heartbeats: 0 });
  });
});
