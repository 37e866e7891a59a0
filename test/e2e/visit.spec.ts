import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { asPrinted, enterCatalogue, expect, screenshot, startKiosk, stopKiosk, tapKeys, test, type RunningKiosk } from './kiosk-fixture.js';
import { answerCloudSignatureQuestions, fill, next, openService, scan } from './visit-steps.js';

/** What a visitor typed; none of it may be left anywhere after the visit (none of it is in the sample content). */
const TYPED = {
  lastName: 'Токтосунова',
  firstName: 'Жылдызкан',
  pin: '11204198500012',
  childLastName: 'Токтосунов',
  childFirstName: 'Эрмекбек',
  birthPlace: 'Сокулук',
  medicalCertificate: 'МС-20261101',
  motherPin: '11204198500012',
  phoneDigits: '0700123456',
};

/** Nothing typed in the visit is in the DOM or web storage any more. */
async function expectNothingLeft(page: Page): Promise<void> {
  const html = await page.content();
  for (const value of Object.values(TYPED)) expect(html).not.toContain(value);
  expect(html).not.toContain('700 123 456');
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
  expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The visitor's data is in no file the kiosk wrote: database, WAL, logs, receipts. */
function expectNothingOnDisk(kiosk: RunningKiosk): void {
  for (const file of filesUnder(kiosk.dataFolder)) {
    const bytes = readFileSync(file);
    for (const value of [TYPED.pin, TYPED.lastName, TYPED.firstName, TYPED.childFirstName, '700123456']) {
      expect(bytes.includes(Buffer.from(value)), `${value} in ${file}`).toBe(false);
    }
  }
}

test.describe('a full visit', () => {
  test('birth registration in Кыргызча: a relevance rule, a wrong PIN, check, submit, receipt and PDF', async ({ page, kiosk }) => {
    test.setTimeout(90_000);
    await page.goto(kiosk.launchUrl);
    await scan(page, 'attract');
    await openService(page, 'Кыргызча', 'civil-status', 'birth-registration');
    await scan(page, 'service');
    await page.getByRole('button', { name: 'Арыз берүү' }).tap();

    await expect(page.locator('[data-screen="consent"]')).toBeVisible();
    await expect(page.locator('[data-legal-kind="privacy-policy"] h2')).toBeVisible();
    await scan(page, 'consent');
    await screenshot(page, 'visit-consent-ky', false);
    await page.getByRole('button', { name: /Окудум жана макулмун/ }).tap();

    await expect(page.locator('[data-page-id="your-name"]')).toBeVisible();
    await expect(page.locator('.form-progress')).toContainText('1-кадамы');
    await fill(page, 'lastName', TYPED.lastName);
    await fill(page, 'firstName', TYPED.firstName);
    await scan(page, 'question');
    await next(page, 'Улантуу');

    // Birth date on the on-screen digit pad: the dots come by themselves.
    await page.locator('#field-birthDate').tap();
    await expect(page.locator('.on-screen-keyboard')).toHaveAttribute('data-keyboard-layout', 'numeric');
    await tapKeys(page, '12041985');
    await expect(page.locator('#field-birthDate')).toHaveValue('12.04.1985');
    await screenshot(page, 'visit-question-keyboard-ky', false);
    await next(page, 'Улантуу');

    // A PIN with 31 February: the translated error, the summary focused, its link to the field.
    await page.locator('#field-pin').tap();
    await tapKeys(page, '13102198500012');
    await page.getByRole('button', { name: 'Улантуу', exact: true }).tap();
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Көйгөй бар');
    await expect(page.locator('.field-error')).toBeVisible();
    await scan(page, 'question-with-error');
    await screenshot(page, 'visit-pin-error-ky', false);
    await summary.getByRole('link').first().tap();
    await expect(page.locator('#field-pin')).toBeFocused();
    await fill(page, 'pin', TYPED.pin);
    await expect(summary).toHaveCount(0);
    await next(page, 'Улантуу');

    await fill(page, 'childLastName', TYPED.childLastName);
    await fill(page, 'childFirstName', TYPED.childFirstName);
    await next(page, 'Улантуу');
    await page.locator('[data-page-id="child-sex"] [role="radio"]').first().tap();
    await next(page, 'Улантуу');
    await fill(page, 'childBirthDate', '01.11.2026');
    await next(page, 'Улантуу');
    await fill(page, 'childBirthPlace', TYPED.birthPlace);
    await next(page, 'Улантуу');
    await fill(page, 'medicalCertificateNumber', TYPED.medicalCertificate);
    await next(page, 'Улантуу');
    await fill(page, 'motherPin', TYPED.motherPin);
    await next(page, 'Улантуу');

    // "Is the father known?" — No: the father's pages are skipped.
    await page.locator('[data-page-id="father-known"]').getByRole('radio', { name: 'Жок' }).tap();
    await next(page, 'Улантуу');
    await expect(page.locator('[data-page-id="phone"]')).toBeVisible();
    await fill(page, 'phone', TYPED.phoneDigits);
    await next(page, 'Улантуу');

    const check = page.locator('[data-screen="check"]');
    await expect(check).toBeVisible();
    await expect(check.locator('[data-field-id="fatherLastName"]')).toHaveCount(0);
    await expect(check.locator('[data-field-id="pin"]')).toContainText(TYPED.pin);
    await scan(page, 'check');
    await screenshot(page, 'visit-check-ky');
    // Change an answer from the check screen and come straight back.
    await check.locator('[data-field-id="childBirthPlace"]').getByRole('button').tap();
    await fill(page, 'childBirthPlace', 'Ош');
    await next(page, 'Улантуу');
    await expect(page.locator('[data-field-id="childBirthPlace"]')).toContainText('Ош');
    await page.getByRole('button', { name: 'Улантуу', exact: true }).tap();

    await expect(page.locator('[data-screen="declaration"]')).toBeVisible();
    await scan(page, 'declaration');
    await page.getByRole('button', { name: /ырастайм — жөнөтүү/ }).tap();

    const receipt = page.locator('[data-screen="receipt"]');
    await expect(receipt).toBeVisible();
    const number = (await page.getByTestId('receipt-number').innerText()).trim();
    expect(number).toMatch(/^DEV1-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]$/);
    await expect(receipt.locator('[data-state="queued"]')).toBeVisible();
    await expect(receipt.locator('svg.receipt-qr')).toBeVisible();
    await expect(page.locator('[data-print-status="saved"]')).toBeVisible();
    await scan(page, 'receipt');
    await screenshot(page, 'visit-receipt-ky');

    const pdf = join(kiosk.dataFolder, 'receipts', `${number}.pdf`);
    expect(existsSync(pdf)).toBe(true);
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toMatch(asPrinted(number));

    await page.getByRole('button', { name: 'Бүтүрүү' }).tap();
    await expect(page.locator('[data-screen="attract"]')).toBeVisible();
    await expectNothingLeft(page);
    expectNothingOnDisk(kiosk);
  });

  test('first ID card in Русский: parents in a repeat group, an address, the fee from the urgency', async ({ page, kiosk }) => {
    test.setTimeout(90_000);
    await page.goto(kiosk.launchUrl);
    await openService(page, 'Русский', 'identity-documents', 'id-card-first');
    await page.getByRole('button', { name: 'Подать заявление' }).tap();
    await page.getByRole('button', { name: /Прочитал\(а\) и согласен/ }).tap();
    await fill(page, 'lastName', TYPED.lastName);
    await fill(page, 'firstName', TYPED.firstName);
    await next(page, 'Продолжить');
    await fill(page, 'birthDate', '12.04.2008');
    await next(page, 'Продолжить');
    await fill(page, 'pin', '11204200800012');
    await next(page, 'Продолжить');
    await fill(page, 'birthCertificateNumber', 'II-БШ 000456');
    await next(page, 'Продолжить');

    // At least one parent is required: Continue without one is refused.
    await page.getByRole('button', { name: 'Продолжить', exact: true }).tap();
    await expect(page.locator('.error-summary')).toBeVisible();
    await page.getByRole('button', { name: /Добавить/ }).tap();
    const item = page.locator('.repeat-item[data-item-index="0"]');
    await item.getByRole('radio').first().tap();
    await page.locator('#field-parents-0-parentPin').tap();
    await page.keyboard.type('21204197000012');
    await scan(page, 'repeat-group');
    await screenshot(page, 'visit-repeat-group-ru', false);
    await next(page, 'Продолжить');

    await page.getByRole('radio', { name: 'г. Бишкек' }).tap();
    await fill(page, 'address-district', 'Ленинский');
    await fill(page, 'address-locality', 'Бишкек');
    await fill(page, 'address-street', 'Чуй');
    await fill(page, 'address-house', '227');
    // The lowest field of the address sits above the keyboard that types into it.
    const house = await page.locator('#field-address-house').boundingBox();
    const keyboard = await page.locator('.on-screen-keyboard').boundingBox();
    expect(house!.y + house!.height).toBeLessThanOrEqual(keyboard!.y);
    await expect(page.locator('.on-screen-keyboard')).toHaveAttribute('data-keyboard-layout', 'numeric');
    await scan(page, 'address');
    await next(page, 'Продолжить');
    await fill(page, 'postalCode', '720001');
    await next(page, 'Продолжить');
    await page.locator('[data-page-id="urgency"] [role="radio"]').nth(2).tap();
    await next(page, 'Продолжить');
    await expect(page.getByTestId('calculated-fee')).toHaveText('1 640 сом');
    await next(page, 'Продолжить');
    await fill(page, 'phone', '+996 555 123 456');
    await next(page, 'Продолжить');
    await expect(page.locator('[data-field-id="parents"]')).toContainText('21204197000012');
    await page.getByRole('button', { name: 'Продолжить', exact: true }).tap();
    await page.getByRole('button', { name: /Подтверждаю, что сведения верны/ }).tap();
    await expect(page.getByTestId('receipt-number')).toBeVisible();
    await screenshot(page, 'visit-receipt-ru');
    await page.getByRole('button', { name: 'Завершить' }).tap();
    await expect(page.locator('[data-screen="attract"]')).toBeVisible();
    await expectNothingLeft(page);
    expectNothingOnDisk(kiosk);
  });

  test('cloud e-signature in Русский with larger text and high contrast kept across pages', async ({ page, kiosk }) => {
    test.setTimeout(60_000);
    await page.goto(kiosk.launchUrl);
    await openService(page, 'Русский', 'e-signature', 'cloud-e-signature');
    await page.getByRole('button', { name: /Крупный текст/ }).tap();
    await page.getByRole('button', { name: /Высокий контраст/ }).tap();
    await page.getByRole('button', { name: 'Подать заявление' }).tap();
    await page.getByRole('button', { name: /Прочитал\(а\) и согласен/ }).tap();
    await expect(page.locator('html')).toHaveClass(/large-text/);
    await expect(page.locator('html')).toHaveClass(/high-contrast/);
    await answerCloudSignatureQuestions(page, { lastName: TYPED.lastName, firstName: TYPED.firstName, pin: TYPED.pin, phone: TYPED.phoneDigits });
    await scan(page, 'high-contrast-question');
    await screenshot(page, 'visit-high-contrast-ru', false);
    await next(page, 'Продолжить');
    await expect(page.locator('html')).toHaveClass(/high-contrast/);
    await page.getByRole('button', { name: 'Продолжить', exact: true }).tap();
    await page.getByRole('button', { name: /Подтверждаю, что сведения верны/ }).tap();
    await expect(page.getByTestId('receipt-number')).toBeVisible();
    await page.getByRole('button', { name: 'Завершить' }).tap();
    await expect(page.locator('html')).not.toHaveClass(/large-text|high-contrast/);
  });
});

test('the catalogue screens pass an axe scan too, and declining consent keeps nothing', async ({ page, kiosk }) => {
  await page.goto(kiosk.launchUrl);
  await page.locator('[data-screen="attract"] button').first().tap();
  await scan(page, 'language');
  await page.getByRole('button', { name: 'Русский' }).tap();
  await expect(page.locator('.category-tile').first()).toBeVisible();
  await scan(page, 'catalogue');
  await page.getByLabel('Поиск услуги').tap();
  await tapKeys(page, 'брак');
  await expect(page.locator('.service-list')).toBeVisible();
  await scan(page, 'search-with-keyboard');
  await page.locator('.service-list [data-service-id="marriage-registration"]').tap();
  await page.getByRole('button', { name: 'Подать заявление' }).tap();
  await page.getByRole('button', { name: /Не согласен/ }).tap();
  await expect(page.locator('[data-screen="catalogue"]')).toBeVisible();
  await expect(page.getByRole('button', { name: /Прочитал/ })).toHaveCount(0);
});

test('with the local portal of npm start, the receipt turns to sent once the application is delivered', async ({ page }) => {
  test.setTimeout(60_000);
  const kiosk = await startKiosk({}, { localPortal: true });
  try {
    expect(kiosk.output()).toContain('Local reference portal:');
    await page.goto(kiosk.launchUrl);
    await openService(page, 'Русский', 'e-signature', 'cloud-e-signature');
    await page.getByRole('button', { name: 'Подать заявление' }).tap();
    await page.getByRole('button', { name: /Прочитал\(а\) и согласен/ }).tap();
    await answerCloudSignatureQuestions(page, { lastName: TYPED.lastName, firstName: TYPED.firstName, pin: TYPED.pin, phone: TYPED.phoneDigits });
    await next(page, 'Продолжить');
    await page.getByRole('button', { name: 'Продолжить', exact: true }).tap();
    await page.getByRole('button', { name: /Подтверждаю, что сведения верны/ }).tap();
    await expect(page.locator('.receipt-state[data-state="delivered"]')).toHaveText('Отправлено: служба его получила.', { timeout: 15_000 });
    const number = (await page.getByTestId('receipt-number').innerText()).trim();
    await page.getByRole('button', { name: 'Завершить' }).tap();
    // The visitor can then look it up by number, as the portal has it.
    await enterCatalogue(page, 'Русский');
    await page.getByRole('button', { name: 'Узнать о заявлении' }).tap();
    await page.locator('#receipt-number').fill(number.toLowerCase());
    await page.getByRole('button', { name: 'Проверить' }).tap();
    await expect(page.locator('[data-lookup-status="received"]')).toContainText('Заявление получено');
    await scan(page, 'lookup');
  } finally {
    expect(await stopKiosk(kiosk)).toBe(0);
  }
});

test.describe('ending a visit early', () => {
  test('Exit asks first, then wipes what was typed', async ({ page, kiosk }) => {
    await page.goto(kiosk.launchUrl);
    await openService(page, 'Кыргызча', 'civil-status', 'birth-registration');
    await page.getByRole('button', { name: 'Арыз берүү' }).tap();
    await page.getByRole('button', { name: /Окудум жана макулмун/ }).tap();
    await fill(page, 'lastName', TYPED.lastName);
    await page.getByRole('button', { name: 'Чыгуу' }).tap();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('Чыгасызбы?');
    await scan(page, 'exit-dialog');
    await dialog.getByRole('button', { name: /уланта берем/ }).tap();
    await expect(page.locator('#field-lastName')).toHaveValue(TYPED.lastName);
    await page.getByRole('button', { name: 'Чыгуу' }).tap();
    await page.getByRole('alertdialog').getByRole('button', { name: /Ооба, чыгуу/ }).tap();
    await expect(page.locator('[data-screen="attract"]')).toBeVisible();
    await expectNothingLeft(page);
  });

  test('an idle visitor is warned with a countdown, can ask for more time, and is then wiped', async ({ page }) => {
    const kiosk = await startKiosk({ KIOSK_IDLE_SECONDS: '6', KIOSK_IDLE_WARNING_SECONDS: '4' });
    try {
      await page.goto(kiosk.launchUrl);
      await openService(page, 'Русский', 'civil-status', 'birth-registration');
      await page.getByRole('button', { name: 'Подать заявление' }).tap();
      await page.getByRole('button', { name: /Прочитал\(а\) и согласен/ }).tap();
      await fill(page, 'lastName', TYPED.lastName);
      const warning = page.getByRole('alertdialog');
      await expect(warning).toContainText('Вы ещё здесь?', { timeout: 6000 });
      await expect(warning).toContainText(/Через \d секунд/);
      await scan(page, 'idle-warning');
      await warning.getByRole('button', { name: 'Мне нужно больше времени' }).tap();
      await expect(warning).toHaveCount(0);
      await expect(page.locator('#field-lastName')).toHaveValue(TYPED.lastName);
      await expect(page.getByRole('alertdialog')).toBeVisible({ timeout: 6000 });
      await expect(page.locator('[data-screen="attract"]')).toBeVisible({ timeout: 8000 });
      await expectNothingLeft(page);
    } finally {
      await stopKiosk(kiosk);
    }
  });
});
