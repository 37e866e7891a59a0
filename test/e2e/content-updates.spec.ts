import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLED_CONTENT_VERSION, enterCatalogue, expect, openServicePanel, screenshot, startKiosk, stopKiosk, test } from './kiosk-fixture.js';

const ADMIN_TOKEN = 'e2e-admin-token-0123456789';
const DEMO_KEY = 'resources/demo-keys/demo-content-2026-b.private.json';

/** Builds and signs a package from a copy of the sample content with one title changed, as an administrator would. */
function buildChangedPackage(version: number, newRussianTitle: string): string {
  const work = mkdtempSync(join(tmpdir(), 'kyzmat-content-e2e-'));
  const source = join(work, 'source');
  cpSync('resources/content-source', source, { recursive: true });
  const serviceFile = join(source, 'services', 'birth-registration.json');
  const service = JSON.parse(readFileSync(serviceFile, 'utf8')) as { title: { ru: string } };
  service.title.ru = newRussianTitle;
  writeFileSync(serviceFile, JSON.stringify(service));
  const out = join(work, 'package');
  const cli = (...args: string[]) => execFileSync(process.execPath, ['dist/portal/content-cli.js', ...args], { encoding: 'utf8' });
  cli('build', source, '--out', out, '--version', String(version));
  cli('sign', out, '--key', DEMO_KEY);
  expect(cli('verify', out)).toContain(`OK: version ${version}`);
  return out;
}

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

test('a package published to the local portal replaces the catalogue on screen without a restart', async ({ page }) => {
  const portalData = mkdtempSync(join(tmpdir(), 'kyzmat-portal-e2e-'));
  const portal = await startPortalProcess(portalData);
  const kiosk = await startKiosk({ KIOSK_PORTAL_URL: portal.url, KIOSK_CONTENT_POLL_SECONDS: '1' });
  try {
    await page.goto(kiosk.launchUrl);
    await enterCatalogue(page, 'Русский');
    await page.locator('[data-category-id="civil-status"]').tap();
    const birth = page.locator('[data-service-id="birth-registration"] .service-title');
    await expect(birth).toHaveText('Регистрация рождения');

    const packageFolder = buildChangedPackage(BUNDLED_CONTENT_VERSION + 1, 'Регистрация рождения ребёнка');
    const published = execFileSync(process.execPath, ['dist/portal/content-cli.js', 'publish', packageFolder, '--portal', portal.url, '--token', ADMIN_TOKEN], {
      encoding: 'utf8',
    });
    expect(published).toContain(`Published version ${BUNDLED_CONTENT_VERSION + 1}`);

    await expect(birth).toHaveText('Регистрация рождения ребёнка', { timeout: 15_000 });
    await expect(page.locator('[data-screen="category"]')).toBeVisible();
    rmSync(packageFolder, { recursive: true, force: true });
  } finally {
    await stopKiosk(kiosk);
    portal.child.kill('SIGINT');
    rmSync(portalData, { recursive: true, force: true });
  }
});

test('the service panel shows the active content and the translated reason a USB package was refused', async ({ page }) => {
  const media = mkdtempSync(join(tmpdir(), 'kyzmat-media-e2e-'));
  const kiosk = await startKiosk({ KIOSK_REMOVABLE_MEDIA_ROOTS: media });
  try {
    const stick = join(media, 'usb-stick', 'kyzmat-content');
    cpSync(buildChangedPackage(BUNDLED_CONTENT_VERSION + 2, 'Изменено'), stick, { recursive: true });
    // Same size, different bytes after signing, as a tampered stick would have it.
    const catalogue = join(stick, 'catalogue.json');
    writeFileSync(catalogue, readFileSync(catalogue, 'utf8').replace('Изменено', 'Изменёно'));

    await page.goto(kiosk.launchUrl);
    await openServicePanel(page);
    await expect(page.getByTestId('active-content-version')).toHaveText(String(BUNDLED_CONTENT_VERSION));
    await expect(page.getByRole('alert')).toContainText('ДЕМО');

    await page.getByRole('button', { name: "USB'ден жүктөө" }).tap();
    await expect(page.locator('.panel-history li').first()).toContainText('четке кагылды');
    await expect(page.locator('.panel-reason').first()).toHaveAttribute('data-code', 'PART_HASH_MISMATCH');
    await expect(page.locator('.panel-reason').first()).toContainText('файл өзгөртүлгөн');
    await expect(page.getByTestId('active-content-version')).toHaveText(String(BUNDLED_CONTENT_VERSION));
    await screenshot(page, 'service-panel-ky');

    // Leaving the panel signs the technician out.
    await page.getByRole('button', { name: 'Чыгуу', exact: true }).tap();
    await expect(page.locator('[data-screen="attract"]')).toBeVisible();
  } finally {
    await stopKiosk(kiosk);
    rmSync(media, { recursive: true, force: true });
  }
});
