import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The back office's strings as the page shows them, read from its locale files. */
export type BackOfficeStrings = {
  signIn: { title: string; submit: string; errors: { wrongCredentials: string; locked: string; rateLimited: string } };
  shell: { navigation: string; signOut: string; signedInAs: string; sessionEnded: string; roles: { officer: string; administrator: string } };
  sections: Record<'fleet' | 'applications' | 'content' | 'kiosks' | 'staff' | 'audit', { title: string }>;
};
export const backOfficeStrings = (language: string) => JSON.parse(readFileSync(`src/backoffice/locales/${language}/backoffice.json`, 'utf8')) as BackOfficeStrings;

export const LANGUAGE_BUTTONS = { ky: 'Кыргызча', ru: 'Русский', en: 'English' } as const;

export const ACCOUNTS = {
  administrator: { username: 'aigul', password: 'correct horse battery' },
  officer: { username: 'bakyt', password: 'officer passphrase 7' },
} as const;

export interface RunningPortal {
  url: string;
  /** The address the portal printed for the back office. */
  backOffice: string;
  child: ChildProcess;
  dataFolder: string;
}

/** The real portal process as `npm run portal` starts it, with the two accounts made by portal-admin (password on stdin). */
export async function startPortalWithAccounts(): Promise<RunningPortal> {
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
  return { url, backOffice, child, dataFolder };
}

export async function stopPortal(portal: RunningPortal): Promise<void> {
  const exited = new Promise((resolve) => portal.child.once('exit', resolve));
  portal.child.kill('SIGTERM');
  await exited;
  rmSync(portal.dataFolder, { recursive: true, force: true });
}

export async function noAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((violation) => `${where}: ${violation.id} (${violation.nodes.length})`)).toEqual([]);
}

/** Types a username and password and presses Enter, as a person at a desk does. */
export async function typeSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#password').press('Enter');
}
