import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCOUNTS, backOfficeStrings, LANGUAGE_BUTTONS, noAxeViolations, startPortalWithAccounts, stopPortal, typeSignIn, type RunningPortal } from './backoffice-fixture.js';
import { openStaffSignIn, signInOnPad, startKiosk, stopKiosk, type RunningKiosk } from './kiosk-fixture.js';

/*
 * The staff page in Chromium against the real portal process, and a real kiosk of the office
 * that fetches the office's signed staff list: an administrator adds a clerk (the form names each
 * wrong field first, a taken staff id is refused), the PIN is shown once, and the clerk signs in at
 * the kiosk with it by touch. A PIN reset ends that kiosk session and the old PIN stops working;
 * a disabled clerk cannot sign in. axe finds nothing on the page, its errors or its dialogs, in
 * ky, ru and en.
 */
type Strings = Record<string, unknown>;
const staffStrings = (language: string) => JSON.parse(readFileSync(`src/backoffice/locales/${language}/staff.json`, 'utf8')) as Strings;
const text = (tree: Strings, path: string, values: Record<string, string | number> = {}): string => {
  const template = path.split('.').reduce<unknown>((node, key) => (node as Strings)[key], tree) as string;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
};
const KIOSK_WRONG_PIN_KY = (left: number) => `Бөгөттөлгөнгө чейин ${left} аракет калды`;
const CLERK = { staffId: '3001', name: 'Aida Asanova' };

let portal: RunningPortal;
test.beforeAll(async () => {
  portal = await startPortalWithAccounts();
});
test.afterAll(async () => {
  await stopPortal(portal);
});

async function signInAsAdministrator(page: Page, language: keyof typeof LANGUAGE_BUTTONS): Promise<void> {
  await page.goto(portal.backOffice);
  await page.getByRole('button', { name: LANGUAGE_BUTTONS[language] }).click();
  await typeSignIn(page, ACCOUNTS.administrator.username, ACCOUNTS.administrator.password);
  const title = backOfficeStrings(language).sections.staff.title;
  await page.getByRole('navigation').getByRole('button', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
}

/** Waits until the kiosk's log says it applied the office's staff list of this version. */
async function kioskApplied(kiosk: RunningKiosk, version: number): Promise<void> {
  await expect
    .poll(
      () => {
        try {
          return readFileSync(join(kiosk.dataFolder, 'logs', 'kiosk.log'), 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line) as { event: string; version?: number })
            .some((record) => record.event === 'staff_list_applied' && record.version === version);
        } catch {
          return false;
        }
      },
      { timeout: 20_000 },
    )
    .toBe(true);
}

test('an administrator adds a clerk whose PIN is shown once; the clerk signs in at the office’s kiosk; a reset ends that session and a disabled clerk is refused', async ({ page, context }) => {
  test.setTimeout(150_000);
  const en = staffStrings('en');
  const credential = execFileSync(process.execPath, ['dist/portal/admin-cli.js', 'issue-credential', '--kiosk', 'BSK1', '--data', portal.dataFolder], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
  const kiosk = await startKiosk({ KIOSK_PORTAL_URL: portal.url, KIOSK_PORTAL_TOKEN: credential, KIOSK_CODE: 'BSK1', KIOSK_CONTENT_POLL_SECONDS: '2' });
  try {
    await signInAsAdministrator(page, 'en');
    await expect(page.getByText(text(en, 'empty'))).toBeVisible();
    await expect(page.getByTestId('staff-not-publishing')).toHaveCount(0);
    await noAxeViolations(page, 'staff (en)');

    // Every wrong field is named before anything is sent, and the first of them takes the focus.
    await page.locator('#staff-staffId').fill('12');
    await page.getByRole('checkbox', { name: text(en, 'roles.clerk') }).uncheck();
    await page.locator('#staff-cardNumber').fill('card');
    await page.getByRole('button', { name: text(en, 'form.submit') }).click();
    for (const field of ['officeCode', 'staffId', 'displayName', 'roles', 'cardNumber']) {
      await expect(page.locator(`#staff-${field}-error`)).toHaveText(text(en, `form.errors.${field}`));
    }
    await expect(page.locator('#staff-officeCode')).toBeFocused();
    await expect(page.locator('#staff-staffId')).toHaveAttribute('aria-invalid', 'true');
    await noAxeViolations(page, 'staff form errors (en)');

    await page.locator('#staff-officeCode').fill('bsk');
    await page.locator('#staff-staffId').fill(CLERK.staffId);
    await page.locator('#staff-displayName').fill(CLERK.name);
    await page.getByRole('checkbox', { name: text(en, 'roles.clerk') }).check();
    await page.locator('#staff-cardNumber').fill('');
    await page.getByRole('button', { name: text(en, 'form.submit') }).click();
    const card = page.getByTestId('issued-pin-card');
    await expect(card).toContainText(text(en, 'pin.titleCreated', { name: CLERK.name, staffId: CLERK.staffId }));
    await expect(card).toContainText(text(en, 'pin.published', { officeCode: 'BSK', version: 1 }));
    const pin = (await page.getByTestId('issued-pin').innerText()).trim();
    expect(pin).toMatch(/^\d{6}$/);
    const row = page.getByTestId('staff-table').locator(`[data-staff="BSK-${CLERK.staffId}"]`);
    await expect(row.locator('[data-column="state"]')).toHaveText(text(en, 'states.active'));
    await expect(row.locator('[data-column="roles"]')).toHaveText(text(en, 'roles.clerk'));
    await expect(page.getByTestId('staff-lists').locator('[data-office="BSK"]')).toContainText('BSK: version 1');
    await noAxeViolations(page, 'staff with a PIN shown (en)');

    // The same staff id again is refused, and what was typed stays.
    await page.getByRole('button', { name: text(en, 'pin.close') }).click();
    await expect(page.getByTestId('issued-pin-card')).toHaveCount(0);
    await page.locator('#staff-staffId').fill(CLERK.staffId);
    await page.locator('#staff-displayName').fill('Someone Else');
    await page.getByRole('button', { name: text(en, 'form.submit') }).click();
    await expect(page.getByTestId('staff-form-failure')).toHaveText(text(en, 'errors.staffIdTaken'));
    await expect(page.locator('#staff-displayName')).toHaveValue('Someone Else');

    // The clerk signs in at the office's kiosk, by touch, with the PIN the page showed.
    await kioskApplied(kiosk, 1);
    const kioskPage = await context.newPage();
    await kioskPage.goto(kiosk.launchUrl);
    await openStaffSignIn(kioskPage);
    await signInOnPad(kioskPage, { staffId: CLERK.staffId, pin });
    await expect(kioskPage.locator('[data-screen="clerk-home"]')).toBeVisible();
    await expect(kioskPage.getByTestId('clerk-name')).toContainText(CLERK.name);

    // A reset makes a new PIN; once the kiosk has the new list, the session opened with the old one ends.
    await page.getByRole('button', { name: text(en, 'actions.resetFor', { name: CLERK.name }) }).click();
    const dialog = page.getByTestId('staff-action-dialog');
    await expect(dialog.getByRole('heading')).toHaveText(text(en, 'confirm.reset.title', { name: CLERK.name, staffId: CLERK.staffId }));
    await noAxeViolations(page, 'staff reset dialog (en)');
    await dialog.getByRole('button', { name: text(en, 'confirm.reset.confirm') }).click();
    await expect(card).toContainText(text(en, 'pin.titleReset', { name: CLERK.name, staffId: CLERK.staffId }));
    const newPin = (await page.getByTestId('issued-pin').innerText()).trim();
    expect(newPin).toMatch(/^\d{6}$/);
    await kioskApplied(kiosk, 2);
    await expect(kioskPage.locator('[data-screen="attract"]')).toBeVisible({ timeout: 10_000 });

    await openStaffSignIn(kioskPage);
    if (newPin !== pin) {
      await signInOnPad(kioskPage, { staffId: CLERK.staffId, pin });
      await expect(kioskPage.getByTestId('staff-sign-in-problem')).toContainText(KIOSK_WRONG_PIN_KY(4));
      await kioskPage.getByRole('button', { name: 'Жокко чыгаруу' }).tap();
      await openStaffSignIn(kioskPage);
    }
    await signInOnPad(kioskPage, { staffId: CLERK.staffId, pin: newPin });
    await expect(kioskPage.locator('[data-screen="clerk-home"]')).toBeVisible();
    await kioskPage.getByRole('button', { name: 'Чыгуу', exact: true }).tap();
    await expect(kioskPage.locator('[data-screen="attract"]')).toBeVisible();

    // Disabled: the record stays on the page, and the kiosk no longer signs the clerk in.
    await page.getByRole('button', { name: text(en, 'pin.close') }).click();
    await page.getByRole('button', { name: text(en, 'actions.disableFor', { name: CLERK.name }) }).click();
    await dialog.getByRole('button', { name: text(en, 'confirm.disable.confirm', { name: CLERK.name }) }).click();
    await expect(page.getByTestId('staff-changed')).toHaveText(text(en, 'changed.disabled', { name: CLERK.name, officeCode: 'BSK', version: 3 }));
    await expect(row.locator('[data-column="state"]')).toHaveText(text(en, 'states.disabled'));
    await expect(page.getByRole('button', { name: text(en, 'actions.enableFor', { name: CLERK.name }) })).toBeVisible();
    await kioskApplied(kiosk, 3);
    await openStaffSignIn(kioskPage);
    await signInOnPad(kioskPage, { staffId: CLERK.staffId, pin: newPin });
    await expect(kioskPage.getByTestId('staff-sign-in-problem')).toBeVisible();
    await expect(kioskPage.locator('[data-screen="clerk-home"]')).toHaveCount(0);
  } finally {
    await stopKiosk(kiosk);
  }
});

for (const language of ['ky', 'ru'] as const) {
  test(`the staff page in ${language}: its list, the add form's errors and the enable dialog pass axe`, async ({ page }) => {
    const strings = staffStrings(language);
    await signInAsAdministrator(page, language);
    await page.getByRole('button', { name: text(strings, 'form.submit') }).click();
    await expect(page.locator('#staff-staffId-error')).toHaveText(text(strings, 'form.errors.staffId'));
    await noAxeViolations(page, `staff form errors (${language})`);
    // The first test left a disabled clerk in BSK; enable asks first, naming them.
    await page.getByRole('button', { name: text(strings, 'actions.enableFor', { name: CLERK.name }) }).click();
    await expect(page.getByTestId('staff-action-dialog').getByRole('heading')).toHaveText(text(strings, 'confirm.enable.title', { name: CLERK.name, staffId: CLERK.staffId }));
    await noAxeViolations(page, `staff enable dialog (${language})`);
    await page.getByTestId('staff-action-dialog').getByRole('button', { name: text(strings, 'confirm.cancel') }).click();
    await expect(page.getByTestId('staff-action-dialog')).toHaveCount(0);
  });
}
