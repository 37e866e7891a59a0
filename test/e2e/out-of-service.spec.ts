import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, screenshot, startKiosk, stopKiosk, test } from './kiosk-fixture.js';
import { scan } from './visit-steps.js';

/*
 * The real launcher on a data folder whose database cannot be used: the kiosk comes up out of
 * service instead of ending with a stack trace, and the page says so in all three languages, with
 * the operator code for the technician. The database file is not touched.
 */
type Strings = { outOfService: { heading: string; body: string; operator: string } };
const words = (language: string) => (JSON.parse(readFileSync(`src/shared/locales/${language}/errors.json`, 'utf8')) as Strings).outOfService;

const damaged = (file: string) => writeFileSync(file, Buffer.alloc(16_384, 0x41));
const fromANewerApp = (file: string) => {
  const db = new Database(file);
  db.exec("CREATE TABLE outbox (id TEXT); INSERT INTO outbox VALUES ('undelivered')");
  db.pragma('user_version = 999');
  db.close();
};

for (const [name, prepare, operatorCode] of [
  ['a damaged database', damaged, 'KK-DB-DAMAGED'],
  ['a database from a newer app', fromANewerApp, 'KK-DB-NEWER'],
] as const) {
  test(`with ${name} the kiosk is out of service, says so in ky, ru and en with ${operatorCode}, and leaves the file alone`, async ({ page }) => {
    await page.setViewportSize({ width: 1080, height: 1920 });
    const dataFolder = mkdtempSync(join(tmpdir(), 'kyzmat-kiosk-e2e-'));
    const file = join(dataFolder, 'kiosk.sqlite');
    prepare(file);
    const before = readFileSync(file);
    const kiosk = await startKiosk({}, { dataFolder });
    try {
      // On stderr, which may be read after stdout's "Kiosk ready".
      await expect.poll(() => kiosk.output()).toContain(`Kiosk out of service (${operatorCode})`);
      await page.goto(kiosk.launchUrl);
      const screen = page.locator('[data-screen="out-of-service"]');
      await expect(screen).toBeVisible();
      for (const language of ['ky', 'ru', 'en']) {
        const section = screen.locator(`section[lang="${language}"]`);
        await expect(section.getByRole('heading')).toHaveText(`⚠ ${words(language).heading}`);
        await expect(section).toContainText(words(language).body);
      }
      await expect(page.getByTestId('operator-code')).toHaveText(words('ky').operator.replace('{{code}}', operatorCode));
      // Nothing of a visit can be started: no attract screen, no buttons.
      await expect(page.locator('[data-screen="attract"]')).toHaveCount(0);
      await expect(page.getByRole('button')).toHaveCount(0);
      await scan(page, `out-of-service ${operatorCode}`);
      if (operatorCode === 'KK-DB-DAMAGED') await screenshot(page, 'out-of-service-1080x1920', false);
    } finally {
      await stopKiosk(kiosk, { keepData: true });
    }
    expect(readFileSync(file).equals(before)).toBe(true);
    rmSync(dataFolder, { recursive: true, force: true });
  });
}
