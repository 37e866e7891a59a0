import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeParts, signPackage } from '../../src/portal/content/package-builder.js';
import { readPackageFolder, writePackageFolder } from '../../src/portal/content/package-files.js';
import { signingKeyFileSchema } from '../../src/portal/content/signing.js';
import { CATALOGUE_PART, MANIFEST_FILE, SIGNATURE_FILE, type CatalogueDocument } from '../../src/shared/content/content-schema.js';
import { BUNDLED_CONTENT_VERSION, expect, openServicePanel, screenshot, startKiosk, stopKiosk, test } from './kiosk-fixture.js';
import { openService, scan } from './visit-steps.js';

const DEMO_KEY = 'resources/demo-keys/demo-content-2026-b.private.json';

/**
 * A package `content build` would refuse, signed anyway with a trusted key: built from the sample
 * content, then its catalogue changed and its manifest and signature made again, as someone holding
 * the key could.
 */
function signedBrokenPackage(folder: string, breakIt: (catalogue: CatalogueDocument) => void): void {
  const sound = join(folder, 'sound');
  execFileSync(process.execPath, ['dist/portal/content-cli.js', 'build', 'resources/content-source', '--out', sound, '--version', String(BUNDLED_CONTENT_VERSION + 2)]);
  const files = readPackageFolder(sound);
  const catalogue = JSON.parse(Buffer.from(files.get(CATALOGUE_PART)!).toString('utf8')) as CatalogueDocument;
  breakIt(catalogue);
  const parts = new Map([...files].filter(([path]) => path !== MANIFEST_FILE && path !== SIGNATURE_FILE));
  parts.set(CATALOGUE_PART, Buffer.from(JSON.stringify(catalogue)));
  const now = new Date();
  const manifest = describeParts(parts, { version: BUNDLED_CONTENT_VERSION + 2, created: now, expires: new Date(now.getTime() + 86_400_000), minAppVersion: '0.1.0' });
  writePackageFolder(join(folder, 'usb-stick', 'kyzmat-content'), signPackage(new Map([...parts, [MANIFEST_FILE, Buffer.from(JSON.stringify(manifest))]]), signingKeyFileSchema.parse(JSON.parse(readFileSync(DEMO_KEY, 'utf8')))));
}

test('the service panel says in Kyrgyz why a signed package was refused for its meaning, and where', async ({ page }) => {
  const media = mkdtempSync(join(tmpdir(), 'kyzmat-media-e2e-'));
  const kiosk = await startKiosk({ KIOSK_REMOVABLE_MEDIA_ROOTS: media });
  try {
    signedBrokenPackage(media, (catalogue) => {
      const form = catalogue.forms.find((candidate) => candidate.id === 'form-birth-registration')!;
      const group = form.pages.flatMap((formPage) => formPage.fields).find((field) => field.type === 'repeatGroup');
      if (group?.type === 'repeatGroup') Object.assign(group, { minItems: 5, maxItems: 2 });
      else Object.assign(form.pages[0]!.fields[0]!, { minLength: 20, maxLength: 10 });
    });
    await page.goto(kiosk.launchUrl);
    await openServicePanel(page);
    await page.getByRole('button', { name: "USB'ден жүктөө" }).tap();
    const problem = page.locator('.panel-problem').first();
    await expect(problem).toHaveAttribute('data-rule', 'MIN_ABOVE_MAX');
    await expect(problem).toContainText('forms/form-birth-registration.json');
    await expect(problem).toContainText('эч бир жооп экөөнө тең туура келбейт');
    await expect(page.locator('.panel-reason').first()).toContainText('мазмун мындай түрүндө иштей албайт');
    await expect(page.getByTestId('active-content-version')).toHaveText(String(BUNDLED_CONTENT_VERSION));
    await scan(page, 'service panel with a refused package');
    await screenshot(page, 'service-panel-meaning-refused-ky');
  } finally {
    await stopKiosk(kiosk);
    rmSync(media, { recursive: true, force: true });
  }
});

test('a form that fails while a visitor types shows a way back to the start, and the service goes to staff on this kiosk', async ({ openKiosk }) => {
  const page = await openKiosk();
  await openService(page, 'Кыргызча', 'civil-status', 'birth-registration');
  await page.getByRole('button', { name: 'Арыз берүү', exact: true }).tap();
  await page.getByRole('button', { name: 'Окудум жана макулмун' }).tap();
  await expect(page.locator('[data-page-id="your-name"]')).toBeVisible();

  // A fault in the page itself: the form's next evaluation throws, as a bug in a rule or the engine would.
  await page.evaluate(() => {
    const original = Object.getOwnPropertyDescriptor(Date.prototype, 'getFullYear')!;
    (window as unknown as { restoreDate: () => void }).restoreDate = () => Object.defineProperty(Date.prototype, 'getFullYear', original);
    Date.prototype.getFullYear = () => {
      throw new TypeError('injected fault');
    };
  });
  await page.locator('#field-lastName').tap();
  // A key typed makes the form evaluate again (a tap on the field alone changes no answer).
  await page.locator('.on-screen-keyboard .hg-button[data-skbtn="а"]').first().tap();

  const failed = page.locator('[data-screen="screen-failed"]');
  await expect(failed).toBeVisible();
  await expect(failed.getByRole('alert')).toContainText('Бул экранда ката кетти');
  await expect(failed).toContainText('эч бири жөнөтүлгөн жок');
  await page.evaluate(() => (window as unknown as { restoreDate: () => void }).restoreDate());
  await scan(page, 'screen failed');
  await screenshot(page, 'screen-failed-ky');

  await page.getByRole('button', { name: 'Кайра баштоо' }).tap();
  await expect(page.locator('[data-screen="attract"]')).toBeVisible();

  // The next visitor is told to ask staff instead of meeting the same failure.
  await openService(page, 'Кыргызча', 'civil-status', 'birth-registration');
  await expect(page.getByTestId('service-unavailable')).toContainText('Кызматкерге кайрылыңыз');
  await expect(page.getByRole('button', { name: 'Арыз берүү', exact: true })).toHaveCount(0);
  await scan(page, 'service out of use on this kiosk');
});

test('the kiosk log records the failed screen by name only', async ({ page }) => {
  const kiosk = await startKiosk();
  try {
    await page.goto(kiosk.launchUrl);
    await openService(page, 'Кыргызча', 'civil-status', 'birth-registration');
    await page.getByRole('button', { name: 'Арыз берүү', exact: true }).tap();
    await page.getByRole('button', { name: 'Окудум жана макулмун' }).tap();
    await page.evaluate(() => {
      Date.prototype.getFullYear = () => {
        throw new TypeError('Асанова 11204198500012');
      };
    });
    await page.locator('#field-lastName').tap();
    await page.locator('.on-screen-keyboard .hg-button[data-skbtn="а"]').first().tap();
    await expect(page.locator('[data-screen="screen-failed"]')).toBeVisible();
    await expect
      .poll(() => readFileSync(join(kiosk.dataFolder, 'logs', 'kiosk.log'), 'utf8'))
      .toContain('"event":"screen_failed"');
    const log = readFileSync(join(kiosk.dataFolder, 'logs', 'kiosk.log'), 'utf8');
    expect(log).toContain('"errorName":"TypeError"');
    expect(log).not.toContain('Асанова');
    expect(log).not.toContain('11204198500012');
  } finally {
    await stopKiosk(kiosk);
  }
});
