import { describe, expect, it } from 'vitest';
import type { PackageFiles } from '../../src/portal/content/package-files.js';
import { MANIFEST_FILE, SIGNATURE_FILE } from '../../src/shared/content/content-schema.js';
import { contentErrorSchema, PORTAL_ENDPOINTS, PORTAL_HEADERS, portalErrorSchema } from '../../src/shared/contract/portal.js';
import { makePackage, testKeys, testService } from '../support/content-fixtures.js';
import { ADMIN_TOKEN, bearer, send, STORE_KINDS, useStorage, validHeartbeat, type Answer } from './support.js';

const keys = testKeys('test-key-a');
const manifestPath = PORTAL_ENDPOINTS.contentManifest.path({});
const filePath = (version: number, path: string) => PORTAL_ENDPOINTS.contentPackageFile.path({ version, path });
const errorCode = (answer: Answer) => portalErrorSchema.parse(answer.json()).error.code;

function publish(url: string, files: PackageFiles, token = ADMIN_TOKEN, extra: { aheadOfFleet?: boolean } = {}): Promise<Answer> {
  const body = { files: Object.fromEntries([...files].map(([path, bytes]) => [path, Buffer.from(bytes).toString('base64')])), ...extra };
  return send(url, {
    method: PORTAL_ENDPOINTS.publishContent.method,
    path: PORTAL_ENDPOINTS.publishContent.path({}),
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe.each(STORE_KINDS)('content publishing and serving (%s)', (kind) => {
  const { startPortals } = useStorage(kind);

  it('serves the published manifest as signed, with its ETag and version; 304 while the ETag matches', async () => {
    const env = await startPortals(1, { trustAnchors: [keys.anchor] });
    expect([(await send(env.portal.url, { path: manifestPath })).status]).toEqual([404]);
    const files = makePackage({ keys, version: 3, services: [testService('birth')] });
    const published = await publish(env.portal.url, files);
    expect([published.status, published.json()]).toEqual([201, { version: 3 }]);

    const manifest = await send(env.portal.url, { path: manifestPath });
    expect(manifest.status).toBe(200);
    expect(manifest.text).toBe(Buffer.from(files.get(MANIFEST_FILE)!).toString('utf8'));
    expect(manifest.headers[PORTAL_HEADERS.contentPackageVersion]).toBe('3');
    expect(manifest.headers['cache-control']).toBe('no-cache');
    const etag = manifest.headers.etag!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);

    const unchanged = await send(env.portal.url, { path: manifestPath, headers: { 'If-None-Match': etag } });
    expect([unchanged.status, unchanged.text, unchanged.headers.etag, unchanged.headers[PORTAL_HEADERS.contentPackageVersion]]).toEqual([304, '', etag, '3']);
    expect((await send(env.portal.url, { path: manifestPath, headers: { 'If-None-Match': '"other"' } })).status).toBe(200);

    // A newer package changes the ETag and the version.
    expect((await publish(env.portal.url, makePackage({ keys, version: 4, services: [testService('death')] }))).status).toBe(201);
    const newer = await send(env.portal.url, { path: manifestPath, headers: { 'If-None-Match': etag } });
    expect([newer.status, newer.headers[PORTAL_HEADERS.contentPackageVersion]]).toEqual([200, '4']);
    expect(newer.headers.etag).not.toBe(etag);
  });

  it('serves package files as immutable bytes, and nothing outside a package', async () => {
    const env = await startPortals(1, { trustAnchors: [keys.anchor] });
    const files = makePackage({ keys, version: 2, services: [testService('birth')] });
    expect((await publish(env.portal.url, files)).status).toBe(201);
    for (const [path, bytes] of files) {
      const answer = await send(env.portal.url, { path: filePath(2, path) });
      expect(answer.status, path).toBe(200);
      expect(answer.headers['content-type']).toBe('application/octet-stream');
      expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(Buffer.from(answer.text, 'utf8').equals(Buffer.from(bytes)), path).toBe(true);
    }
    for (const path of [
      '/v1/content/packages/2/latest.json',
      '/v1/content/packages/2/../latest.json',
      '/v1/content/packages/2/..%2F..%2Flatest.json',
      '/v1/content/packages/2/samples/..%2F..%2Flatest.json',
      '/v1/content/packages/02/manifest.json',
      '/v1/content/packages/0/manifest.json',
      '/v1/content/packages/x/manifest.json',
      '/v1/content/packages/3/manifest.json',
      '/v1/content/packages/2/',
      '/v1/content/packages/2/samples/Upper.svg',
      '/v1/content/packages/99999999999999999999/manifest.json',
    ]) {
      const answer = await send(env.portal.url, { path });
      expect([answer.status, errorCode(answer)], path).toEqual([404, 'NOT_FOUND']);
    }
  });

  it('refuses a package that is not newer (409) or does not verify (422), and publishing without the token (401)', async () => {
    const env = await startPortals(1, { trustAnchors: [keys.anchor] });
    const files = makePackage({ keys, version: 5, services: [testService('birth')] });
    expect((await publish(env.portal.url, files, 'not-the-admin-token')).status).toBe(401);
    expect((await publish(env.portal.url, files)).status).toBe(201);
    const again = await publish(env.portal.url, files);
    expect([again.status, contentErrorSchema.parse(again.json()).error.code]).toEqual([409, 'VERSION_NOT_NEWER']);
    // Every refusal names the file it is about, so the publisher knows where to look.
    expect(contentErrorSchema.parse(again.json()).error.message).toMatch(/^manifest\.json: version 5 is not newer than 5$/);
    const unsigned = new Map(makePackage({ keys, version: 6, services: [testService('birth')] }));
    unsigned.delete(SIGNATURE_FILE);
    const refused = await publish(env.portal.url, unsigned);
    expect([refused.status, contentErrorSchema.parse(refused.json()).error.code]).toEqual([422, 'SIGNATURE_MISSING']);
    expect(contentErrorSchema.parse(refused.json()).error.message).toContain('manifest.sig');
    const stranger = testKeys('stranger-key');
    const untrusted = await publish(env.portal.url, makePackage({ keys: stranger, version: 7, services: [testService('birth')] }));
    expect(contentErrorSchema.parse(untrusted.json()).error).toEqual({ code: 'KEY_UNTRUSTED', message: 'manifest.sig: key stranger-key is not a trusted content key' });
    const expired = await publish(env.portal.url, makePackage({ keys, version: 8, services: [testService('birth')], now: new Date('2020-01-01T00:00:00Z'), expires: new Date('2020-02-01T00:00:00Z') }));
    expect(contentErrorSchema.parse(expired.json()).error.message).toMatch(/^manifest\.json: the package expired at 2020-02-01/);
    expect((await send(env.portal.url, { path: manifestPath })).headers[PORTAL_HEADERS.contentPackageVersion]).toBe('5');
  });

  it('says what a publish body must be when it is not one (400)', async () => {
    const env = await startPortals(1, { trustAnchors: [keys.anchor] });
    const expected = 'Expected {files: {path: base64}}, each path manifest.sig, manifest.json, catalogue.json or samples/<name>.';
    for (const body of ['{}', '[]', '{"files":[]}', '{"files":{"../portal.sqlite":"AA=="}}', '{"files":{"manifest.json":1}}']) {
      const answer = await send(env.portal.url, {
        method: PORTAL_ENDPOINTS.publishContent.method,
        path: PORTAL_ENDPOINTS.publishContent.path({}),
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
        body,
      });
      expect([answer.status, portalErrorSchema.parse(answer.json()).error], body).toEqual([400, { code: 'VALIDATION', message: expected }]);
    }
  });

  it('refuses a package that needs a newer app than any kiosk of the fleet runs, unless the publisher says so', async () => {
    let now = new Date();
    const env = await startPortals(1, { trustAnchors: [keys.anchor], now: () => now });
    // No kiosk has reported yet: there is no fleet to compare with.
    expect((await publish(env.portal.url, makePackage({ keys, version: 1, minAppVersion: '99.0.0' }))).status).toBe(201);

    for (const [token, appVersion] of [
      [env.tokens.BSK1, '1.4.0'],
      [env.tokens.BSK2, '1.2.0'],
    ] as const) {
      const beat = await send(env.portal.url, {
        method: 'POST',
        path: PORTAL_ENDPOINTS.recordHeartbeat.path({}),
        headers: { ...bearer(token), 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...validHeartbeat, appVersion }),
      });
      expect(beat.status).toBe(204);
    }
    const ahead = await publish(env.portal.url, makePackage({ keys, version: 2, minAppVersion: '1.5.0' }));
    expect(ahead.status).toBe(422);
    const refusal = contentErrorSchema.parse(ahead.json()).error;
    expect(refusal.code).toBe('APP_AHEAD_OF_FLEET');
    expect(refusal.message).toContain('manifest.json');
    expect(refusal.message).toContain('1.4.0');
    expect((await send(env.portal.url, { path: manifestPath })).headers[PORTAL_HEADERS.contentPackageVersion]).toBe('1');

    // The newest kiosk's version is enough: a package for 1.4.0 reaches BSK1 now and BSK2 after its update.
    expect((await publish(env.portal.url, makePackage({ keys, version: 3, minAppVersion: '1.4.0' }))).status).toBe(201);
    const intended = await publish(env.portal.url, makePackage({ keys, version: 4, minAppVersion: '2.0.0' }), ADMIN_TOKEN, { aheadOfFleet: true });
    expect(intended.status).toBe(201);

    // A kiosk whose credential was revoked no longer speaks for the fleet, whatever version it claimed.
    const claim = await send(env.portal.url, {
      method: 'POST',
      path: PORTAL_ENDPOINTS.recordHeartbeat.path({}),
      headers: { ...bearer(env.tokens.BSK2), 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...validHeartbeat, appVersion: '9.0.0' }),
    });
    expect(claim.status).toBe(204);
    await env.store.revokeCredential('BSK2', now);
    expect((await publish(env.portal.url, makePackage({ keys, version: 5, minAppVersion: '3.0.0' }))).status).toBe(422);

    // Nor does a kiosk silent for more than 30 days: with none left, there is no fleet to compare with.
    now = new Date(now.getTime() + 31 * 86_400_000);
    expect((await publish(env.portal.url, makePackage({ keys, version: 6, minAppVersion: '3.0.0', now }))).status).toBe(201);
  });
});

