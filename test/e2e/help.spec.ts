import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { enterCatalogue, expect, screenshot, startKiosk, stopKiosk, test } from './kiosk-fixture.js';
import { expectWhollyVisible, fill, next, openService, scan } from './visit-steps.js';

/** What the bundled content settings give the Help screen, as a visitor reads it in each language. */
const SUPPORT_PHONE = '+996 (312) 98 61 41';
const SUPPORT_EMAIL = 'kattargrs@gmail.com';
const HELP = {
  ky: {
    button: 'Кыргызча' as const,
    help: 'Жардам',
    close: 'Жабуу',
    hours: 'Дүйшөмбү–жума 09:00–18:00, түшкү тыныгуу 12:30–13:30',
    address: 'Бишкек ш., Орозбеков көч., 44 (демо дарек)',
    staff: 'Ушул залдагы кызматкерлердин терезесине барыңыз: сизге жардам беришет.',
  },
  ru: {
    button: 'Русский' as const,
    help: 'Помощь',
    close: 'Закрыть',
    hours: 'Пн–пт 09:00–18:00, обед 12:30–13:30',
    address: 'г. Бишкек, ул. Орозбекова, 44 (демо-адрес)',
    staff: 'Подойдите к стойке сотрудников в этом зале: вам помогут.',
  },
  en: {
    button: 'English' as const,
    help: 'Help',
    close: 'Close',
    hours: 'Mon–Fri 09:00–18:00, lunch 12:30–13:30',
    address: '44 Orozbekov St, Bishkek (demo address)',
    staff: 'Go to the staff counter in this hall: a member of staff will help you.',
  },
};

const helpButton = (page: Page, name: string) => page.locator('.visit-bar').getByRole('button', { name, exact: true });
const helpDialog = (page: Page) => page.getByRole('dialog', { name: /Жардам|Помощь|Help/ });

/** The consent's agree button, found by its place rather than its wording. */
const acceptConsent = (page: Page) => page.locator('[data-screen="consent"] .screen-actions .button.primary').tap();

async function expectHelpContacts(dialog: Locator, language: keyof typeof HELP): Promise<void> {
  await expect(dialog.getByTestId('help-phone')).toHaveText(SUPPORT_PHONE);
  await expect(dialog.getByTestId('help-email')).toHaveText(SUPPORT_EMAIL);
  await expect(dialog.getByTestId('help-hours')).toHaveText(HELP[language].hours);
  await expect(dialog.getByTestId('help-address')).toContainText(HELP[language].address);
  await expect(dialog.getByTestId('help-staff')).toHaveText(HELP[language].staff);
}

test('Help opens from a question in the middle of an application and closes with the typed answer still there', async ({ page, kiosk }) => {
  test.setTimeout(90_000);
  await page.goto(kiosk.launchUrl);
  await page.locator('[data-screen="attract"] button').first().tap();
  await expect(helpButton(page, 'Жардам')).toBeVisible(); // the language screen, still in the default Kyrgyz
  await page.getByRole('button', { name: 'Русский' }).tap();
  await expect(page.locator('[data-screen="catalogue"] .category-tile').first()).toBeVisible();
  await expect(helpButton(page, 'Помощь')).toBeVisible();
  await page.locator('[data-category-id="e-signature"]').tap();
  await expect(page.locator('[data-service-id="cloud-e-signature"]')).toBeVisible();
  await expect(helpButton(page, 'Помощь')).toBeVisible();
  await page.locator('[data-service-id="cloud-e-signature"]').tap();
  await expect(page.locator('[data-screen="service"] h1')).toBeVisible();
  await expect(helpButton(page, 'Помощь')).toBeVisible();
  await page.getByRole('button', { name: 'Подать заявление' }).tap();
  await expect(page.locator('[data-screen="consent"]')).toBeVisible();
  await expect(helpButton(page, 'Помощь')).toBeVisible();
  await acceptConsent(page);

  await fill(page, 'lastName', 'Асанова');
  await fill(page, 'firstName', 'Айгүл');
  await helpButton(page, 'Помощь').tap();
  const dialog = helpDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  await expectHelpContacts(dialog, 'ru');
  await expect(dialog).toContainText('Пока вы читаете, ваши ответы сохраняются.');
  await expect(dialog.getByRole('button', { name: 'Закрыть' })).toBeFocused();
  await scan(page, 'help-on-question-ru');
  await screenshot(page, 'help-on-question-ru', false);
  await dialog.getByRole('button', { name: 'Закрыть' }).tap();
  await expect(dialog).toHaveCount(0);
  await expect(helpButton(page, 'Помощь')).toBeFocused();
  await expect(page.locator('#field-lastName')).toHaveValue('Асанова');
  await expect(page.locator('#field-firstName')).toHaveValue('Айгүл');

  // The rest of the application, with Help on every step.
  await next(page, 'Продолжить');
  await fill(page, 'birthDate', '12.04.1985');
  await expect(helpButton(page, 'Помощь')).toBeVisible();
  await next(page, 'Продолжить');
  await fill(page, 'pin', '21204198500012');
  await next(page, 'Продолжить');
  await fill(page, 'idCardNumber', 'ID1234567');
  await next(page, 'Продолжить');
  await next(page, 'Продолжить'); // e-mail is optional
  await fill(page, 'phone', '0700123456');
  await next(page, 'Продолжить');
  await expect(page.locator('[data-screen="check"]')).toBeVisible();
  await expect(helpButton(page, 'Помощь')).toBeVisible();
  await page.getByRole('button', { name: 'Продолжить', exact: true }).tap();
  await expect(page.locator('[data-screen="declaration"]')).toBeVisible();
  await expect(helpButton(page, 'Помощь')).toBeVisible();
  await page.getByRole('button', { name: /Подтверждаю, что сведения верны/ }).tap();
  await expect(page.locator('[data-screen="receipt"]')).toBeVisible();
  await helpButton(page, 'Помощь').tap();
  await expectHelpContacts(helpDialog(page), 'ru');
  await page.keyboard.press('Escape');
  await expect(helpDialog(page)).toHaveCount(0);
  await expect(page.locator('[data-screen="receipt"]')).toBeVisible();
  await page.getByRole('button', { name: 'Завершить' }).tap();

  await enterCatalogue(page, 'Русский');
  await page.getByRole('button', { name: 'Узнать о заявлении' }).tap();
  await expect(page.locator('#receipt-number')).toBeVisible();
  await expect(helpButton(page, 'Помощь')).toBeVisible();
});

test('Help speaks the visitor’s language in all three, keeps focus inside, and closes with Escape', async ({ page, kiosk }) => {
  test.setTimeout(60_000);
  await page.goto(kiosk.launchUrl);
  await enterCatalogue(page, 'Кыргызча');
  for (const language of ['ky', 'ru', 'en'] as const) {
    if (language !== 'ky') {
      await page.locator('.visit-bar .button').first().tap(); // change language
      await page.getByRole('button', { name: HELP[language].button }).tap();
      await expect(page.locator('[data-screen="catalogue"] .category-tile').first()).toBeVisible();
    }
    await helpButton(page, HELP[language].help).tap();
    const dialog = helpDialog(page);
    await expect(dialog.getByRole('heading', { name: HELP[language].help })).toBeVisible();
    await expectHelpContacts(dialog, language);
    await expect(dialog.getByRole('button', { name: HELP[language].close })).toBeFocused();
    // Tab and Shift+Tab go round inside the dialog, never to the screen underneath.
    for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    }
    await scan(page, `help-${language}`);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.locator('[data-screen="catalogue"]')).toBeVisible();
  }

  // High contrast: the dialog still passes the contrast checks.
  await page.getByRole('button', { name: /High contrast/ }).tap();
  await helpButton(page, 'Help').tap();
  await expect(helpDialog(page)).toBeVisible();
  await scan(page, 'help-high-contrast');
  await screenshot(page, 'help-high-contrast-en', false);
});

test('reading Help does not wipe the answers unannounced: the idle warning comes over it and more time keeps everything', async ({ page }) => {
  test.setTimeout(60_000);
  const kiosk = await startKiosk({ KIOSK_IDLE_SECONDS: '8', KIOSK_IDLE_WARNING_SECONDS: '5' });
  try {
    await page.goto(kiosk.launchUrl);
    await openService(page, 'Русский', 'civil-status', 'birth-registration');
    await page.getByRole('button', { name: 'Подать заявление' }).tap();
    await acceptConsent(page);
    await fill(page, 'lastName', 'Асанова');
    await helpButton(page, 'Помощь').tap();
    await expect(helpDialog(page)).toBeVisible();
    const warning = page.getByRole('alertdialog');
    await expect(warning).toContainText('Вы ещё здесь?', { timeout: 8000 });
    await expectWhollyVisible(page, warning.getByRole('button', { name: 'Мне нужно больше времени' }));
    await warning.getByRole('button', { name: 'Мне нужно больше времени' }).tap();
    await expect(warning).toHaveCount(0);
    await expect(helpDialog(page)).toBeVisible();
    await helpDialog(page).getByRole('button', { name: 'Закрыть' }).tap();
    await expect(page.locator('#field-lastName')).toHaveValue('Асанова');
  } finally {
    await stopKiosk(kiosk);
  }
});

test('a blank form prints from the service screen in the visitor’s language, and the samples say which languages they are in', async ({ page, kiosk }) => {
  test.setTimeout(60_000);
  await page.goto(kiosk.launchUrl);
  await openService(page, 'Кыргызча', 'identity-documents', 'id-card-first');
  await expect(page.getByTestId('sample-language-note')).toHaveCount(0); // the sample is in Kyrgyz
  await page.getByRole('button', { name: 'Бош бланкты басып чыгаруу' }).tap();
  const status = page.getByTestId('blank-form-status');
  await expect(status).toHaveText('Бланк PDF файл катары сакталды.');
  await expect(status).toHaveAttribute('data-print-status', 'saved');
  await scan(page, 'service-blank-form-saved');
  const pdf = join(kiosk.dataFolder, 'blank-forms', 'id-card-first-ky.pdf');
  expect(existsSync(pdf)).toBe(true);
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('ID-картаны алууга арыз');
  expect(text).toContain('Туулган күнүңүз');

  await page.locator('.visit-bar .button').first().tap(); // change language
  await page.getByRole('button', { name: 'English' }).tap();
  await expect(page.locator('[data-screen="service"] h1')).toHaveText('First ID card (from age 16)');
  await expect(page.getByTestId('sample-language-note')).toHaveText('This sample is in Kyrgyz and Russian.');
  await page.getByRole('button', { name: /View sample/ }).tap();
  await expect(page.getByTestId('sample-viewer-language')).toHaveText('This sample is in Kyrgyz and Russian.');
  await scan(page, 'sample-viewer-language-note-en');
  await page.getByRole('button', { name: 'Close', exact: true }).tap();
  await page.getByRole('button', { name: 'Print a blank form' }).tap();
  await expect(page.getByTestId('blank-form-status')).toHaveText('The blank form was saved as a PDF file.');
  expect(execFileSync('pdftotext', [join(kiosk.dataFolder, 'blank-forms', 'id-card-first-en.pdf'), '-'], { encoding: 'utf8' })).toContain(
    'Application for a first ID card',
  );
});

for (const size of [
  { width: 1080, height: 1920 },
  { width: 1920, height: 1080 },
  { width: 1280, height: 1024 },
]) {
  test(`with larger text the Help button fits the one-row top bar and the dialog's Close is in view at ${size.width}×${size.height}`, async ({ page, kiosk }) => {
    test.setTimeout(60_000);
    await page.setViewportSize(size);
    await page.goto(kiosk.launchUrl);
    await openService(page, 'Кыргызча', 'identity-documents', 'id-card-first');
    await page.getByRole('button', { name: /Чоң тамга/ }).tap();
    await expect(page.locator('html.large-text')).toHaveCount(1);
    for (const [language, changeTo] of [['ky', null], ['ru', 'Русский'], ['en', 'English']] as const) {
      if (changeTo) {
        await page.locator('.visit-bar .button').first().tap();
        await page.getByRole('button', { name: changeTo }).tap();
        await expect(page.locator('[data-screen="service"] h1')).toBeVisible();
      }
      await expectWhollyVisible(page, helpButton(page, HELP[language].help));
      const bar = page.locator('.visit-bar .button');
      const tops = await bar.evaluateAll((buttons) => buttons.map((button) => Math.round(button.getBoundingClientRect().top)));
      expect(tops.length).toBe(5);
      expect(new Set(tops).size).toBe(1);
      for (const button of await bar.all()) await expectWhollyVisible(page, button);
      await helpButton(page, HELP[language].help).tap();
      await expectWhollyVisible(page, helpDialog(page).getByRole('button', { name: HELP[language].close }));
      if (language === 'ky') {
        await scan(page, `help-large-text-${size.width}x${size.height}`);
        await screenshot(page, `help-large-text-${size.width}x${size.height}`, false);
      }
      await helpDialog(page).getByRole('button', { name: HELP[language].close }).tap();
    }
  });
}
