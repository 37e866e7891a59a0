import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationStatusService } from '../../src/portal/applications/application-status-service.js';
import { readStatusReasons } from '../../src/portal/applications/status-reasons.js';
import { SqlitePortalStore } from '../../src/portal/storage/sqlite/sqlite-store.js';
import { enterCatalogue, expect, screenshot, startKiosk, stopKiosk, test } from './kiosk-fixture.js';
import { answerCloudSignatureQuestions, next, openService, scan } from './visit-steps.js';

const ADMIN_TOKEN = 'e2e-lookup-status-admin-token-01';
const REASONS_FILE = 'resources/portal/status-reasons.json';
const kyrgyz = JSON.parse(readFileSync('src/shared/locales/ky/lookup.json', 'utf8')) as { open: string; check: string; status: Record<string, string> };

async function startPortalProcess(dataFolder: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['dist/portal/main.js', '--port', '0', '--data', dataFolder], {
    env: { ...process.env, PORTAL_ADMIN_TOKEN: ADMIN_TOKEN },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Portal listening on (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`portal exited with ${code}: ${output}`)));
  });
  return { url, child };
}

test('an application the portal moved to needs-action shows the reason and the next step in Kyrgyz, then Russian and English, by touch (axe)', async ({ page }) => {
  test.setTimeout(90_000);
  const portalData = mkdtempSync(join(tmpdir(), 'kyzmat-portal-e2e-'));
  const portal = await startPortalProcess(portalData);
  const token = execFileSync(process.execPath, ['dist/portal/admin-cli.js', 'issue-credential', '--kiosk', 'BSK1', '--data', portalData], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
  const kiosk = await startKiosk({ KIOSK_PORTAL_URL: portal.url, KIOSK_PORTAL_TOKEN: token, KIOSK_CODE: 'BSK1' });
  // The officer's side: the workflow over the portal's own SQLite file, as the back office will call it.
  const store = new SqlitePortalStore(join(portalData, 'portal.sqlite'));
  const workflow = new ApplicationStatusService({ store: store.applications, reasons: readStatusReasons(REASONS_FILE), now: () => new Date(), log: () => undefined });
  try {
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

    await expect.poll(async () => (await store.applications.current(number))?.status, { timeout: 15_000 }).toBe('received');
    expect(await workflow.changeStatus({ userId: 1 }, number, 'in-review', null)).toMatchObject({ outcome: 'changed' });
    expect(await workflow.changeStatus({ userId: 1 }, number, 'needs-action', 'document-missing')).toMatchObject({ outcome: 'changed' });

    await enterCatalogue(page, 'Кыргызча');
    await page.getByRole('button', { name: kyrgyz.open }).tap();
    await page.locator('#receipt-number').tap();
    // The Latin layout's lower-case keys: the field writes receipt numbers in capitals.
    for (const character of number.toLowerCase()) await page.locator(`.on-screen-keyboard .hg-button[data-skbtn="${character}"]`).first().tap();
    await expect(page.locator('#receipt-number')).toHaveValue(number);
    const result = page.locator('.lookup-result');
    // The kiosk marks the application delivered a moment after the portal stored it; until then it answers from its queue.
    await expect(async () => {
      await page.getByRole('button', { name: kyrgyz.check, exact: true }).tap();
      await expect(result).toHaveAttribute('data-lookup-status', 'needs-action', { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(result.locator('.status-message')).toHaveText(kyrgyz.status['needs-action']!);
    await expect(result.getByTestId('lookup-reason')).toHaveText('Себеби: Арызга керектүү документтердин бири жок.');
    await expect(result.getByTestId('lookup-next-step')).toContainText('жетишпеген документтин түп нускасын');
    await page.locator('.keyboard-close').tap();
    await scan(page, 'lookup-needs-action-ky');
    await screenshot(page, 'lookup-needs-action-ky');

    // The same lookup in Russian and English, each a new visit: the reason and next step follow the visitor's language.
    const reason = readStatusReasons(REASONS_FILE).get('document-missing')!;
    for (const [button, language] of [['Русский', 'ru'], ['English', 'en']] as const) {
      const texts = JSON.parse(readFileSync(`src/shared/locales/${language}/lookup.json`, 'utf8')) as typeof kyrgyz & { reasonHeading: string; nextStepHeading: string };
      await page.goto(kiosk.launchUrl);
      await enterCatalogue(page, button);
      await page.getByRole('button', { name: texts.open }).tap();
      await page.locator('#receipt-number').tap();
      for (const character of number.toLowerCase()) await page.locator(`.on-screen-keyboard .hg-button[data-skbtn="${character}"]`).first().tap();
      await page.getByRole('button', { name: texts.check, exact: true }).tap();
      await expect(result.getByTestId('lookup-reason')).toHaveText(`${texts.reasonHeading}: ${reason.text[language]}`);
      await expect(result.getByTestId('lookup-next-step')).toHaveText(`${texts.nextStepHeading}: ${reason.nextStep[language]}`);
      await page.locator('.keyboard-close').tap();
      await scan(page, `lookup-needs-action-${language}`);
    }
  } finally {
    await store.close();
    await stopKiosk(kiosk);
    portal.child.kill('SIGINT');
    rmSync(portalData, { recursive: true, force: true });
  }
});
