import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKOFFICE_CSP } from '../../src/portal/backoffice/back-office-app.js';
import { startPortal, type Portal } from '../../src/portal/server.js';
import { createAccount, PASSWORDS, sessionPath, signInRequest } from './backoffice-support.js';
import { ADMIN_TOKEN, send, useStorage } from './support.js';

/*
 * The portal serves the back office web app under /backoffice/ with its own strict CSP and the
 * other security headers, sends `/` there, keeps its API answering JSON, and sets the session
 * cookie Secure when configured as behind TLS.
 */

describe('the back office web app at the portal', () => {
  const { storage } = useStorage('sqlite');
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function portalWithApp(extra: { behindTls?: boolean } = {}): Promise<Portal> {
    const folder = mkdtempSync(join(tmpdir(), 'kyzmat-backoffice-'));
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
    mkdirSync(join(folder, 'assets'));
    writeFileSync(join(folder, 'index.html'), '<!doctype html><title>Kyzmat</title><script type="module" src="/backoffice/assets/app-1a2b.js"></script>');
    writeFileSync(join(folder, 'assets', 'app-1a2b.js'), 'console.log("back office")');
    writeFileSync(join(folder, '.env'), 'SECRET=1');
    const store = await (await storage()).open();
    const portal = await startPortal({ dataFolder: folder, adminToken: ADMIN_TOKEN, trustAnchors: [], store, backOfficeFolder: folder, ...extra });
    cleanups.push(() => portal.close());
    return portal;
  }

  it('serves the page with its own CSP and security headers, and `/` leads to it', async () => {
    const portal = await portalWithApp();
    expect(portal.backOfficeUrl).toBe(`${portal.url}/backoffice/`);
    const root = await send(portal.url, { path: '/' });
    expect(root.status).toBe(302);
    expect(root.headers.location).toBe('/backoffice/');
    expect((await send(portal.url, { path: '/backoffice' })).headers.location).toBe('/backoffice/');

    const page = await send(portal.url, { path: '/backoffice/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    );
    expect(page.headers['content-security-policy']).toBe(BACKOFFICE_CSP);
    expect(page.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer', 'cache-control': 'no-cache' });

    const script = await send(portal.url, { path: '/backoffice/assets/app-1a2b.js' });
    expect(script.status).toBe(200);
    expect(script.headers['cache-control']).toContain('immutable');
    expect(script.headers['content-security-policy']).toBe(BACKOFFICE_CSP);
  });

  it('serves nothing but the built files: no dot files, no way out of the folder, the API still JSON', async () => {
    const portal = await portalWithApp();
    for (const path of ['/backoffice/.env', '/backoffice/../portal.sqlite', '/backoffice/%2e%2e/portal.sqlite', '/backoffice/missing.js']) {
      const answer = await send(portal.url, { path });
      // Refused (403) or not found (404): never the file.
      expect([403, 404], path).toContain(answer.status);
      expect(answer.text, path).not.toContain('SECRET');
    }
    const api = await send(portal.url, { path: sessionPath });
    expect(api.status).toBe(401);
    expect(api.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
  });

  it('sets the session cookie Secure when the portal is configured as behind TLS', async () => {
    const portal = await portalWithApp({ behindTls: true });
    await createAccount(portal.store, 'aigul', 'officer');
    const answer = await signInRequest(portal.url, 'aigul', PASSWORDS.officer);
    expect(answer.status).toBe(200);
    expect(answer.headers['set-cookie']!.join('\n')).toMatch(/; HttpOnly; SameSite=Strict; Secure$/);
  });
});
