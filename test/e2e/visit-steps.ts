import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { enterCatalogue, expect } from './kiosk-fixture.js';

type LanguageButton = 'Кыргызча' | 'Русский' | 'English';

/** Types an answer with the physical keyboard (the on-screen one has tests of its own). */
export async function fill(page: Page, fieldId: string, text: string): Promise<void> {
  const input = page.locator(`#field-${fieldId}`);
  await input.tap();
  await input.fill('');
  await page.keyboard.type(text);
}

/** Taps the button and waits until the page it was on has gone. */
export async function next(page: Page, label: string): Promise<void> {
  const before = await page.locator('[data-page-id]').getAttribute('data-page-id').catch(() => null);
  await page.getByRole('button', { name: label, exact: true }).tap();
  if (before) await expect(page.locator(`[data-page-id="${before}"]`)).toHaveCount(0);
}

/** Attract → language → catalogue → category → the service's page, by touch. */
export async function openService(page: Page, language: LanguageButton, category: string, service: string): Promise<void> {
  await enterCatalogue(page, language);
  await page.locator(`[data-category-id="${category}"]`).tap();
  await page.locator(`[data-service-id="${service}"]`).tap();
  await expect(page.locator('[data-screen="service"] h1')).toBeVisible();
}

/** axe-core finds no WCAG 2.1 A/AA violation on what the page shows now. */
export async function scan(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((violation) => `${screen}: ${violation.id} (${violation.nodes.length})`)).toEqual([]);
}

export interface CloudSignatureVisitor {
  lastName: string;
  firstName: string;
  patronymic?: string;
  pin: string;
  phone: string;
}

/** The cloud e-signature questions in Russian, after consent, up to the phone number (typed, not yet continued). */
export async function answerCloudSignatureQuestions(page: Page, visitor: CloudSignatureVisitor): Promise<void> {
  await fill(page, 'lastName', visitor.lastName);
  await fill(page, 'firstName', visitor.firstName);
  if (visitor.patronymic) await fill(page, 'patronymic', visitor.patronymic);
  await next(page, 'Продолжить');
  await fill(page, 'birthDate', '12.04.1985');
  await next(page, 'Продолжить');
  await fill(page, 'pin', visitor.pin);
  await next(page, 'Продолжить');
  await fill(page, 'idCardNumber', 'ID1234567');
  await next(page, 'Продолжить');
  await next(page, 'Продолжить'); // e-mail is optional
  await fill(page, 'phone', visitor.phone);
}

/** The whole control is on screen, nothing covers it, and its text is not cut off inside it. */
export async function expectWhollyVisible(page: Page, control: Locator): Promise<void> {
  const box = (await control.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  const clipped = await control.evaluate((element) => {
    const own = element.getBoundingClientRect();
    const overflowing = element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1;
    const points = [
      [own.left + 4, own.top + 4],
      [own.right - 4, own.top + 4],
      [own.left + 4, own.bottom - 4],
      [own.right - 4, own.bottom - 4],
    ];
    const covered = points.some(([x, y]) => !element.contains(document.elementFromPoint(x!, y!)));
    // An ancestor that hides overflow and is smaller than the control cuts it off.
    let clippedByAncestor = false;
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const style = getComputedStyle(parent);
      if (style.overflow === 'visible') continue;
      const rect = parent.getBoundingClientRect();
      if (own.left < rect.left - 1 || own.right > rect.right + 1 || own.top < rect.top - 1 || own.bottom > rect.bottom + 1) clippedByAncestor = true;
    }
    return { overflowing, covered, clippedByAncestor };
  });
  expect(clipped).toEqual({ overflowing: false, covered: false, clippedByAncestor: false });
}
