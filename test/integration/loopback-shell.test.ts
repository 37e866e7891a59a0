import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE, startBrowserShell, type BrowserShell } from '../../src/main/loopback/server.js';
import { startKioskHost, type KioskHost } from '../../src/main/core/host.js';
import { makePackage, testKeys, testService, writePackage, writeTrustAnchors } from '../support/content-fixtures.js';
import { createMemoryLogger } from '../support/memory-logger.js';
import { signInTechnician } from '../support/staff-fixtures.js';
import { useTempFolder } from '../support/temp-folder.js';

const tempFolder = useTempFolder();

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Plain node:http, so the test sets Origin, Host and Cookie exactly as a hostile local client could. */
function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

describe('browser shell', () => {
  let host: KioskHost;
  let shell: BrowserShell;
  let cookie: string;
  let log: ReturnType<typeof createMemoryLogger>;

  beforeEach(async () => {
    const dataFolder = tempFolder();
    log = createMemoryLogger();
    const keys = testKeys();
    host = await startKioskHost({
      dataFolder,
      appVersion: '0.1.0',
      log,
      kioskCode: 'TST1', fontsFolder: 'resources/fonts', trustAnchorsFile: writeTrustAnchors(tempFolder(), [keys.anchor]),
      bundledContentFolder: writePackage(tempFolder(), makePackage({ keys, version: 1, services: [testService('birth')] })),
    });
    const rendererFolder = tempFolder();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(rendererFolder, 'index.html'), '<!doctype html><html><head><title>k</title></head><body></body></html>');
    writeFileSync(join(dataFolder, 'secret.txt'), 'not for the page');
    const bridgeFile = join(rendererFolder, 'bridge.js');
    writeFileSync(bridgeFile, 'window.kiosk = {};');
    shell = await startBrowserShell({ router: host.router, events: host.events, log: host.log, rendererFolder, bridgeFile });
    const launch = await send(shell.launchUrl);
    expect(launch.status).toBe(303);
    const setCookie = String(launch.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    cookie = setCookie.split(';')[0]!;
  });

  afterEach(async () => {
    await shell.close();
    host.close();
  });

  const rpc = (channel: string, headers: Record<string, string>, body = '{"language":"ru"}') =>
    send(`${shell.origin}/rpc/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

  it('answers the kiosk page: right Origin and the launch cookie', async () => {
    const answer = await rpc('listServices', { Origin: shell.origin, Cookie: cookie });
    expect(answer.status).toBe(200);
    const result = JSON.parse(answer.body) as { ok: boolean; value: { title: string }[] };
    expect(result.ok).toBe(true);
    expect(result.value.map((service) => service.title)).toEqual(['birth ru']);
  });

  it('starts every event stream with the current delivery and content state, so a reconnected page is up to date', async () => {
    // The content state is the service panel's: a technician is signed in.
    await signInTechnician(host.router);
    const { origin } = shell;
    const firstEvents = await new Promise<string>((resolve, reject) => {
      const request = httpRequest(`${origin}/__kiosk/events`, { headers: { Cookie: cookie } }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('event: contentStatusChanged')) {
            request.destroy();
            resolve(text);
          }
        });
      });
      request.on('error', reject);
      request.end();
    });
    const events = [...firstEvents.matchAll(/event: (\w+)\ndata: (.*)\n/g)].map(([, name, data]) => [name, JSON.parse(data!) as Record<string, unknown>] as const);
    expect(events.map(([name]) => name)).toEqual(['syncStatusChanged', 'contentStatusChanged']);
    expect(events[0]![1]).toMatchObject({ state: 'not-configured', queued: 0 });
    expect(events[1]![1]).toMatchObject({ activeVersion: 1 });
  });

  it('refuses a request without the token', async () => {
    const answer = await rpc('listServices', { Origin: shell.origin });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(log.records.map((record) => record.event)).toContain('browser_shell_token_refused');
  });

  it('refuses a request with a wrong token', async () => {
    const answer = await rpc('listServices', { Origin: shell.origin, Cookie: `${SESSION_COOKIE}=guessed` });
    expect(answer.status).toBe(403);
  });

  it('refuses a request with a wrong Origin, or none, even with the token', async () => {
    for (const origin of ['http://evil.example', 'http://127.0.0.1:1', 'null', shell.origin + '.evil.example']) {
      const answer = await rpc('listServices', { Origin: origin, Cookie: cookie });
      expect(answer.status, origin).toBe(403);
      expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect((await rpc('listServices', { Cookie: cookie })).status).toBe(403);
    expect(log.records.filter((record) => record.event === 'browser_shell_origin_refused')).toHaveLength(5);
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const answer = await rpc('listServices', { Origin: shell.origin, Cookie: cookie, Host: 'attacker.example' });
    expect(answer.status).toBe(403);
  });

  it('refuses a launch link with a wrong token and sets no cookie', async () => {
    const answer = await send(`${shell.origin}/launch?token=wrong`);
    expect(answer.status).toBe(403);
    expect(answer.headers['set-cookie']).toBeUndefined();
  });

  it('spends the launch link on its first use: read from the command line or history later, it opens nothing', async () => {
    expect(cookie.split('=')[1]).not.toBe(new URL(shell.launchUrl).searchParams.get('token'));
    const again = await send(shell.launchUrl);
    expect(again.status).toBe(403);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(log.records.some((record) => record.event === 'browser_shell_launch_reused')).toBe(true);
    // The browser that holds the session may open the first address again (a reload) and gets no new cookie.
    const reload = await send(shell.launchUrl, { headers: { Cookie: cookie } });
    expect(reload.status).toBe(303);
    expect(reload.headers['set-cookie']).toBeUndefined();
  });

  it('answers a malformed request target with 400, not an error of its own', async () => {
    const { connect } = await import('node:net');
    const { port } = new URL(shell.origin);
    for (const target of ['*', 'http://attacker.example/', '//attacker.example/x', 'launch']) {
      const status = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.end(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`));
        let answer = '';
        socket.on('data', (chunk) => (answer += chunk.toString()));
        socket.on('end', () => resolve(answer.split('\r\n')[0]!));
        socket.on('error', reject);
      });
      expect(status, target).toBe('HTTP/1.1 400 Bad Request');
    }
    expect(log.records.some((record) => record.event === 'browser_shell_request_failed')).toBe(false);
  });

  it('passes a malformed request to the router as a VALIDATION error', async () => {
    const answer = await rpc('listServices', { Origin: shell.origin, Cookie: cookie }, '{"language":"xx"}');
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const broken = await rpc('listServices', { Origin: shell.origin, Cookie: cookie }, '{not json');
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('serves the page with the strict CSP header and the bridge script', async () => {
    const page = await send(`${shell.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.body).toContain('<script src="/__kiosk/bridge.js"></script>');
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/..%5csecret.txt', '/%00']) {
      const answer = await send(`${shell.origin}${path}`);
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain('not for the page');
    }
  });
});
