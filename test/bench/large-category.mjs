// A category of 100,000 services in Chromium: the time from the tap on its tile to the painted
// first screen of its list. The package is signed with the demo key the built kiosk trusts and
// applied from a "USB stick", as an administrator would bring it.
import { chromium } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateCatalogue, writeSignedPackage } from './content.mjs';

const SERVICES = 100_000;
const DEMO_KEY = 'resources/demo-keys/demo-content-2026-a.private.json';

/** 100,000 small services in one category (short texts, one document): the largest category the content limits allow. */
function largeCategoryCatalogue() {
  const catalogue = generateCatalogue(14);
  const base = catalogue.services[0];
  const categoryId = base.categoryId;
  const short = (text) => ({ ky: `${text} ky`, ru: `${text} ru`, en: `${text} en` });
  catalogue.services = Array.from({ length: SERVICES }, (_, index) => ({
    ...base,
    id: `large-${index}`,
    categoryId,
    title: short(`Service ${index}`),
    summary: short(`Summary ${index}`),
    description: short('Description'),
    whoMayApply: short('Anyone'),
    keywords: undefined,
    requiredDocuments: [{ id: 'passport', title: short('Passport') }],
    urgencyTiers: [],
    sampleForms: [],
    additionalLegalTexts: [],
  }));
  return { catalogue, categoryId };
}

export async function benchLargeCategory(report, { startKiosk, stopKiosk, chromiumArgs, runs }) {
  const work = mkdtempSync(join(tmpdir(), 'kyzmat-bench-category-'));
  const media = join(work, 'media');
  const { catalogue, categoryId } = largeCategoryCatalogue();
  const stick = join(media, 'stick', 'kyzmat-content');
  mkdirSync(stick, { recursive: true });
  const bytes = writeSignedPackage(stick, catalogue, 50, JSON.parse(readFileSync(DEMO_KEY, 'utf8')));
  report('content_package_100k_category_size', [bytes / (1024 * 1024)], 'MiB');
  const kiosk = await startKiosk(join(work, 'kiosk'), { KIOSK_REMOVABLE_MEDIA_ROOTS: media });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(kiosk.launchUrl);
    // Loading from USB is the service panel's: the demo technician of the bundled content signs in first.
    const signedIn = await page.evaluate(() => window.kiosk.signInStaff({ staffId: '2001', pin: '135790' }));
    if (!signedIn.ok) throw new Error(`the demo technician could not sign in: ${JSON.stringify(signedIn)}`);
    const applied = await page.evaluate(() => window.kiosk.importContentFromRemovableMedia({}));
    if (!applied.ok || applied.value.outcome !== 'applied') throw new Error(`the 100,000-service package was not applied: ${JSON.stringify(applied)}`);
    await page.reload();
    await page.locator('[data-screen="attract"] button').first().click();
    await page.getByRole('button', { name: 'English' }).click();
    const tile = page.locator(`[data-category-id="${categoryId}"]`);
    const times = [];
    for (let run = 0; run < runs; run++) {
      await tile.waitFor({ state: 'visible' });
      const started = performance.now();
      await tile.click();
      await page.locator('[data-screen="category"] .service-card').first().waitFor({ state: 'visible' });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      times.push(performance.now() - started);
      const shown = await page.locator('[data-screen="category"] .service-card').count();
      if (shown >= SERVICES) throw new Error('the category drew every service at once');
      await page.getByRole('button', { name: 'Back' }).click();
    }
    report('category_100k_first_screen', times, 'ms');
  } finally {
    await browser.close();
    await stopKiosk(kiosk.child);
    rmSync(work, { recursive: true, force: true });
  }
}
