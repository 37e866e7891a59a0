import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { FormDefinition, FormField, LeafField } from '../../src/shared/forms/form-schema.js';
import { enterCatalogue, expect, test } from './kiosk-fixture.js';

/**
 * Each bundled form, walked from its first question to the check screen by touch only: every typed
 * answer tapped on the on-screen keys of the layout its field opens with, choices tapped, and
 * Continue accepted on every page. The forms take turns in Kyrgyz, Russian and English.
 */
type LanguageButton = 'Кыргызча' | 'Русский' | 'English';
const LANGUAGES: LanguageButton[] = ['Кыргызча', 'Русский', 'English'];
const APPLY: Record<LanguageButton, string> = { Кыргызча: 'Арыз берүү', Русский: 'Подать заявление', English: 'Apply' };
const AGREE: Record<LanguageButton, RegExp> = { Кыргызча: /Окудум жана макулмун/, Русский: /Прочитал\(а\) и согласен/, English: /I have read them and I agree/ };
const CONTINUE: Record<LanguageButton, string> = { Кыргызча: 'Улантуу', Русский: 'Продолжить', English: 'Continue' };
const WORDS: Record<LanguageButton, string> = { Кыргызча: 'өмүрбек', Русский: 'сокулук', English: 'john' };
const DOCUMENTS = { 'id-card': 'ID1234567', 'id-card-legacy': 'AN1234567', 'foreign-passport': 'AC1234567', 'driving-licence': 'AB1234567', 'civil-certificate': 'I-БШ 000123' };

interface Service {
  id: string;
  categoryId: string;
  formId?: string;
}
const services = readdirSync('resources/content-source/services')
  .map((name) => JSON.parse(readFileSync(join('resources/content-source/services', name), 'utf8')) as Service)
  .filter((service) => service.formId);
const formById = new Map(
  readdirSync('resources/content-source/forms').map((name) => {
    const form = JSON.parse(readFileSync(join('resources/content-source/forms', name), 'utf8')) as FormDefinition;
    return [form.id, form];
  }),
);

/** A date the desired-date rule (at least 30 days ahead) accepts, as DD.MM.YYYY digits. */
function digitsOfDateAhead(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return `${String(date.getDate()).padStart(2, '0')}${String(date.getMonth() + 1).padStart(2, '0')}${date.getFullYear()}`;
}

/** What a visitor taps into a field (a space is the space bar). */
function exampleFor(field: LeafField, language: LanguageButton, part?: string): string {
  switch (field.type) {
    case 'text':
      if (field.id === 'propertyId') return '12-34-567';
      if (field.id === 'share') return '1/2';
      return field.script === 'latin' ? 'asanov' : field.script === 'cyrillic' ? 'асанова' : WORDS[language];
    case 'date':
      if (field.id === 'desiredDate') return digitsOfDateAhead(60);
      return /^birthDate$/.test(field.id) ? '12041985' : '01062020';
    case 'pin':
      return field.id === 'pin' ? '11204198500012' : '21204197000012';
    case 'phone':
      return '0700123456';
    case 'email':
      return 'aida_k-1@mail.kg';
    case 'documentNumber':
      return DOCUMENTS[field.documentKinds[0]!];
    case 'postalCode':
      return '720001';
    case 'number':
      return '2';
    case 'address':
      return part === 'house' || part === 'flat' ? '12' : language === 'English' ? 'чуй' : WORDS[language];
    default:
      return '';
  }
}

const elementId = (path: string) => `#field-${path.replace(/\./g, '-')}`;

async function tapText(page: Page, text: string): Promise<void> {
  for (const character of text) await page.locator(`.on-screen-keyboard .hg-button[data-skbtn="${character === ' ' ? '{space}' : character}"]`).tap();
}

async function typeInto(page: Page, path: string, text: string): Promise<void> {
  await page.locator(elementId(path)).tap();
  await expect(page.locator('.on-screen-keyboard')).toBeVisible();
  await tapText(page, text);
}

async function answer(page: Page, field: FormField, path: string, language: LanguageButton): Promise<void> {
  const element = page.locator(elementId(path));
  if ((await element.count()) === 0) return; // not shown for the answers given so far
  switch (field.type) {
    case 'singleChoice':
    case 'multipleChoice':
      return element.locator('[role="radio"], [role="checkbox"]').first().tap();
    case 'yesNo':
      return element.locator('[role="radio"]').nth(1).tap();
    case 'calculated':
      return;
    case 'repeatGroup':
      await element.locator('.add-item').tap();
      for (const child of field.fields) await answer(page, child, `${path}.0.${child.id}`, language);
      return;
    case 'address':
      await element.locator('[role="radio"]').first().tap();
      for (const part of ['district', 'locality', 'street', 'house', 'flat']) await typeInto(page, `${path}.${part}`, exampleFor(field, language, part));
      return;
    default:
      return typeInto(page, path, exampleFor(field, language));
  }
}

services.forEach((service, index) => {
  const language = LANGUAGES[index % LANGUAGES.length]!;
  test(`${service.id} in ${language}: every page answered by taps is accepted up to the check screen`, async ({ page, openKiosk }) => {
    test.setTimeout(120_000);
    const form = formById.get(service.formId!)!;
    await openKiosk();
    await enterCatalogue(page, language);
    await page.locator(`[data-category-id="${service.categoryId}"]`).tap();
    await page.locator(`[data-service-id="${service.id}"]`).tap();
    await page.getByRole('button', { name: APPLY[language] }).tap();
    await page.getByRole('button', { name: AGREE[language] }).tap();

    for (let step = 0; step < form.pages.length; step += 1) {
      const question = page.locator('[data-screen="question"]');
      if (!(await question.isVisible())) break;
      const pageId = (await question.getAttribute('data-page-id'))!;
      const formPage = form.pages.find((candidate) => candidate.id === pageId)!;
      for (const field of formPage.fields) await answer(page, field, field.id, language);
      await page.getByRole('button', { name: CONTINUE[language], exact: true }).tap();
      await expect(page.locator(`[data-page-id="${pageId}"]`), `${pageId} refused: ${(await page.locator('.field-error').allInnerTexts()).join(' | ')}`).toHaveCount(0);
    }
    await expect(page.locator('[data-screen="check"]')).toBeVisible();
    await expect(page.locator('.error-summary')).toHaveCount(0);
  });
});
