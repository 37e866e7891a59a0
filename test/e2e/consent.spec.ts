import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, test } from './kiosk-fixture.js';
import { answerCloudSignatureQuestions, next, openService, scan } from './visit-steps.js';

type LanguageButton = 'Кыргызча' | 'Русский' | 'English';

/** What each language's consent screen says, as a visitor reads it. */
const WORDING: Record<LanguageButton, { apply: string; agree: RegExp; decline: RegExp; readInFull: string; close: string; version: string; largeText: RegExp }> = {
  Кыргызча: {
    apply: 'Арыз берүү',
    agree: /Окудум жана макулмун/,
    decline: /Макул эмесмин/,
    readInFull: 'Толук окуу',
    close: 'Жабуу',
    version: 'Версиясы',
    largeText: /Чоң тамга/,
  },
  Русский: {
    apply: 'Подать заявление',
    agree: /Прочитал\(а\) и согласен/,
    decline: /Не согласен/,
    readInFull: 'Читать полностью',
    close: 'Закрыть',
    version: 'Версия',
    largeText: /Крупный текст/,
  },
  English: {
    apply: 'Apply',
    agree: /I have read them and I agree/,
    decline: /I do not agree/,
    readInFull: 'Read in full',
    close: 'Close',
    version: 'Version',
    largeText: /Larger text/,
  },
};

const CENTRE = '[data-legal-kind="certification-centre-policy"]';

async function openConsent(page: Page, language: LanguageButton, category: string, service: string): Promise<Locator> {
  await openService(page, language, category, service);
  await page.getByRole('button', { name: WORDING[language].apply }).tap();
  const consent = page.locator('[data-screen="consent"]');
  await expect(consent).toBeVisible();
  return consent;
}

/** The control is inside the viewport and nothing lies over its corners. */
async function expectInView(page: Page, control: Locator, what: string): Promise<void> {
  const box = (await control.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.y, `${what}: top`).toBeGreaterThanOrEqual(0);
  expect(box.x, `${what}: left`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${what}: bottom`).toBeLessThanOrEqual(viewport.height);
  expect(box.x + box.width, `${what}: right`).toBeLessThanOrEqual(viewport.width);
  const covered = await control.evaluate((element) => {
    const own = element.getBoundingClientRect();
    const corners = [
      [own.left + 4, own.top + 4],
      [own.right - 4, own.top + 4],
      [own.left + 4, own.bottom - 4],
      [own.right - 4, own.bottom - 4],
    ];
    return corners.some(([x, y]) => !element.contains(document.elementFromPoint(x!, y!)));
  });
  expect(covered, `${what}: covered`).toBe(false);
}

/** Opens one text in full by touch, checks the dialog shows it with its version, and closes it again. */
async function readInFull(
  page: Page,
  language: LanguageButton,
  text: { kind: string; title: string; version: string; fromTheFullText: string },
  whileOpen?: () => Promise<void>,
): Promise<void> {
  const { kind, title, version, fromTheFullText } = text;
  const wording = WORDING[language];
  const button = page.locator(`[data-legal-kind="${kind}"]`).getByRole('button', { name: `${wording.readInFull}: ${title}` });
  await button.tap();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`${wording.version}: ${version}`);
  await expect(dialog).toContainText(fromTheFullText);
  // Focus goes into the text, which scrolls by itself under a Close that stays in view.
  const region = dialog.getByRole('region', { name: title });
  await expect(region).toBeFocused();
  const close = dialog.getByRole('button', { name: wording.close });
  await expectInView(page, close, `${kind} Close`);
  await region.evaluate((element) => element.scrollTo(0, element.scrollHeight));
  await expectInView(page, close, `${kind} Close after scrolling`);
  if (whileOpen) await whileOpen();
  await close.tap();
  await expect(dialog).toHaveCount(0);
  await expect(button).toBeFocused();
}

test('the e-signature consent in Русский: the certification centre’s policy in short, in full on request, and the application it covers gets a receipt', async ({ page, openKiosk }) => {
  test.setTimeout(60_000);
  await openKiosk();
  const consent = await openConsent(page, 'Русский', 'e-signature', 'cloud-e-signature');
  await expect(consent.locator('[data-legal-kind]')).toHaveCount(3);
  const centre = consent.locator(CENTRE);
  await expect(centre.getByRole('heading')).toHaveText('Политика конфиденциальности Удостоверяющего центра ГП «Инфоком»');
  await expect(centre).toContainText('Удостоверяющий центр ГП «Инфоком» выпускает сертификаты электронной подписи.');
  await expect(centre).toContainText('поэтому действует и его политика конфиденциальности');
  await expect(centre).toContainText('Версия: 1');
  await expect(consent).toContainText('Соглашаясь, вы принимаете каждый текст выше полностью.');
  // Only the summaries are laid out: no full text is on the page until it is asked for.
  await expect(page.getByText('Идентификационные файлы (cookies)')).toHaveCount(0);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await scan(page, 'consent-e-signature-ru');
  await screenshot(page, 'consent-e-signature-ru', false);

  await readInFull(
    page,
    'Русский',
    {
      kind: 'certification-centre-policy',
      title: 'Политика конфиденциальности Удостоверяющего центра ГП «Инфоком»',
      version: '1',
      fromTheFullText: 'Идентификационные файлы (cookies)',
    },
    async () => {
      await scan(page, 'consent-full-text-ru');
      await screenshot(page, 'consent-full-text-ru', false);
    },
  );
  await scan(page, 'consent-after-full-text-ru');

  // Agreeing sends the centre's policy version along; the host refuses a consent that leaves it out.
  await page.getByRole('button', { name: WORDING['Русский'].agree }).tap();
  await answerCloudSignatureQuestions(page, { lastName: 'Бекмаматова', firstName: 'Айзада', pin: '11204198500012', phone: '0700123456' });
  await next(page, 'Продолжить');
  await page.getByRole('button', { name: 'Продолжить', exact: true }).tap();
  await page.getByRole('button', { name: /Подтверждаю, что сведения верны/ }).tap();
  await expect(page.getByTestId('receipt-number')).toHaveText(/^DEV1-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]$/);
});

test('another service’s consent in Кыргызча lists the privacy policy and user agreement only, each readable in full', async ({ page, openKiosk }) => {
  await openKiosk();
  const consent = await openConsent(page, 'Кыргызча', 'civil-status', 'birth-registration');
  await expect(consent.locator('[data-legal-kind]')).toHaveCount(2);
  await expect(consent.locator(CENTRE)).toHaveCount(0);
  await expect(consent).not.toContainText('Күбөлөндүрүүчү борбору');
  await expect(consent.locator('[data-legal-kind="privacy-policy"]')).toContainText('Киоск кийинки экрандардагы жоопторуңузду гана чогултат');
  await expect(consent.locator('[data-legal-kind="user-agreement"]')).toContainText('киоскто эсептик жазуу керек эмес');
  await scan(page, 'consent-ky');
  await screenshot(page, 'consent-ky', false);
  await readInFull(
    page,
    'Кыргызча',
    {
      kind: 'privacy-policy',
      title: 'Купуялуулук саясаты',
      version: '2015-10-23 №182',
      fromTheFullText: 'Колдонуучулардын жеке маалыматын коргоо үчүн көрүлгөн чаралар',
    },
    () => scan(page, 'consent-full-text-ky'),
  );
  await readInFull(page, 'Кыргызча', {
    kind: 'user-agreement',
    title: 'Колдонуучу макулдашуусу',
    version: '2015-10-23 №182',
    fromTheFullText: 'Кепилдиктердин жоктугу, жоопкерчиликтерди чектөө',
  });
  await scan(page, 'consent-after-full-text-ky');
});

test('in English the full text opens, closes with Escape too, and agreeing moves on to the questions', async ({ page, openKiosk }) => {
  await openKiosk();
  const consent = await openConsent(page, 'English', 'residence', 'residence-registration');
  await expect(consent.locator(CENTRE)).toHaveCount(0);
  await expect(consent).toContainText('This kiosk collects only your answers on the next screens');
  await expect(consent).toContainText('If you do not agree, nothing is collected');
  await scan(page, 'consent-en');
  await readInFull(page, 'English', {
    kind: 'privacy-policy',
    title: 'Privacy Policy',
    version: '2015-10-23 №182',
    fromTheFullText: "Measures taken to protect users' personal data",
  });
  await page.locator('[data-legal-kind="user-agreement"]').getByRole('button', { name: /Read in full/ }).tap();
  await expect(page.getByRole('dialog')).toContainText('No warranties; limitation of liability');
  await scan(page, 'consent-full-text-en');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByRole('button', { name: WORDING.English.agree }).tap();
  await expect(page.locator('[data-page-id]')).toBeVisible();
});

const SIZES = [
  { width: 1080, height: 1920 },
  { width: 1920, height: 1080 },
  { width: 1280, height: 1024 },
];

test('Agree and Decline stay in view at the three kiosk screens, also with larger text, wherever the page is scrolled; high contrast passes axe', async ({ page, openKiosk }) => {
  test.setTimeout(90_000);
  await openKiosk();
  // The e-signature consent is the longest: three texts.
  const consent = await openConsent(page, 'Русский', 'e-signature', 'cloud-e-signature');
  for (const largeText of [false, true]) {
    if (largeText) await page.getByRole('button', { name: WORDING['Русский'].largeText }).tap();
    if (largeText) await expect(page.locator('html')).toHaveClass(/large-text/);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      const where = `${size.width}×${size.height}${largeText ? ' larger text' : ''}`;
      for (const scrolled of ['top', 'middle', 'bottom'] as const) {
        await page.evaluate((to) => {
          const end = document.documentElement.scrollHeight - window.innerHeight;
          window.scrollTo(0, to === 'top' ? 0 : to === 'middle' ? end / 2 : end);
        }, scrolled);
        await expectInView(page, consent.getByRole('button', { name: WORDING['Русский'].agree }), `${where}, ${scrolled}: Agree`);
        await expectInView(page, consent.getByRole('button', { name: WORDING['Русский'].decline }), `${where}, ${scrolled}: Decline`);
      }
      // The last text's Read in full is reachable above the footer, and its full text closes from view.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expectInView(page, consent.locator(CENTRE).getByRole('button', { name: /Читать полностью/ }), `${where}: last Read in full`);
      await screenshot(page, `consent-${size.width}x${size.height}${largeText ? '-large' : ''}`, false);
      await page.evaluate(() => window.scrollTo(0, 0));
      await readInFull(page, 'Русский', {
        kind: 'user-agreement',
        title: 'Пользовательское соглашение',
        version: '2015-10-23 №182',
        fromTheFullText: 'Отсутствие гарантий, ограничение ответственности',
      });
    }
  }
  await scan(page, 'consent-large-text');
  await page.getByRole('button', { name: /Высокий контраст/ }).tap();
  await expect(page.locator('html')).toHaveClass(/high-contrast/);
  await scan(page, 'consent-high-contrast');
  await readInFull(
    page,
    'Русский',
    {
      kind: 'certification-centre-policy',
      title: 'Политика конфиденциальности Удостоверяющего центра ГП «Инфоком»',
      version: '1',
      fromTheFullText: 'Защита персональных данных',
    },
    async () => {
      await scan(page, 'consent-full-text-high-contrast');
      await screenshot(page, 'consent-full-text-high-contrast', false);
    },
  );
});
