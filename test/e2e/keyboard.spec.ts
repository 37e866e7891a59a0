import type { Page } from '@playwright/test';
import { enterCatalogue, expect, screenshot, test } from './kiosk-fixture.js';
import { scan } from './visit-steps.js';

/**
 * Every answer typed by tapping the on-screen keys only (no physical keyboard, no fill), so a
 * visitor with nothing but the touch screen can enter each kind of answer the forms ask for.
 */
type LanguageButton = 'Кыргызча' | 'Русский' | 'English';
const APPLY: Record<LanguageButton, string> = { Кыргызча: 'Арыз берүү', Русский: 'Подать заявление', English: 'Apply' };
const AGREE: Record<LanguageButton, RegExp> = { Кыргызча: /Окудум жана макулмун/, Русский: /Прочитал\(а\) и согласен/, English: /I have read them and I agree/ };
const CONTINUE: Record<LanguageButton, string> = { Кыргызча: 'Улантуу', Русский: 'Продолжить', English: 'Continue' };

async function startApplication(page: Page, language: LanguageButton, category: string, service: string): Promise<void> {
  await enterCatalogue(page, language);
  await page.locator(`[data-category-id="${category}"]`).tap();
  await page.locator(`[data-service-id="${service}"]`).tap();
  await page.getByRole('button', { name: APPLY[language] }).tap();
  await page.getByRole('button', { name: AGREE[language] }).tap();
  await expect(page.locator('[data-screen="question"]')).toBeVisible();
}

/** Taps one key of the keyboard as it is now ("{space}", ".kg" and the like included). */
async function tapKey(page: Page, key: string): Promise<void> {
  await page.locator(`.on-screen-keyboard .hg-button[data-skbtn="${key}"]`).tap();
}

/** Taps the text character by character; a space is the space bar. */
async function tapText(page: Page, text: string): Promise<void> {
  for (const character of text) await tapKey(page, character === ' ' ? '{space}' : character);
}

async function openField(page: Page, fieldId: string, layout: string): Promise<void> {
  await page.locator(`#field-${fieldId}`).tap();
  await expect(page.locator('.on-screen-keyboard')).toHaveAttribute('data-keyboard-layout', layout);
}

/** Continue is accepted: no error is shown and the next page (or the check screen) replaces this one. */
async function continueAccepted(page: Page, language: LanguageButton): Promise<void> {
  const pageId = await page.locator('[data-page-id]').getAttribute('data-page-id');
  await page.getByRole('button', { name: CONTINUE[language], exact: true }).tap();
  await expect(page.locator(`[data-page-id="${pageId}"]`)).toHaveCount(0);
  await expect(page.locator('.error-summary, .field-error')).toHaveCount(0);
}

test('in Русский: a name, an ID-card number, an e-mail and a phone, all by taps, are accepted', async ({ page, openKiosk }) => {
  test.setTimeout(90_000);
  await openKiosk();
  await startApplication(page, 'Русский', 'e-signature', 'cloud-e-signature');

  await openField(page, 'lastName', 'ru');
  await tapText(page, 'иванова');
  await expect(page.locator('#field-lastName')).toHaveValue('Иванова');
  await openField(page, 'firstName', 'ru');
  await tapText(page, 'айгуль');
  await expect(page.locator('#field-firstName')).toHaveValue('Айгуль');
  await continueAccepted(page, 'Русский');

  await openField(page, 'birthDate', 'numeric');
  await tapText(page, '12041985');
  await continueAccepted(page, 'Русский');
  await openField(page, 'pin', 'numeric');
  await tapText(page, '11204198500012');
  await continueAccepted(page, 'Русский');

  // The series letters and the digits are on one layout.
  await openField(page, 'idCardNumber', 'document');
  await tapText(page, 'ID1234567');
  await expect(page.locator('#field-idCardNumber')).toHaveValue('ID1234567');
  await continueAccepted(page, 'Русский');

  // E-mail: switching to the digit pad and back keeps the layout the visitor chose while typing.
  await openField(page, 'email', 'email');
  const keyboard = page.locator('.on-screen-keyboard');
  await tapText(page, 'aida_k-');
  await keyboard.getByRole('radio', { name: '123' }).tap();
  await tapText(page, '85');
  await expect(keyboard).toHaveAttribute('data-keyboard-layout', 'numeric');
  await keyboard.getByRole('radio', { name: /Эл\. почта/ }).tap();
  await tapText(page, '@mail');
  await tapKey(page, '.kg');
  await expect(keyboard).toHaveAttribute('data-keyboard-layout', 'email');
  await expect(page.locator('#field-email')).toHaveValue('aida_k-85@mail.kg');
  await continueAccepted(page, 'Русский');

  // Phone: the country code is already there; the visitor taps the national number.
  await openField(page, 'phone', 'numeric');
  await expect(page.locator('.text-input-prefix')).toHaveText('+996');
  await tapText(page, '0700123456');
  await expect(page.locator('#field-phone')).toHaveValue('700 123 456');
  await screenshot(page, 'keyboard-phone-ru', false);
  await continueAccepted(page, 'Русский');

  const check = page.locator('[data-screen="check"]');
  await expect(check).toBeVisible();
  await expect(check.locator('[data-field-id="lastName"]')).toContainText('Иванова');
  await expect(check.locator('[data-field-id="email"]')).toContainText('aida_k-85@mail.kg');
});

test('in Кыргызча: a name with ң ө ү and a civil certificate number with № are accepted without switching layouts', async ({ page, openKiosk }) => {
  test.setTimeout(90_000);
  await openKiosk();
  await startApplication(page, 'Кыргызча', 'identity-documents', 'id-card-first');

  await openField(page, 'lastName', 'ky');
  await tapText(page, 'өмүрбекова');
  await openField(page, 'firstName', 'ky');
  await tapText(page, 'нурайым');
  await expect(page.locator('#field-lastName')).toHaveValue('Өмүрбекова');
  await expect(page.locator('#field-firstName')).toHaveValue('Нурайым');
  await continueAccepted(page, 'Кыргызча');

  await openField(page, 'birthDate', 'numeric');
  await tapText(page, '12042008');
  await continueAccepted(page, 'Кыргызча');
  await openField(page, 'pin', 'numeric');
  await tapText(page, '11204200800012');
  await continueAccepted(page, 'Кыргызча');

  await openField(page, 'birthCertificateNumber', 'documentCyrillic');
  await tapText(page, 'I-БШ № 000123');
  await expect(page.locator('#field-birthCertificateNumber')).toHaveValue('I-БШ № 000123');
  await expect(page.locator('.on-screen-keyboard')).toHaveAttribute('data-keyboard-layout', 'documentCyrillic');
  await continueAccepted(page, 'Кыргызча');
  await expect(page.locator('[data-page-id="parents"], [data-screen="question"]').first()).toBeVisible();
});

test('in English: a name that may be in any script opens Latin letters and starts with a capital', async ({ page, openKiosk }) => {
  await openKiosk();
  await startApplication(page, 'English', 'civil-status', 'pin-assignment');
  await openField(page, 'lastName', 'lat');
  await tapText(page, "o'brien");
  await openField(page, 'firstName', 'lat');
  await tapText(page, 'mary');
  await expect(page.locator('#field-lastName')).toHaveValue("O'brien");
  await expect(page.locator('#field-firstName')).toHaveValue('Mary');
  await continueAccepted(page, 'English');
  await expect(page.locator('[data-page-id="birth-date"]')).toBeVisible();
});

/** Every key on the keyboard as it is now: a name a screen reader reads, and at least 48×48 px to touch. */
async function expectKeysNamedAndLarge(page: Page): Promise<void> {
  const keyboard = page.locator('.on-screen-keyboard');
  const faults = await keyboard.locator('.hg-button').evaluateAll((keys) =>
    keys.flatMap((key) => {
      const box = key.getBoundingClientRect();
      const name = (key.getAttribute('aria-label') ?? key.textContent ?? '').trim();
      return box.width < 48 || box.height < 48 || name === '' ? [`${key.getAttribute('data-skbtn')}: ${Math.round(box.width)}×${Math.round(box.height)} "${name}"`] : [];
    }),
  );
  expect(faults, (await keyboard.getAttribute('data-keyboard-layout')) ?? '').toEqual([]);
}

test.describe('at 1080×1920', () => {
  test.use({ viewport: { width: 1080, height: 1920 } });

  test('every key of every layout has a name and a 48×48 px target, and a question with the keyboard open passes axe', async ({ page, openKiosk }) => {
    test.setTimeout(90_000);
    await openKiosk();
    await startApplication(page, 'Кыргызча', 'e-signature', 'cloud-e-signature');
    await openField(page, 'lastName', 'ky');
    await scan(page, 'name question, Kyrgyz keyboard');
    await screenshot(page, 'keyboard-name-ky-portrait', false);

    const keyboard = page.locator('.on-screen-keyboard');
    await expect(keyboard.getByRole('radio')).toHaveCount(4);
    for (let index = 0; index < 4; index += 1) {
      await keyboard.getByRole('radio').nth(index).tap();
      await expectKeysNamedAndLarge(page);
    }
    await keyboard.getByRole('radio').first().tap();
    await tapText(page, 'асанова');
    await openField(page, 'firstName', 'ky');
    await tapText(page, 'айгүл');
    await continueAccepted(page, 'Кыргызча');
    await openField(page, 'birthDate', 'numeric');
    await tapText(page, '12041985');
    await continueAccepted(page, 'Кыргызча');
    await openField(page, 'pin', 'numeric');
    await tapText(page, '11204198500012');
    await continueAccepted(page, 'Кыргызча');
    await openField(page, 'idCardNumber', 'document');
    await expectKeysNamedAndLarge(page);
    await tapText(page, 'AN № 1234567');
    await continueAccepted(page, 'Кыргызча');

    // The signs are named in the visitor's language, and the e-mail layout is on offer beside the alphabets.
    await openField(page, 'email', 'email');
    await expectKeysNamedAndLarge(page);
    await expect(keyboard.getByRole('button', { name: 'собака белгиси' })).toBeVisible();
    await expect(keyboard.getByRole('radio')).toHaveCount(5);
    // Five choices and Close still fit on the screen's width.
    const close = await keyboard.getByRole('button', { name: 'Клавиатураны жабуу' }).boundingBox();
    expect(close!.x + close!.width).toBeLessThanOrEqual(1080);
    await scan(page, 'e-mail question, larger text');
    await screenshot(page, 'keyboard-email-ky-portrait', false);
  });

  test('with larger text, the e-mail keyboard still fits the width and every key stays named and 48×48 px', async ({ page, openKiosk }) => {
    test.setTimeout(60_000);
    await openKiosk();
    await enterCatalogue(page, 'Русский');
    await page.locator('[data-category-id="e-signature"]').tap();
    await page.locator('[data-service-id="cloud-e-signature"]').tap();
    await page.getByRole('button', { name: /Крупный текст/ }).tap();
    await page.getByRole('button', { name: APPLY['Русский'] }).tap();
    await page.getByRole('button', { name: AGREE['Русский'] }).tap();
    await expect(page.locator('html')).toHaveClass(/large-text/);
    for (const [fieldId, text] of [['lastName', 'иванова'], ['firstName', 'айгуль']] as const) {
      await openField(page, fieldId, 'ru');
      await tapText(page, text);
    }
    await continueAccepted(page, 'Русский');
    await openField(page, 'birthDate', 'numeric');
    await tapText(page, '12041985');
    await continueAccepted(page, 'Русский');
    await openField(page, 'pin', 'numeric');
    await tapText(page, '11204198500012');
    await continueAccepted(page, 'Русский');
    await openField(page, 'idCardNumber', 'document');
    await tapText(page, 'ID1234567');
    await continueAccepted(page, 'Русский');
    await openField(page, 'email', 'email');
    await expectKeysNamedAndLarge(page);
    const close = await page.locator('.keyboard-close').boundingBox();
    expect(close!.x + close!.width).toBeLessThanOrEqual(1080);
    await screenshot(page, 'keyboard-email-ru-large-text-portrait', false);
  });
});
