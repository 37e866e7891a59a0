import { expect, openServicePanel, startKiosk, stopKiosk, test } from './kiosk-fixture.js';
import { answerCloudSignatureQuestions, next, openService } from './visit-steps.js';

type Page = Parameters<Parameters<typeof test>[2]>[0]['page'];

/** A visitor at a second screen of the same kiosk submits a cloud e-signature application in Русский. */
async function submitOne(visitor: Page): Promise<void> {
  await openService(visitor, 'Русский', 'e-signature', 'cloud-e-signature');
  await visitor.getByRole('button', { name: 'Подать заявление' }).tap();
  await visitor.getByRole('button', { name: /Прочитал\(а\) и согласен/ }).tap();
  await answerCloudSignatureQuestions(visitor, { lastName: 'Токтосунова', firstName: 'Жылдызкан', pin: '11204198500012', phone: '0700123456' });
  await next(visitor, 'Продолжить');
  await visitor.getByRole('button', { name: 'Продолжить', exact: true }).tap();
  await visitor.getByRole('button', { name: /Подтверждаю, что сведения верны/ }).tap();
  await expect(visitor.getByTestId('receipt-number')).toBeVisible();
  await visitor.getByRole('button', { name: 'Завершить' }).tap();
}

test('staff see the queue change on the attract screen and the panel within a second, and the page never polls', async ({ page, browser }) => {
  test.setTimeout(120_000);
  // A portal that does not answer: applications stay queued, so the count is what changes.
  const kiosk = await startKiosk({ KIOSK_PORTAL_URL: 'http://127.0.0.1:9', KIOSK_CODE: 'BSK1', KIOSK_PORTAL_TOKEN: `kiosk_BSK1.${'a'.repeat(43)}` });
  const second = await browser.newContext({ hasTouch: true, viewport: { width: 1920, height: 1080 } });
  try {
    const statusRequests: number[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/rpc/getSyncStatus')) statusRequests.push(Date.now());
    });
    await page.goto(kiosk.launchUrl);
    const indicator = page.getByTestId('sync-indicator');
    await expect(indicator).toContainText('0 арыз кезекте');
    // The launch link is spent by its first use: the second screen is given the session the first one holds.
    await second.addCookies(await page.context().cookies());
    const visitor = await second.newPage();
    await visitor.goto(kiosk.launchUrl);

    await submitOne(visitor);
    await expect(indicator).toContainText('1 арыз кезекте', { timeout: 1500 });
    expect(statusRequests).toHaveLength(1);

    await openServicePanel(page);
    await expect(page.getByTestId('sync-queued')).toHaveText('1');
    const afterPanelOpened = statusRequests.length;

    await submitOne(visitor);
    await expect(page.getByTestId('sync-queued')).toHaveText('2', { timeout: 1500 });
    // Three seconds on the panel: a one-second poll would have asked three times.
    await page.waitForTimeout(3_000);
    expect(statusRequests).toHaveLength(afterPanelOpened);
  } finally {
    await second.close();
    await stopKiosk(kiosk);
  }
});
