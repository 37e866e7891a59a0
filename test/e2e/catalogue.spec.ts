import { expect, screenshot, startKiosk, stopKiosk, test } from './kiosk-fixture.js';

test.describe('a visit from the attract screen to the catalogue', () => {
  test('attract, Русский, and the catalogue lists the demo services in Russian', async ({ openKiosk }) => {
    const page = await openKiosk();
    await expect(page.getByText('Нажмите, чтобы начать')).toBeVisible();
    await expect(page.getByText('Баштоо үчүн басыңыз')).toBeVisible();
    await screenshot(page, 'attract');

    await page.getByRole('button', { name: /Touch to start/ }).tap();
    await expect(page.locator('[data-screen="language"]')).toBeVisible();
    await screenshot(page, 'language');

    await page.getByRole('button', { name: 'Русский' }).tap();
    const catalogue = page.locator('[data-screen="catalogue"]');
    await expect(catalogue.getByRole('heading', { level: 1 })).toHaveText('Услуги');
    await expect(catalogue.getByText('5 услуг')).toBeVisible();
    await expect(catalogue.getByRole('heading', { name: 'Регистрация рождения' })).toBeVisible();
    await expect(catalogue.getByRole('heading', { name: 'Оформление общегражданского паспорта' })).toBeVisible();
    const passport = catalogue.locator('[data-service-id="foreign-passport"]');
    await expect(passport).toContainText('885 сом');
    await expect(passport).toContainText('18 рабочих дней');
    await expect(catalogue.locator('[data-service-id="id-card-first"]')).toContainText('12 рабочих дней');
    await expect(catalogue.getByRole('button', { name: 'Выход' })).toBeVisible();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await screenshot(page, 'catalogue-ru');
  });

  test('the same visit in Кыргызча shows the services in Kyrgyz', async ({ openKiosk }) => {
    const page = await openKiosk();
    await page.locator('[data-screen="attract"] button').tap();
    await page.getByRole('button', { name: 'Кыргызча' }).tap();
    const catalogue = page.locator('[data-screen="catalogue"]');
    await expect(catalogue.getByRole('heading', { level: 1 })).toHaveText('Кызматтар');
    await expect(catalogue.getByText('5 кызмат')).toBeVisible();
    await expect(catalogue.getByRole('heading', { name: 'Баланын туулгандыгын каттоо' })).toBeVisible();
    await expect(catalogue.locator('[data-service-id="id-card-first"]')).toContainText('12 жумуш күн');
    await expect(catalogue.locator('[data-service-id="birth-registration"]')).toContainText('Акысыз');
    await expect(catalogue.getByRole('button', { name: 'Чыгуу' })).toBeVisible();
    expect(await page.locator('html').getAttribute('lang')).toBe('ky');
    await screenshot(page, 'catalogue-ky');
  });

  test('changing language mid-visit re-reads the catalogue, and Exit ends the visit', async ({ openKiosk }) => {
    const page = await openKiosk();
    await page.locator('[data-screen="attract"] button').tap();
    await page.getByRole('button', { name: 'Русский' }).tap();
    await expect(page.getByRole('heading', { name: 'Регистрация рождения' })).toBeVisible();

    await page.getByRole('button', { name: 'Сменить язык' }).tap();
    await page.getByRole('button', { name: 'English' }).tap();
    await expect(page.getByRole('heading', { name: 'Birth registration' })).toBeVisible();
    await expect(page.getByText('5 services')).toBeVisible();
    await expect(page.locator('[data-service-id="residence-registration"]')).toContainText('1 working day');
    await screenshot(page, 'catalogue-en');

    await page.getByRole('button', { name: 'Exit' }).tap();
    await expect(page.locator('[data-screen="attract"]')).toBeVisible();
  });

  test('the page reaches the host only through the named window.kiosk functions', async ({ openKiosk }) => {
    const page = await openKiosk();
    const shape = await page.evaluate(() => {
      const api = (window as unknown as { kiosk: Record<string, unknown> }).kiosk;
      const replaced = (() => {
        try {
          (window as unknown as { kiosk: unknown }).kiosk = {};
        } catch {
          /* strict-mode assignment to a read-only property throws */
        }
        return (window as unknown as { kiosk: unknown }).kiosk !== api;
      })();
      return {
        keys: Object.keys(api).sort(),
        frozen: Object.isFrozen(api),
        replaced,
        requireType: typeof (window as unknown as { require?: unknown }).require,
        storage: localStorage.length + sessionStorage.length,
      };
    });
    expect(shape).toEqual({ keys: ['getKioskInfo', 'listServices'], frozen: true, replaced: false, requireType: 'undefined', storage: 0 });
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
    test(`the catalogue fits ${size.name} without sideways scrolling and with large targets`, async ({ openKiosk }) => {
      const page = await openKiosk();
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.locator('[data-screen="attract"] button').tap();
      await page.getByRole('button', { name: 'Русский' }).tap();
      await expect(page.getByRole('heading', { name: 'Регистрация рождения' })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      for (const button of await page.getByRole('button').all()) {
        const box = await button.boundingBox();
        expect(box!.height).toBeGreaterThanOrEqual(48);
        expect(box!.width).toBeGreaterThanOrEqual(48);
      }
      await screenshot(page, `catalogue-ru-${size.name}`);
    });
  }
});

test('Ctrl+C stops the launcher cleanly', async () => {
  const kiosk = await startKiosk();
  const code = await stopKiosk(kiosk);
  expect(code).toBe(0);
  expect(kiosk.output()).toContain('Kiosk stopped.');
  expect(kiosk.output()).toContain('The Electron runtime is not installed');
});
