import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openStaffSignIn, screenshot, signInOnPad, startKiosk, stopKiosk, test } from './kiosk-fixture.js';
import { answerCloudSignatureQuestions, expectWhollyVisible, fill, next, scan } from './visit-steps.js';

/** The demo clerk of the bundled content (resources/demo-keys/README.md). */
const CLERK = { staffId: '1001', pin: '246810', name: 'Айгүл Токтогулова' };
const VISITOR = { lastName: 'Бекмаматова', firstName: 'Айзада', pin: '11204198500012', phone: '0700123456' };
const spaced = (text: string) => text.replace(/\s+/g, ' ').trim();

const WORDING = {
  ky: { button: 'Кыргызча', home: `Сиз ${CLERK.name} катары кирдиңиз`, help: 'Келүүчүгө жардам берүү', queue: 'Бул киосктун арыздары', signOut: 'Чыгуу', signedIn: `Кирген: ${CLERK.name} (1001)` },
  ru: { button: 'Русский', home: `Вы вошли как ${CLERK.name}`, help: 'Помочь посетителю', queue: 'Заявления этого киоска', signOut: 'Выйти', signedIn: `Вошли: ${CLERK.name} (1001)` },
  en: { button: 'English', home: `Signed in as ${CLERK.name}`, help: 'Help a visitor', queue: 'Applications on this kiosk', signOut: 'Sign out', signedIn: `Signed in: ${CLERK.name} (1001)` },
} as const;

/** Who the host says is signed in, as the page's own channel answers. */
const hostSession = (page: Page) =>
  page.evaluate(async () => {
    const result = await (window as unknown as { kiosk: { getStaffSession: (request: object) => Promise<{ ok: boolean; value?: { staffId: string } | null }> } }).kiosk.getStaffSession({});
    return result.ok ? (result.value?.staffId ?? null) : 'refused';
  });

async function signInClerk(page: Page, language: keyof typeof WORDING): Promise<void> {
  await openStaffSignIn(page);
  await page.getByRole('radio', { name: WORDING[language].button }).tap();
  await signInOnPad(page, CLERK);
  await expect(page.getByTestId('clerk-name')).toHaveText(WORDING[language].home);
}

/** From the clerk's home to the e-signature service's consent, the visitor choosing Russian. */
async function startCloudSignatureForVisitor(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Помочь посетителю|Help a visitor|Келүүчүгө жардам берүү/ }).tap();
  await page.getByRole('button', { name: 'Русский' }).tap();
  await page.locator('[data-category-id="e-signature"]').tap();
  await page.locator('[data-service-id="cloud-e-signature"]').tap();
  await page.getByRole('button', { name: 'Подать заявление' }).tap();
  await expect(page.locator('[data-screen="consent"]')).toBeVisible();
}

test('a clerk fills an application for a visitor: the visitor consents, the receipt and the queue name the clerk and nothing of the visitor, a reprint, Next visitor clears the answers, sign-out', async ({ page, kiosk }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto(kiosk.launchUrl);
  await signInClerk(page, 'ru');
  await expect(page.getByTestId('assist-banner')).toHaveText(WORDING.ru.signedIn);

  await startCloudSignatureForVisitor(page);
  // The banner is on every visit screen, and the visitor is told the consent is still theirs to give.
  await expect(page.getByTestId('assist-banner').locator('.assist-banner-who')).toHaveText(`Вам помогает сотрудник ${CLERK.name} (1001)`);
  await expect(page.getByTestId('consent-assisted')).toContainText(`Вам помогает сотрудник ${CLERK.name}`);
  await scan(page, 'assisted-consent-ru');
  await page.getByRole('button', { name: /Прочитал\(а\) и согласен/ }).tap();
  await answerCloudSignatureQuestions(page, VISITOR);
  await expect(page.getByTestId('assist-banner')).toBeVisible();
  await next(page, 'Продолжить');
  await page.getByRole('button', { name: 'Продолжить', exact: true }).tap();
  await page.getByRole('button', { name: /Подтверждаю, что сведения верны/ }).tap();

  const number = (await page.getByTestId('receipt-number').textContent())!;
  expect(number).toMatch(/^DEV1-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]$/);
  await expect(page.getByTestId('receipt-assisted-by')).toHaveText(`Помог оформить сотрудник: ${CLERK.name} (1001)`);
  await expect(page.locator('[data-print-status="saved"]')).toBeVisible();
  const pdf = join(kiosk.dataFolder, 'receipts', `${number}.pdf`);
  expect(existsSync(pdf)).toBe(true);
  expect(spaced(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }))).toContain(`Помог оформить сотрудник: ${CLERK.name} (1001)`);
  await screenshot(page, 'assisted-receipt-ru', false);

  // Finishing the visit returns the clerk to the clerk's home, still signed in.
  await page.getByRole('button', { name: 'Завершить', exact: true }).tap();
  await expect(page.getByTestId('clerk-name')).toHaveText(WORDING.ru.home);
  expect(await hostSession(page)).toBe(CLERK.staffId);

  await page.getByRole('button', { name: /Заявления этого киоска/ }).tap();
  const row = page.locator(`[data-screen="clerk-queue"] [data-receipt-number="${number}"]`);
  await expect(row).toContainText(`С помощью сотрудника ${CLERK.name} (1001)`);
  await expect(row).toContainText('Облачная ЭЦП');
  await expect(page.getByTestId('queue-printer')).toHaveAttribute('data-printer', 'pdf');
  await expect(page.getByTestId('queue-connectivity')).toBeVisible();
  const queueText = await page.locator('[data-screen="clerk-queue"]').innerText();
  for (const personal of Object.values(VISITOR)) expect(queueText).not.toContain(personal);
  await scan(page, 'clerk-queue-ru');
  await screenshot(page, 'clerk-queue-ru', false);
  await row.getByRole('button', { name: 'Напечатать квитанцию ещё раз' }).tap();
  await expect(row.locator('[data-print-status="saved"]')).toBeVisible();

  // Next visitor: what the last visitor typed is gone, the clerk is not.
  await page.getByRole('button', { name: 'Назад к рабочему месту' }).tap();
  await startCloudSignatureForVisitor(page);
  await page.getByRole('button', { name: /Прочитал\(а\) и согласен/ }).tap();
  await fill(page, 'lastName', VISITOR.lastName);
  await page.getByRole('button', { name: 'Следующий посетитель' }).tap();
  await scan(page, 'next-visitor-dialog-ru');
  await page.getByRole('button', { name: 'Удалить и начать со следующим' }).tap();
  await expect(page.locator('[data-screen="language"]')).toBeVisible();
  await expect(page.getByText(VISITOR.lastName)).toHaveCount(0);
  await page.getByRole('button', { name: 'Русский' }).tap();
  await page.locator('[data-category-id="e-signature"]').tap();
  await page.locator('[data-service-id="cloud-e-signature"]').tap();
  await page.getByRole('button', { name: 'Подать заявление' }).tap();
  await page.getByRole('button', { name: /Прочитал\(а\) и согласен/ }).tap();
  await expect(page.locator('#field-lastName')).toHaveValue('');
  expect(await hostSession(page)).toBe(CLERK.staffId);

  await page.getByRole('button', { name: 'Рабочее место' }).tap();
  await page.getByRole('button', { name: WORDING.ru.signOut, exact: true }).tap();
  await expect(page.locator('[data-screen="attract"]')).toBeVisible();
  expect(await hostSession(page)).toBeNull();
});

test('the clerk’s idle timer warns, then signs the clerk out and wipes the visit on screen', async ({ page }) => {
  test.setTimeout(60_000);
  const kiosk = await startKiosk({ KIOSK_CLERK_IDLE_SECONDS: '8', KIOSK_IDLE_WARNING_SECONDS: '5' });
  try {
    await page.goto(kiosk.launchUrl);
    await signInClerk(page, 'ky');
    await startCloudSignatureForVisitor(page);
    await page.getByRole('button', { name: /Прочитал\(а\) и согласен/ }).tap();
    await fill(page, 'lastName', VISITOR.lastName);
    // The clerk's wording, not the visitor's: it is the clerk's session that ends.
    await expect(page.getByRole('alertdialog')).toContainText('Сотрудник ещё здесь?', { timeout: 8000 });
    await expect(page.getByRole('alertdialog')).toContainText('сотрудник выйдет из системы');
    await scan(page, 'clerk-idle-warning-ru');
    await expect(page.locator('[data-screen="attract"]')).toBeVisible({ timeout: 8000 });
    await expect(page.getByText(VISITOR.lastName)).toHaveCount(0);
    expect(await hostSession(page)).toBeNull();
  } finally {
    await stopKiosk(kiosk);
  }
});

for (const [size, language] of [
  [{ width: 1920, height: 1080 }, 'ky'],
  [{ width: 1080, height: 1920 }, 'en'],
  [{ width: 1280, height: 1024 }, 'ru'],
] as const) {
  test(`the clerk's screens in ${language} at ${size.width}×${size.height}: every action in view, no accessibility violation`, async ({ page, kiosk }) => {
    await page.setViewportSize(size);
    await page.goto(kiosk.launchUrl);
    await signInClerk(page, language);
    for (const name of [WORDING[language].help, WORDING[language].queue, WORDING[language].signOut]) {
      await expectWhollyVisible(page, page.getByRole('button', { name: new RegExp(`^${name}`) }));
    }
    await scan(page, `clerk-home-${language}`);
    await screenshot(page, `clerk-home-${language}-${size.width}x${size.height}`, false);

    await page.getByRole('button', { name: new RegExp(`^${WORDING[language].queue}`) }).tap();
    await expect(page.locator('[data-screen="clerk-queue"] h1')).toHaveText(WORDING[language].queue);
    await expect(page.locator('[data-screen="clerk-queue"] .status-message')).toBeVisible();
    await scan(page, `clerk-queue-empty-${language}`);
    await screenshot(page, `clerk-queue-${language}-${size.width}x${size.height}`, false);
    await page.locator('[data-screen="clerk-queue"] .screen-actions button').tap();

    await page.getByRole('button', { name: new RegExp(`^${WORDING[language].help}`) }).tap();
    await page.getByRole('button', { name: WORDING[language].button }).tap();
    await expect(page.locator('[data-screen="catalogue"]')).toBeVisible();
    const banner = page.getByTestId('assist-banner');
    for (const button of await banner.getByRole('button').all()) await expectWhollyVisible(page, button);
    await expectWhollyVisible(page, page.locator('.visit-bar .button.exit'));
    await scan(page, `assisted-catalogue-${language}`);
    await screenshot(page, `assisted-catalogue-${language}-${size.width}x${size.height}`, false);
  });
}
