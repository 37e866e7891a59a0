import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enterCatalogue, expect, screenshot, startKiosk, stopKiosk, tapKeys, test } from './kiosk-fixture.js';

test.describe('browsing the catalogue', () => {
  test('attract, Русский, a category, a service, its sample form and Apply, by touch', async ({ openKiosk }) => {
    const page = await openKiosk();
    await expect(page.getByText('Нажмите, чтобы начать')).toBeVisible();
    await expect(page.getByTestId('office-name')).toContainText('Бишкек');
    await screenshot(page, 'attract');

    await page.getByRole('button', { name: /Touch to start/ }).tap();
    await expect(page.locator('[data-screen="language"]')).toBeVisible();
    await screenshot(page, 'language');
    await page.getByRole('button', { name: 'Русский' }).tap();

    const catalogue = page.locator('[data-screen="catalogue"]');
    await expect(catalogue.getByRole('heading', { level: 1 })).toHaveText('Услуги');
    await expect(catalogue.locator('.category-tile')).toHaveCount(6);
    await expect(catalogue.locator('[data-category-id="civil-status"]')).toContainText('6 услуг');
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await screenshot(page, 'catalogue-ru');

    await catalogue.locator('[data-category-id="civil-status"]').tap();
    const category = page.locator('[data-screen="category"]');
    await expect(category.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(category.locator('[data-service-id="birth-registration"]')).toContainText('Бесплатно');
    await screenshot(page, 'category-ru');

    await category.locator('[data-service-id="birth-registration"]').tap();
    const service = page.locator('[data-screen="service"]');
    await expect(service.getByRole('heading', { level: 1 })).toContainText('Регистрация рождения');
    await expect(service.getByTestId('service-price')).toHaveText('Бесплатно');
    await expect(service.getByRole('heading', { name: 'Какие документы нужны' })).toBeVisible();
    await expect(service.locator('.document-checklist li').first()).toBeVisible();
    await screenshot(page, 'service-ru');

    await service.getByRole('button', { name: /Посмотреть образец/ }).tap();
    const viewer = page.getByRole('dialog');
    await expect(viewer.locator('img')).toBeVisible();
    await expect(viewer.locator('img')).toHaveAttribute('data-zoom', '1');
    await viewer.getByRole('button', { name: /Увеличить/ }).tap();
    await expect(viewer.locator('img')).toHaveAttribute('data-zoom', '1.5');
    await screenshot(page, 'sample-form-ru', false);
    await viewer.getByRole('button', { name: 'Закрыть' }).tap();
    await expect(viewer).toHaveCount(0);

    await service.getByRole('button', { name: /Назад/ }).tap();
    await expect(page.locator('[data-screen="category"]')).toBeVisible();
  });

  test('the same in Кыргызча: plurals stay singular and prices read in som', async ({ openKiosk }) => {
    const page = await openKiosk();
    await enterCatalogue(page, 'Кыргызча');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Кызматтар');
    await expect(page.locator('[data-category-id="civil-status"]')).toContainText('6 кызмат');
    await page.locator('[data-category-id="identity-documents"]').tap();
    const idCard = page.locator('[data-service-id="id-card-first"]');
    await expect(idCard).toContainText('510 сом');
    await expect(idCard).toContainText('12 жумуш күн');
    await idCard.tap();
    await expect(page.getByRole('table')).toContainText('4 140 сом');
    await screenshot(page, 'service-ky');
  });

  test('switching language mid-visit re-reads the open service in the new language', async ({ openKiosk }) => {
    const page = await openKiosk();
    await enterCatalogue(page, 'Русский');
    await page.locator('[data-category-id="civil-status"]').tap();
    await page.locator('[data-service-id="marriage-registration"]').tap();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('брака');
    await page.getByRole('button', { name: 'Сменить язык' }).tap();
    await page.getByRole('button', { name: 'English' }).tap();
    await expect(page.locator('[data-screen="service"] h1')).toHaveText('Registering a marriage');
    await expect(page.getByRole('button', { name: 'Apply' })).toBeVisible();
    await page.getByRole('button', { name: 'Exit' }).tap();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Yes, leave' }).tap();
    await expect(page.locator('[data-screen="attract"]')).toBeVisible();
  });
});

test.describe('search', () => {
  test('«паспорт» typed on the on-screen keyboard finds the passport services', async ({ openKiosk }) => {
    const page = await openKiosk();
    await enterCatalogue(page, 'Русский');
    await page.getByLabel('Поиск услуги').tap();
    await expect(page.locator('.on-screen-keyboard')).toHaveAttribute('data-keyboard-layout', 'ru');
    await tapKeys(page, 'паспорт');
    await expect(page.getByLabel('Поиск услуги')).toHaveValue('паспорт');
    const results = page.locator('.service-list');
    await expect(results.locator('[data-service-id="foreign-passport"]')).toBeVisible();
    await expect(results.locator('[data-service-id="id-card-first"]')).toBeVisible();
    // The keyboard never covers the field it types into.
    const field = await page.getByLabel('Поиск услуги').boundingBox();
    const keyboard = await page.locator('.on-screen-keyboard').boundingBox();
    expect(field!.y + field!.height).toBeLessThanOrEqual(keyboard!.y);
    await screenshot(page, 'search-keyboard-ru', false);
  });

  test('the everyday word «прописка», which no title uses, finds residence registration first', async ({ openKiosk }) => {
    const page = await openKiosk();
    await enterCatalogue(page, 'Русский');
    await page.getByLabel('Поиск услуги').tap();
    await tapKeys(page, 'прописка');
    await expect(page.locator('.service-list [data-service-id]').first()).toHaveAttribute('data-service-id', 'residence-registration');
  });

  test('«pasport» in Latin letters finds the same services', async ({ openKiosk }) => {
    const page = await openKiosk();
    await enterCatalogue(page, 'English');
    await page.getByLabel('Search for a service').tap();
    await expect(page.locator('.on-screen-keyboard')).toHaveAttribute('data-keyboard-layout', 'lat');
    await tapKeys(page, 'pasport');
    await expect(page.locator('.service-list [data-service-id="foreign-passport"]')).toBeVisible();
  });

  test('«туулгандык» on a physical keyboard, and on the Kyrgyz layout with ү and ң, finds birth registration', async ({ openKiosk }) => {
    const page = await openKiosk();
    await enterCatalogue(page, 'Кыргызча');
    await page.getByLabel('Кызматты издөө').focus();
    await page.keyboard.type('туулгандык');
    await expect(page.locator('.service-list [data-service-id="birth-registration"]')).toBeVisible();
    await page.getByRole('button', { name: 'Тазалоо' }).tap();
    await page.getByLabel('Кызматты издөө').tap();
    await expect(page.locator('.on-screen-keyboard')).toHaveAttribute('data-keyboard-layout', 'ky');
    await tapKeys(page, 'жаңы');
    await expect(page.getByLabel('Кызматты издөө')).toHaveValue('жаңы');
    await page.getByRole('button', { name: 'Тазалоо' }).tap();
    await page.getByLabel('Кызматты издөө').focus();
    await page.keyboard.type('zzzzqqq');
    await expect(page.getByRole('status')).toContainText('эч нерсе табылган жок');
  });
});

test.describe('the page and its host', () => {
  test('reaches the host only through the named window.kiosk functions', async ({ openKiosk }) => {
    const page = await openKiosk();
    const shape = await page.evaluate(() => {
      const api = (window as unknown as { kiosk: Record<string, unknown> }).kiosk;
      try {
        (window as unknown as { kiosk: unknown }).kiosk = {};
      } catch {
        /* strict-mode assignment to a read-only property throws */
      }
      return {
        keys: Object.keys(api).sort(),
        frozen: Object.isFrozen(api),
        replaced: (window as unknown as { kiosk: unknown }).kiosk !== api,
        requireType: typeof (window as unknown as { require?: unknown }).require,
        storage: localStorage.length + sessionStorage.length,
      };
    });
    expect(shape).toEqual({
      keys: [
        'cancelApplication',
        'checkForContentUpdate',
        'enrolKiosk',
        'getContentStatus',
        'getEnrolmentStatus',
        'getKioskInfo',
        'getSampleForm',
        'getService',
        'getStaffSession',
        'getSyncStatus',
        'getUpdateStatus',
        'importContentFromRemovableMedia',
        'listCategories',
        'listQueue',
        'listServices',
        'lookupApplication',
        'onApplicationDelivered',
        'onContentStatusChanged',
        'onContentUpdated',
        'onStaffListUpdated',
        'onStaffSessionEnded',
        'onSyncStatusChanged',
        'printBlankForm',
        'printReceipt',
        'reportScreenFailure',
        'reportVisit',
        'searchServices',
        'signInStaff',
        'signOutStaff',
        'startApplication',
        'submitApplication',
        'syncNow',
      ],
      frozen: true,
      replaced: false,
      requireType: 'undefined',
      storage: 0,
    });
  });

  test('an injected inline script does not run under the page CSP', async ({ openKiosk }) => {
    const page = await openKiosk();
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.appendChild(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
  });
});

test.describe('layout on kiosk screens', () => {
  for (const size of [
    { name: 'landscape-1920x1080', width: 1920, height: 1080 },
    { name: 'portrait-1080x1920', width: 1080, height: 1920 },
    { name: '1280x1024', width: 1280, height: 1024 },
  ]) {
    test(`catalogue and service page fit ${size.name} without sideways scrolling, with large targets`, async ({ openKiosk }) => {
      const page = await openKiosk();
      await page.setViewportSize({ width: size.width, height: size.height });
      await enterCatalogue(page, 'Русский');
      const check = async (name: string) => {
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
        for (const button of await page.getByRole('button').all()) {
          const box = await button.boundingBox();
          expect(box!.height, await button.innerText()).toBeGreaterThanOrEqual(48);
          expect(box!.width, await button.innerText()).toBeGreaterThanOrEqual(48);
        }
        await screenshot(page, `${name}-${size.name}`);
      };
      await check('catalogue-ru');
      await page.locator('[data-category-id="identity-documents"]').tap();
      await page.locator('[data-service-id="id-card-first"]').tap();
      await expect(page.getByTestId('service-price')).toBeVisible();
      await check('service-ru');
    });
  }
});

test('Ctrl+C during start-up stops the launcher cleanly too', async () => {
  const child = spawn(process.execPath, ['dist/main/launcher/start.js', '--no-open', '--no-portal'], {
    env: { ...process.env, KIOSK_DATA_DIR: mkdtempSync(join(tmpdir(), 'kyzmat-kiosk-e2e-')) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  // The first line comes before the host has opened its database.
  await new Promise<void>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(void (output += chunk.toString()))));
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.kill('SIGINT');
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  expect(code).toBe(0);
  expect(output).toContain('Kiosk stopped.');
});

test('Ctrl+C stops the launcher cleanly', async () => {
  const kiosk = await startKiosk();
  const code = await stopKiosk(kiosk);
  expect(code).toBe(0);
  expect(kiosk.output()).toContain('Kiosk stopped.');
  expect(kiosk.output()).toContain('The Electron runtime is not installed');
});
