import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from '../support/temp-folder.js';

const tempFolder = useTempFolder();
const LAUNCHER = 'dist/main/launcher/start.js';

/** Runs the built launcher the way `npm start` does, with its own data folder. */
function launch(args: string[], env: NodeJS.ProcessEnv) {
  expect(existsSync(LAUNCHER), 'run `npm run build` first: these tests start the built launcher').toBe(true);
  return spawnSync(process.execPath, [LAUNCHER, ...args], {
    encoding: 'utf8',
    env: { ...process.env, KIOSK_DATA_DIR: tempFolder(), ...env },
    timeout: 30_000,
  });
}

describe('npm start with settings it cannot use', () => {
  it.each([
    [{ KIOSK_CODE: 'bsk1' }, [], /^Kiosk not started: KIOSK_CODE must be four upper-case characters/],
    [{ KIOSK_CODE: 'BSK' }, [], /^Kiosk not started: KIOSK_CODE must be four upper-case characters/],
    [{ KIOSK_IDLE_SECONDS: 'two minutes' }, [], /^Kiosk not started: KIOSK_IDLE_SECONDS must be a whole number of seconds/],
    [{}, ['--no-opne'], /^Kiosk not started: unknown option "--no-opne" \(usage: npm start -- /],
  ])('%j %j stops at once with one line naming what is wrong', (env, args, message) => {
    const result = launch(['--browser', '--no-portal', ...args], env);
    expect(result.status).toBe(2);
    const errorLines = result.stderr.trim().split('\n');
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toMatch(message);
    expect(result.stdout).not.toContain('Kiosk ready');
  });
});

describe('npm start where the Electron runtime is installed', () => {
  it('starts the local portal first and hands Electron its address and this kiosk’s credential', async () => {
    // A stand-in for the Electron binary: it reports what it was given and asks the portal once.
    const runtime = tempFolder();
    writeFileSync(
      join(runtime, 'electron'),
      `#!/bin/sh\nexec "${process.execPath}" -e "fetch(process.env.KIOSK_PORTAL_URL + '/v1/openapi.json').then((r) => console.log('electron saw', process.env.KIOSK_PORTAL_URL, process.env.KIOSK_PORTAL_TOKEN.split('.')[0], r.status))"\n`,
    );
    chmodSync(join(runtime, 'electron'), 0o755);
    const child = spawn(process.execPath, [LAUNCHER], {
      env: { ...process.env, KIOSK_DATA_DIR: tempFolder(), KIOSK_CODE: 'BSK1', KIOSK_PORTAL_URL: '', ELECTRON_OVERRIDE_DIST_PATH: runtime },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    const portalUrl = /Local reference portal: (\S+)/.exec(output)?.[1];
    expect(portalUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(output).toContain(`electron saw ${portalUrl} kiosk_BSK1 200`);
    expect(output).not.toContain('The Electron runtime is not installed');
    expect(output).toContain('Kiosk stopped.');
  });
});
