import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { asPrinted, expect, screenshot, startKiosk, stopKiosk, test, type RunningKiosk } from './kiosk-fixture.js';
import { answerCloudSignatureQuestions, fill, next, openService, scan } from './visit-steps.js';

/** The three kiosk screens the receipt must fit. */
const SCREENS = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
  { width: 1280, height: 1024 },
];
const STATUS_PAGE = 'https://portal.kyzmat.example/status/';
/** Intl writes thousands with a no-break space; a reader sees a space. */
const spaced = (text: string) => text.replace(/\s+/g, ' ').trim();

/** DD.MM.YYYY some days from the kiosk's today, as the date field takes it. */
function daysFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(date.getDate())}.${two(date.getMonth() + 1)}.${date.getFullYear()}`;
}

/** The titles in the service screen's document list. */
async function serviceDocumentTitles(page: Page): Promise<string[]> {
  const items = page.locator('[data-screen="service"] .document-checklist li');
  return (await items.allInnerTexts()).map((item) => spaced(item.replace('✓', '').split(' — ')[0]!));
}

/** The receipt's own saved PDF, as pdftotext reads it, once the page says it was saved. */
async function printedText(page: Page, kiosk: RunningKiosk, number: string): Promise<string> {
  await expect(page.locator('[data-print-status="saved"]')).toBeVisible();
  const pdf = join(kiosk.dataFolder, 'receipts', `${number}.pdf`);
  expect(existsSync(pdf)).toBe(true);
  return spaced(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
}

/** Print again and Finish lie wholly inside the viewport, without scrolling. */
async function expectActionsInView(page: Page, label: string): Promise<void> {
  for (const size of SCREENS) {
    await page.setViewportSize(size);
    await page.evaluate(() => window.scrollTo(0, 0));
    for (const name of ['Напечатать ещё раз', 'Завершить']) {
      const box = await page.getByRole('button', { name, exact: true }).boundingBox();
      expect(box, `${name} at ${size.width}×${size.height} ${label}`).not.toBeNull();
      expect(box!.y, `${name} top at ${size.width}×${size.height} ${label}`).toBeGreaterThanOrEqual(0);
      expect(box!.x, `${name} left at ${size.width}×${size.height} ${label}`).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height, `${name} bottom at ${size.width}×${size.height} ${label}`).toBeLessThanOrEqual(size.height);
      expect(box!.x + box!.width, `${name} right at ${size.width}×${size.height} ${label}`).toBeLessThanOrEqual(size.width);
    }
    await screenshot(page, `receipt-${size.width}x${size.height}-${label}`, false);
  }
  await page.setViewportSize(SCREENS[0]!);
}

test('ID card replacement in Русский: the fee of the urgency chosen, how to pay, only the documents that apply, the status-page QR, actions in view', async ({ page, kiosk }) => {
  test.setTimeout(90_000);
  await page.goto(kiosk.launchUrl);
  await openService(page, 'Русский', 'identity-documents', 'id-card-replacement');
  const listed = await serviceDocumentTitles(page);
  expect(listed).toContain('Свидетельство о браке или о перемене имени');
  await page.getByRole('button', { name: 'Подать заявление' }).tap();
  await page.getByRole('button', { name: /Прочитал\(а\) и согласен/ }).tap();

  await fill(page, 'lastName', 'Асанова');
  await fill(page, 'firstName', 'Айгуль');
  await next(page, 'Продолжить');
  await fill(page, 'birthDate', '12.04.1985');
  await next(page, 'Продолжить');
  await fill(page, 'pin', '21204198500012');
  await next(page, 'Продолжить');
  // The card has expired: the name has not changed, so no name-change certificate is needed.
  await page.getByRole('radio', { name: 'Истёк срок действия' }).tap();
  await next(page, 'Продолжить');
  await fill(page, 'oldCardNumber', 'ID1234567');
  await next(page, 'Продолжить');
  await page.getByRole('radio', { name: /Срочно — 8 рабочих дней/ }).tap();
  await next(page, 'Продолжить');
  const calculated = spaced(await page.getByTestId('calculated-fee').innerText());
  expect(calculated).toBe('1 300 сом');
  await next(page, 'Продолжить');
  await fill(page, 'phone', '0700123456');
  await next(page, 'Продолжить');
  await page.getByRole('button', { name: 'Продолжить', exact: true }).tap();
  await page.getByRole('button', { name: /Подтверждаю, что сведения верны/ }).tap();

  const receipt = page.locator('[data-screen="receipt"]');
  await expect(receipt).toBeVisible();
  const number = (await page.getByTestId('receipt-number').innerText()).trim();
  expect(spaced(await page.getByTestId('receipt-amount').innerText())).toBe(calculated);
  await expect(page.getByTestId('receipt-payment')).toContainText('Оплатите пошлину в кассе банка в этом зале');
  const documents = page.getByTestId('receipt-documents');
  await expect(documents.locator('[data-document-id="old-id-card"]')).toContainText('Если карта утеряна — заявление об утере');
  await expect(documents.locator('[data-document-id="name-change-certificate"]')).toHaveCount(0);
  await expect(documents).not.toContainText('Свидетельство о браке или о перемене имени');
  await expect(documents.locator('li')).toHaveCount(listed.length - 1);
  const qr = receipt.locator('svg.receipt-qr');
  await expect(qr).toBeVisible();
  await expect(qr).toHaveAttribute('data-qr-text', `${STATUS_PAGE}${number}`);
  await expect(qr).toHaveAttribute('aria-label', new RegExp(number));
  // Drawn in the page, not as an image document: the page keeps no data: URL per receipt.
  await expect(receipt.locator('img[src^="data:"]')).toHaveCount(0);
  await expect(receipt.locator('.receipt-state[data-state="queued"]')).toContainText('отправлено в службу автоматически');
  await scan(page, 'receipt');

  const paper = await printedText(page, kiosk, number);
  expect(paper).toMatch(asPrinted(number));
  expect(paper).toContain('К оплате: 1 300 сом');
  expect(paper).toContain('Оплатите пошлину в кассе банка в этом зале');
  expect(paper).not.toContain('перемене имени');
  expect(paper).not.toContain('Отправлено');

  await expectActionsInView(page, 'ru');
  await page.getByRole('button', { name: /Крупный текст/ }).tap();
  await expect(page.locator('html')).toHaveClass(/large-text/);
  await expectActionsInView(page, 'ru-large-text');
  await scan(page, 'receipt-large-text');
  await page.getByRole('button', { name: 'Завершить', exact: true }).tap();
  await expect(page.locator('[data-screen="attract"]')).toBeVisible();
});

test('marriage registration in Кыргызча: not married before, so the receipt and its PDF leave out the divorce certificate the service screen lists', async ({ page, kiosk }) => {
  test.setTimeout(90_000);
  await page.goto(kiosk.launchUrl);
  await openService(page, 'Кыргызча', 'civil-status', 'marriage-registration');
  const divorceCertificate = 'Мурунку никенин бузулгандыгы же жубайдын өлүмү жөнүндө күбөлүк';
  const listed = await serviceDocumentTitles(page);
  expect(listed).toContain(divorceCertificate);
  await page.getByRole('button', { name: 'Арыз берүү' }).tap();
  await page.getByRole('button', { name: /Окудум жана макулмун/ }).tap();

  await fill(page, 'lastName', 'Асанов');
  await fill(page, 'firstName', 'Бакыт');
  await next(page, 'Улантуу');
  await fill(page, 'birthDate', '12.04.1990');
  await next(page, 'Улантуу');
  await fill(page, 'pin', '11204199000012');
  await next(page, 'Улантуу');
  await fill(page, 'spouseLastName', 'Осмонова');
  await fill(page, 'spouseFirstName', 'Айпери');
  await next(page, 'Улантуу');
  await fill(page, 'spousePin', '21505199200034');
  await next(page, 'Улантуу');
  await fill(page, 'surnameAfter', 'Асанов');
  await fill(page, 'spouseSurnameAfter', 'Асанова');
  await next(page, 'Улантуу');
  await page.locator('[data-page-id="previously-married"]').getByRole('radio', { name: 'Жок' }).tap();
  await next(page, 'Улантуу');
  await expect(page.locator('[data-page-id="desired-date"]')).toBeVisible();
  await fill(page, 'desiredDate', daysFromToday(45));
  await next(page, 'Улантуу');
  await page.locator('[data-page-id="venue"] [role="radio"]').first().tap();
  await next(page, 'Улантуу');
  await page.locator('[data-page-id="ceremonial"]').getByRole('radio', { name: 'Жок' }).tap();
  await next(page, 'Улантуу');
  await fill(page, 'phone', '0555123456');
  await next(page, 'Улантуу');
  await page.getByRole('button', { name: 'Улантуу', exact: true }).tap();
  await page.getByRole('button', { name: /ырастайм — жөнөтүү/ }).tap();

  const receipt = page.locator('[data-screen="receipt"]');
  await expect(receipt).toBeVisible();
  const number = (await page.getByTestId('receipt-number').innerText()).trim();
  const documents = page.getByTestId('receipt-documents');
  await expect(documents.locator('li')).toHaveCount(listed.length - 1);
  await expect(documents.locator('[data-document-id="previous-marriage-end"]')).toHaveCount(0);
  await expect(documents).not.toContainText(divorceCertificate);
  await expect(documents.locator('[data-document-id="passports-of-both"]')).toBeVisible();
  expect(spaced(await page.getByTestId('receipt-amount').innerText())).toBe('500 сом');
  await expect(page.getByTestId('receipt-payment')).toContainText('Алымды ушул залдагы банктын кассасында');
  await expect(receipt.locator('svg.receipt-qr')).toHaveAttribute('data-qr-text', `${STATUS_PAGE}${number}`);
  await expect(receipt.locator('.receipt-qr-figure figcaption')).toHaveText('Арызыңыздын абалын билүү үчүн кодду сканерлеңиз.');
  await scan(page, 'receipt-ky');
  await screenshot(page, 'receipt-marriage-ky');
  await page.getByRole('button', { name: /Ачык контраст/ }).tap();
  await expect(page.locator('html')).toHaveClass(/high-contrast/);
  await scan(page, 'receipt-ky-high-contrast');
  await screenshot(page, 'receipt-marriage-ky-high-contrast', false);

  const paper = await printedText(page, kiosk, number);
  expect(paper).toContain('Төлөнүүчү сумма: 500 сом');
  expect(paper).toContain('Экөөнүн тең паспорттору');
  expect(paper).not.toContain('бузулгандыгы');
  expect(paper).toContain('Ушул киоскто сакталды');
});

test('cloud e-signature in Русский with the local portal: free of charge, no payment text, and a reprint after delivery says the service received it', async ({ page }) => {
  test.setTimeout(60_000);
  const kiosk = await startKiosk({}, { localPortal: true });
  try {
    await page.goto(kiosk.launchUrl);
    await openService(page, 'Русский', 'e-signature', 'cloud-e-signature');
    await page.getByRole('button', { name: 'Подать заявление' }).tap();
    await page.getByRole('button', { name: /Прочитал\(а\) и согласен/ }).tap();
    await answerCloudSignatureQuestions(page, { lastName: 'Асанова', firstName: 'Айгуль', pin: '21204198500012', phone: '0700123456' });
    await next(page, 'Продолжить');
    await page.getByRole('button', { name: 'Продолжить', exact: true }).tap();
    await page.getByRole('button', { name: /Подтверждаю, что сведения верны/ }).tap();

    const receipt = page.locator('[data-screen="receipt"]');
    await expect(page.getByTestId('receipt-amount')).toHaveText('Бесплатно');
    await expect(page.getByTestId('receipt-payment')).toHaveCount(0);
    // The screen follows the outbox: once the portal acknowledges, the words change with it.
    await expect(receipt.locator('.receipt-state[data-state="delivered"]')).toHaveText('Отправлено: служба его получила.', { timeout: 15_000 });
    const number = (await page.getByTestId('receipt-number').innerText()).trim();
    const pdf = join(kiosk.dataFolder, 'receipts', `${number}.pdf`);
    await expect(page.locator('[data-print-status="saved"]')).toBeVisible();
    const before = statSync(pdf).mtimeMs;
    await page.getByRole('button', { name: 'Напечатать ещё раз', exact: true }).tap();
    await expect.poll(() => statSync(pdf).mtimeMs).toBeGreaterThan(before);
    await expect(page.locator('[data-print-status="saved"]')).toBeVisible();
    const paper = spaced(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
    expect(paper).toContain('Отправлено: служба его получила.');
    expect(paper).not.toContain('Сохранено на этом киоске');
    expect(paper).toContain('К оплате: Бесплатно');
    expect(paper).not.toContain('Как и где оплатить');
    await scan(page, 'receipt-delivered');
  } finally {
    expect(await stopKiosk(kiosk)).toBe(0);
  }
});
