import type { Page } from '@playwright/test';
import { DEMO_TECHNICIAN, expect, openStaffSignIn, screenshot, signInOnPad, startKiosk, stopKiosk, test } from './kiosk-fixture.js';
import { scan } from './visit-steps.js';

/** The demo clerk of the bundled content, who signs in with the staff card (resources/demo-keys/README.md). */
const DEMO_CLERK = { cardNumber: '9417000000001001', pin: '246810', name: 'Айгүл Токтогулова' };
const WRONG_PIN = '000000';

const WORDING = {
  ky: { button: 'Кыргызча', heading: 'Кызматкерлер үчүн кирүү', panel: 'Киосктун кызматтык панели', signOut: 'Чыгуу', attemptsLeft: (n: number) => `Бөгөттөлгөнгө чейин ${n} аракет калды` },
  ru: { button: 'Русский', heading: 'Вход для сотрудников', panel: 'Служебная панель киоска', signOut: 'Выйти', attemptsLeft: (n: number) => `осталось ${n}` },
  en: { button: 'English', heading: 'Staff sign-in', panel: 'Kiosk service panel', signOut: 'Sign out', attemptsLeft: (n: number) => `${n} attempts are left` },
} as const;

/** What the host answers the page for the service panel's status: the page's own view of the guard. */
const panelStatusCode = (page: Page) =>
  page.evaluate(async () => {
    const result = await (window as unknown as { kiosk: { getContentStatus: (request: object) => Promise<{ ok: boolean; error?: { code: string } }> } }).kiosk.getContentStatus({});
    return result.ok ? 'OK' : result.error?.code;
  });

/** Types one more PIN on the pad (the staff id stays from the try before) and submits it. */
async function retryPin(page: Page, pin: string): Promise<void> {
  await page.locator('#staff-pin').tap();
  for (const digit of pin) await page.locator(`.staff-digit-pad .hg-button[data-skbtn="${digit}"]`).tap();
  await page.locator('[data-screen="staff-sign-in"] button[type="submit"]').tap();
}

for (const [size, language] of [
  [{ width: 1080, height: 1920 }, 'ky'],
  [{ width: 1920, height: 1080 }, 'ru'],
  [{ width: 1280, height: 1024 }, 'en'],
] as const) {
  test(`a technician signs in with the demo PIN, by touch, and sees the service panel (${language}, ${size.width}×${size.height})`, async ({ page, kiosk }) => {
    const wording = WORDING[language];
    await page.setViewportSize(size);
    await page.goto(kiosk.launchUrl);
    expect(await panelStatusCode(page)).toBe('FORBIDDEN');

    await openStaffSignIn(page);
    await page.getByRole('radio', { name: wording.button }).tap();
    await expect(page.locator('[data-screen="staff-sign-in"] h1')).toHaveText(wording.heading);
    await expect(page.locator('#staff-pin')).toHaveAttribute('type', 'password');
    await scan(page, `staff-sign-in-${language}`);
    await screenshot(page, `staff-sign-in-${language}-${size.width}x${size.height}`, false);

    await signInOnPad(page, DEMO_TECHNICIAN);
    await expect(page.locator('[data-screen="service-panel"] h1')).toHaveText(wording.panel);
    await expect(page.getByTestId('active-content-version')).not.toHaveText('');
    expect(await panelStatusCode(page)).toBe('OK');
    await scan(page, `service-panel-signed-in-${language}`);

    await page.getByRole('button', { name: wording.signOut, exact: true }).tap();
    await expect(page.locator('[data-screen="attract"]')).toBeVisible();
    expect(await panelStatusCode(page)).toBe('FORBIDDEN');
  });
}

test('a clerk signs in with the staff card number and gets the clerk home, never the service panel', async ({ page, kiosk }) => {
  await page.setViewportSize({ width: 1080, height: 1920 });
  await page.goto(kiosk.launchUrl);
  await openStaffSignIn(page);
  await signInOnPad(page, { staffId: DEMO_CLERK.cardNumber, pin: DEMO_CLERK.pin });

  await expect(page.locator('[data-screen="clerk-home"]')).toBeVisible();
  await expect(page.getByTestId('clerk-name')).toContainText(DEMO_CLERK.name);
  await expect(page.locator('[data-screen="service-panel"]')).toHaveCount(0);
  expect(await panelStatusCode(page)).toBe('FORBIDDEN');
  // A clerk's own ways on: a visitor, the queue, and out; nothing of the service panel.
  await expect(page.locator('[data-screen="clerk-home"] button')).toHaveText([/^Келүүчүгө жардам берүү/, /^Бул киосктун арыздары/, WORDING.ky.signOut]);
  await scan(page, 'clerk-home');
  await screenshot(page, 'staff-clerk-home-1080x1920', false);

  await page.getByRole('button', { name: WORDING.ky.signOut, exact: true }).tap();
  await expect(page.locator('[data-screen="attract"]')).toBeVisible();
});

test('a staff card through the reader on the attract screen opens the sign-in with its number, and the PIN signs the clerk in', async ({ page, kiosk }) => {
  await page.goto(kiosk.launchUrl);
  await expect(page.locator('[data-screen="attract"]')).toBeVisible();
  // A reader types like a keyboard, fast, and ends with Enter.
  await page.keyboard.type(DEMO_CLERK.cardNumber, { delay: 20 });
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-screen="staff-sign-in"]')).toBeVisible();
  await expect(page.locator('#staff-id')).toHaveValue(DEMO_CLERK.cardNumber);
  for (const digit of DEMO_CLERK.pin) await page.locator(`.staff-digit-pad .hg-button[data-skbtn="${digit}"]`).tap();
  await page.locator('[data-screen="staff-sign-in"] button[type="submit"]').tap();
  await expect(page.getByTestId('clerk-name')).toContainText(DEMO_CLERK.name);
});

test('digits typed slowly on the attract screen are not taken for a card', async ({ page, kiosk }) => {
  await page.goto(kiosk.launchUrl);
  await expect(page.locator('[data-screen="attract"]')).toBeVisible();
  await page.keyboard.type(DEMO_CLERK.cardNumber, { delay: 400 });
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-screen="staff-sign-in"]')).toHaveCount(0);
});

test('Cancel on the sign-in screen returns to the attract screen, with nothing signed in', async ({ page, kiosk }) => {
  await page.goto(kiosk.launchUrl);
  await openStaffSignIn(page);
  await page.getByRole('button', { name: 'Жокко чыгаруу' }).tap();
  await expect(page.locator('[data-screen="attract"]')).toBeVisible();
  expect(await panelStatusCode(page)).toBe('FORBIDDEN');
});

test('five wrong PINs lock the staff id, with the attempts left and until when, and it is still locked after a kiosk restart', async ({ page }) => {
  test.setTimeout(90_000);
  const first = await startKiosk();
  let dataFolder = first.dataFolder;
  try {
    await page.setViewportSize({ width: 1280, height: 1024 });
    await page.goto(first.launchUrl);
    await openStaffSignIn(page);
    await page.getByRole('radio', { name: WORDING.en.button }).tap();
    const problem = page.getByTestId('staff-sign-in-problem');

    await signInOnPad(page, { staffId: DEMO_TECHNICIAN.staffId, pin: WRONG_PIN });
    await expect(problem).toContainText(WORDING.en.attemptsLeft(4));
    await expect(page.locator('#staff-pin')).toHaveValue('');
    await scan(page, 'staff-sign-in-wrong-pin');
    for (const left of [3, 2]) {
      await retryPin(page, WRONG_PIN);
      await expect(problem).toContainText(WORDING.en.attemptsLeft(left));
    }
    await retryPin(page, WRONG_PIN);
    await expect(problem).toContainText('1 attempt is left');
    await retryPin(page, WRONG_PIN);
    await expect(problem).toContainText(/locked on this kiosk .* Try again after \d{2}:\d{2}\./);
    await screenshot(page, 'staff-sign-in-locked-1280x1024', false);
    // The right PIN does not open a locked id.
    await retryPin(page, DEMO_TECHNICIAN.pin);
    await expect(problem).toContainText(/Try again after \d{2}:\d{2}\./);
    await expect(page.locator('[data-screen="service-panel"]')).toHaveCount(0);
    await stopKiosk(first, { keepData: true });

    const second = await startKiosk({}, { dataFolder });
    dataFolder = second.dataFolder;
    try {
      await page.goto(second.launchUrl);
      await openStaffSignIn(page);
      await signInOnPad(page, DEMO_TECHNICIAN);
      await expect(page.getByTestId('staff-sign-in-problem')).toContainText(/\d{2}:\d{2}/);
      await expect(page.locator('[data-screen="service-panel"]')).toHaveCount(0);
      expect(await panelStatusCode(page)).toBe('FORBIDDEN');
    } finally {
      await stopKiosk(second);
    }
  } finally {
    if (first.process.exitCode === null) await stopKiosk(first);
  }
});
