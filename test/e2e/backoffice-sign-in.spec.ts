import { test, expect } from '@playwright/test';
import { ACCOUNTS, backOfficeStrings, LANGUAGE_BUTTONS, noAxeViolations, startPortalWithAccounts, stopPortal, typeSignIn, type RunningPortal } from './backoffice-fixture.js';

/*
 * The back office in Chromium, against the real portal process (`npm run portal`'s dist/portal/main.js)
 * with accounts made by portal-admin: an administrator and an officer sign in and out in ky, ru and
 * en by keyboard, a wrong password is refused in the language chosen, every page passes axe, and the
 * page carries its own strict CSP.
 */

let portal: RunningPortal;
test.beforeAll(async () => {
  portal = await startPortalWithAccounts();
});
test.afterAll(async () => {
  await stopPortal(portal);
});

test('the portal prints the back office address, and the page comes with its own strict CSP', async ({ page }) => {
  expect(portal.backOffice).toBe(`${portal.url}/backoffice/`);
  const response = await page.goto(portal.url);
  expect(page.url()).toBe(portal.backOffice);
  const csp = response!.headers()['content-security-policy'];
  expect(csp).toBe("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
  expect(response!.headers()['x-frame-options']).toBe('DENY');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

for (const [code, button] of Object.entries(LANGUAGE_BUTTONS)) {
  for (const role of ['administrator', 'officer'] as const) {
    test(`an ${role} signs in and out in ${code} by keyboard, with axe`, async ({ page }) => {
      const text = backOfficeStrings(code);
      const account = ACCOUNTS[role];
      const violations: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') violations.push(message.text());
      });
      await page.goto(portal.backOffice);
      await page.getByRole('button', { name: button }).click();
      await expect(page.getByRole('heading', { level: 1, name: text.signIn.title })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', code);

      if (role === 'officer') {
        await typeSignIn(page, account.username, 'not the password at all');
        await expect(page.getByRole('alert')).toHaveText(text.signIn.errors.wrongCredentials);
      }
      await noAxeViolations(page, `sign-in ${code}`);

      await typeSignIn(page, account.username, account.password);
      await expect(page.getByText(text.shell.signedInAs.replace('{{username}}', account.username))).toBeVisible();
      await expect(page.getByText(text.shell.roles[role], { exact: true })).toBeVisible();

      const navigation = page.getByRole('navigation', { name: text.shell.navigation });
      const offered = role === 'administrator' ? (['fleet', 'applications', 'content', 'kiosks', 'staff', 'audit'] as const) : (['applications'] as const);
      await expect(navigation.getByRole('button')).toHaveText(offered.map((id) => text.sections[id].title));
      const last = offered[offered.length - 1]!;
      await navigation.getByRole('button', { name: text.sections[last].title }).focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: text.sections[last].title })).toBeVisible();
      await noAxeViolations(page, `shell ${role} ${code}`);

      // The session is the portal's: the same cookie in another request is signed in, until Sign out.
      expect((await page.request.get(`${portal.url}/backoffice/api/session`)).status()).toBe(200);
      await page.getByRole('button', { name: text.shell.signOut }).click();
      await expect(page.getByRole('heading', { level: 1, name: text.signIn.title })).toBeVisible();
      expect((await page.request.get(`${portal.url}/backoffice/api/session`)).status()).toBe(401);
      expect(violations.filter((line) => /Content Security Policy/i.test(line))).toEqual([]);
    });
  }
}
