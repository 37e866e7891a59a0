import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openChromiumKiosk } from '../../../src/main/loopback/chromium.js';

/*
 * The browser shell's Chromium profile holds the history of the run, with its launch link: a run
 * that died without cleaning up must not hand that history to the next one. /bin/true stands for
 * Chromium here: a real process that starts and exits, as a crashed browser does.
 */
describe("the browser shell's Chromium profile", () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('is emptied before Chromium starts and removed when it exits', async () => {
    const dataFolder = mkdtempSync(join(tmpdir(), 'kyzmat-profile-'));
    folders.push(dataFolder);
    const profile = join(dataFolder, 'browser-profile');
    mkdirSync(join(profile, 'Default'), { recursive: true });
    writeFileSync(join(profile, 'Default', 'History'), 'http://127.0.0.1:1/launch?token=stale');

    const window = openChromiumKiosk('/bin/true', 'http://127.0.0.1:1/launch?token=fresh', profile);
    expect(existsSync(join(profile, 'Default', 'History'))).toBe(false);
    expect(existsSync(profile)).toBe(true);

    await new Promise((resolve) => window.process.once('exit', resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(existsSync(profile)).toBe(false);
  });
});
