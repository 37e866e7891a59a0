import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startKioskHost } from '../../../src/main/core/host.js';
import { signingKeyFileSchema } from '../../../src/portal/content/signing.js';
import type { TrustAnchor } from '../../../src/shared/content/content-schema.js';
import { CHANNELS } from '../../../src/shared/contract/channels.js';
import { makePackage, writePackage } from '../../support/content-fixtures.js';
import { createFakeWebContents } from '../../support/fake-electron.js';
import { createMemoryLogger } from '../../support/memory-logger.js';
import { TEST_TECHNICIAN, TEST_TECHNICIAN_PIN } from '../../support/staff-fixtures.js';

const fake = await vi.hoisted(async () => (await import('../../support/fake-electron.js')).createFakeElectron());
vi.mock('electron', () => fake.module);

/** Checks what the Electron main process asks of Electron; the runtime itself cannot start here. */
describe('Electron shell wiring', () => {
  // The settings the Electron shell once ignored, read now through the same host configuration as the browser shell.
  const mediaRoot = mkdtempSync(join(tmpdir(), 'kyzmat-kiosk-media-'));
  const settings = {
    KIOSK_CODE: 'DEV1',
    KIOSK_IDLE_SECONDS: '77',
    KIOSK_IDLE_WARNING_SECONDS: '12',
    KIOSK_CONTENT_POLL_SECONDS: '3600',
    KIOSK_REMOVABLE_MEDIA_ROOTS: mediaRoot,
    KIOSK_PORTAL_URL: 'http://127.0.0.1:9',
    KIOSK_PORTAL_TOKEN: `kiosk_DEV1.${'b'.repeat(43)}`,
  };

  beforeAll(async () => {
    // Content the kiosk already holds (signed with the demo key the repository trusts), so that its
    // technician can sign in to use the service panel's channels.
    const demoKey = signingKeyFileSchema.parse(JSON.parse(readFileSync('resources/demo-keys/demo-content-2026-a.private.json', 'utf8')));
    const anchors = JSON.parse(readFileSync('resources/trust/content-keys.json', 'utf8')) as TrustAnchor[];
    const seeded = await startKioskHost({
      dataFolder: fake.userData,
      appVersion: '0.1.0',
      kioskCode: 'DEV1',
      fontsFolder: 'resources/fonts',
      trustAnchorsFile: 'resources/trust/content-keys.json',
      bundledContentFolder: writePackage(join(mediaRoot, 'seed'), makePackage({ keys: { signing: demoKey, anchor: anchors[0]! }, version: 1 })),
      log: createMemoryLogger(),
    });
    seeded.close();
    mkdirSync(join(mediaRoot, 'kyzmat-content'));
    writeFileSync(join(mediaRoot, 'kyzmat-content', 'manifest.json'), '{}');
    Object.assign(process.env, settings);
    await import('../../../src/main/electron-main/main.js');
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

  afterAll(() => {
    fake.appListeners.get('will-quit')?.();
    for (const name of Object.keys(settings)) delete process.env[name];
    rmSync(fake.userData, { recursive: true, force: true });
    rmSync(mediaRoot, { recursive: true, force: true });
  });

  const fromPage = { senderFrame: { url: 'app://kiosk/index.html' } };

  it('uses the idle times and removable-media roots of the environment', async () => {
    const info = (await fake.ipcHandlers.get('getKioskInfo')!(fromPage, {})) as { value: { visitorIdleSeconds: number; idleWarningSeconds: number } };
    expect(info.value).toMatchObject({ visitorIdleSeconds: 77, idleWarningSeconds: 12 });
    // The stick's folder is found under the configured root: its unsigned package is refused, not "no stick".
    // Loading from USB is the service panel's: a technician signs in first.
    expect(await fake.ipcHandlers.get('signInStaff')!(fromPage, { staffId: TEST_TECHNICIAN.staffId, pin: TEST_TECHNICIAN_PIN })).toMatchObject({ ok: true });
    const imported = (await fake.ipcHandlers.get('importContentFromRemovableMedia')!(fromPage, {})) as { value: { outcome: string } };
    expect(imported.value.outcome).toBe('rejected');
  });

  it('keeps the portal credential out of the environment its children inherit', () => {
    expect(process.env.KIOSK_PORTAL_TOKEN).toBeUndefined();
  });

  it('serves the page from a secure standard app:// scheme, not file://', () => {
    expect(fake.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.windows[0]?.loadedUrl).toBe('app://kiosk/index.html');
  });

  it('opens one kiosk window with isolation, sandbox, no Node and no devtools', () => {
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0]!.options).toMatchObject({
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: false },
    });
  });

  it('handles exactly the contract channels and checks the sender of each', async () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const listServices = fake.ipcHandlers.get('listServices')!;
    const fromPage = (await listServices({ senderFrame: { url: 'app://kiosk/index.html' } }, { language: 'en' })) as {
      ok: boolean;
      value: unknown[];
    };
    expect(fromPage.ok).toBe(true);
    expect(Array.isArray(fromPage.value)).toBe(true);
    for (const url of ['https://example.com/', 'app://kiosk.evil/', 'file:///tmp/x.html', undefined]) {
      expect(await listServices({ senderFrame: url ? { url } : null }, { language: 'en' }), String(url)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
  });

  it('denies every permission request', () => {
    const decisions: boolean[] = [];
    fake.permission.request?.({}, 'media', (allowed: boolean) => decisions.push(allowed));
    fake.permission.request?.({}, 'geolocation', (allowed: boolean) => decisions.push(allowed));
    expect(decisions).toEqual([false, false]);
    expect(fake.permission.check?.({}, 'media')).toBe(false);
  });

  it('blocks navigation away, new windows and reload keys', () => {
    const web = createFakeWebContents();
    fake.appListeners.get('web-contents-created')?.({}, web.contents);
    const navigate = (url: string) => {
      const event = { prevented: false, preventDefault: () => (event.prevented = true) };
      web.listeners.get('will-navigate')?.(event, url);
      return event.prevented;
    };
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('app://kiosk.attacker.com/')).toBe(true);
    expect(navigate('app://kiosk/index.html')).toBe(false);
    expect(web.openWindow('https://example.com/')).toEqual({ action: 'deny' });
    const key = (input: Record<string, unknown>) => {
      const event = { prevented: false, preventDefault: () => (event.prevented = true) };
      web.listeners.get('before-input-event')?.(event, { control: false, meta: false, shift: false, alt: false, ...input });
      return event.prevented;
    };
    expect(key({ key: 'F5' })).toBe(true);
    expect(key({ key: 'r', control: true })).toBe(true);
    expect(key({ key: 'I', control: true, shift: true })).toBe(true);
    expect(key({ key: 'F4', alt: true })).toBe(true);
    expect(key({ key: 'а' })).toBe(false);
  });

  it('logs each blocked navigation by scheme and host only, never the path or query a visitor could have typed into', () => {
    const web = createFakeWebContents();
    fake.appListeners.get('web-contents-created')?.({}, web.contents);
    const event = { preventDefault: () => undefined };
    web.listeners.get('will-navigate')?.(event, 'https://attacker.example/collect?lastName=Асанова&pin=21204198500012');
    web.openWindow('http://popup.example/x');
    const log = readFileSync(join(fake.userData, 'logs', 'kiosk.log'), 'utf8');
    const blocked = log
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((record) => record.event === 'navigation_blocked');
    expect(blocked).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 'warn', kind: 'navigate', scheme: 'https', host: 'attacker.example' }),
        expect.objectContaining({ level: 'warn', kind: 'new-window', scheme: 'http', host: 'popup.example' }),
      ]),
    );
    for (const record of blocked) expect(Object.keys(record).sort()).toEqual(['event', 'host', 'kind', 'level', 'scheme', 'time']);
    expect(log).not.toContain('Асанова');
    expect(log).not.toContain('21204198500012');
  });

  it('keeps the display awake and loads the page again on the attract screen when its renderer crashes or hangs', () => {
    vi.useFakeTimers();
    try {
      expect(fake.powerSaveBlocks).toEqual(['prevent-display-sleep']);
      const window = fake.windows[0]!;
      const loadsBefore = window.loads;
      window.pageListeners.get('render-process-gone')?.({}, { reason: 'crashed', exitCode: 139 });
      expect(window.loads).toBe(loadsBefore + 1);
      expect(window.loadedUrl).toBe('app://kiosk/index.html');
      // Hung for longer than the grace: ended, which Electron reports as gone, and loaded again.
      window.listeners.get('unresponsive')?.();
      vi.advanceTimersByTime(10_000);
      expect(window.crashes).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('clears the browser session\'s storage and cache when a visit ends, not while one is open', async () => {
    fake.sessionClears.length = 0;
    expect(await fake.ipcHandlers.get('reportVisit')!(fromPage, { open: true })).toMatchObject({ ok: true });
    expect(fake.sessionClears).toEqual([]);
    expect(await fake.ipcHandlers.get('reportVisit')!(fromPage, { open: false })).toMatchObject({ ok: true });
    expect(fake.sessionClears).toEqual(['storage', 'cache']);
  });

  it('gives an unpackaged app no updater: its panel says updates are off', async () => {
    await fake.ipcHandlers.get('signInStaff')!(fromPage, { staffId: TEST_TECHNICIAN.staffId, pin: TEST_TECHNICIAN_PIN });
    const status = (await fake.ipcHandlers.get('getUpdateStatus')!(fromPage, {})) as { ok: boolean; value: { state: string } };
    expect(status).toMatchObject({ ok: true, value: { state: 'off', window: { from: '02:00', to: '05:00' } } });
  });

  it('serves bundle files with the CSP header and refuses paths outside the bundle', async () => {
    const handler = fake.protocolHandlers.get('app')!;
    const page = (await handler({ url: 'app://kiosk/index.html' })) as Response;
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    for (const url of ['app://kiosk/..%2f..%2fpackage.json', 'app://other/index.html']) {
      expect(((await handler({ url })) as Response).status, url).toBe(404);
    }
  });
});
