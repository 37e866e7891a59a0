import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACCOUNTS, backOfficeStrings, LANGUAGE_BUTTONS, noAxeViolations, startPortalWithAccounts, stopPortal, typeSignIn, type RunningPortal } from './backoffice-fixture.js';
import { BUNDLED_CONTENT_VERSION, openServicePanel, startKiosk, stopKiosk, type RunningKiosk } from './kiosk-fixture.js';

/*
 * The fleet and kiosks pages in Chromium against the real portal process: an administrator makes
 * an enrolment code on the Kiosks page, a real kiosk host is enrolled with it through its service
 * panel by touch and sends heartbeats, the Fleet page shows it with its versions and filters by
 * office, and after Revoke (confirmed in a dialog naming the kiosk) the credential the kiosk holds
 * is refused. axe finds nothing on either page in ky, ru and en.
 */

type Strings = Record<string, unknown>;
const strings = (language: string, namespace: 'fleet' | 'kiosks') => JSON.parse(readFileSync(`src/backoffice/locales/${language}/${namespace}.json`, 'utf8')) as Strings;
const text = (tree: Strings, path: string, values: Record<string, string> = {}): string => {
  const template = path.split('.').reduce<unknown>((node, key) => (node as Strings)[key], tree) as string;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? `{{${name}}}`);
};
const APP_VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

let portal: RunningPortal;
let kiosk: RunningKiosk | undefined;
test.beforeAll(async () => {
  portal = await startPortalWithAccounts();
});
test.afterAll(async () => {
  if (kiosk) await stopKiosk(kiosk);
  await stopPortal(portal);
});

async function signInAsAdministrator(page: Page, language: keyof typeof LANGUAGE_BUTTONS): Promise<void> {
  await page.goto(portal.backOffice);
  await page.getByRole('button', { name: LANGUAGE_BUTTONS[language] }).click();
  await typeSignIn(page, ACCOUNTS.administrator.username, ACCOUNTS.administrator.password);
  await expect(page.getByRole('navigation')).toBeVisible();
}

async function openSection(page: Page, language: string, section: 'fleet' | 'kiosks'): Promise<void> {
  const title = backOfficeStrings(language).sections[section].title;
  await page.getByRole('navigation').getByRole('button', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
}

/** What a kiosk with this credential is answered when it delivers its heartbeat. */
async function heartbeatAnswer(credential: string): Promise<number> {
  const response = await fetch(`${portal.url}/v1/heartbeats`, {
    method: 'POST',
    headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json' },
    body: JSON.stringify({ appVersion: APP_VERSION, contentVersion: null, queueDepth: 0, oldestQueuedAgeSeconds: null, quarantined: 0, lastSyncAt: null, printerState: 'pdf' }),
  });
  return response.status;
}

test('an administrator enrols a real kiosk with a code from the Kiosks page, sees it in the fleet, filters by office, and revokes it', async ({ page, context }) => {
  test.setTimeout(120_000);
  const en = { fleet: strings('en', 'fleet'), kiosks: strings('en', 'kiosks') };
  await signInAsAdministrator(page, 'en');
  await openSection(page, 'en', 'kiosks');
  await expect(page.getByText(text(en.kiosks, 'empty'))).toBeVisible();

  // A mistyped kiosk code is refused in words, nothing made.
  const kioskCode = page.getByLabel(text(en.kiosks, 'create.kioskCode'));
  await kioskCode.fill('BSKU');
  await page.getByRole('button', { name: text(en.kiosks, 'create.submit') }).click();
  await expect(page.getByRole('alert').filter({ hasText: text(en.kiosks, 'errors.kioskCode') })).toBeVisible();
  await expect(kioskCode).toBeFocused();
  // ASH1 gets a code it never uses: known to the portal, never reported.
  await kioskCode.fill('ash1');
  await page.getByRole('button', { name: text(en.kiosks, 'create.submit') }).click();
  await expect(page.getByRole('heading', { name: text(en.kiosks, 'code.title', { kioskCode: 'ASH1' }) })).toBeVisible();
  await kioskCode.fill('BSK1');
  await page.getByRole('button', { name: text(en.kiosks, 'create.submit') }).click();
  const card = page.getByTestId('enrolment-code-card');
  await expect(card.getByRole('heading', { name: text(en.kiosks, 'code.title', { kioskCode: 'BSK1' }) })).toBeVisible();
  await expect(card).toContainText(/Valid once, until [A-Z][a-z]+ \d{1,2}, 20\d\d/);
  await expect(page.getByText(text(en.kiosks, 'create.replaces'))).toBeVisible();
  const groups = await page.getByTestId('enrolment-code').locator('span').allTextContents();
  expect(groups).toHaveLength(2);
  const code = groups.join('-');
  expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  await expect(page.getByTestId('kiosks-table').locator('[data-kiosk="BSK1"] [data-column="credential"]')).toHaveText(text(en.kiosks, 'credential.neverEnrolled'));
  await noAxeViolations(page, 'kiosks en, a code shown');

  // The technician types the code in the kiosk's service panel, by touch.
  kiosk = await startKiosk({ KIOSK_PORTAL_URL: portal.url, KIOSK_CODE: 'BSK1', KIOSK_HEARTBEAT_SECONDS: '1' });
  const kioskPage = await context.newPage();
  await kioskPage.setViewportSize({ width: 1080, height: 1920 });
  await kioskPage.goto(kiosk.launchUrl);
  await expect(kioskPage.locator('[data-screen="attract"]')).toBeVisible();
  await openServicePanel(kioskPage);
  const pad = kioskPage.locator('.enrolment-code-pad');
  for (const character of code.replace('-', '')) await pad.locator(`.hg-button[data-skbtn="${character}"]`).tap();
  await kioskPage.getByRole('button', { name: 'Каттоо', exact: true }).tap();
  await expect(kioskPage.getByTestId('enrolment-outcome')).toHaveAttribute('data-outcome', 'enrolled', { timeout: 10_000 });
  await kioskPage.close();
  const credential = readFileSync(join(kiosk.dataFolder, 'credential', 'portal-credential'), 'utf8').trim();

  // The fleet shows the kiosk with the versions its heartbeats carry.
  await openSection(page, 'en', 'fleet');
  const table = page.getByTestId('fleet-table');
  const row = table.locator('[data-kiosk="BSK1"]');
  await expect(async () => {
    await page.getByRole('button', { name: text(en.fleet, 'refresh.now') }).click();
    await expect(row.locator('[data-column="app-version"]')).toHaveText(APP_VERSION, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(row.locator('[data-column="content-version"]')).toHaveText(String(BUNDLED_CONTENT_VERSION));
  // The free disk of the kiosk's data folder, in tenths of a GiB.
  await expect(row.locator('[data-column="free-disk"]')).toHaveText(/^\d+(\.\d)? GiB free$/);
  await expect(row.locator('[data-column="alarms"]')).toHaveText(text(en.fleet, 'noAlarms'));
  await expect(table.locator('[data-kiosk="ASH1"] [data-column="alarms"]')).toHaveText(text(en.fleet, 'alarms.neverReported'));
  await expect(page.getByTestId('fleet-refreshed')).toContainText(/Updated at \d\d:\d\d:\d\d/);
  await noAxeViolations(page, 'fleet en');

  // Restarted on a damaged database, the kiosk is out of service and still tells the fleet so, with
  // the code of its recovery procedure; its queue cannot be read, so it is not shown as empty now.
  await expect(row.locator('[data-column="queue"]')).toHaveText('0');
  await stopKiosk(kiosk, { keepData: true });
  writeFileSync(join(kiosk.dataFolder, 'kiosk.sqlite'), Buffer.alloc(8192, 0x5a));
  kiosk = await startKiosk({ KIOSK_PORTAL_URL: portal.url, KIOSK_CODE: 'BSK1', KIOSK_HEARTBEAT_SECONDS: '1' }, { dataFolder: kiosk.dataFolder });
  await expect(async () => {
    await page.getByRole('button', { name: text(en.fleet, 'refresh.now') }).click();
    await expect(row.locator('[data-column="alarms"]')).toHaveText(text(en.fleet, 'outOfServiceWithCode', { code: 'KK-DB-DAMAGED' }), { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  // What the queue held when it was last counted, for the technician who recovers the file.
  await expect(row.locator('[data-column="queue"]')).toContainText(text(en.fleet, 'queueLastKnown', { count: '0' }).split('{{at}}')[0]!);
  await noAxeViolations(page, 'fleet en, a kiosk out of service');

  // Filter by office: the portal answers only that office's kiosks; the filter stays through refreshes.
  const office = page.getByLabel(text(en.fleet, 'filters.office'));
  await office.selectOption('ASH');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('[data-kiosk="ASH1"]')).toBeVisible();
  await expect(page.getByTestId('fleet-count')).toHaveText(text(en.fleet, 'count', { shown: '1', total: '2' }));
  await page.getByRole('button', { name: text(en.fleet, 'refresh.now') }).click();
  await expect(office).toHaveValue('ASH');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await office.selectOption('BSK');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(row).toBeVisible();
  const alarm = page.getByLabel(text(en.fleet, 'filters.alarm'));
  await alarm.selectOption('never-reported');
  await expect(page.getByText(text(en.fleet, 'empty'))).toBeVisible();
  await alarm.selectOption('');
  await office.selectOption('');
  await expect(table.locator('tbody tr')).toHaveCount(2);

  // A refresh replaces the rows in place: the page stays scrolled where the administrator left it.
  await page.setViewportSize({ width: 1280, height: 360 });
  const scrolled = await page.evaluate(() => {
    window.scrollTo(0, document.documentElement.scrollHeight);
    return window.scrollY;
  });
  expect(scrolled).toBeGreaterThan(0);
  const refreshButton = page.getByRole('button', { name: text(en.fleet, 'refresh.now') });
  // Clicked from the page's script: Playwright's own click would scroll the button into view first.
  await refreshButton.evaluate((button: HTMLButtonElement) => button.click());
  await expect(refreshButton).toBeEnabled();
  await expect(table.locator('tbody tr')).toHaveCount(2);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  await page.setViewportSize({ width: 1920, height: 1080 });

  // A refresh the portal does not answer says so, and the last list stays; the next one that works clears it.
  await page.route('**/backoffice/api/fleet/search', (route) => route.abort('connectionrefused'));
  await page.getByRole('button', { name: text(en.fleet, 'refresh.now') }).click();
  await expect(page.getByTestId('fleet-refresh-failed')).toContainText(text(en.fleet, 'refresh.failed').split('{{time}}')[0]!);
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await page.unroute('**/backoffice/api/fleet/search');
  await page.getByRole('button', { name: text(en.fleet, 'refresh.now') }).click();
  await expect(page.getByTestId('fleet-refresh-failed')).toBeHidden();
  await expect(page.getByTestId('fleet-refreshed')).toBeVisible();

  // Revoke, confirmed in a dialog that names the kiosk: the credential the kiosk holds is refused from then on.
  expect(await heartbeatAnswer(credential)).toBe(204);
  await openSection(page, 'en', 'kiosks');
  await expect(page.getByTestId('kiosks-table').locator('[data-kiosk="BSK1"] [data-column="credential"]')).toContainText('Live since');
  await page.getByRole('button', { name: text(en.kiosks, 'actions.revokeKiosk', { kioskCode: 'BSK1' }) }).click();
  const dialog = page.getByRole('dialog', { name: text(en.kiosks, 'revoke.title', { kioskCode: 'BSK1' }) });
  await expect(dialog).toBeVisible();
  await noAxeViolations(page, 'kiosks en, revoke dialog');
  await dialog.getByRole('button', { name: text(en.kiosks, 'revoke.cancel') }).click();
  await expect(dialog).toBeHidden();
  expect(await heartbeatAnswer(credential)).toBe(204);
  await page.getByRole('button', { name: text(en.kiosks, 'actions.revokeKiosk', { kioskCode: 'BSK1' }) }).click();
  await dialog.getByRole('button', { name: text(en.kiosks, 'revoke.confirm', { kioskCode: 'BSK1' }) }).click();
  await expect(page.getByRole('status').filter({ hasText: text(en.kiosks, 'revoke.done', { kioskCode: 'BSK1' }) })).toBeVisible();
  await expect(page.getByTestId('kiosks-table').locator('[data-kiosk="BSK1"] [data-column="credential"]')).toContainText('Revoked');
  expect(await heartbeatAnswer(credential)).toBe(403);
});

for (const [language, officeCode] of [['ky', 'NRN'], ['ru', 'TSK'], ['en', 'KRK']] as const) {
  test(`the kiosks page with a code shown and its revoke dialog, and the fleet page, pass axe in ${language}`, async ({ page }) => {
    const fleet = strings(language, 'fleet');
    const kiosks = strings(language, 'kiosks');
    const kioskCode = `${officeCode}1`;
    await signInAsAdministrator(page, language);
    await openSection(page, language, 'kiosks');
    await page.getByLabel(text(kiosks, 'create.kioskCode')).fill(kioskCode);
    await page.getByRole('button', { name: text(kiosks, 'create.submit') }).click();
    const card = page.getByTestId('enrolment-code-card');
    await expect(card.getByRole('heading', { name: text(kiosks, 'code.title', { kioskCode }) })).toBeVisible();
    // The expiry in the desk's words around the desk's own date.
    await expect(card).toContainText(text(kiosks, 'code.expires').split('{{time}}')[0]!);
    await expect(page.getByTestId('kiosks-table').locator(`[data-kiosk="${kioskCode}"]`)).toContainText(text(kiosks, 'credential.neverEnrolled'));
    await noAxeViolations(page, `kiosks ${language}, a code shown`);
    await page.getByRole('button', { name: text(kiosks, 'actions.revokeKiosk', { kioskCode }) }).click();
    const dialog = page.getByRole('dialog', { name: text(kiosks, 'revoke.title', { kioskCode }) });
    await expect(dialog).toContainText(text(kiosks, 'revoke.explain'));
    await noAxeViolations(page, `kiosks ${language}, revoke dialog`);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await openSection(page, language, 'fleet');
    await expect(page.getByTestId('fleet-table').locator(`[data-kiosk="${kioskCode}"] [data-column="alarms"]`)).toHaveText(text(fleet, 'alarms.neverReported'));
    await expect(page.getByRole('columnheader', { name: text(fleet, 'table.lastHeartbeat') })).toBeVisible();
    await noAxeViolations(page, `fleet ${language}`);
  });
}

test('the portal does not start with a heartbeat retention or stale threshold it cannot use, and says which setting and what it allows', () => {
  const dataFolder = mkdtempSync(join(tmpdir(), 'kyzmat-portal-settings-'));
  try {
    for (const [name, value, expected] of [
      ['PORTAL_HEARTBEAT_RETENTION_DAYS', '30 days', 'PORTAL_HEARTBEAT_RETENTION_DAYS must be a whole number of days from 1 to 3650'],
      ['PORTAL_FLEET_STALE_MINUTES', '0', 'PORTAL_FLEET_STALE_MINUTES must be a whole number of minutes from 1 to 10080'],
    ] as const) {
      const started = spawnSync(process.execPath, ['dist/portal/main.js', '--port', '0', '--data', dataFolder], {
        env: { ...process.env, PORTAL_ADMIN_TOKEN: 'e2e-fleet-settings-token-0123', DATABASE_URL: '', [name]: value },
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect([started.status, started.stdout]).toEqual([2, '']);
      expect(started.stderr).toContain(expected);
    }
  } finally {
    rmSync(dataFolder, { recursive: true, force: true });
  }
});
