import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLED_CONTENT_VERSION, enterCatalogue, expect, openServicePanel, screenshot, startKiosk, stopKiosk, test } from './kiosk-fixture.js';
import { receiptNumberOf } from '../support/receipt-numbers.js';
import { answerCloudSignatureQuestions, expectWhollyVisible, next, openService, scan } from './visit-steps.js';

test('the error summary names each question it lists', async ({ page, kiosk }) => {
  await page.goto(kiosk.launchUrl);
  await openService(page, 'Русский', 'e-signature', 'cloud-e-signature');
  await page.getByRole('button', { name: 'Подать заявление' }).tap();
  await page.getByRole('button', { name: /Прочитал\(а\) и согласен/ }).tap();
  await page.getByRole('button', { name: 'Продолжить', exact: true }).tap();
  const links = page.locator('.error-summary').getByRole('link');
  await expect(links).toHaveCount(2);
  await expect(links.nth(0)).toContainText('Фамилия');
  await expect(links.nth(1)).toContainText('Имя');
  await scan(page, 'question-error-summary');
  await links.nth(1).tap();
  await expect(page.locator('#field-firstName')).toBeFocused();
});

test('a kiosk built with the demo keys carries its demo mark on every screen, in the visitor’s language, and it takes no tap', async ({ page, kiosk }) => {
  const mark = page.getByTestId('demo-mark');
  await page.goto(kiosk.launchUrl);
  await expect(mark).toHaveText('ДЕМО: чыныгы арыздар үчүн эмес');
  await openService(page, 'English', 'e-signature', 'cloud-e-signature');
  await expect(mark).toHaveText('DEMO: not for real applications');
  await expect(mark).toHaveCSS('pointer-events', 'none');
  await scan(page, 'service-with-demo-mark');
});

test('the check screen shows names with capitals, whatever case they were typed in', async ({ page, kiosk }) => {
  test.setTimeout(60_000);
  await page.goto(kiosk.launchUrl);
  await openService(page, 'Русский', 'e-signature', 'cloud-e-signature');
  await page.getByRole('button', { name: 'Подать заявление' }).tap();
  await page.getByRole('button', { name: /Прочитал\(а\) и согласен/ }).tap();
  await answerCloudSignatureQuestions(page, { lastName: 'асанова-токтосунова', firstName: 'айгүл', patronymic: 'асан кызы', pin: '21204198500012', phone: '0700123456' });
  await next(page, 'Продолжить');
  const check = page.locator('[data-screen="check"]');
  await expect(check.locator('[data-field-id="lastName"] dd').first()).toHaveText('Асанова-Токтосунова');
  await expect(check.locator('[data-field-id="firstName"] dd').first()).toHaveText('Айгүл');
  await expect(check.locator('[data-field-id="patronymic"] dd').first()).toHaveText('Асан кызы');
});

test('the Kyrgyz service panel gives a refusal’s reason in Kyrgyz', async ({ page }) => {
  const media = mkdtempSync(join(tmpdir(), 'kyzmat-media-e2e-'));
  const kiosk = await startKiosk({ KIOSK_REMOVABLE_MEDIA_ROOTS: media });
  try {
    // The same version as the bundled content: refused as not newer.
    const stick = join(media, 'usb-stick', 'kyzmat-content');
    const cli = (...args: string[]) => execFileSync(process.execPath, ['dist/portal/content-cli.js', ...args], { encoding: 'utf8' });
    const out = join(mkdtempSync(join(tmpdir(), 'kyzmat-content-e2e-')), 'package');
    cli('build', 'resources/content-source', '--out', out, '--version', String(BUNDLED_CONTENT_VERSION));
    cli('sign', out, '--key', 'resources/demo-keys/demo-content-2026-b.private.json');
    cpSync(out, stick, { recursive: true });
    await page.goto(kiosk.launchUrl);
    await openServicePanel(page);
    await page.getByRole('button', { name: "USB'ден жүктөө" }).tap();
    const row = page.locator('.panel-history li').first();
    await expect(row.locator('.panel-reason')).toHaveAttribute('data-code', 'VERSION_NOT_NEWER');
    await expect(row).toBeVisible();
    expect(await row.innerText()).not.toMatch(/is not newer|version \d/);
    await expect(row.locator('.panel-detail summary')).toHaveText('Техникалык маалымат (англисче)');
    await row.locator('.panel-detail summary').tap();
    await scan(page, 'service-panel-refusal');
    await screenshot(page, 'rough-edges-service-panel-ky');
  } finally {
    await stopKiosk(kiosk);
    rmSync(media, { recursive: true, force: true });
  }
});

for (const size of [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
  { width: 1280, height: 1024 },
]) {
  test(`with larger text the top bar keeps "Change language" whole at ${size.width}×${size.height}`, async ({ page, kiosk }) => {
    await page.setViewportSize(size);
    await page.goto(kiosk.launchUrl);
    await enterCatalogue(page, 'Кыргызча');
    await page.getByRole('button', { name: /Чоң тамга/ }).tap();
    await page.locator('[data-category-id="e-signature"]').tap();
    await page.locator('[data-service-id="cloud-e-signature"]').tap();
    await expect(page.locator('html.large-text')).toHaveCount(1);
    for (const name of ['Тилди алмаштыруу', 'Чыгуу']) await expectWhollyVisible(page, page.getByRole('button', { name, exact: true }));
    await expectWhollyVisible(page, page.getByRole('button', { name: /Чоң тамга/ }));
    // One row: a wrapped bar pushes every screen down under it. Five controls: language, Help, the two aids, Exit.
    const tops = await page.locator('.visit-bar .button').evaluateAll((buttons) => buttons.map((button) => Math.round(button.getBoundingClientRect().top)));
    expect(tops.length).toBe(5);
    expect(new Set(tops).size).toBe(1);
    await scan(page, `service-large-text-${size.width}x${size.height}`);
    await screenshot(page, `rough-edges-top-bar-large-${size.width}x${size.height}`, false);
  });
}

test('the status lookup names the service and says what to do next', async ({ page, kiosk }) => {
  test.setTimeout(60_000);
  await page.goto(kiosk.launchUrl);
  await openService(page, 'Русский', 'e-signature', 'cloud-e-signature');
  await page.getByRole('button', { name: 'Подать заявление' }).tap();
  await page.getByRole('button', { name: /Прочитал\(а\) и согласен/ }).tap();
  await answerCloudSignatureQuestions(page, { lastName: 'Асанова', firstName: 'Айгүл', pin: '21204198500012', phone: '0700123456' });
  await next(page, 'Продолжить');
  await page.getByRole('button', { name: 'Продолжить', exact: true }).tap();
  await page.getByRole('button', { name: /Подтверждаю, что сведения верны/ }).tap();
  const number = (await page.getByTestId('receipt-number').innerText()).trim();
  await page.getByRole('button', { name: 'Завершить' }).tap();

  await enterCatalogue(page, 'Русский');
  await page.getByRole('button', { name: 'Узнать о заявлении' }).tap();
  await page.locator('#receipt-number').fill(number);
  await page.getByRole('button', { name: 'Проверить' }).tap();
  const result = page.locator('.lookup-result');
  await expect(result.getByTestId('lookup-service')).toHaveText('Облачная ЭЦП');
  await expect(result.getByTestId('lookup-next-step')).toBeVisible();
  await expect(result.getByTestId('lookup-next-step')).not.toBeEmpty();
  await scan(page, 'lookup-queued');
});

test('a visit may look up ten numbers, then the visitor is sent to the counter in their language', async ({ page, kiosk }) => {
  test.setTimeout(60_000);
  const russian = JSON.parse(readFileSync('src/shared/locales/ru/lookup.json', 'utf8')) as { visitLimit: string };
  await page.goto(kiosk.launchUrl);
  await enterCatalogue(page, 'Русский');
  await page.getByRole('button', { name: 'Узнать о заявлении' }).tap();
  const check = page.getByRole('button', { name: 'Проверить' });
  const answered = page.locator('[data-lookup-error]:not([data-lookup-error="VISIT_LIMIT"])');
  for (let index = 0; index < 10; index++) {
    await page.locator('#receipt-number').fill(receiptNumberOf('DEV1', index + 1));
    await check.tap();
    // Not found or not reachable: each number asked about counts.
    await expect(answered).toBeVisible();
  }
  await expect(page.locator('[data-lookup-error="VISIT_LIMIT"]')).toHaveText(`⚠ ${russian.visitLimit.replace('{{limit}}', '10')}`);
  await page.locator('#receipt-number').fill(receiptNumberOf('DEV1', 11));
  await expect(check).toBeDisabled();
  await scan(page, 'lookup-visit-limit');
});
