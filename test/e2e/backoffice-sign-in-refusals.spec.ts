import { test, expect } from '@playwright/test';
import { ACCOUNTS, backOfficeStrings, LANGUAGE_BUTTONS, noAxeViolations, startPortalWithAccounts, stopPortal, typeSignIn, type RunningPortal } from './backoffice-fixture.js';

/*
 * The sign-in page's refusals in Chromium against the real portal: the lock after five wrong
 * passwords says until when in Kyrgyz, and an address that keeps trying is told in Russian when it
 * may try again; both pass axe.
 */

let portal: RunningPortal;
test.beforeAll(async () => {
  portal = await startPortalWithAccounts();
});
test.afterAll(async () => {
  await stopPortal(portal);
});

/** The time the page names, as the message's sentence around {{until}}. */
const sentence = (template: string) => new RegExp(`^${template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\\{\\{until\\}\\}', '\\d{2}:\\d{2}:\\d{2}')}$`);

test('five wrong passwords lock the account until a time named in Kyrgyz; further tries from this computer are told when to come back in Russian', async ({ page }) => {
  const ky = backOfficeStrings('ky');
  const ru = backOfficeStrings('ru');
  await page.goto(portal.backOffice);
  await page.getByRole('button', { name: LANGUAGE_BUTTONS.ky }).click();
  for (let attempt = 1; attempt <= 4; attempt++) {
    await typeSignIn(page, ACCOUNTS.officer.username, `wrong password ${attempt}`);
    await expect(page.getByRole('alert')).toHaveText(ky.signIn.errors.wrongCredentials);
    // The field is emptied after each refusal; wait for that before the next try.
    await expect(page.locator('#password')).toHaveValue('');
  }
  await typeSignIn(page, ACCOUNTS.officer.username, 'wrong password 5');
  await expect(page.getByRole('alert')).toHaveText(sentence(ky.signIn.errors.locked));
  await typeSignIn(page, ACCOUNTS.officer.username, ACCOUNTS.officer.password);
  await expect(page.getByRole('alert')).toHaveText(sentence(ky.signIn.errors.locked));
  await noAxeViolations(page, 'locked ky');

  await page.getByRole('button', { name: LANGUAGE_BUTTONS.ru }).click();
  // Ten tries a minute per address: the rest of this minute's go to another name, then the limit answers.
  for (let attempt = 7; attempt <= 10; attempt++) {
    await typeSignIn(page, ACCOUNTS.administrator.username, `wrong password ${attempt}`);
    await expect(page.getByRole('alert')).toHaveText(ru.signIn.errors.wrongCredentials);
    await expect(page.locator('#password')).toHaveValue('');
  }
  await typeSignIn(page, ACCOUNTS.administrator.username, ACCOUNTS.administrator.password);
  await expect(page.getByRole('alert')).toHaveText(sentence(ru.signIn.errors.rateLimited));
  await noAxeViolations(page, 'rate-limited ru');
});
