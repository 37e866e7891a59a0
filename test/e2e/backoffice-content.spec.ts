import { expect, test, type Page } from '@playwright/test';
import { zipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { ACCOUNTS, backOfficeStrings, LANGUAGE_BUTTONS, noAxeViolations, startPortalWithAccounts, stopPortal, typeSignIn, type RunningPortal } from './backoffice-fixture.js';

/*
 * The content page in Chromium against the real portal process: an administrator uploads the zip
 * of a package folder with a problem (the problem is listed with its file and path), then a good
 * one, assigns it to one office, and a kiosk of that office is offered it through the manifest
 * while a kiosk of another office is not; then it is widened to all. axe finds nothing on the
 * upload, the problem list and the rollout in ky, ru and en.
 */

const DEMO_KEY = 'resources/demo-keys/demo-content-2026-b.private.json';
const BUNDLED_VERSION = (JSON.parse(readFileSync('resources/content-source/content.json', 'utf8')) as { version: number }).version;
const BASELINE = BUNDLED_VERSION + 1;
const STAGED = BUNDLED_VERSION + 2;
const ADMIN_TOKEN = 'e2e-backoffice-admin-token-0123';

type ContentStrings = {
  upload: Record<'submit' | 'published' | 'refusedTitle' | 'file', string>;
  problem: Record<'PART_SIZE_MISMATCH', string>;
  meaning: Record<'TEXT_TOO_LONG', string>;
  rollout: Record<'all' | 'nowhere' | 'office' | 'refresh', string>;
  assign: Record<'submit' | 'widen' | 'assigned' | 'widened' | 'officeOption', string>;
  fleet: Record<'title' | 'nothing', string>;
};
const contentStrings = (language: string) => JSON.parse(readFileSync(`src/backoffice/locales/${language}/content.json`, 'utf8')) as ContentStrings;
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));

const cli = (...args: string[]) => execFileSync(process.execPath, ['dist/portal/content-cli.js', ...args], { encoding: 'utf8' });

/** A package folder built and signed from the sample content, as an administrator makes it. */
function buildPackage(version: number): string {
  const work = mkdtempSync(join(tmpdir(), 'kyzmat-backoffice-content-'));
  const out = join(work, 'package');
  cli('build', 'resources/content-source', '--out', out, '--version', String(version));
  cli('sign', out, '--key', DEMO_KEY);
  return out;
}

/** The zip of a package folder, its files under the folder's own name, as a file manager zips it. */
function zipFolder(folder: string): Buffer {
  const files: Record<string, Uint8Array> = {};
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[`package/${relative(folder, path).split(sep).join('/')}`] = readFileSync(path);
    }
  };
  walk(folder);
  return Buffer.from(zipSync(files));
}

let portal: RunningPortal;
const tokens: Record<'BSK1' | 'NRN1', string> = { BSK1: '', NRN1: '' };
let goodZip: Buffer;
let badZip: Buffer;

test.beforeAll(async () => {
  portal = await startPortalWithAccounts();
  for (const kiosk of ['BSK1', 'NRN1'] as const) {
    tokens[kiosk] = execFileSync(process.execPath, ['dist/portal/admin-cli.js', 'issue-credential', '--kiosk', kiosk, '--data', portal.dataFolder], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: '' },
    }).trim();
  }
  // What the fleet runs today, published with the CLI as before: it goes to every kiosk.
  cli('publish', buildPackage(BASELINE), '--portal', portal.url, '--token', ADMIN_TOKEN);
  const staged = buildPackage(STAGED);
  goodZip = zipFolder(staged);
  // A later package with a service's Russian title made too long after signing: changed, and no kiosk could show it.
  // Its own version, never published, so it is refused for what it is whichever test uploads it first.
  const broken = join(mkdtempSync(join(tmpdir(), 'kyzmat-backoffice-broken-')), 'package');
  cpSync(buildPackage(STAGED + 10), broken, { recursive: true });
  const catalogue = JSON.parse(readFileSync(join(broken, 'catalogue.json'), 'utf8')) as { services: { id: string; title: { ru: string } }[] };
  catalogue.services.find((service) => service.id === 'birth-registration')!.title.ru = 'Р'.repeat(260);
  writeFileSync(join(broken, 'catalogue.json'), JSON.stringify(catalogue));
  badZip = zipFolder(broken);
});
test.afterAll(async () => {
  await stopPortal(portal);
});

async function offeredTo(page: Page, kiosk: 'BSK1' | 'NRN1'): Promise<string | undefined> {
  const answer = await page.request.get(`${portal.url}/v1/content/manifest`, { headers: { Authorization: `Bearer ${tokens[kiosk]}` } });
  expect(answer.status()).toBe(200);
  return answer.headers()['content-package-version'];
}

async function openContentPage(page: Page, language: keyof typeof LANGUAGE_BUTTONS): Promise<void> {
  await page.goto(portal.backOffice);
  await page.getByRole('button', { name: LANGUAGE_BUTTONS[language] }).click();
  await typeSignIn(page, ACCOUNTS.administrator.username, ACCOUNTS.administrator.password);
  const sections = backOfficeStrings(language).sections;
  await page.getByRole('navigation').getByRole('button', { name: sections.content.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: sections.content.title })).toBeVisible();
}

async function uploadZip(page: Page, language: string, zip: Buffer): Promise<void> {
  const text = contentStrings(language);
  await page.getByLabel(text.upload.file).setInputFiles({ name: 'package.zip', mimeType: 'application/zip', buffer: zip });
  await page.getByRole('button', { name: text.upload.submit }).click();
}

test('an administrator uploads a package with a problem, then a good one, and rolls it out to one office before all', async ({ page }) => {
  const text = contentStrings('en');
  await openContentPage(page, 'en');

  await uploadZip(page, 'en', badZip);
  const refusal = page.getByRole('alert').filter({ hasText: text.upload.refusedTitle });
  await expect(refusal).toBeVisible();
  // The meaning problem names the file and the place in it; the file changed after signing is named too.
  const tooLong = refusal.getByRole('listitem').filter({ hasText: 'catalogue.json, at title.ru' });
  await expect(tooLong).toContainText('services/birth-registration.json');
  await expect(tooLong).toContainText(fill(text.meaning.TEXT_TOO_LONG, { length: 260, limit: 200 }));
  await expect(refusal.getByRole('listitem').filter({ hasText: text.problem.PART_SIZE_MISMATCH })).toContainText('catalogue.json');
  await noAxeViolations(page, 'content problems en');
  await page.screenshot({ path: 'test-results/screenshots/backoffice-content-problems-en.png', fullPage: true });

  await uploadZip(page, 'en', goodZip);
  await expect(page.getByText(fill(text.upload.published, { version: STAGED }))).toBeVisible();
  const versions = page.getByRole('table').first();
  await expect(versions.getByRole('row', { name: new RegExp(`^${STAGED} `) })).toContainText(text.rollout.nowhere);
  await expect(versions.getByRole('row', { name: new RegExp(`^${BASELINE} `) })).toContainText(text.rollout.all);
  expect([await offeredTo(page, 'BSK1'), await offeredTo(page, 'NRN1')]).toEqual([String(BASELINE), String(BASELINE)]);

  await page.getByLabel(fill(text.assign.officeOption, { code: 'BSK' })).check();
  await page.getByRole('button', { name: text.assign.submit }).click();
  await expect(page.getByText(fill(text.assign.assigned, { version: STAGED }))).toBeVisible();
  await expect(versions.getByRole('row', { name: new RegExp(`^${STAGED} `) })).toContainText(fill(text.rollout.office, { code: 'BSK' }));
  // A kiosk of that office is offered it; a kiosk of another office still gets what all kiosks get.
  expect([await offeredTo(page, 'BSK1'), await offeredTo(page, 'NRN1')]).toEqual([String(STAGED), String(BASELINE)]);
  await expect(page.getByRole('row', { name: /^BSK1 / })).toContainText(String(STAGED));
  // BSK1 installs it and says so in its heartbeat: the page shows it running there, and nowhere else yet.
  const beat = await page.request.post(`${portal.url}/v1/heartbeats`, {
    headers: { Authorization: `Bearer ${tokens.BSK1}` },
    data: { appVersion: '1.0.0', contentVersion: STAGED, queueDepth: 0, oldestQueuedAgeSeconds: null, quarantined: 0, lastSyncAt: null, printerState: 'ready' },
  });
  expect(beat.status()).toBe(204);
  await page.getByRole('button', { name: text.rollout.refresh }).click();
  await expect(page.getByRole('row', { name: /^BSK1 / })).toContainText(`BSK${STAGED}${STAGED}`);
  await expect(page.getByRole('row', { name: /^NRN1 / })).toContainText(`NRN${BASELINE}${text.fleet.nothing}`);
  await noAxeViolations(page, 'content rollout en');
  await page.screenshot({ path: 'test-results/screenshots/backoffice-content-rollout-en.png', fullPage: true });

  await page.getByRole('button', { name: text.assign.widen }).click();
  await expect(page.getByText(fill(text.assign.widened, { version: STAGED }))).toBeVisible();
  await expect(versions.getByRole('row', { name: new RegExp(`^${STAGED} `) })).toContainText(text.rollout.all);
  expect([await offeredTo(page, 'BSK1'), await offeredTo(page, 'NRN1')]).toEqual([String(STAGED), String(STAGED)]);
});

for (const language of ['ky', 'ru', 'en'] as const) {
  test(`the content page and its problem list pass axe in ${language}`, async ({ page }) => {
    const text = contentStrings(language);
    await openContentPage(page, language);
    await expect(page.getByRole('heading', { level: 2, name: text.fleet.title })).toBeVisible();
    await noAxeViolations(page, `content page ${language}`);
    await uploadZip(page, language, badZip);
    const refusal = page.getByRole('alert').filter({ hasText: text.upload.refusedTitle });
    await expect(refusal).toBeVisible();
    await expect(refusal).toContainText(text.problem.PART_SIZE_MISMATCH);
    await noAxeViolations(page, `content problems ${language}`);
  });
}
