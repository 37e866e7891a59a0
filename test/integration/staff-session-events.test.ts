import { writeFileSync } from 'node:fs';
import { request as httpRequest, type ClientRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startKioskHost, type KioskHost } from '../../src/main/core/host.js';
import { startBrowserShell, type BrowserShell } from '../../src/main/loopback/server.js';
import { makePackage, testCatalogue, testKeys, testService, writePackage, writeTrustAnchors } from '../support/content-fixtures.js';
import { createMemoryLogger } from '../support/memory-logger.js';
import { TEST_TECHNICIAN, TEST_TECHNICIAN_PIN } from '../support/staff-fixtures.js';
import { useTempFolder } from '../support/temp-folder.js';

const tempFolder = useTempFolder();
const keys = testKeys('staff-events-key');

const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

/** A package whose staff list is the one given. */
const packageWith = (version: number, staff: typeof TEST_TECHNICIAN[]) =>
  makePackage({ keys, version, catalogue: { ...testCatalogue([testService('birth')]), staff } });

/** The page's event stream as the browser bridge reads it: every event name and payload, as they arrive. */
function readEventStream(shell: BrowserShell, cookie: string): { events: [string, unknown][]; request: ClientRequest } {
  const events: [string, unknown][] = [];
  let text = '';
  const request = httpRequest(`${shell.origin}/__kiosk/events`, { headers: { Cookie: cookie } }, (response) => {
    response.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const blocks = text.split('\n\n');
      text = blocks.pop() ?? '';
      for (const block of blocks) {
        const match = /^event: (\w+)\ndata: (.*)$/.exec(block);
        if (match) events.push([match[1]!, JSON.parse(match[2]!)]);
      }
    });
  });
  request.on('error', () => undefined);
  request.end();
  return { events, request };
}

describe('the page is told that the host ended a staff session', () => {
  it('through the browser shell\'s event stream, when content loaded from USB no longer has the signed-in technician', async () => {
    const mediaRoot = tempFolder();
    const host: KioskHost = await startKioskHost({
      dataFolder: tempFolder(),
      appVersion: '1.0.0',
      kioskCode: 'TST1',
      fontsFolder: 'resources/fonts',
      trustAnchorsFile: writeTrustAnchors(tempFolder(), [keys.anchor]),
      bundledContentFolder: writePackage(tempFolder(), packageWith(1, [TEST_TECHNICIAN])),
      removableMediaRoots: [mediaRoot],
      log: createMemoryLogger(),
    });
    closers.push(() => host.close());
    const rendererFolder = tempFolder();
    writeFileSync(join(rendererFolder, 'index.html'), '<!doctype html><html><head><title>k</title></head><body></body></html>');
    const bridgeFile = join(rendererFolder, 'bridge.js');
    writeFileSync(bridgeFile, 'window.kiosk = {};');
    const shell = await startBrowserShell({ router: host.router, events: host.events, log: host.log, rendererFolder, bridgeFile });
    closers.push(() => shell.close());
    const launch = await fetch(shell.launchUrl, { redirect: 'manual' });
    const cookie = String(launch.headers.get('set-cookie')).split(';')[0]!;

    expect(await host.router.handle('signInStaff', { staffId: TEST_TECHNICIAN.staffId, pin: TEST_TECHNICIAN_PIN })).toMatchObject({ ok: true });
    const stream = readEventStream(shell, cookie);
    closers.push(() => stream.request.destroy());
    await expect.poll(() => stream.events.map(([name]) => name), { timeout: 3000 }).toContain('contentStatusChanged');

    writePackage(join(mediaRoot, 'stick', 'kyzmat-content'), packageWith(2, []));
    expect(await host.router.handle('importContentFromRemovableMedia', {})).toMatchObject({ ok: true, value: { outcome: 'applied', version: 2 } });

    await expect.poll(() => stream.events.filter(([name]) => name === 'staffSessionEnded'), { timeout: 3000 }).toEqual([
      ['staffSessionEnded', { reason: 'staff-record-removed' }],
    ]);
    expect(await host.router.handle('getStaffSession', {})).toEqual({ ok: true, value: null });
  });
});
