import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** Chromium's CPU throttling rates a visit is timed at: this machine as it is, and four times slower (a hall kiosk's low-power PC). */
const RATES = [1, 4];
const VISIT = { lastNameKeys: 'асанова', firstName: 'Айгүл', pin: '21204198500012', phone: '700123456' };

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/**
 * Arms the page for one tap: the time from the tap's pointerdown (its event timestamp, the moment
 * the input reached the page) to the paint after the screen shows what the tap should bring, as
 * `kind` names it. The paint is taken as the task after the next animation frame's callbacks.
 */
function arm(page, kind, arg) {
  return page.evaluate(
    ({ kind, arg }) => {
      const done = () => {
        switch (kind) {
          case 'selector':
            return document.querySelector(arg) !== null;
          case 'button':
            return [...document.querySelectorAll('button')].some((button) => new RegExp(arg).test(button.textContent ?? ''));
          case 'page-changed':
            return document.querySelector(`[data-page-id="${arg}"]`) === null;
          case 'value-length': {
            const [id, length] = arg.split('|');
            return (document.getElementById(id)?.value.length ?? 0) >= Number(length);
          }
        }
        return false;
      };
      window.__tapLatency = new Promise((resolve) => {
        let tappedAt;
        addEventListener('pointerdown', (event) => (tappedAt = event.timeStamp), { capture: true, once: true });
        const observer = new MutationObserver(() => {
          if (tappedAt === undefined || !done()) return;
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - tappedAt)));
        });
        observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        // A tap that never brings its screen is a failure of the bench's own steps, not a slow figure.
        setTimeout(() => resolve(-1), 10_000);
      });
    },
    { kind, arg },
  );
}

async function timedTap(page, locator, kind, arg) {
  await arm(page, kind, arg);
  await locator.tap();
  const ms = await page.evaluate(() => window.__tapLatency);
  if (ms < 0) throw new Error(`a tap did not bring ${kind} ${arg} within 10 s`);
  return ms;
}

/** One visit by touch, from the attract screen to the receipt and back, timing each kind of tap. */
async function timedVisit(page, times) {
  const record = (kind, ms) => (times[kind] ??= []).push(ms);
  await page.locator('[data-screen="attract"] button').first().tap();
  await page.getByRole('button', { name: 'Русский' }).tap();
  await page.locator('[data-screen="catalogue"] .category-tile').first().waitFor();
  record('open_category', await timedTap(page, page.locator('[data-category-id="e-signature"]'), 'selector', '[data-screen="category"] [data-service-id="cloud-e-signature"]'));
  record('open_service', await timedTap(page, page.locator('[data-service-id="cloud-e-signature"]'), 'selector', '[data-screen="service"] h1'));
  record('apply_to_consent', await timedTap(page, page.getByRole('button', { name: 'Подать заявление' }), 'button', 'Прочитал\\(а\\) и согласен'));
  record('consent_to_question', await timedTap(page, page.getByRole('button', { name: /Прочитал\(а\) и согласен/ }), 'selector', '#field-lastName'));

  await page.locator('#field-lastName').tap();
  await page.locator('.on-screen-keyboard .hg-button').first().waitFor();
  let typed = 0;
  for (const key of VISIT.lastNameKeys) {
    typed++;
    record('key_tap', await timedTap(page, page.locator(`.on-screen-keyboard .hg-button[data-skbtn="${key}"]`).first(), 'value-length', `field-lastName|${typed}`));
  }
  const fill = async (id, text) => {
    await page.locator(`#field-${id}`).fill(text);
  };
  const continueFrom = async () => {
    const pageId = await page.locator('[data-page-id]').getAttribute('data-page-id');
    record('continue', await timedTap(page, page.getByRole('button', { name: 'Продолжить', exact: true }), 'page-changed', pageId));
  };
  await fill('firstName', VISIT.firstName);
  await continueFrom();
  await fill('birthDate', '12.04.1985');
  await continueFrom();
  await fill('pin', VISIT.pin);
  await continueFrom();
  await fill('idCardNumber', 'ID1234567');
  await continueFrom();
  await continueFrom(); // the optional e-mail
  await fill('phone', VISIT.phone);
  record('to_check', await timedTap(page, page.getByRole('button', { name: 'Продолжить', exact: true }), 'selector', '[data-screen="check"]'));
  record('check_to_declaration', await timedTap(page, page.getByRole('button', { name: 'Продолжить', exact: true }), 'button', 'Подтверждаю, что сведения верны'));
  record('submit_to_receipt', await timedTap(page, page.getByRole('button', { name: /Подтверждаю, что сведения верны/ }), 'selector', '[data-testid="receipt-number"]'));
  record('finish_to_attract', await timedTap(page, page.getByRole('button', { name: 'Завершить' }), 'selector', '[data-screen="attract"]'));
}

/**
 * Tap to paint for each kind of tap of a visit, in Chromium at 1080×1920 with the CPU throttled
 * 1× and 4× (CDP Emulation.setCPUThrottlingRate slows the page, not the host), and the launch to
 * the attract screen under the same throttling.
 */
export async function benchTouchLatency(report, { startKiosk, stopKiosk, chromiumArgs, runs }) {
  const folder = mkdtempSync(join(tmpdir(), 'kyzmat-kiosk-bench-touch-'));
  const kiosk = await startKiosk(folder);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
  let session;
  try {
    for (const rate of RATES) {
      const launches = [];
      const times = {};
      for (let run = 0; run < runs; run++) {
        const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
        if (session) await context.addCookies(session);
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate });
        const started = performance.now();
        await page.goto(kiosk.launchUrl);
        session ??= await context.cookies();
        await page.locator('[data-screen="attract"]').waitFor({ state: 'visible' });
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
        launches.push(performance.now() - started);
        // The later parts of the page load while the attract screen waits, as in the hall.
        await page.waitForTimeout(1500);
        await timedVisit(page, times);
        await context.close();
      }
      report(`navigation_to_attract_painted_${rate}x`, launches, 'ms');
      for (const [kind, values] of Object.entries(times)) {
        report(`tap_${kind}_${rate}x_p50_ms`, [percentile(values, 50)], 'ms', values.length);
        report(`tap_${kind}_${rate}x_p95_ms`, [percentile(values, 95)], 'ms', values.length);
      }
    }
  } finally {
    await browser.close();
    await stopKiosk(kiosk.child);
    rmSync(folder, { recursive: true, force: true });
  }
}
