import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SEALED_FORMAT, submissionAssociatedData } from '../../src/portal/open-submission.js';
import { receiptNumberOf } from '../support/receipt-numbers.js';
import { ACCOUNTS, LANGUAGE_BUTTONS, noAxeViolations, startPortalWithAccounts, stopPortal, typeSignIn } from './backoffice-fixture.js';
import { BUNDLED_CONTENT_VERSION, enterCatalogue, expect, startKiosk, stopKiosk, test } from './kiosk-fixture.js';

type Words = {
  list: { next: string; previous: string; open: string; pageNumber: string };
  filters: { service: string; receipt: string; apply: string; clear: string; receiptInvalid: string };
  opening: { recorded: string; close: string };
  move: { to: Record<'inReview' | 'needsAction', string>; confirm: string; cancel: string; moved: string; visitorReads: string };
  status: Record<'inReview' | 'needsAction', string>;
};
const words = (language: 'ky' | 'ru' | 'en') => JSON.parse(readFileSync(`src/backoffice/locales/${language}/applications.json`, 'utf8')) as Words;
const kioskLookup = JSON.parse(readFileSync('src/shared/locales/ky/lookup.json', 'utf8')) as { open: string; check: string; status: Record<string, string> };
const portalKey = JSON.parse(readFileSync('resources/content-source/portal-key.json', 'utf8')) as { keyId: string; publicKey: string };
const ADMIN_TOKEN = 'e2e-backoffice-admin-token-0123';

/** Sealed as a kiosk seals: HPKE to the demo portal key, bound to the id and the form. */
async function seal(document: unknown, id: string, formId: string, formVersion: number): Promise<string> {
  const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });
  const recipientPublicKey = await suite.kem.importKey('raw', Uint8Array.from(Buffer.from(portalKey.publicKey, 'base64url')).buffer, true);
  const { enc, ct } = await suite.seal({ recipientPublicKey }, new TextEncoder().encode(JSON.stringify(document)), submissionAssociatedData(id, formId, formVersion));
  return Buffer.concat([Buffer.from(enc), Buffer.from(ct)]).toString('base64');
}

/** One application delivered by kiosk BSK1 as its outbox does. */
async function deliver(portalUrl: string, token: string, sequence: number, options: { serviceId: string; formId: string; answers: Record<string, unknown>; minute: number }) {
  const id = randomUUID();
  const body = {
    id,
    receiptNumber: receiptNumberOf('BSK1', sequence),
    serviceId: options.serviceId,
    formId: options.formId,
    formVersion: 1,
    contentVersion: BUNDLED_CONTENT_VERSION,
    privacyPolicyVersion: '1',
    userAgreementVersion: '1',
    language: 'ky',
    createdAt: new Date(Date.UTC(2026, 11, 1, 8, options.minute)).toISOString(),
    sealedFormat: SEALED_FORMAT,
    sealedKeyId: portalKey.keyId,
    sealed: await seal({ answers: options.answers }, id, options.formId, 1),
  };
  const response = await fetch(`${portalUrl}/v1/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': id },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.text()).toBe(201);
  return body.receiptNumber;
}

/** A move by the administrator's own session, as their desk's page sends it. */
async function moveAsAnotherOfficer(portalUrl: string, receipt: string, move: { to: string; reasonId: string | null; expected: string }): Promise<void> {
  const sameSite = { 'content-type': 'application/json', origin: portalUrl, 'sec-fetch-site': 'same-origin' };
  const signedIn = await fetch(`${portalUrl}/backoffice/api/sign-in`, {
    method: 'POST',
    headers: sameSite,
    body: JSON.stringify({ username: ACCOUNTS.administrator.username, password: ACCOUNTS.administrator.password }),
  });
  expect(signedIn.status).toBe(200);
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  const moved = await fetch(`${portalUrl}/backoffice/api/applications/${receipt}/status`, {
    method: 'POST',
    headers: { ...sameSite, cookie: signedIn.headers.get('set-cookie')!.split(';')[0]!, 'x-csrf-token': csrfToken },
    body: JSON.stringify(move),
  });
  expect(moved.status, await moved.text()).toBe(200);
}

test('an officer filters and pages the list, opens an application in Kyrgyz, asks the visitor to act with a reason (a move another officer overtook refused and shown), and the kiosk’s lookup shows it in Kyrgyz (axe in ky, ru, en)', async ({ page }) => {
  test.setTimeout(180_000);
  // The portal process unseals with the demo private key: the key stays in the portal, never reaches the page.
  process.env.PORTAL_PRIVATE_KEY_FILE = 'resources/demo-keys/demo-portal-2026.private.json';
  const portal = await startPortalWithAccounts();
  delete process.env.PORTAL_PRIVATE_KEY_FILE;
  let kiosk: Awaited<ReturnType<typeof startKiosk>> | undefined;
  try {
    // The package the kiosks run, so the portal names each answer by its question.
    execFileSync(process.execPath, ['dist/portal/content-cli.js', 'publish', 'dist/content-bundle', '--portal', portal.url, '--token', ADMIN_TOKEN], { encoding: 'utf8' });
    const token = execFileSync(process.execPath, ['dist/portal/admin-cli.js', 'issue-credential', '--kiosk', 'BSK1', '--data', portal.dataFolder], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
    // The visitor's application first (the oldest, so it is on the second page), then 29 newer ones.
    const receipt = await deliver(portal.url, token, 1, {
      serviceId: 'cloud-e-signature',
      formId: 'form-cloud-e-signature',
      answers: { lastName: 'Асанова', firstName: 'Айгүл', pin: '21204198500012', phone: '+996700123456' },
      minute: 0,
    });
    for (let index = 1; index < 30; index++) {
      await deliver(portal.url, token, 1 + index, { serviceId: 'birth-registration', formId: 'form-birth-registration', answers: {}, minute: index });
    }

    const ky = words('ky');
    await page.goto(portal.backOffice);
    await page.getByRole('button', { name: LANGUAGE_BUTTONS.ky }).click();
    await typeSignIn(page, ACCOUNTS.officer.username, ACCOUNTS.officer.password);
    const rows = page.locator('.applications__table tbody tr');
    await expect(rows).toHaveCount(25);
    await expect(page.locator(`[data-receipt="${receipt}"]`)).toHaveCount(0);
    await noAxeViolations(page, 'list ky');

    // Pages: the second holds the five oldest, the visitor's among them; Previous page returns to the first.
    await page.getByRole('button', { name: ky.list.next }).click();
    await expect(rows).toHaveCount(5);
    await expect(page.locator(`[data-receipt="${receipt}"]`)).toHaveCount(1);
    await page.getByRole('button', { name: ky.list.previous }).click();
    await expect(rows).toHaveCount(25);

    // Filters: the service by its Kyrgyz title, then the receipt number typed loosely; a mistyped one is said, and what was typed stays.
    await page.getByLabel(ky.filters.service).selectOption({ label: 'Булуттук электрондук кол тамга' });
    await page.getByRole('button', { name: ky.filters.apply }).click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Булуттук электрондук кол тамга');
    // The time in Kyrgyz words, whatever month names the browser itself knows.
    await expect(rows.first()).toContainText('2026-ж., 1-декабрь');
    await page.getByRole('button', { name: ky.filters.clear }).click();
    await expect(rows).toHaveCount(25);
    await page.getByLabel(ky.filters.receipt).fill('BSK1-0000-0');
    await page.getByRole('button', { name: ky.filters.apply }).click();
    await expect(page.locator('#filter-receipt-error')).toHaveText(ky.filters.receiptInvalid);
    await expect(page.getByLabel(ky.filters.receipt)).toHaveValue('BSK1-0000-0');
    await noAxeViolations(page, 'list with a refused filter ky');
    await page.getByLabel(ky.filters.receipt).fill(receipt.toLowerCase().replace(/-/g, ' '));
    await page.getByRole('button', { name: ky.filters.apply }).click();
    await expect(rows).toHaveCount(1);

    // Opening: the questions in Kyrgyz with the visitor's answers, and the page says the opening is recorded.
    await rows.first().getByRole('button', { name: new RegExp(ky.list.open) }).click();
    const opened = page.locator('.opened');
    await expect(opened.getByRole('heading', { level: 2 })).toContainText(receipt);
    await expect(opened.locator('.opened__answer', { hasText: 'Фамилияңыз' }).locator('dd')).toHaveText('Асанова');
    await expect(opened.locator('.opened__answer', { hasText: 'Атыңыз' }).locator('dd')).toHaveText('Айгүл');
    await expect(opened.getByText(ky.opening.recorded)).toBeVisible();
    await noAxeViolations(page, 'opened ky');
    // Nothing of the answers in web storage.
    expect(await page.evaluate(() => JSON.stringify({ ...window.localStorage }) + JSON.stringify({ ...window.sessionStorage }))).not.toContain('Асанова');

    // Into review, then needs the visitor's action with a reason: the dialog shows what the visitor will read.
    await opened.getByRole('button', { name: ky.move.to.inReview }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await noAxeViolations(page, 'move dialog ky');
    await dialog.getByRole('button', { name: ky.move.confirm }).click();
    await expect(opened.locator('[data-status]')).toHaveText(ky.status.inReview);
    await expect(opened.locator('.opened__history li')).toHaveCount(1);
    await opened.getByRole('button', { name: ky.move.to.needsAction }).click();
    await dialog.getByLabel('Арызга керектүү документтердин бири жок.').check();
    await expect(dialog.locator('[data-visitor-next-step]')).toContainText('жетишпеген документтин түп нускасын');
    await noAxeViolations(page, 'move dialog with a reason ky');
    await dialog.getByRole('button', { name: ky.move.confirm }).click();
    await expect(dialog).toHaveCount(0);
    await expect(opened.locator('[data-status]')).toHaveText(ky.status.needsAction);
    await page.screenshot({ path: 'test-results/backoffice-applications-opened-ky.png', fullPage: true });

    // Another officer (the administrator, from another desk) takes it back into review meanwhile: this page's move from
    // "needs action" is refused, and the page says so and shows where it stands now.
    await moveAsAnotherOfficer(portal.url, receipt, { to: 'in-review', reasonId: null, expected: 'needs-action' });
    await opened.getByRole('button', { name: ky.move.to.inReview }).click();
    await dialog.getByRole('button', { name: ky.move.confirm }).click();
    await expect(opened.locator('.opened__notice')).toHaveText(
      'Башка кызматкер бул арызды ушул аралыкта өзгөрттү. Азыр анын абалы «Каралууда»: өзгөртүүдөн мурун текшериңиз.',
    );
    await expect(opened.locator('[data-status]')).toHaveText(ky.status.inReview);
    await noAxeViolations(page, 'move overtaken ky');
    await opened.getByRole('button', { name: ky.move.to.needsAction }).click();
    await dialog.getByLabel('Арызга керектүү документтердин бири жок.').check();
    await page.screenshot({ path: 'test-results/backoffice-applications-dialog-ky.png' });
    await dialog.getByRole('button', { name: ky.move.confirm }).click();
    await expect(opened.locator('[data-status]')).toHaveText(ky.status.needsAction);

    // The same screens in Russian and English, axe clean; closing drops the answers from the page.
    for (const language of ['ru', 'en'] as const) {
      const texts = words(language);
      await page.getByRole('button', { name: LANGUAGE_BUTTONS[language] }).click();
      await page.getByRole('button', { name: texts.opening.close }).click();
      await expect(page.getByText('Асанова')).toHaveCount(0);
      await expect(rows).toHaveCount(1);
      await noAxeViolations(page, `list ${language}`);
      await rows.first().getByRole('button', { name: new RegExp(texts.list.open) }).click();
      await expect(opened.getByText(texts.opening.recorded)).toBeVisible();
      await expect(opened.locator('[data-status]')).toHaveText(texts.status.needsAction);
      // Reopened, the history is the portal's: both of this officer's moves and the other officer's between them.
      await expect(opened.locator('.opened__history li')).toHaveCount(4);
      await noAxeViolations(page, `opened ${language}`);
      await opened.getByRole('button', { name: texts.move.to.inReview }).click();
      await expect(dialog).toBeVisible();
      await noAxeViolations(page, `move dialog ${language}`);
      await dialog.getByRole('button', { name: texts.move.cancel }).click();
      await expect(dialog).toHaveCount(0);
    }

    // The visitor's kiosk: the lookup of that receipt shows the reason in Kyrgyz.
    kiosk = await startKiosk({ KIOSK_PORTAL_URL: portal.url, KIOSK_PORTAL_TOKEN: token, KIOSK_CODE: 'BSK1' });
    await page.goto(kiosk.launchUrl);
    await enterCatalogue(page, 'Кыргызча');
    await page.getByRole('button', { name: kioskLookup.open }).tap();
    await page.locator('#receipt-number').tap();
    for (const character of receipt.toLowerCase()) await page.locator(`.on-screen-keyboard .hg-button[data-skbtn="${character}"]`).first().tap();
    await expect(page.locator('#receipt-number')).toHaveValue(receipt);
    await page.getByRole('button', { name: kioskLookup.check, exact: true }).tap();
    const result = page.locator('.lookup-result');
    await expect(result).toHaveAttribute('data-lookup-status', 'needs-action');
    await expect(result.locator('.status-message')).toHaveText(kioskLookup.status['needs-action']!);
    await expect(result.getByTestId('lookup-reason')).toHaveText('Себеби: Арызга керектүү документтердин бири жок.');
  } finally {
    if (kiosk) await stopKiosk(kiosk);
    await stopPortal(portal);
  }
});
