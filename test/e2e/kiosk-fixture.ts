import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningKiosk {
  launchUrl: string;
  dataFolder: string;
  process: ChildProcess;
  output: () => string;
}

/**
 * Starts the real launcher (`node dist/main/launcher/start.js`) the way `npm start` does, with its
 * own data folder, or with `dataFolder` the one of a kiosk stopped before (a restart).
 */
export async function startKiosk(env: Record<string, string> = {}, options: { localPortal?: boolean; dataFolder?: string } = {}): Promise<RunningKiosk> {
  const dataFolder = options.dataFolder ?? mkdtempSync(join(tmpdir(), 'kyzmat-kiosk-e2e-'));
  const args = ['dist/main/launcher/start.js', '--no-open', ...(options.localPortal ? [] : ['--no-portal'])];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, KIOSK_DATA_DIR: dataFolder, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const launchUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kiosk did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Kiosk ready: (\S+)\n/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`kiosk exited with ${code}:\n${output}`)));
  });
  return { launchUrl, dataFolder, process: child, output: () => output };
}

/** Stops the kiosk and removes its data folder, unless `keepData` (it is started again on the same folder). */
export async function stopKiosk(kiosk: RunningKiosk, options: { keepData?: boolean } = {}): Promise<number | null> {
  if (kiosk.process.exitCode === null) {
    const exited = new Promise<number | null>((resolve) => kiosk.process.once('exit', (code) => resolve(code)));
    kiosk.process.kill('SIGINT');
    await exited;
  }
  if (!options.keepData) rmSync(kiosk.dataFolder, { recursive: true, force: true });
  return kiosk.process.exitCode;
}

export const test = base.extend<{ kiosk: RunningKiosk; openKiosk: () => Promise<Page> }>({
  kiosk: async ({}, use) => {
    const kiosk = await startKiosk();
    await use(kiosk);
    await stopKiosk(kiosk);
  },
  openKiosk: async ({ page, kiosk }, use) => {
    await use(async () => {
      await page.goto(kiosk.launchUrl);
      await expect(page.locator('[data-screen="attract"]')).toBeVisible();
      return page;
    });
  },
});

export { expect };

/** The version of the content package the kiosk ships with (resources/content-source/content.json). */
export const BUNDLED_CONTENT_VERSION = (JSON.parse(readFileSync('resources/content-source/content.json', 'utf8')) as { version: number }).version;

/** Screenshots go under test-results/screens so a person can look at every screen after a run. */
/** Starts the catalogue in a language: attract → language → catalogue, by touch. */
export async function enterCatalogue(page: Page, languageButton: 'Кыргызча' | 'Русский' | 'English'): Promise<void> {
  await page.locator('[data-screen="attract"] button').first().tap();
  await page.getByRole('button', { name: languageButton }).tap();
  await expect(page.locator('[data-screen="catalogue"] .category-tile').first()).toBeVisible();
}

/** Taps keys of the on-screen keyboard, one by one, as a visitor would. */
export async function tapKeys(page: Page, text: string): Promise<void> {
  for (const key of text) {
    await page.locator(`.on-screen-keyboard .hg-button[data-skbtn="${key}"]`).first().tap();
  }
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  // Overlays (keyboard, sample viewer) are fixed to the viewport, so they are shot as the visitor sees them.
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage });
}

/** The demo technician of the bundled content (resources/demo-keys/README.md). */
export const DEMO_TECHNICIAN = { staffId: '2001', pin: '135790' };

/** Staff open the sign-in screen by holding the office name on the attract screen. */
export async function openStaffSignIn(page: Page): Promise<void> {
  // The office name arrives with the kiosk's info after the first paint: pressing before it does
  // lands on an empty span's box, which the name then outgrows, and the hold never reaches it.
  const officeName = page.getByTestId('office-name');
  await expect(officeName).not.toBeEmpty();
  await officeName.hover();
  await page.mouse.down();
  await expect(page.locator('[data-screen="staff-sign-in"]')).toBeVisible({ timeout: 6000 });
  await page.mouse.up();
}

/** Types a staff id and PIN on the sign-in screen's digit pad, by touch, and presses the submit button. */
export async function signInOnPad(page: Page, staff: { staffId: string; pin: string }): Promise<void> {
  const pad = page.locator('.staff-digit-pad');
  for (const [field, digits] of [['#staff-id', staff.staffId], ['#staff-pin', staff.pin]] as const) {
    await page.locator(field).tap();
    for (const digit of digits) await pad.locator(`.hg-button[data-skbtn="${digit}"]`).tap();
  }
  await page.locator('[data-screen="staff-sign-in"] button[type="submit"]').tap();
}

/** Staff open the service panel: the long press on the office name, then the demo technician signs in. */
export async function openServicePanel(page: Page): Promise<void> {
  await openStaffSignIn(page);
  await signInOnPad(page, DEMO_TECHNICIAN);
  await expect(page.locator('[data-screen="service-panel"]')).toBeVisible({ timeout: 6000 });
}

/**
 * A receipt number as pdftotext reads it off the printed receipt: the number is set with letter
 * spacing for reading aloud, and the tool takes a wide pair (A then J) for a word gap and puts a
 * space there, so a space may stand between any two of its characters.
 */
export function asPrinted(receiptNumber: string): RegExp {
  // Its characters are digits, capitals and hyphens, none of them special in a pattern.
  return new RegExp([...receiptNumber].join(' ?'));
}
