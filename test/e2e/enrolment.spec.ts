import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, openServicePanel, screenshot, startKiosk, stopKiosk, test } from './kiosk-fixture.js';
import { scan } from './visit-steps.js';

const ADMIN_TOKEN = 'e2e-enrolment-admin-token-0123';

async function startPortalProcess(dataFolder: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['dist/portal/main.js', '--port', '0', '--data', dataFolder], {
    env: { ...process.env, PORTAL_ADMIN_TOKEN: ADMIN_TOKEN },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Portal listening on (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`portal exited with ${code}: ${output}`)));
  });
  return { url, child };
}

/** What the administrator runs: the code is the only line on stdout. */
const portalAdmin = (dataFolder: string, ...args: string[]) =>
  execFileSync(process.execPath, ['dist/portal/admin-cli.js', ...args, '--data', dataFolder], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

test('the demo technician types a code made by portal-admin in the service panel, by touch, and the kiosk is enrolled (ky, axe)', async ({ page }) => {
  test.setTimeout(90_000);
  const portalData = mkdtempSync(join(tmpdir(), 'kyzmat-portal-e2e-'));
  const portal = await startPortalProcess(portalData);
  const kiosk = await startKiosk({ KIOSK_PORTAL_URL: portal.url, KIOSK_CODE: 'BSK1' });
  try {
    await page.setViewportSize({ width: 1080, height: 1920 });
    await page.goto(kiosk.launchUrl);
    await expect(page.locator('[data-screen="attract"]')).toBeVisible();
    await openServicePanel(page);
    const state = page.getByTestId('enrolment-state');
    await expect(state).toHaveAttribute('data-enrolled', 'false');
    await expect(state).toHaveText('Катталган эмес: киоск катталмайынча арыздар ушул жерде күтөт.');
    await expect(page.getByTestId('sync-state')).toHaveText('Токтотулду');

    const code = portalAdmin(portalData, 'create-enrolment-code', '--kiosk', 'BSK1');
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    const pad = page.locator('.enrolment-code-pad');
    // A wrong key first, taken back, as a person at the screen would.
    await pad.locator('.hg-button[data-skbtn="Q"]').tap();
    await pad.locator('.hg-button[data-skbtn="{bksp}"]').tap();
    for (const character of code.replace('-', '')) await pad.locator(`.hg-button[data-skbtn="${character}"]`).tap();
    await expect(page.locator('#enrolment-code')).toHaveValue(code);
    await scan(page, 'service-panel-enrolment-typed-ky');
    await page.getByRole('button', { name: 'Каттоо', exact: true }).tap();

    const outcome = page.getByTestId('enrolment-outcome');
    await expect(outcome).toHaveAttribute('data-outcome', 'enrolled', { timeout: 10_000 });
    await expect(outcome).toHaveText('✓ Катталды. Арыздар жаңы ачкыч менен жөнөтүлө берет.');
    await expect(state).toHaveAttribute('data-enrolled', 'true');
    await expect(page.locator('#enrolment-code')).toHaveValue('');
    // Sending no longer waits for a credential.
    await expect(page.getByTestId('sync-state')).not.toHaveText('Токтотулду', { timeout: 10_000 });
    await scan(page, 'service-panel-enrolled-ky');
    await screenshot(page, 'service-panel-enrolled-ky-1080x1920');
    expect(statSync(join(kiosk.dataFolder, 'credential', 'portal-credential')).mode & 0o777).toBe(0o600);
    expect(kiosk.output()).not.toContain(code);

    // The same code a second time: refused, in Kyrgyz, without saying why.
    for (const character of code.replace('-', '')) await pad.locator(`.hg-button[data-skbtn="${character}"]`).tap();
    await page.getByRole('button', { name: 'Каттоо', exact: true }).tap();
    await expect(outcome).toHaveAttribute('data-outcome', 'code-refused', { timeout: 10_000 });
    await expect(outcome).toContainText('Портал бул кодду кабыл алган жок');
    await scan(page, 'service-panel-enrolment-refused-ky');
    expect(JSON.parse(portalAdmin(portalData, 'stats'))).toMatchObject({ credentials: 1, liveCredentials: 1 });
  } finally {
    await stopKiosk(kiosk);
    portal.child.kill('SIGINT');
    rmSync(portalData, { recursive: true, force: true });
  }
});
