import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chainOf } from '../portal/audit-fixtures.js';
import { ACCOUNTS, backOfficeStrings, LANGUAGE_BUTTONS, noAxeViolations, startPortalWithAccounts, stopPortal, typeSignIn, type RunningPortal } from './backoffice-fixture.js';

/*
 * The audit page in Chromium against the real portal process: a kiosk uploads its chain, an
 * administrator sees it beside the back office's own trail, verifies it, reads its entries in ky, ru
 * and en (axe on each), and a row changed in the database afterwards is named as the break.
 */

type AuditStrings = {
  chains: { portal: string; kiosk: string; verify: string; show: string };
  verification: { ok: string; broken: string };
  reasons: { CONTENT_EDITED: string };
  entries: { title: string; unknownKind: string };
  kinds: { staff_sign_in: string; panel_action: string };
};
const auditStrings = (language: string) => JSON.parse(readFileSync(`src/backoffice/locales/${language}/audit.json`, 'utf8')) as AuditStrings;
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));

let portal: RunningPortal;
test.beforeAll(async () => {
  portal = await startPortalWithAccounts();
  const token = execFileSync(process.execPath, ['dist/portal/admin-cli.js', 'issue-credential', 'BSK1', '--data', portal.dataFolder], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const uploaded = await fetch(`${portal.url}/v1/audit-entries`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ entries: chainOf(5) }),
  });
  expect(uploaded.status).toBe(200);
});
test.afterAll(async () => {
  await stopPortal(portal);
});

test('an administrator verifies a kiosk’s chain and reads its entries in ky, ru and en; a row changed later is named as the break', async ({ page }) => {
  await page.goto(portal.backOffice);
  await typeSignIn(page, ACCOUNTS.administrator.username, ACCOUNTS.administrator.password);
  for (const [language, button] of Object.entries(LANGUAGE_BUTTONS)) {
    const shell = backOfficeStrings(language);
    const text = auditStrings(language);
    await page.getByRole('button', { name: button, exact: true }).click();
    await page.getByRole('navigation').getByRole('button', { name: shell.sections.audit.title }).click();
    await expect(page.getByRole('heading', { level: 1, name: shell.sections.audit.title })).toBeVisible();

    const kioskName = fill(text.chains.kiosk, { kioskCode: 'BSK1' });
    const kioskRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: kioskName }) });
    await expect(page.getByRole('rowheader', { name: text.chains.portal })).toBeVisible();
    await expect(kioskRow.getByRole('cell').first()).toHaveText('5');

    await kioskRow.getByRole('button', { name: `${text.chains.verify}: ${kioskName}` }).click();
    await expect(kioskRow).toContainText(fill(text.verification.ok.split('{{time}}')[0]!, { entries: 5 }));

    await kioskRow.getByRole('button', { name: `${text.chains.show}: ${kioskName}` }).click();
    const entries = page.getByRole('region', { name: fill(text.entries.title, { chain: kioskName }) });
    await expect(entries.getByRole('row')).toHaveCount(6);
    // Newest first: the fifth entry is of a kind only a newer kiosk knows, said to be so; the third a panel action.
    await expect(entries.getByRole('row').nth(1)).toContainText(text.entries.unknownKind);
    await expect(entries.getByRole('row').nth(3)).toContainText(text.kinds.panel_action);
    await expect(entries.getByRole('row').nth(5)).toContainText(text.kinds.staff_sign_in);
    await noAxeViolations(page, `audit ${language}`);
  }

  // Someone with the database file edits the kiosk's third entry: the next verification names it.
  const db = new Database(join(portal.dataFolder, 'portal.sqlite'));
  db.prepare("UPDATE audit_chain_entry SET actor = '9999' WHERE kiosk_code = 'BSK1' AND seq = 3").run();
  db.close();
  const text = auditStrings('en');
  const kioskName = fill(text.chains.kiosk, { kioskCode: 'BSK1' });
  const kioskRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: kioskName }) });
  await kioskRow.getByRole('button', { name: `${text.chains.verify}: ${kioskName}` }).click();
  await expect(kioskRow).toContainText(fill(text.verification.broken, { seq: 3, reason: text.reasons.CONTENT_EDITED }));
  await noAxeViolations(page, 'audit broken chain');

  // The session ends at the portal while the page is open (signed out elsewhere): the next call brings the sign-in back, saying why.
  const session = (await (await page.request.get(`${portal.url}/backoffice/api/session`)).json()) as { csrfToken: string };
  const ended = await page.request.post(`${portal.url}/backoffice/api/sign-out`, { headers: { 'x-csrf-token': session.csrfToken, origin: portal.url } });
  expect(ended.status()).toBe(204);
  await kioskRow.getByRole('button', { name: `${text.chains.verify}: ${kioskName}` }).click();
  await expect(page.getByText(backOfficeStrings('en').shell.sessionEnded)).toBeVisible();
});
