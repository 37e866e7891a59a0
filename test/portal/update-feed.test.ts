import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { send, useStorage } from './support.js';

/**
 * The kiosks' update feed: the release folder an administrator publishes into, served as
 * electron-updater's generic provider reads it, and nothing else of the portal's disk.
 */
describe('the update feed', () => {
  const { startPortals } = useStorage('sqlite');
  const releases = mkdtempSync(join(tmpdir(), 'kyzmat-releases-'));
  const installer = Buffer.from('an AppImage of version 1.4.0');
  const sha512 = createHash('sha512').update(installer).digest('base64');
  const channelFile = `version: 1.4.0\nfiles:\n  - url: kyzmat-kiosk-1.4.0.AppImage\n    sha512: ${sha512}\n    size: ${installer.length}\npath: kyzmat-kiosk-1.4.0.AppImage\nsha512: ${sha512}\nreleaseDate: '2026-12-01T00:00:00.000Z'\nstagingPercentage: 10\n`;
  writeFileSync(join(releases, 'latest-linux.yml'), channelFile);
  writeFileSync(join(releases, 'kyzmat-kiosk-1.4.0.AppImage'), installer);
  writeFileSync(join(releases, '.publishing-notes'), 'not for kiosks');
  mkdirSync(join(releases, 'old'));
  writeFileSync(join(releases, '..', 'kyzmat-outside-the-feed.txt'), 'secret');
  afterAll(() => {
    rmSync(releases, { recursive: true, force: true });
    rmSync(join(releases, '..', 'kyzmat-outside-the-feed.txt'), { force: true });
  });

  it('serves the channel file afresh each time and the installer it names, byte for byte', async () => {
    const env = await startPortals(1, { updatesFolder: releases });
    const channel = await send(env.portal.url, { path: '/v1/updates/latest-linux.yml' });
    expect(channel.status).toBe(200);
    expect(channel.text).toBe(channelFile);
    expect(channel.headers['cache-control']).toBe('no-cache');
    const file = await send(env.portal.url, { path: '/v1/updates/kyzmat-kiosk-1.4.0.AppImage' });
    expect(file.status).toBe(200);
    expect(createHash('sha512').update(file.text).digest('base64')).toBe(sha512);
  });

  it('lists nothing and serves no dot file and nothing outside the folder', async () => {
    const env = await startPortals(1, { updatesFolder: releases });
    for (const path of ['/v1/updates/', '/v1/updates/old/', '/v1/updates/.publishing-notes', '/v1/updates/../kyzmat-outside-the-feed.txt', '/v1/updates/%2e%2e/kyzmat-outside-the-feed.txt', '/v1/updates/..%2fkyzmat-outside-the-feed.txt']) {
      const answer = await send(env.portal.url, { path });
      expect(answer.status, path).toBeGreaterThanOrEqual(400);
      expect(answer.status, path).toBeLessThan(500);
      expect(answer.text, path).not.toContain('secret');
      expect(answer.text, path).not.toContain('not for kiosks');
    }
  });

  it('is not there when no folder is set', async () => {
    const env = await startPortals(1);
    expect((await send(env.portal.url, { path: '/v1/updates/latest-linux.yml' })).status).toBe(404);
  });
});
