import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * The back office in Chromium, against the real portal process (`npm run portal`'s dist/portal/main.js)
 * with accounts made by portal-admin: an administrator and an officer sign in and out in ky, ru and
 * en by keyboard, a wrong password is refused in the language chosen, every page passes axe, and the
 * page carries its own strict CSP.
 */

const LANGUAGES = [
  { code: 'ky', button: 'Кыргызча' },
  { code: 'ru', button: 'Русский' },
  { code: 'en', button: 'English' },
] as const;
type Strings = {
  signIn: { title: string; submit: string; errors: { wrongCredentials: string } };
  shell: { signOut: string; signedInAs: string; roles: { officer: string; administrator: string } };
  sections: Record<'fleet' | 'applications' | 'content' | 'kiosks' | 'staff' | 'audit', { title: string; comesWith: string }>;
};
const strings = (language: string) => JSON.parse(readFileSync(`src/backoffice/locales/${language}/backoffice.json`, 'utf8')) as Strings;

const ACCOUNTS = {
  administrator: { username: 'aigul', password: 'correct horse battery' },
  officer: { username: 'bakyt', password: 'officer passphrase 7' },
} as const;

let portal: { url: string; backOffice: string; child: ChildProcess; dataFolder: string };

test.beforeAll(async () => {
  const dataFolder = mkdtempSync(join(tmpdir(), 'kyzmat-backoffice-e2e-'));
  for (const [role, account] of Object.entries(ACCOUNTS)) {
    execFileSync(process.execPath, ['dist/portal/admin-cli.js', 'create-user', '--role', role, '--username', account.username, '--data', dataFolder], {
      input: `${account.password}\n`,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  }
  const child = spawn(process.execPath, ['dist/portal/main.js', '--port', '0', '--data', dataFolder], {
    env: { ...process.env, PORTAL_ADMIN_TOKEN: 'e2e-backoffice-admin-token-0123', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [url, backOffice] = await new Promise<[string, string]>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /Portal listening on (\S+)/.exec(output);
      const printed = /Back office: (\S+)/.exec(output);
      if (listening && printed) resolve([listening[1]!, printed[1]!]);
    });
    child.once('exit', (code) => reject(new Error(`portal exited with ${code}: ${output}`)));
  });
  child.stdout.resume();
  portal = { url, backOffice, child, dataFolder };
});

test.afterAll(async () => {
  const exited = new Promise((resolve) => portal.child.once('exit', resolve));
  portal.child.kill('SIGTERM');
  await exited;
  rmSync(portal.dataFolder, { recursive: true, force: true });
});

async function noAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((violation) => `${where}: ${violation.id} (${violation.nodes.length})`)).toEqual([]);
}

test('the portal prints the back office address, and the page comes with its own strict CSP', async ({ page }) => {
  expect(portal.backOffice).toBe(`${portal.url}/backoffice/`);
  const response = await page.goto(portal.url);
  expect(page.url()).toBe(portal.backOffice);
  const csp = response!.headers()['content-security-policy'];
  expect(csp).toBe("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
  expect(response!.headers()['x-frame-options']).toBe('DENY');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

for (const { code, button } of LANGUAGES) {
  for (const role of ['administrator', 'officer'] as const) {
    test(`an ${role} signs in and out in ${code} by keyboard, with axe`, async ({ page }) => {
      const text = strings(code);
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
        await page.locator('#username').fill(account.username);
        await page.locator('#password').fill('not the password at all');
        await page.locator('#password').press('Enter');
        await expect(page.getByRole('alert')).toHaveText(text.signIn.errors.wrongCredentials);
      }
      await noAxeViolations(page, `sign-in ${code}`);

      await page.locator('#username').fill(account.username);
      await page.locator('#password').fill(account.password);
      await page.locator('#password').press('Enter');
      await expect(page.getByText(text.shell.signedInAs.replace('{{username}}', account.username))).toBeVisible();
      await expect(page.getByText(text.shell.roles[role], { exact: true })).toBeVisible();

      const navigation = page.getByRole('navigation');
      const offered = role === 'administrator' ? (['fleet', 'applications', 'content', 'kiosks', 'staff', 'audit'] as const) : (['applications'] as const);
      await expect(navigation.getByRole('button')).toHaveText(offered.map((id) => text.sections[id].title));
      const last = offered[offered.length - 1]!;
      await navigation.getByRole('button', { name: text.sections[last].title }).focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: text.sections[last].title })).toBeVisible();
      await expect(page.getByText(text.sections[last].comesWith)).toBeVisible();
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
